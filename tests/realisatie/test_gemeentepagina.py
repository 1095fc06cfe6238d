"""The gemeente page at a glance: statushouders per month against the pace the schedule
asks (n/6), and asiel and Oekraïne over the peildata, each chart with its table."""

from __future__ import annotations

import datetime
import json
import re

from django.urls import reverse

from gemeenten.models import Gemeente
from realisatie.models import Huisvesting

D = datetime.date


def test_statushouders_per_month_against_the_schedule(lid):
    # Deventer must house 95 in 2024-I (werkplan 2024): after one month the schedule
    # asks for 16 (95/6 rounded up), after two 32, after three 48.
    deventer = Gemeente.objects.get(code="GM0150")
    for maand, aantal in ((1, 20), (2, 10), (3, 17)):
        Huisvesting.objects.create(
            gemeente=deventer,
            van=D(2024, maand, 1),
            tot_en_met=D(2024, maand + 1, 1) - datetime.timedelta(days=1),
            gehuisvest=aantal,
        )
    antwoord = lid.get(reverse("gemeente", args=["GM0150"]), {"peildatum": "2024-04-01"})
    html = antwoord.content.decode()
    tabel = html[html.index('data-tabel="statushouders-maanden"') :]
    tabel = tabel[: tabel.index("</table>")]
    rijen = [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r)]
        for r in re.findall(r"<tr>(.*?)</tr>", tabel, re.S)
    ]
    assert rijen[0] == ["Maand", "Gehuisvest tot nu", "Schema", "Achter op schema"]
    assert rijen[1:] == [
        ["jan 2024", "20", "16", "0"],
        ["feb 2024", "30", "32", "2"],
        ["mrt 2024", "47", "48", "1"],
    ]
    # The chart has the same figures as its table.
    grafiek = json.loads(
        re.search(r'<script id="statushouders-maanden" type="application/json">(.*?)</script>',
                  html, re.S).group(1)
    )  # fmt: skip
    assert grafiek["reeksen"][0]["waarden"] == [20, 30, 47]
    assert grafiek["reeksen"][1]["waarden"] == [16, 32, 48]


def test_asiel_and_oekraine_over_the_peildata(lid):
    html = lid.get(reverse("gemeente", args=["GM0150"])).content.decode()
    assert 'data-tabel="trend-asiel"' in html and 'data-tabel="trend-oekraine"' in html
    # Its CSV is the table's, not the asiel block's.
    antwoord = lid.get(
        reverse("gemeente", args=["GM0150"]), {"_export": "csv", "tabel": "trend-asiel"}
    )
    kop = antwoord.content.decode("utf-8-sig").splitlines()[0]
    assert kop == "Peildatum;Opgave;Realisatie;%"
