"""A request of the Rijk for 200 extra places by a date, met or not from the location
register on that date: the same figure on the regietafel page, beside the opgave on the
dashboard, in the requests' Excel download and in the API (`regietafel.extra_plaatsen`).

Register (Overijssel): Deventer's azc of 600 places since 2020, a TGO of 150 in Zwolle
from 1-1-2024 and a noodopvang of 100 in Almelo (Twente) from 1-2-2024. The request of
1-12-2023 for 200 extra asiel places by 1-3-2024 gets 600 -> 850: 250 extra, met. The
same request for VR Twente only gets 100 extra: not met, 100 still needed.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.template import Context
from django.test.utils import CaptureQueriesContext

from gemeenten.models import Veiligheidsregio
from realisatie import actueel
from regietafel import services
from regietafel.models import Verzoek
from regietafel.templatetags.regietafel import VERZOEKEN_LEEST, verzoeken_naast_opgave
from tests.api.conftest import api_client
from tests.exports.werkboeklezer import kolom_van, kopregel, open_werkboek, rij_van, waarde
from tests.realisatie.test_actueel import buiten_transactie, zonder_tokens
from tests.realisatie.test_delen import tabellen
from tests.regietafel.conftest import locatie

D = datetime.date
pytestmark = pytest.mark.django_db

__all__ = ["buiten_transactie"]  # a fixture, used by name

HELE_PROVINCIE = "200 extra asielplekken vóór 1 maart"
TWENTE = "200 extra asielplekken in Twente vóór 1 maart"


@pytest.fixture
def verzoeken(overijssel, secretaris):
    locatie("GM0150", "Azc Deventer", "RO", (600, D(2020, 3, 1), None, "gerealiseerd"))
    locatie("GM0193", "TGO Zwolle", "TGO", (150, D(2024, 1, 1), D(2024, 12, 31), "gerealiseerd"))
    locatie("GM0141", "Noodopvang Almelo", "NO", (100, D(2024, 2, 1), None, "gerealiseerd"))
    locatie("GM0141", "Uitbreiding Almelo", "RO", (80, D(2024, 2, 15), None, "gepland"))
    gemaakt = {}
    for omschrijving, regio in ((HELE_PROVINCIE, None), (TWENTE, "VR05")):
        gemaakt[omschrijving] = services.verzoek_aanmaken(
            door=secretaris,
            provincie=overijssel,
            omschrijving=omschrijving,
            soort="asiel",
            aantal=200,
            ontvangen_op=D(2023, 12, 1),
            uiterlijk=D(2024, 3, 1),
            veiligheidsregio=Veiligheidsregio.objects.get(code=regio) if regio else None,
        )
    return gemaakt


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _rij(html: str, pk: int) -> str:
    gevonden = re.search(rf'<tr data-verzoek="{pk}">(.*?)</tr>', html, re.S)
    assert gevonden, f"no row for request {pk}"
    return _tekst(gevonden.group(1))


def test_op_de_regietafelpagina(als, lid, verzoeken):
    html = als(lid).get("/regietafel/PV23/").content.decode()
    heel = _rij(html, verzoeken[HELE_PROVINCIE].pk)
    assert "Overijssel" in heel and "600 850 250 voldaan 125%" in heel
    assert "330" in heel  # with the planned extension of 80 in Almelo
    twente = _rij(html, verzoeken[TWENTE].pk)
    assert "Twente" in twente and "0 100 100 niet voldaan nog 100 nodig" in twente


def test_naast_de_opgave_op_het_dashboard(als, lid, verzoeken):
    html = als(lid).get("/provincies/PV23/").content.decode()
    assert "Open verzoeken van het Rijk" in html
    assert "6.325" in html  # the structural opgave on the same page
    assert "200 1-3-2024 250 voldaan 125%" in _rij(html, verzoeken[HELE_PROVINCIE].pk)
    assert "200 1-3-2024 100 niet voldaan nog 100 nodig" in _rij(html, verzoeken[TWENTE].pk)


def test_het_blok_leest_alleen_de_tabellen_waaronder_het_bewaard_wordt(overijssel, verzoeken):
    """The block beside the opgave is kept under the state of the tables it names: it
    reads no other followed table (a write there would leave it stale), and each one it
    names is followed (a write there has to move a state)."""
    gevolgd = set(actueel.gevolgde_tabellen())
    assert gevolgd >= VERZOEKEN_LEEST, VERZOEKEN_LEEST - gevolgd
    with CaptureQueriesContext(connection) as queries:
        html = verzoeken_naast_opgave(Context(), overijssel)
    assert "250 voldaan 125%" in _rij(html, verzoeken[HELE_PROVINCIE].pk)
    gelezen = tabellen(queries.captured_queries)
    assert {"regietafel_verzoek", "realisatie_capaciteitsperiode", "gemeenten_gemeente"} <= gelezen
    assert gelezen & gevolgd <= VERZOEKEN_LEEST, (gelezen & gevolgd) - VERZOEKEN_LEEST


@pytest.mark.usefixtures("buiten_transactie")
def test_op_het_dashboard_bewaard_tot_het_verzoek_of_het_register_verandert(als, lid, verzoeken):
    """Outside a transaction (PostgreSQL) the block is rendered once per state: the next
    request reads neither the requests nor the register, and a change of either, by any
    path, shows at once."""
    client = als(lid)
    pk = verzoeken[HELE_PROVINCIE].pk
    eerste = client.get("/provincies/PV23/")
    assert "200 1-3-2024 250 voldaan 125%" in _rij(eerste.content.decode(), pk)
    with CaptureQueriesContext(connection) as queries:
        tweede = client.get("/provincies/PV23/")
    assert zonder_tokens(tweede) == zonder_tokens(eerste)
    gelezen = tabellen(queries.captured_queries)
    assert not gelezen & {"regietafel_verzoek", "realisatie_capaciteitsperiode"}, gelezen
    # A TGO of 100 in Deventer from 1-2-2024: 350 extra on 1-3-2024.
    locatie("GM0150", "TGO Deventer", "TGO", (100, D(2024, 2, 1), None, "gerealiseerd"))
    assert "200 1-3-2024 350 voldaan 175%" in _rij(
        client.get("/provincies/PV23/").content.decode(), pk
    )
    # The request itself, changed by a bare UPDATE: 400 asked, 50 still needed.
    Verzoek.objects.filter(pk=pk).update(aantal=400)
    rij = _rij(client.get("/provincies/PV23/").content.decode(), pk)
    assert "400 1-3-2024 350 niet voldaan nog 50 nodig" in rij


def test_in_de_download(als, lid, verzoeken):
    antwoord = als(lid).get("/regietafel/PV23/verzoeken.xlsx")
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = open_werkboek(antwoord.content).active
    kop = kopregel(blad)
    rij = rij_van(blad, HELE_PROVINCIE)
    cel = lambda titel: waarde(blad, f"{kolom_van(blad, titel, kop)}{rij}")  # noqa: E731
    assert cel("Plekken op de datum van het verzoek") == 600
    assert cel("Plekken op de gevraagde datum") == 850
    assert cel("Extra opvangplekken") == 250  # a live formula: 850 - 600
    assert blad[f"{kolom_van(blad, 'Extra opvangplekken', kop)}{rij}"].value.startswith("=IF(")
    assert cel("Voldaan") == "voldaan"
    rij = rij_van(blad, TWENTE)
    assert (cel("Extra opvangplekken"), cel("Voldaan"), cel("Nog nodig")) == (
        100,
        "niet voldaan",
        100,
    )


def test_in_de_api(demodata, verzoeken):
    lid = api_client("lid")
    antwoord = lid.get(f"/api/v1/verzoeken/{verzoeken[HELE_PROVINCIE].pk}")
    assert antwoord.status_code == 200
    assert antwoord.json()["vervulling"] == {
        "gevraagd": 200,
        "bijVerzoek": 600,
        "opTermijn": 850,
        "extra": 250,
        "extraMetPlannen": 330,
        "vervuld": True,
        "nogNodig": 0,
        "percentage": 125,
    }
    lijst = lid.get("/api/v1/verzoeken?provincie=PV23").json()["resultaten"]
    twente = next(v for v in lijst if v["omschrijving"] == TWENTE)
    assert (twente["veiligheidsregio"], twente["vervulling"]["extra"]) == ("VR05", 100)
    assert twente["vervulling"]["vervuld"] is False


def test_zonder_register_onbekend_niet_nul(als, lid, overijssel, secretaris):
    verzoek = services.verzoek_aanmaken(
        door=secretaris,
        provincie=overijssel,
        omschrijving=HELE_PROVINCIE,
        soort="asiel",
        aantal=200,
        ontvangen_op=D(2023, 12, 1),
        uiterlijk=D(2024, 3, 1),
    )
    assert "onbekend: geen locaties van dit gebied in het register" in _rij(
        als(lid).get("/provincies/PV23/").content.decode(), verzoek.pk
    )
    vervulling = api_client("lid").get(f"/api/v1/verzoeken/{verzoek.pk}").json()["vervulling"]
    assert vervulling["extra"] is None and vervulling["vervuld"] is None
