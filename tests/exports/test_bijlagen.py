"""The bijlagen read back with openpyxl carry the figures of the source documents."""

from __future__ import annotations

import datetime

import pytest

from gemeenten.models import Gemeente, Provincie
from opgaven.halfjaar import Halfjaar
from realisatie.capaciteit import Kwartaal
from realisatie.exports.asiel import Bijlage2
from realisatie.exports.bijlagen import Bijlage3, Bijlage4
from realisatie.exports.stand_van_zaken import StandVanZaken
from realisatie.exports.werkboek import als_xlsx
from realisatie.models import Capaciteitsperiode, Opvanglocatie
from tests.exports.werkboeklezer import kolom_van, kopregel, open_werkboek, rij_van, waarde

GEMAAKT = datetime.datetime(2024, 5, 1, 9, 30)
pytestmark = pytest.mark.django_db


def werkboek(exporter):
    return open_werkboek(als_xlsx(exporter.tabellen(), gemaakt=GEMAAKT))


@pytest.fixture
def overijssel(demodata):
    return Provincie.objects.get(code="PV23")


@pytest.fixture
def gelderland(demodata):
    return Provincie.objects.get(code="PV25")


def test_bijlage_4_overijssel_opgave_per_gemeente_and_unknown_goo(overijssel):
    blad = werkboek(Bijlage4(provincie=overijssel, datum=datetime.date(2024, 1, 8))).active
    kop = kopregel(blad)
    opgave, goo = kolom_van(blad, "Opgave", kop), kolom_van(blad, "Realisatie GOO", kop)
    assert blad["A2"].value == "Provincie: Overijssel (PV23)"
    assert blad["A3"].value == "Stand per: 8-1-2024"
    assert any(blad[f"A{r}"].value == "Geëxporteerd: 1-5-2024 09:30" for r in range(2, kop))
    assert blad.freeze_panes == f"B{kop + 1}"
    deventer = rij_van(blad, "Deventer")
    assert blad[f"{opgave}{deventer}"].value == 520
    assert blad[f"{opgave}{deventer}"].number_format == "#,##0"
    totaal = rij_van(blad, "Overijssel")
    assert blad[f"{opgave}{totaal}"].value.startswith("=SUM(")
    assert waarde(blad, f"{opgave}{totaal}") == 7_882
    assert blad[f"{goo}{deventer}"].value is None
    assert blad[f"{goo}{deventer}"].comment.text == "niet geregistreerd"
    assert waarde(blad, f"{kolom_van(blad, 'Verschil', kop)}{deventer}") is None


def test_bijlage_4_gelderland_per_veiligheidsregio(gelderland):
    blad = werkboek(Bijlage4(provincie=gelderland, datum=datetime.date(2024, 1, 8))).active
    kop = kopregel(blad)
    kolommen = [kolom_van(blad, t, kop) for t in ("Opgave", "Realisatie GOO", "Verschil", "POO")]
    regio = rij_van(blad, "Noord- en Oost-Gelderland")
    assert [waarde(blad, f"{k}{regio}") for k in kolommen] == [5_045, 4_436, -609, 931]
    midden = rij_van(blad, "Gelderland-Midden")
    assert [waarde(blad, f"{k}{midden}") for k in kolommen] == [3_768, 3_343, -425, None]
    totaal = rij_van(blad, "Gelderland")
    assert [waarde(blad, f"{k}{totaal}") for k in kolommen[:3]] == [12_284, 11_083, -1_201]
    # POO is known for one region only: the sum says it is incomplete.
    assert "onvolledig" in blad[f"{kolommen[3]}{totaal}"].comment.text
    assert blad.page_setup.orientation == "landscape"
    assert blad.sheet_properties.pageSetUpPr.fitToPage
    assert blad.print_title_rows == f"${kop}:${kop}"


def test_bijlage_3_overijssel_2024_i(overijssel):
    exporter = Bijlage3(
        provincie=overijssel, datum=datetime.date(2024, 1, 1), halfjaren=[Halfjaar(2024, 1)]
    )
    blad = werkboek(exporter).active
    kop = kopregel(blad)
    assert blad.cell(row=kop - 1, column=3).value == "2024-I"
    taak, stand, te = (
        kolom_van(blad, t, kop) for t in ("Taakstelling", "Voor/achterstand begin", "Te realiseren")
    )
    rij = rij_van
    assert [waarde(blad, f"{k}{rij(blad, 'Deventer')}") for k in (taak, stand, te)] == [
        108,
        -13,
        95,
    ]
    staphorst = rij(blad, "Staphorst")
    assert [waarde(blad, f"{k}{staphorst}") for k in (taak, stand, te)] == [19, None, 0]
    assert blad[f"{stand}{staphorst}"].comment.text == "niet geregistreerd"
    assert waarde(blad, f"{te}{rij(blad, 'IJsselland')}") == 766
    assert waarde(blad, f"{te}{rij(blad, 'Twente')}") == 927
    totaal = rij(blad, "Overijssel")
    assert waarde(blad, f"{taak}{totaal}") == 1_249
    assert waarde(blad, f"{te}{totaal}") == 1_693
    assert (
        blad[f"{te}{totaal}"].value
        == f"=SUM({te}{rij(blad, 'IJsselland')},{te}{rij(blad, 'Twente')})"
    )


