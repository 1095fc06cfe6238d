"""CSV of every table on the dashboard pages (django-tables2 export), through real requests.

The figures are those of the source documents as the demo data carries them; a CSV
has them as plain digits (6325, not 6.325) and unknown as an empty cell, never 0.
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from realisatie.models import Capaciteitsperiode, Opvanglocatie
from toegang.models import Rol, Rolsoort

pytestmark = pytest.mark.django_db


@pytest.fixture
def lid_flevoland(demodata, client):
    gebruiker = get_user_model().objects.create_user("lid-flevoland")
    Rol.objects.create(
        gebruiker=gebruiker, soort=Rolsoort.LID, provincie=Provincie.objects.get(code="PV24")
    )
    client.force_login(gebruiker)
    return client


def csv_van(client, url: str, tabel: str, **parameters) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of one table's CSV, after checking it is CSV for Dutch Excel."""
    antwoord = client.get(url, {**parameters, "_export": "csv", "tabel": tabel})
    assert antwoord.status_code == 200, antwoord.status_code
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"].startswith("attachment; filename=")
    assert antwoord["Content-Disposition"].endswith(f'-{tabel}.csv"')
    assert antwoord.content.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    regels = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    return regels[0], regels[1:]


def rij(rijen: list[list[str]], naam: str) -> list[str]:
    return next(r for r in rijen if r[0] == naam)


def test_overijssel_asiel_block_as_csv(lid):
    kop, rijen = csv_van(lid, reverse("provincie", args=["PV23"]), "asiel")
    assert kop[:2] == ["Gebied", "Opgave"]
    overijssel = rij(rijen, "Overijssel")
    assert overijssel[kop.index("Opgave")] == "6325"  # werkplan 2024, Spreidingswet 1-1-2025
    assert rij(rijen, "IJsselland")[kop.index("Opgave")] == "3050"
    assert len(rijen) == 1 + 2 + 25  # province, two subregio's, 25 gemeenten


def test_unknown_stays_empty_never_0(lid):
    kop, rijen = csv_van(lid, reverse("provincie", args=["PV23"]), "oekraine")
    assert rij(rijen, "Overijssel")[1] == "7882"  # opgave, werkplan 2024
    assert rij(rijen, "Overijssel")[2] == ""  # realisatie not registered in the demo data

    kop, rijen = csv_van(
        lid, reverse("provincie", args=["PV25"]), "plan-oekraine", peildatum="2024-01-08"
    )
    assert kop[0] == "Gebied" and kop[-1] == "Realisatie POO"
    assert rij(rijen, "Noord- en Oost-Gelderland") == [
        "Noord- en Oost-Gelderland", "5045", "4436", "-609", "931"
    ]  # fmt: skip
    assert rij(rijen, "Gelderland-Midden")[-1] == ""  # POO not registered
    assert rij(rijen, "Gelderland")[1:4] == ["12284", "11083", "-1201"]


def test_one_region_tree_each_gemeente_once_with_its_subtotals(lid):
    kop, rijen = csv_van(lid, reverse("provincie", args=["PV23"]), "oekraine")
    namen = [r[0] for r in rijen]
    # Province, IJsselland with its 11 gemeenten, Twente with its 14: each area once.
    assert len(namen) == len(set(namen)) == 1 + 1 + 11 + 1 + 14
    assert namen[1] == "IJsselland" and namen[13] == "Twente"
    assert rij(rijen, "IJsselland")[kop.index("Opgave")] == "3998"
    assert rij(rijen, "Enschede")[1:3] == ["980", ""]  # realisatie unknown: empty, not 0


def test_gelderland_plan_tables_on_1_1_2024(lid):
    url = reverse("provincie", args=["PV25"])
    kop, rijen = csv_van(lid, url, "plan-asiel", peildatum="2024-01-01")
    assert rij(rijen, "Gelderland")[1:4] == ["7590", "9274", "10238"]
    kop, rijen = csv_van(lid, url, "plan-statushouders")
    assert kop == ["Halfjaar", "Taakstelling", "Voor/achterstand", "Realisatie",
                   "Berekende voor/achterstand", "Opmerking"]  # fmt: skip
    assert rij(rijen, "2023-I") == ["2023-I", "2548", "-316", "1786", "", ""]
    assert rij(rijen, "2023-II")[1:] == [
        "2116", "519", "1847", "446", "wijkt af van het gepubliceerde cijfer"
    ]  # fmt: skip
    assert rij(rijen, "2024-I") == ["2024-I", "2251", "788", "", "788", ""]  # housed unknown


