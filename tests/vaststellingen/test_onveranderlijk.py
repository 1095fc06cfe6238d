"""After vaststellen nothing changes what a vastgestelde peildatum says: a change through
each write path leaves the page's tables, the CSVs, the Excel bijlagen and the API
samenvatting of Gelderland on 1-1-2024 byte for byte equal, while the live figures (an
open date) do move. Heropenen keeps the old record; the next vaststellen is volgnummer 2.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from api.samenvatting import SamenvattingSerializer
from gemeenten.models import Gemeente, Opvolging
from opgaven.services import OpgaveRij, opgavebesluit_opslaan, opgaven_opslaan
from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.invoer import services
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij
from realisatie.models import AsielTelling, Peildatum
from realisatie.overzicht import provincie_overzicht
from tests.api.conftest import api_client
from tests.exports.sjabloonhulp import invullen
from tests.vaststellingen.conftest import VASTGESTELD, downloads
from vaststellingen.models import Vaststelling

pytestmark = pytest.mark.django_db
DECEMBER = datetime.date(2023, 12, 1)  # an open peildatum before the vastgestelde one


def live(provincie) -> dict:
    """What the engine computes now for 1-1-2024, past the record."""
    return SamenvattingSerializer(provincie_overzicht(provincie, VASTGESTELD)).data


def beheerder():
    return get_user_model().objects.get(username="beheerder")


def via_grid(gelderland, secretaris, client):
    december = services.peildatum_aanmaken(provincie=gelderland, datum=DECEMBER, door=secretaris)
    services.oekraine_tellingen_opslaan(
        peildatum=december, door=secretaris, rijen=[OekraineRij("GM0200", goo_totaal=999)]
    )


def via_import(gelderland, secretaris, client):
    december = services.peildatum_aanmaken(provincie=gelderland, datum=DECEMBER, door=secretaris)
    inhoud = invullen(
        sjabloon(ONDERWERPEN["oekraine"], december), {("GM0200", "GOO-plaatsen totaal"): 321}
    )
    client.force_login(secretaris)
    bestand = SimpleUploadedFile("sjabloon.xlsx", inhoud)
    assert client.post("/invoer/PV25/import/", {"bestand": bestand}).status_code == 200
    assert client.post("/invoer/PV25/import/vastleggen/").status_code == 302


def via_api(gelderland, secretaris, client):
    services.peildatum_aanmaken(provincie=gelderland, datum=DECEMBER, door=secretaris)
    api = api_client("secretaris-gelderland")
    pad = f"/api/v1/provincies/PV25/peildata/{DECEMBER.isoformat()}/asiel-tellingen"
    etag = api.get(pad)["ETag"]
    antwoord = api.post(
        pad,
        {"tellingen": [{"gemeente": "GM0200", "regulier": 12_345}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert antwoord.status_code in (200, 201), antwoord.content


def via_admin(gelderland, secretaris, client):
    """The admin tries to move the vastgestelde peildatum to another date."""
    client.force_login(beheerder())
    peildatum = Peildatum.objects.get(provincie=gelderland, datum=VASTGESTELD)
    client.post(
        reverse("admin:realisatie_peildatum_change", args=[peildatum.pk]),
        {"provincie": gelderland.pk, "datum": "2024-02-01", "omschrijving": "verplaatst"},
    )
    assert Peildatum.objects.filter(provincie=gelderland, datum=VASTGESTELD).exists()
    # and changes the figures it may change: an open peildatum's
    services.peildatum_aanmaken(provincie=gelderland, datum=DECEMBER, door=secretaris)
    services.oekraine_tellingen_opslaan(
        peildatum=Peildatum.objects.get(provincie=gelderland, datum=DECEMBER),
        door=beheerder(),
        rijen=[OekraineRij("GM0200", goo_totaal=77)],
    )


def via_register(gelderland, secretaris, client):
    """A location planned from 2025: the register after the peildatum (bijlage 2)."""
    locatie = services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=Gemeente.objects.get(code="GM0200"),
        naam="Nieuwe locatie Apeldoorn",
    )
    services.capaciteitsperiode_opslaan(
        door=secretaris,
        locatie=locatie,
        soort="RO",
        beheerder="coa",
        plaatsen=400,
        van=datetime.date(2025, 1, 1),
        status="gepland",
    )


def via_maand_na_peildatum(gelderland, secretaris, client):
    services.huisvesting_opslaan(
        provincie=gelderland,
        door=secretaris,
        rijen=[
            HuisvestingRij(
                "GM0200", datetime.date(2024, 1, 1), datetime.date(2024, 1, 31), gehuisvest=40
            )
        ],
        bevestigd=True,
    )


def via_opgavebesluit(gelderland, secretaris, client):
    besluit = provincie_overzicht(gelderland, VASTGESTELD).blok("asiel").besluit
    opgavebesluit_opslaan(
        door=beheerder(),
        soort=besluit.soort,
        naam=besluit.naam,
        bron="Gewijzigde bron",
        streefdatum=besluit.streefdatum,
        besluitdatum=besluit.besluitdatum,
        landelijk_totaal=besluit.landelijk_totaal,
        landelijk_amv=besluit.landelijk_amv,
        toelichting=besluit.toelichting,
    )
    opgaven_opslaan(
        besluit=besluit,
        provincie=gelderland,
        door=beheerder(),
        rijen=[OpgaveRij("GM0200", aantal=1_000)],
    )


def via_herindeling(gelderland, secretaris, client):
    """Apeldoorn merges into Epe per 1-7-2023 (reference data of the beheerder)."""
    apeldoorn = Gemeente.objects.get(code="GM0200")
    epe = Gemeente.objects.get(code="GM0232")
    apeldoorn.geldig_tot_en_met = datetime.date(2023, 6, 30)
    apeldoorn.save()
    Opvolging.objects.create(
        voorganger=apeldoorn, opvolger=epe, datum=datetime.date(2023, 7, 1), aandeel=1
    )


WIJZIGINGEN = [
    via_grid,
    via_import,
    via_api,
    via_admin,
    via_register,
    via_maand_na_peildatum,
    via_opgavebesluit,
    via_herindeling,
]
# Writes that do not move the live figures of the peildatum itself (only the register
# after it, or a month it does not count); their effect shows in the downloads instead.
NA_DE_PEILDATUM = {via_register, via_maand_na_peildatum}


@pytest.mark.parametrize("wijziging", WIJZIGINGEN, ids=lambda f: f.__name__)
def test_a_change_leaves_the_vastgestelde_peildatum_byte_for_byte_equal(
    wijziging, vastgesteld, gelderland, secretaris_gelderland, lezer, client
):
    voor = downloads(lezer)
    live_voor = live(gelderland)
    wijziging(gelderland, secretaris_gelderland, client)
    lezer.force_login(get_user_model().objects.get(username="lid"))
    na = downloads(lezer)
    for naam in voor:
        assert na[naam] == voor[naam], naam
    if wijziging not in NA_DE_PEILDATUM:
        assert live(gelderland) != live_voor, "the change did not reach the live figures"


def test_heropenen_change_vaststellen_gives_a_second_record_and_a_difference(
    vastgesteld, gelderland, secretaris_gelderland, lezer
):
    eerste = Vaststelling.objects.get(provincie=gelderland, datum=VASTGESTELD)
    assert eerste.volgnummer == 1 and eerste.in_kracht
    assert eerste.vastgesteld_door == secretaris_gelderland
    services.peildatum_heropenen(
        peildatum=vastgesteld, door=secretaris_gelderland, reden="Noodopvang was 3.194"
    )
    peildatum = Peildatum.objects.get(pk=vastgesteld.pk)
    telling = AsielTelling.objects.get(provincie=gelderland, peildatum=peildatum, datum=VASTGESTELD)
    services.asiel_gebiedstellingen_opslaan(
        peildatum=peildatum,
        door=secretaris_gelderland,
        rijen=[
            AsielRij(
                "PV25",
                regulier=telling.regulier,
                noodopvang=3_194,
                tgo=telling.tgo,
                versie=telling.versie,
            )
        ],
    )
    services.peildatum_vaststellen(peildatum=peildatum, door=secretaris_gelderland)

    eerste.refresh_from_db()
    assert not eerste.in_kracht
    assert eerste.heropend_reden == "Noodopvang was 3.194"
    tweede = Vaststelling.objects.get(provincie=gelderland, datum=VASTGESTELD, heropend_op=None)
    assert tweede.volgnummer == 2

    antwoord = lezer.get(
        reverse("vaststellingen:verschil", args=["PV25", VASTGESTELD.isoformat()])
        + f"?van={eerste.volgnummer}&naar={tweede.volgnummer}"
    )
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Gelderland" in tekst and "3.149" in tekst and "3.194" in tekst
    assert "9.274" in tekst and "9.319" in tekst  # the realisatie follows