def test_bijlage_3_gelderland_half_years(gelderland):
    halfjaren = [Halfjaar.parse(h) for h in ("2023-I", "2023-II", "2024-I")]
    blad = werkboek(
        Bijlage3(provincie=gelderland, datum=datetime.date(2024, 1, 1), halfjaren=halfjaren)
    ).active
    kop = kopregel(blad)
    totaal = rij_van(blad, "Gelderland")
    gezien = {}
    for h in ("2023-I", "2023-II", "2024-I"):
        gezien[h] = [
            waarde(blad, f"{kolom_van(blad, t, kop, groep=h)}{totaal}")
            for t in ("Taakstelling", "Voor/achterstand begin", "Gehuisvest")
        ]
    assert gezien == {
        "2023-I": [2_548, -316, 1_786],
        "2023-II": [2_116, 519, 1_847],
        "2024-I": [2_251, 788, None],
    }
    procent = kolom_van(blad, "% gerealiseerd", kop, groep="2023-I")
    assert blad[f"{procent}{totaal}"].number_format == "0%"
    assert round(waarde(blad, f"{procent}{totaal}") * 100) == 80  # 1.786 / 2.232


def test_bijlage_2_without_locations_has_the_entered_figures(gelderland):
    # Gelderland has no locations in the register, only the plan's province figures:
    # realised is the dashboard's 9.274 (RO + NO + TGO, the plan's counting rule);
    # planned and intended need the register, so the verschil stays empty, never 0.
    exporter = Bijlage2(
        provincie=gelderland,
        datum=datetime.date(2024, 1, 1),
        eerste=Kwartaal(2024, 1),
        laatste=Kwartaal(2026, 4),
    )
    blad = werkboek(exporter).active
    kop = kopregel(blad)
    provincie = rij_van(blad, "Gelderland")
    assert waarde(blad, f"{kolom_van(blad, 'gerealiseerd', kop, groep='Q1 2024')}{provincie}") == (
        9_274
    )
    assert waarde(blad, f"{kolom_van(blad, 'Opgave', kop, groep='Q1 2024')}{provincie}") == 7_590
    assert waarde(blad, f"{kolom_van(blad, 'gepland', kop, groep='Q1 2024')}{provincie}") is None
    assert waarde(blad, f"{kolom_van(blad, 'Verschil', kop, groep='Q1 2024')}{provincie}") in (
        None,
        "",
    )


@pytest.fixture
def locaties(overijssel):
    deventer = Gemeente.objects.get(naam="Deventer", provincie=overijssel)
    zwolle = Gemeente.objects.get(naam="Zwolle", provincie=overijssel)
    azc = Opvanglocatie.objects.create(
        gemeente=deventer,
        naam="Azc Deventer",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=azc,
        plaatsen=600,
        waarvan_amv=50,
        van=datetime.date(2020, 1, 1),
        status="gerealiseerd",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=azc,
        plaatsen=200,
        van=datetime.date(2025, 1, 1),
        status="gepland",
    )
    no = Opvanglocatie.objects.create(
        gemeente=zwolle,
        naam="Noodopvang Zwolle",
        opmerkingen="Sporthal",
    )
    Capaciteitsperiode.objects.create(
        soort_id="NO",
        beheerder="gemeente",
        locatie=no,
        plaatsen=300,
        van=datetime.date(2023, 6, 1),
        tot_en_met=datetime.date(2024, 3, 31),
        status="gerealiseerd",
    )
    return deventer, zwolle


