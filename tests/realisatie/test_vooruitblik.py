"""The outlook page (`realisatie.vooruitblik`) through real requests, with locations
created here (the demo has none per gemeente)."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.realisatie.hulp import locatie, rijtekst

D = datetime.date


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
    q3 = " ".join(rijtekst(html, 'data-kwartaal="Q3 2025"').split())
    assert q3.endswith("Q3 2025 6.000 400 0 6.325 overschot 75")
    q1 = " ".join(rijtekst(html, 'data-kwartaal="Q1 2026"').split())
    assert q1.endswith("Q1 2026 4.000 400 900 6.325 tekort 1.925")
    assert 'class="tekort" data-kwartaal="Q1 2026"' in html or (
        'data-kwartaal="Q1 2026" class="tekort"' in html
    )
    assert 'data-grafiek="vooruitblik"' in html and 'id="vooruitblik"' in html
    assert "vendor/echarts/echarts.min.js" in html


def test_outlook_without_locations_says_so(lid):
    html = lid.get(reverse("vooruitblik", args=["PV25"])).content.decode()
    assert "Nog geen locaties in het register." in html
    fout = lid.get(reverse("vooruitblik", args=["PV25"]), {"van": "2024-5"})
    assert fout.status_code == 400
    assert "schrijf het als 2024-Q1" in fout.content.decode()


def test_default_horizon_shows_an_extension_from_1_january_the_year_after_next(lid):
    """No horizon is fixed in the code: the default runs through the year after next."""
    jaar = timezone.localdate().year + 2
    locatie("GM0150", "azc Deventer", "RO", (400, D(2020, 1, 1), None, "gerealiseerd"))
    locatie("GM0193", "uitbreiding Zwolle", "RO", (600, D(jaar, 1, 1), None, "gepland"))
    html = lid.get(reverse("vooruitblik", args=["PV23"])).content.decode()
    eerder = " ".join(rijtekst(html, f'data-kwartaal="Q4 {jaar - 1}"').split())
    assert f"Q4 {jaar - 1} 400 0 0 " in eerder
    rij = " ".join(rijtekst(html, f'data-kwartaal="Q1 {jaar}"').split())
    assert f"Q1 {jaar} 400 600 0 " in rij
    assert f'data-kwartaal="Q4 {jaar}"' in html
    # Further on, when asked for: five years at most.
    verder = lid.get(
        reverse("vooruitblik", args=["PV23"]), {"van": f"{jaar}-Q1", "tot": f"{jaar + 4}-Q4"}
    )
    assert f'data-kwartaal="Q4 {jaar + 4}"' in verder.content.decode()
    te_ver = lid.get(
        reverse("vooruitblik", args=["PV23"]), {"van": f"{jaar}-Q1", "tot": f"{jaar + 5}-Q1"}
    )
    assert te_ver.status_code == 400
    assert "Kies hoogstens 20 kwartalen (vijf jaar)." in te_ver.content.decode()


def test_bijlage_2_default_horizon_has_the_extension(lid):
    jaar = timezone.localdate().year + 2
    locatie("GM0193", "uitbreiding Zwolle", "RO", (600, D(jaar, 1, 1), None, "gepland"))
    antwoord = lid.get(reverse("exports:bijlage", args=["PV23", "bijlage-2"]))
    assert antwoord.status_code == 200
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    rijen = [[c.value for c in rij] for rij in blad.iter_rows()]
    groepen = next(r for r in rijen if f"Q1 {jaar}" in r)
    kop = rijen[rijen.index(groepen) + 1]
    kolom = next(i for i in range(groepen.index(f"Q1 {jaar}"), len(kop)) if kop[i] == "gepland")
    zwolle = next(r for r in rijen if r[0] and str(r[0]).strip() == "Zwolle")
    assert zwolle[kolom] == 600
