"""A peildatum's confirmation pages (issue 14): vaststellen shows what will be fixed, who
delivered per opgave and the open signals first; an open peildatum made by mistake can
be deleted by the secretary, with its figures, logged; a vastgestelde one cannot."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from realisatie.invoer import services
from realisatie.invoer.rijen import AsielRij, OekraineRij
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)

D = datetime.date


@pytest.fixture
def ingevuld(overijssel, peildatum, secretaris):
    """Overijssel 1-9-2024: Deventer and Zwolle delivered Oekraïne figures; Deventer's
    520 is ten times its 52 of 1-6-2024; Zwolle's asiel total differs from its register."""
    eerder = Peildatum.objects.create(provincie=overijssel, datum=D(2024, 6, 1))
    services.oekraine_tellingen_opslaan(
        peildatum=eerder, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=52)]
    )
    services.oekraine_tellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[OekraineRij("GM0150", goo_totaal=520), OekraineRij("GM0193", goo_totaal=607)],
        bevestigd=True,
    )
    services.asieltellingen_opslaan(
        peildatum=peildatum, door=secretaris, rijen=[AsielRij("GM0193", regulier=300)]
    )
    zwolle = services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=AsielTelling.objects.get(peildatum=peildatum).gemeente,
        naam="azc Zwolle",
    )
    services.capaciteitsperiode_opslaan(
        soort="RO",
        beheerder="coa",
        door=secretaris,
        locatie=zwolle,
        plaatsen=400,
        van=D(2020, 1, 1),
        status="gerealiseerd",
    )
    return peildatum


def test_vaststellen_asks_for_confirmation_with_completeness_and_signals(
    client, secretaris, ingevuld
):
    client.force_login(secretaris)
    url = reverse("invoer:vaststellen", args=["PV23", "2024-09-01"])
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    beeld = antwoord.context["beeld"]
    assert (beeld.oekraine, beeld.asiel) == (2, 1)
    oekraine = next(v for v in beeld.volledigheid if v.soort == "oekraine")
    assert (oekraine.geleverd, oekraine.totaal) == (2, 25)  # from realisatie.signalen
    assert "Almelo" in oekraine.ontbrekend
    [sprong] = beeld.sprongen
    assert sprong.gebied == "Deventer" and "520 is tien keer" in sprong.melding
    [afwijking] = beeld.afwijkende_bronnen  # from realisatie.signalen
    assert (afwijking.naam, afwijking.register, afwijking.invoer) == ("Zwolle", 400, 300)
    assert not Peildatum.objects.get(pk=ingevuld.pk).is_vastgesteld  # a GET fixes nothing

    antwoord = client.post(url)
    assert antwoord.status_code == 302
    assert Peildatum.objects.get(pk=ingevuld.pk).is_vastgesteld


def test_deleting_shows_what_goes_then_deletes_it_logged(client, secretaris, ingevuld, caplog):
    client.force_login(secretaris)
    url = reverse("invoer:verwijderen", args=["PV23", "2024-09-01"])
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert antwoord.context["te_verwijderen"] == {
        "oekraine": [("Deventer", 1), ("Zwolle", 1)],
        "asiel": [("Zwolle", 1)],
    }
    assert Peildatum.objects.filter(pk=ingevuld.pk).exists()

    with caplog.at_level(logging.INFO, logger="prt.audit"):
        antwoord = client.post(url, follow=True)
    assert "De peildatum 1-9-2024 is verwijderd, met 3 cijfers." in antwoord.content.decode()
    assert not Peildatum.objects.filter(pk=ingevuld.pk).exists()
    assert not OekraineTelling.objects.filter(peildatum_id=ingevuld.pk).exists()
    assert "action=peildatum_verwijderen object=Overijssel 1-9-2024 result=ok (3 cijfers)" in (
        caplog.text
    )
    # The history keeps each deleted figure with who deleted it, also on the gemeente page.
    verwijderd = OekraineTelling.history.filter(peildatum_id=ingevuld.pk, history_type="-")
    assert {r.history_user for r in verwijderd} == {secretaris} and verwijderd.count() == 2
    pagina = client.get(reverse("invoer:historie_gemeente", args=["PV23", "GM0150"]))
    assert "Oekraïnetelling: peildatum 1-9-2024 <strong>(verwijderd)</strong>" in (
        pagina.content.decode()
    )
    # The register is not part of a peildatum: it stays.
    assert Capaciteitsperiode.objects.filter(locatie__in=Opvanglocatie.objects.all()).exists()


def test_a_vastgestelde_peildatum_cannot_be_deleted(client, secretaris, ingevuld):
    services.peildatum_vaststellen(peildatum=ingevuld, door=secretaris)
    client.force_login(secretaris)
    url = reverse("invoer:verwijderen", args=["PV23", "2024-09-01"])
    antwoord = client.post(url, follow=True)
    assert "kan niet worden verwijderd" in antwoord.content.decode()
    assert Peildatum.objects.filter(pk=ingevuld.pk).exists()
    assert OekraineTelling.objects.filter(peildatum=ingevuld).count() == 2
    pagina = client.get(reverse("invoer:provincie", args=["PV23"])).content.decode()
    assert url not in pagina and "/invoer/PV23/2023-04-01/verwijderen/" in pagina


@pytest.mark.parametrize("wie", ["invoerder", "secretaris-gelderland", "lid"])
def test_only_the_province_editors_may_delete(client, ingevuld, invoerder_deventer, wie):
    gebruiker = (
        invoerder_deventer if wie == "invoerder" else get_user_model().objects.get(username=wie)
    )
    client.force_login(gebruiker)
    url = reverse("invoer:verwijderen", args=["PV23", "2024-09-01"])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    with pytest.raises(PermissionDenied):
        services.peildatum_verwijderen(peildatum=ingevuld, door=gebruiker)
    assert Peildatum.objects.filter(pk=ingevuld.pk).exists()