def test_bijlage_2_quarters_from_the_register(overijssel, locaties):
    exporter = Bijlage2(
        provincie=overijssel,
        datum=datetime.date(2024, 1, 1),
        eerste=Kwartaal(2024, 1),
        laatste=Kwartaal(2025, 1),
    )
    blad = werkboek(exporter).active
    kop = kopregel(blad)
    deventer, zwolle = rij_van(blad, "Deventer"), rij_van(blad, "Zwolle")
    gerealiseerd_q1 = kolom_van(blad, "gerealiseerd", kop, groep="Q1 2024")
    gepland_2025 = kolom_van(blad, "gepland", kop, groep="Q1 2025")
    # On 1-1-2024 the Capaciteitsbesluit COA 2023-I is in force, which counts regular
    # places only: Zwolle's noodopvang of 300 is a known 0 toward it.
    assert waarde(blad, f"{gerealiseerd_q1}{deventer}") == 600
    assert waarde(blad, f"{gerealiseerd_q1}{zwolle}") == 0
    assert waarde(blad, f"{gepland_2025}{deventer}") == 200
    assert waarde(blad, f"{gerealiseerd_q1}{rij_van(blad, 'IJsselland')}") == 600
    dalfsen = rij_van(blad, "Dalfsen")
    assert blad[f"{gerealiseerd_q1}{dalfsen}"].value is None
    assert blad[f"{gerealiseerd_q1}{dalfsen}"].comment.text == "niet geregistreerd"
    # The Spreidingswet opgave of 1-1-2025 has no counting rule: every soort counts.
    q1_2025 = kolom_van(blad, "gerealiseerd", kop, groep="Q1 2025")
    # The noodopvang ended on 31-3-2024: no location on that date and nothing entered.
    assert waarde(blad, f"{q1_2025}{zwolle}") is None
    assert waarde(blad, f"{q1_2025}{deventer}") == 600
    # Verschil = realised + planned - opgave (Deventer 2025: 600 + 200 - 480).
    opgave_2025 = kolom_van(blad, "Opgave", kop, groep="Q1 2025")
    verschil_2025 = kolom_van(blad, "Verschil", kop, groep="Q1 2025")
    assert waarde(blad, f"{verschil_2025}{deventer}") == 800 - waarde(
        blad, f"{opgave_2025}{deventer}"
    )


def test_stand_van_zaken_sheets(overijssel, locaties):
    boek = werkboek(StandVanZaken(provincie=overijssel, datum=datetime.date(2024, 1, 1)))
    assert len(boek.sheetnames) == 5
    blad = boek["Asiel per locatie"]
    kop = kopregel(blad)
    totaal = rij_van(blad, "Totaal")
    assert waarde(blad, f"{kolom_van(blad, 'Regulier, nu', kop)}{totaal}") == 600
    assert waarde(blad, f"{kolom_van(blad, 'Andere soorten, nu', kop)}{totaal}") == 300
    zwolle = rij_van(blad, "Zwolle")
    einde = blad[f"{kolom_van(blad, 'Einde contract', kop)}{zwolle}"]
    assert einde.value == datetime.datetime(2024, 3, 31)
    assert einde.number_format == "d-m-yyyy"
    oekraine = boek["Oekraïne"]
    assert waarde(oekraine, f"C{rij_van(oekraine, 'Overijssel')}") == 7_882
    status = boek["Statushouders"]
    assert waarde(status, f"D{rij_van(status, 'Overijssel')}") == 1_693


def test_stand_van_zaken_status_holders_per_month(overijssel):
    from realisatie.models import Huisvesting

    deventer = Gemeente.objects.get(naam="Deventer", provincie=overijssel)
    for maand, aantal, einde in ((1, 10, 31), (2, 15, 29)):
        Huisvesting.objects.create(
            gemeente=deventer,
            van=datetime.date(2024, maand, 1),
            tot_en_met=datetime.date(2024, maand, einde),
            gehuisvest=aantal,
        )
    boek = werkboek(StandVanZaken(provincie=overijssel, datum=datetime.date(2024, 3, 1)))
    blad = boek["Statushouders"]
    kop = kopregel(blad)
    rij = rij_van(blad, "Deventer")
    assert [blad.cell(row=kop, column=k).value for k in range(5, 11)] == [
        "jan 2024",
        "feb 2024",
        "mrt 2024",
        "apr 2024",
        "mei 2024",
        "jun 2024",
    ]
    assert [waarde(blad, f"{k}{rij}") for k in "EFG"] == [10, 15, None]
    # 1-3-2024 counts January and February: March has not ended.
    assert blad[f"G{rij}"].comment.text == "maand nog niet voorbij"
    assert waarde(blad, f"{kolom_van(blad, 'Gehuisvest', kop)}{rij}") == 25
    assert waarde(blad, f"E{rij_van(blad, 'IJsselland')}") == 10
    # 25 of 95 to be housed: 26%.
    procent = kolom_van(blad, "% gerealiseerd", kop)
    assert round(waarde(blad, f"{procent}{rij}") * 100) == 26
