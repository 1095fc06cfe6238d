"""The trend page (`realisatie.trend`) and the print view through real requests."""

import datetime
import re

from django.urls import reverse

D = datetime.date


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