def test_gebied_page(lid):
    url = reverse("gebied", args=["PV23", "overijssel-ijsselland"])
    _kop, rijen = csv_van(lid, url, "asiel")
    assert rijen[0][:2] == ["IJsselland", "3050"]
    assert "Deventer" in [r[0] for r in rijen] and "Enschede" not in [r[0] for r in rijen]


def test_gemeente_page(lid):
    url = reverse("gemeente", args=["GM0150"])
    kop, rijen = csv_van(lid, url, "opgaven")
    assert "529" in [r[kop.index("Opgave")] for r in rijen]
    kop, rijen = csv_van(lid, url, "oekraine")
    assert kop[:3] == ["Gebied", "Opgave", "Realisatie GOO"]
    assert rijen == [["Deventer", "520", "", "", "", "", "onbekend"]]  # ..., peildatum, status
    kop, rijen = csv_van(lid, url, "halfjaren")
    assert rij(rijen, "2024-I")[1:3] == ["108", "-13"]


def test_trend_page(lid):
    kop, rijen = csv_van(lid, reverse("trend", args=["PV25"]), "asiel")
    assert kop == ["Peildatum", "Opgave", "Realisatie", "%"]
    # 1-4-2023: 4.735 regular places against 7.590; 1-1-2024: 9.274.
    assert [r[2] for r in rijen] == ["4735", "9274", "9274"]
    assert rijen[0][0] == "1-4-2023"


def test_vooruitblik_page(lid):
    locatie = Opvanglocatie.objects.create(
        gemeente=Gemeente.objects.get(code="GM0150"),
        naam="azc Deventer",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=4000,
        van=datetime.date(2020, 1, 1),
        status="gerealiseerd",
    )
    url = reverse("vooruitblik", args=["PV23"])
    _kop, rijen = csv_van(lid, url, "vooruitblik", van="2025-Q1", tot="2025-Q2")
    assert [r[0] for r in rijen] == ["Q1 2025", "Q2 2025"]
    # The Spreidingswet opgave 6.325 against Deventer's 4.000: a shortfall of 2.325.
    assert rijen[0][1:6] == ["4000", "0", "0", "6325", "-2325"]


def test_signalen_page(lid):
    url = reverse("signalen", args=["PV23"])
    kop, rijen = csv_van(lid, url, "volledigheid", peildatum="2023-04-01")
    assert kop == ["Opgave", "Cijfers per", "Aangeleverd", "Gebieden", "Niet aangeleverd"]
    # The national letter's regular places of 1-4-2023 are known for the province only.
    assert rij(rijen, "Asielopvang")[1:4] == ["provincie", "1", "1"]
    assert rij(rijen, "Opvang ontheemden Oekraïne")[1:4] == ["gemeente", "0", "25"]


def test_landelijk_page(beheerder):
    url = reverse("landelijk")
    kop, rijen = csv_van(beheerder, url, "landelijk", peildatum="2023-04-01")
    assert kop[:3] == [
        "Provincie",
        "Asielopvang – Effectieve opgave",
        "Asielopvang – Realisatie",
    ]
    gelderland = rij(rijen, "Gelderland")
    assert gelderland[1:4] == ["7590", "4735", "-2855"]
    assert rij(rijen, "Nederland")[1] == "77100"
    _kop, rijen = csv_van(beheerder, url, "besluittabel", peildatum="2023-04-01")
    assert rij(rijen, "Zuid-Holland")[-1] == "16193"


def test_every_table_has_its_link(lid):
    html = lid.get(reverse("provincie", args=["PV23"]), {"peildatum": "2024-01-08"})
    html = html.content.decode()
    for naam in ("asiel", "oekraine", "statushouders", "plan-asiel", "plan-statushouders"):
        assert f"peildatum=2024-01-08&amp;_export=csv&amp;tabel={naam}" in html, naam


def test_unknown_table_is_not_found(lid):
    antwoord = lid.get(reverse("provincie", args=["PV23"]), {"_export": "csv", "tabel": "x"})
    assert antwoord.status_code == 404


def test_export_follows_page_access(lid_flevoland):
    parameters = {"_export": "csv", "tabel": "asiel"}
    for url in (
        reverse("provincie", args=["PV23"]),
        reverse("gebied", args=["PV23", "overijssel-ijsselland"]),
        reverse("gemeente", args=["GM0150"]),
        reverse("trend", args=["PV23"]),
        reverse("landelijk"),
    ):
        assert lid_flevoland.get(url, parameters).status_code == 403, url


def test_anonymous_is_sent_to_login(demodata, client):
    antwoord = client.get(reverse("provincie", args=["PV23"]), {"_export": "csv", "tabel": "asiel"})
    assert antwoord.status_code == 302
