"""The regietafel's downloads through a real request, read back with openpyxl: the
actielijst (xlsx, CSV, print view) and the provinciaal verslag for Overijssel (xlsx with
live totals, print view): every gemeente with its Spreidingswet opgave (6.325 in total,
Overijssel werkplan 2024) and the realised and planned places from the register."""

from __future__ import annotations

import csv
import datetime
import io

import pytest

from regietafel import services
from tests.exports.werkboeklezer import kolom_van, kopregel, open_werkboek, rij_van, waarde
from tests.regietafel.conftest import actie, locatie
from tests.rules.bronnen import ASIEL_IJSSELLAND, ASIEL_TWENTE

D = datetime.date
pytestmark = pytest.mark.django_db
OPGAVEN = {**ASIEL_IJSSELLAND, **ASIEL_TWENTE}


@pytest.fixture
def actielijst(vergadering, secretaris):
    eerste = actie(secretaris, vergadering, "Regionaal plan in potlood", D(2024, 6, 30))
    actie(secretaris, vergadering, "Lokale besluitvorming over asielopvang", D(2024, 9, 1))
    actie(secretaris, vergadering, "Verslag CdK opstellen", None)
    services.actie_afronden(door=secretaris, actie=eerste, op=D(2024, 6, 7))


def _rijen(blad, kop: int) -> list[list]:
    return [
        [cel.value for cel in rij]
        for rij in blad.iter_rows(min_row=kop + 1, max_row=blad.max_row)
        if rij[0].value is not None
    ]


def test_actielijst_als_excel(als, lid, actielijst):
    antwoord = als(lid).get("/regietafel/PV23/actielijst.xlsx")
    assert antwoord.status_code == 200
    assert 'filename="actielijst-PV23-' in antwoord["Content-Disposition"]
    blad = open_werkboek(antwoord.content)["Actielijst"]
    kop = kopregel(blad)
    assert [c.value for c in blad[kop]] == [
        "Nr.",
        "Vergadering",
        "Actie",
        "Eigenaar",
        "Termijn",
        "Status",
        "Gereed of vervallen op",
        "Toelichting",
    ]
    rijen = _rijen(blad, kop)
    assert [(r[0], r[2], r[5]) for r in rijen] == [
        (1, "Regionaal plan in potlood", "gereed"),
        (2, "Lokale besluitvorming over asielopvang", "open, termijn verstreken"),
        (3, "Verslag CdK opstellen", "open"),
    ]
    assert rijen[0][1].date() == D(2024, 3, 4) and rijen[0][6].date() == D(2024, 6, 7)
    assert rijen[1][4].date() == D(2024, 9, 1) and rijen[2][4] is None
    assert blad[f"E{kop + 1}"].number_format == "d-m-yyyy"


def test_alleen_open_acties(als, lid, actielijst):
    blad = open_werkboek(als(lid).get("/regietafel/PV23/actielijst.xlsx?status=open").content)
    assert [r[0] for r in _rijen(blad.active, kopregel(blad.active))] == [2, 3]


def test_actielijst_als_csv(als, lid, actielijst):
    antwoord = als(lid).get("/regietafel/PV23/actielijst.csv")
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert rijen[0][:3] == ["Nr.", "Vergadering", "Actie"]
    assert rijen[1] == [
        "1",
        "4-3-2024",
        "Regionaal plan in potlood",
        "RRT Twente",
        "30-6-2024",
        "gereed",
        "7-6-2024",
        "",
    ]
    assert rijen[3][4] == "" and len(rijen) == 4


def test_actielijst_afdrukken(als, lid, actielijst):
    html = als(lid).get("/regietafel/PV23/acties/print/").content.decode()
    assert "Actielijst Overijssel" in html and "data-print" in html
    assert "open, termijn verstreken" in html and "Lokale besluitvorming over asielopvang" in html


@pytest.fixture
def register(overijssel):
    locatie(
        "GM0150",
        "Azc Deventer",
        "RO",
        (400, D(2020, 1, 1), None, "gerealiseerd"),
        (129, D(2024, 12, 1), None, "gepland"),
    )
    locatie("GM0193", "Sporthal Zwolle", "CNO", (150, D(2024, 10, 1), None, "gerealiseerd"))
    locatie("GM0153", "Voornemen Enschede", "RO", (200, D(2024, 12, 1), None, "voorgenomen"))


