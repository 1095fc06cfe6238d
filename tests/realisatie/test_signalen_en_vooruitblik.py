"""Outlook, signals, trend, print and the national overview through real requests,
with locations and figures created here (the demo has none per gemeente)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from realisatie.models import (
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from toegang.models import Rol, Rolsoort

D = datetime.date


@pytest.fixture
def lid(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


def locatie(code, naam, soort, *perioden):
    gevonden = Opvanglocatie.objects.create(
        gemeente=Gemeente.objects.get(code=code), naam=naam, soort=soort, beheerder="coa"
    )
    for plaatsen, van, tot, status in perioden:
        Capaciteitsperiode.objects.create(
            locatie=gevonden, plaatsen=plaatsen, van=van, tot_en_met=tot, status=status
        )
    return gevonden


def rijtekst(html: str, attribuut: str) -> str:
    begin = html.index(attribuut)
    return re.sub(r"<[^>]+>", " ", html[begin : html.index("</tr>", begin)])


def test_outlook_shows_the_quarter_capacity_drops_below_the_target(lid):
    # Overijssel's Spreidingswet opgave per 1-1-2025 is 6.325 (werkplan 2024).
    locatie("GM0150", "azc Deventer", "RO", (4000, D(2020, 1, 1), None, "gerealiseerd"))
    locatie("GM0153", "NO Enschede", "NO", (2000, D(2024, 1, 1), D(2025, 9, 30), "gerealiseerd"))
    locatie("GM0193", "azc Zwolle", "RO", (400, D(2025, 1, 1), None, "gepland"))
    locatie("GM0141", "Almelo plan", "RO", (900, D(2026, 1, 1), None, "voorgenomen"))
    html = lid.get(
        reverse("vooruitblik", args=["PV23"]), {"van": "2025-Q1", "tot": "2026-Q2"}
    ).content.decode()
    # 4.000 + 2.000 + 400 = 6.400 >= 6.325 until the noodopvang ends on 30-9-2025.
    assert 'data-eerste-tekort="Q4 2025"' in html
    assert "Vanaf Q4 2025 is de gerealiseerde en geplande capaciteit lager dan de opgave" in html
    q3 = rijtekst(html, 'data-kwartaal="Q3 2025"')
    assert q3.split()[-4:] == ["6.000", "400", "0", "6.325"] and "tekort" not in q3
    q1 = rijtekst(html, 'data-kwartaal="Q1 2026"')
    assert "tekort" in q1 and q1.split()[-4:] == ["4.000", "400", "900", "6.325"]
    assert 'data-grafiek="vooruitblik"' in html and 'id="vooruitblik"' in html
    assert "vendor/echarts/echarts.min.js" in html


def test_outlook_without_locations_says_so(lid):
    html = lid.get(reverse("vooruitblik", args=["PV25"])).content.decode()
    assert "Nog geen locaties in het register." in html
    fout = lid.get(reverse("vooruitblik", args=["PV25"]), {"van": "2024-5"})
    assert fout.status_code == 400
    assert "schrijf het als 2024-Q1" in fout.content.decode()


def test_signals(lid):
    overijssel = Provincie.objects.get(code="PV23")
    deventer = Gemeente.objects.get(code="GM0150")
    # Deventer must house 95 in 2024-I; per 1-4-2024 the schedule asks for 48.
    for maand, aantal in ((1, 20), (2, 15), (3, 12)):
        Huisvesting.objects.create(
            gemeente=deventer,
            van=D(2024, maand, 1),
            tot_en_met=D(2024, maand + 1, 1) - datetime.timedelta(days=1),
            gehuisvest=aantal,
        )
    april = Peildatum.objects.create(provincie=overijssel, datum=D(2024, 4, 1))
    OekraineTelling.objects.create(
        gemeente=deventer, peildatum=april, goo_totaal=200, goo_bezet=190
    )
    OekraineTelling.objects.create(
        gemeente=Gemeente.objects.get(code="GM0153"), peildatum=april, goo_totaal=300, goo_bezet=200
    )
    locatie("GM0150", "TGO Deventer", "TGO", (150, D(2023, 1, 1), D(2024, 8, 31), "gerealiseerd"))
    locatie("GM0193", "azc Zwolle", "RO", (500, D(2020, 1, 1), None, "gerealiseerd"))

    url = reverse("signalen", args=["PV23"])
    html = lid.get(url, {"peildatum": "2024-04-01", "maanden": "6"}).content.decode()
    schema = html[html.index('data-signaal="schema"') :]
    assert "Deventer" in rijtekst(schema, "Deventer") and rijtekst(schema, "Deventer").split()[
        -3:
    ] == ["95", "47", "1"]
    assert "24 gemeenten hebben een taakstelling maar nog geen cijfer" in html
    assert "TGO Deventer" in html and "31-8-2024" in html
    korter = lid.get(url, {"peildatum": "2024-04-01", "maanden": "3"}).content.decode()
    assert "TGO Deventer" not in korter  # ends 31-8-2024, after 1-7-2024
    vol = html[html.index('data-signaal="vol"') :]
    assert "95%" in vol and "Enschede" not in vol[: vol.index("</table>")]
    oekraine = rijtekst(html, 'data-soort="oekraine"')
    assert "2 / 25" in oekraine and "Deventer" not in oekraine and "Zwolle" in oekraine
    asiel = rijtekst(html, 'data-soort="asiel"')
    assert "2 / 25" in asiel  # Deventer and Zwolle from the location register


def test_trend_over_the_peildata(lid):
    html = lid.get(reverse("trend", args=["PV25"])).content.decode()
    asiel = html[html.index('data-trend="asiel"') :]
    asiel = asiel[: asiel.index("</table>")]
    # 1-4-2023: 4.735 regular places against 7.590; 1-1-2024: 9.274 against 7.590.
    assert re.findall(r'data-kolom="realisatie">([^<]*)<', asiel) == ["4.735", "9.274", "9.274"]
    assert re.findall(r'data-kolom="opgave">([^<]*)<', asiel) == ["7.590", "7.590", "8.992"]
    assert 'id="trend-asiel"' in html


def test_print_view_has_the_peildatum_and_sources_in_its_header(lid):
    html = lid.get(reverse("provincie-print", args=["PV25"]), {"peildatum": "2024-01-01"})
    html = html.content.decode()
    kop = html[html.index('class="printkop"') : html.index("</header>", html.index("printkop"))]
    assert "Stand per 1 januari 2024" in kop
    assert "Brief capaciteitsbehoefte asielopvang" in kop
    assert ">10.238<" in html.replace(" *", "")


def test_national_overview_for_the_beheerder_only(demodata, client, lid):
    assert lid.get(reverse("landelijk")).status_code == 403
    client.force_login(get_user_model().objects.get(username="beheerder"))
    html = client.get(reverse("landelijk"), {"peildatum": "2023-04-01"}).content.decode()
    zij_aan_zij = html[: html.index('data-tabel="besluittabel"')]
    assert zij_aan_zij.count('<tr data-code="PV') == 12
    gelderland = rijtekst(html, 'data-code="PV25"')
    assert gelderland.split()[2:5] == ["7.590", "4.735", "-2.855"]
    nederland = rijtekst(html, 'data-code="NL"')
    assert nederland.split()[2] == "77.100"


def test_national_role_sees_every_province(demodata, client):
    rijk = get_user_model().objects.create_user("rijk")
    Rol.objects.create(gebruiker=rijk, soort=Rolsoort.LANDELIJK)
    client.force_login(rijk)
    assert client.get(reverse("landelijk")).status_code == 200
    assert client.get(reverse("provincie", args=["PV24"])).status_code == 200


def test_national_letter_table_per_province(demodata, client):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    html = client.get(reverse("landelijk"), {"peildatum": "2023-04-01"}).content.decode()
    tabel = html[html.index('data-tabel="besluittabel"') :]
    gelderland = tabel[
        tabel.index('data-code="PV25"') : tabel.index("</tr>", tabel.index('data-code="PV25"'))
    ]
    for kolom, waarde in (
        ("regulier", "4.735"),
        ("basis", "7.454"),
        ("extra", "136"),
        ("opgave", "7.590"),
        ("verhoging", "2.855"),
    ):
        assert f'data-kolom="{kolom}">{waarde}<' in gelderland, kolom
    zuid_holland = tabel[tabel.index('data-code="PV28"') :]
    assert 'data-kolom="verhoging">16.193<' in zuid_holland
