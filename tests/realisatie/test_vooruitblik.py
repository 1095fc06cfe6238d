"""The outlook page (`realisatie.vooruitblik`) through real requests, with locations
created here (the demo has none per gemeente)."""

import datetime

from django.urls import reverse

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