def test_provinciaal_verslag_overijssel(als, lid, register):
    antwoord = als(lid).get("/regietafel/PV23/provinciaal-verslag.xlsx?peildatum=2024-11-01")
    assert antwoord.status_code == 200
    blad = open_werkboek(antwoord.content).active
    kop = kopregel(blad)
    kolom = {c.value: c.column_letter for c in blad[kop]}

    def cel(gemeente: str, titel: str):
        return waarde(blad, f"{kolom_van(blad, titel, kop)}{rij_van(blad, gemeente)}")

    gemeenten = [blad[f"A{r}"].value for r in range(kop + 2, blad.max_row + 1)]
    assert sorted(gemeenten) == sorted(OPGAVEN)  # every gemeente of Overijssel, once
    for gemeente, (opgave, amv) in OPGAVEN.items():
        assert (cel(gemeente, "Opgave"), cel(gemeente, "waarvan amv")) == (opgave, amv)
    totaal = rij_van(blad, "Totaal Overijssel")
    assert blad[f"{kolom['Opgave']}{totaal}"].value.startswith("=SUM(")
    assert waarde(blad, f"{kolom['Opgave']}{totaal}") == 6_325
    assert waarde(blad, f"{kolom['waarvan amv']}{totaal}") == 538

    assert cel("Deventer", "Gerealiseerd") == 400
    assert cel("Deventer", "Verschil (negatief: tekort)") == -129
    assert cel("Deventer", "%") == pytest.approx(400 / 529)
    assert cel("Deventer", "Geplande plekken (vaste plannen) per") == (
        "129 per 1-12-2024 (Azc Deventer)"
    )
    assert cel("Deventer", "Gerealiseerd + gepland op 1-1-2025") == 529
    assert cel("Deventer", "Verschil op 1-1-2025") == 0
    assert cel("Zwolle", "Gerealiseerd") == 0  # a sports hall does not count
    assert cel("Zwolle", "Crisisnoodopvang (telt niet mee)") == 150
    assert cel("Enschede", "Voorgenomen (telt niet mee)") == 200
    assert cel("Enschede", "Gerealiseerd + gepland op 1-1-2025") == 0
    assert cel("Almelo", "Gerealiseerd") is None  # no location in the register: not 0
    assert blad[f"{kolom['Gerealiseerd']}{rij_van(blad, 'Almelo')}"].comment is not None
    assert waarde(blad, f"{kolom['Gerealiseerd']}{totaal}") == 400
    regels = [blad[f"A{r}"].value for r in range(2, kop - 1)]
    assert any(r.startswith("Telt mee: plekken in het locatieregister") for r in regels)
    assert any("Asielopgave Spreidingswet per 1-1-2025" in r for r in regels)


def test_provinciaal_verslag_afdrukken(als, lid, register):
    html = als(lid).get("/regietafel/PV23/provinciaal-verslag/?peildatum=2024-11-01")
    tekst = html.content.decode()
    assert "Provinciaal verslag asielopgave Overijssel" in tekst
    assert "6.325" in tekst and "-129" in tekst
    assert "Telt niet mee, staat ernaast: crisisnoodopvang (CNO)" in tekst
    assert "Geen locatie in het register (geen cijfer, niet 0): Almelo" in tekst


def test_provinciaal_verslag_zonder_opgave_per_gemeente(als, lid, gelderland):
    """Gelderland's 7.590 and 8.992 are province totals: no opgave per gemeente, not 0."""
    html = als(lid).get("/regietafel/PV25/provinciaal-verslag/").content.decode()
    assert "Er is geen asielopgave per gemeente vastgelegd." in html
    blad = open_werkboek(als(lid).get("/regietafel/PV25/provinciaal-verslag.xlsx").content).active
    kop = kopregel(blad)
    opgave = kolom_van(blad, "Opgave", kop)
    assert blad[f"{opgave}{rij_van(blad, 'Arnhem')}"].value is None
    totaal = blad[f"{opgave}{rij_van(blad, 'Totaal Gelderland')}"]
    assert totaal.value is None and totaal.comment.text == "niet geregistreerd"  # never 0


def test_lid_ziet_de_actielijst_zonder_knoppen(als, lid, actielijst):
    html = als(lid).get("/regietafel/PV23/acties/").content.decode()
    assert "Lokale besluitvorming over asielopvang" in html
    assert "/afronden/" not in html and "Afronden" not in html
