"""The timeline page (`realisatie.tijdlijn`) through real requests: the afbouw of
crisisnoodopvang over a winter gives the same monthly totals on the page, in its CSV,
in its xlsx (totals as live SUM formulas), in the API and in the chart."""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.realisatie.hulp import locatie, rijtekst
from tests.rules.bronnen import CRISISNOODOPVANG_PER_MAAND, CRISISNOODOPVANG_WINTER

CODES = {"Deventer": "GM0150", "Zwolle": "GM0193"}
WINTER = {"van": "2024-10-01", "tot": "2025-04-01", "stap": "maand"}
MAANDEN = ["1-10-2024", "1-11-2024", "1-12-2024", "1-1-2025", "1-2-2025", "1-3-2025", "1-4-2025"]


@pytest.fixture
def winter(demodata):
    for gemeente, naam, perioden in CRISISNOODOPVANG_WINTER:
        locatie(
            CODES[gemeente],
            naam,
            "CNO",
            *(
                (
                    plaatsen,
                    datetime.date.fromisoformat(van),
                    datetime.date.fromisoformat(tot),
                    "gerealiseerd",
                )
                for plaatsen, van, tot in perioden
            ),
        )


def _cellen(html: str, attribuut: str) -> list[str]:
    return [" ".join(c.split()) for c in rijtekst(html, attribuut).split("  ") if c.strip()]


def _totaalrij(html: str) -> list[str]:
    begin = html.index('<tr class="totaal">')
    rij = html[begin : html.index("</tr>", begin)]
    return [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij)
    ]


def test_page_shows_the_monthly_totals(lid, winter):
    antwoord = lid.get(reverse("tijdlijn", args=["PV23"]), WINTER)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    totaal = _totaalrij(html)
    assert totaal[0] == "Totaal"
    assert totaal[3:] == ["150", "400", "500", "350", "310", "60", "0"]
    for maand in MAANDEN:
        assert f">{maand}</th>" in html
    assert "Paviljoen Hanzeland" in html and "CNO" in html
    assert "Getoonde statussen: gerealiseerd, gepland" in html


def test_only_the_chosen_types(lid, winter):
    locatie("GM0150", "azc Deventer", "RO", (600, datetime.date(2020, 1, 1), None, "gerealiseerd"))
    alle = lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode()
    assert "azc Deventer" in alle and _totaalrij(alle)[3] == "750"
    cno = lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, "soort": ["CNO"]}).content.decode()
    assert "azc Deventer" not in cno
    assert _totaalrij(cno)[3:] == [str(n) for n in CRISISNOODOPVANG_PER_MAAND]
    assert "Getoonde soorten: CNO." in cno
    api = lid.get("/api/v1/provincies/PV23/tijdlijn", {**WINTER, "soort": "CNO"}).json()
    assert [t["waarde"] for t in api["totaal"]] == CRISISNOODOPVANG_PER_MAAND
    assert (
        lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, "soort": "XYZ"}).status_code == 400
    )


def test_only_the_chosen_statuses(lid, winter):
    locatie("GM0150", "Plan Deventer", "NO", (80, datetime.date(2025, 1, 1), None, "gepland"))
    alle = _totaalrij(lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode())
    assert alle[3:] == ["150", "400", "500", "430", "390", "140", "80"]
    keuze = {**WINTER, "status": ["gepland"]}
    gepland = _totaalrij(lid.get(reverse("tijdlijn", args=["PV23"]), keuze).content.decode())
    assert gepland[3:] == ["0", "0", "0", "80", "80", "80", "80"]


def test_chart_has_the_figures_of_the_table(lid, winter):
    html = lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode()
    data = json.loads(
        re.search(r'<script id="tijdlijn" type="application/json">(.*?)</script>', html).group(1)
    )
    assert data["labels"] == MAANDEN
    per_locatie = {r["naam"]: r["waarden"] for r in data["reeksen"]}
    assert per_locatie["Hotel Wijthmen"] == [0, 0, 100, 100, 60, 60, 0]
    assert [sum(w) for w in zip(*per_locatie.values(), strict=True)] == CRISISNOODOPVANG_PER_MAAND
    # Every bar is the cell of its location in the table.
    for naam, waarden in per_locatie.items():
        begin = html.index(f">{naam}</th>")
        rij = html[begin : html.index("</tr>", begin)]
        cellen = re.findall(r'<td class="getal"[^>]*>(.*?)</td>', rij)
        assert [int(c.replace(".", "")) for c in cellen] == waarden


def test_csv_has_the_monthly_totals(lid, winter):
    antwoord = lid.get(
        reverse("tijdlijn", args=["PV23"]), {**WINTER, "_export": "csv", "tabel": "tijdlijn"}
    )
    regels = antwoord.content.decode("utf-8-sig").splitlines()
    assert regels[0].split(";")[3:] == MAANDEN
    assert regels[-1].split(";") == ["Totaal", "", "", *map(str, CRISISNOODOPVANG_PER_MAAND)]
    assert "Sporthal De Scheg;Deventer;CNO;150;150;150;0;0;0;0" in regels


def test_xlsx_totals_are_sum_formulas_over_the_locations(lid, winter):
    antwoord = lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, "_export": "xlsx"})
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = load_workbook(io.BytesIO(antwoord.content)).worksheets[0]
    rijen = [[c.value for c in rij] for rij in blad.iter_rows()]
    kop = next(i for i, r in enumerate(rijen) if r[0] == "Locatie")
    assert [
        c.strftime("%-d-%-m-%Y") if hasattr(c, "strftime") else c for c in rijen[kop][3:]
    ] == MAANDEN
    locaties = rijen[kop + 1 : kop + 4]
    assert [r[0] for r in locaties] == [
        "Sporthal De Scheg",
        "Hotel Wijthmen",
        "Paviljoen Hanzeland",
    ]
    totaal = rijen[kop + 4]
    eerste, laatste = kop + 2, kop + 4  # 1-based rows of the locations
    assert totaal[0] == "Totaal"
    for i, formule in enumerate(totaal[3:]):
        letter = chr(ord("D") + i)
        assert formule == f"=SUM({letter}{eerste}:{letter}{laatste})"
        # Evaluating the formula over the cells it names gives the month's total.
        assert sum(r[3 + i] for r in locaties) == CRISISNOODOPVANG_PER_MAAND[i]


def test_api_gives_the_same_figures(lid, winter):
    antwoord = lid.get("/api/v1/provincies/PV23/tijdlijn", WINTER)
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["stappen"] == [
        "2024-10-01",
        "2024-11-01",
        "2024-12-01",
        "2025-01-01",
        "2025-02-01",
        "2025-03-01",
        "2025-04-01",
    ]
    assert [t["waarde"] for t in data["totaal"]] == CRISISNOODOPVANG_PER_MAAND
    assert {t["bron"] for t in data["totaal"]} == {"gemeenten"}
    hotel = next(loc for loc in data["locaties"] if loc["naam"] == "Hotel Wijthmen")
    assert [w["waarde"] for w in hotel["waarden"]] == [0, 0, 100, 100, 60, 60, 0]
    assert hotel["gemeente"] == "Zwolle" and hotel["soorten"] == ["CNO"]


def test_from_the_fifteenth_per_month(lid, winter):
    html = lid.get(
        reverse("tijdlijn", args=["PV23"]),
        {"van": "2024-10-15", "tot": "2025-03-31", "stap": "maand"},
    ).content.decode()
    assert _totaalrij(html)[3:] == ["150", "400", "500", "350", "310", "60"]
    assert ">15-1-2025</th>" in html


def test_region_shows_only_its_locations(lid, winter):
    locatie(
        "GM0153", "Expo Enschede", "CNO", (300, datetime.date(2024, 9, 1), None, "gerealiseerd")
    )
    provincie = _totaalrij(lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode())
    assert provincie[3] == "450"
    twente = lid.get(
        reverse("tijdlijn", args=["PV23"]), {**WINTER, "gebied": "overijssel-twente"}
    ).content.decode()
    assert "Expo Enschede" in twente and "Sporthal De Scheg" not in twente
    assert _totaalrij(twente)[3:] == ["300"] * 7


@pytest.mark.parametrize(
    ("keuze", "melding"),
    [
        ({"van": "2025-02-01", "tot": "2025-01-01"}, "De einddatum ligt voor de begindatum."),
        ({"van": "2015-01-01", "tot": "2025-12-01"}, "Kies hoogstens 120 stappen"),
        ({"stap": "week"}, "Selecteer een geldige keuze"),
        ({"van": "2025-13-01"}, "Voer een geldige datum in"),
        ({"gebied": "VR99"}, "Selecteer een geldige keuze"),
    ],
)
def test_invalid_choice_is_refused_in_dutch(lid, winter, keuze, melding):
    antwoord = lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, **keuze})
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    api = lid.get("/api/v1/provincies/PV23/tijdlijn", {**WINTER, **keuze})
    assert api.status_code == 400
    assert melding in api.content.decode()


def test_reading_needs_access(lid, winter):
    # The member reads Gelderland and Overijssel, not Friesland.
    assert lid.get(reverse("tijdlijn", args=["PV21"]), WINTER).status_code == 403
    assert lid.get("/api/v1/provincies/PV21/tijdlijn", WINTER).status_code == 403


def test_linked_from_the_dashboard_the_region_and_the_outlook(lid):
    adres = reverse("tijdlijn", args=["PV23"])
    assert f'href="{adres}"' in lid.get(reverse("provincie", args=["PV23"])).content.decode()
    assert f'href="{adres}"' in lid.get(reverse("vooruitblik", args=["PV23"])).content.decode()
    regio = lid.get(reverse("gebied", args=["PV23", "overijssel-twente"])).content.decode()
    assert f'href="{adres}?gebied=overijssel-twente"' in regio


def test_estimate_unknown_and_shared_locations_from_the_register(lid, winter):
    """An estimate ("100?") is marked and counted, an unknown capacity ("pm") makes the
    total incomplete, a location shared by Deventer and Enschede shows whole in the
    province and on the timeline of each region it has a share in."""
    from decimal import Decimal

    from gemeenten.models import Gemeente
    from realisatie.models import Capaciteitsperiode, Locatieaandeel

    kazerne = locatie("GM0193", "Kazerne", "CNO")
    Capaciteitsperiode.objects.create(
        locatie=kazerne,
        soort_id="CNO",
        beheerder="coa",
        plaatsen=100,
        geschat=True,
        van=datetime.date(2024, 10, 1),
        status="gerealiseerd",
    )
    pm = locatie("GM0150", "Hal pm", "CNO")
    Capaciteitsperiode.objects.create(
        locatie=pm,
        soort_id="CNO",
        beheerder="coa",
        plaatsen=None,
        van=datetime.date(2025, 3, 1),
        status="gerealiseerd",
    )
    samen = locatie(
        "GM0150", "Expo samen", "CNO", (300, datetime.date(2024, 10, 1), None, "gerealiseerd")
    )
    for code in ("GM0150", "GM0153"):
        Locatieaandeel.objects.create(
            locatie=samen, gemeente=Gemeente.objects.get(code=code), percentage=Decimal(50)
        )
    html = lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode()
    totaal = _totaalrij(html)
    # October: 150 + 100 (estimated) + 300; March: 60 + 100 + 300 and the pm hall.
    assert totaal[3] == "≈ 550 (waarvan 100 geschat)"
    assert totaal[8] == "≈ 460 (waarvan 100 geschat) (onvolledig)"
    assert '<span class="geschat" title="schatting">≈ 100</span>' in html
    assert html.count(">Expo samen</th>") == 1
    twente = lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, "gebied": "overijssel-twente"})
    assert _totaalrij(twente.content.decode())[3] == "300"  # the whole location
    api = lid.get("/api/v1/provincies/PV23/tijdlijn", WINTER).json()
    assert [t["waarde"] for t in api["totaalGeschat"]][:2] == [100, 100]
    assert api["totaal"][5]["bron"] == "onvolledig"
    xlsx = lid.get(reverse("tijdlijn", args=["PV23"]), {**WINTER, "_export": "xlsx"})
    blad = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    notities = [c.comment.text for rij in blad.iter_rows() for c in rij if c.comment]
    assert "waarvan 100 geschat" in " ".join(notities)


def test_an_option_to_extend_counts_only_when_asked(lid, winter):
    """A noodopvang "tot 31-12-2024, verlengbaar tot 31-3-2025" (issue 15)."""
    from realisatie.models import Capaciteitsperiode

    hal = locatie("GM0150", "Hal verlengbaar", "NO")
    Capaciteitsperiode.objects.create(
        locatie=hal,
        soort_id="NO",
        beheerder="gemeente",
        plaatsen=40,
        van=datetime.date(2024, 10, 1),
        tot_en_met=datetime.date(2024, 12, 31),
        verlengbaar_tot=datetime.date(2025, 3, 31),
        status="gerealiseerd",
    )
    zonder = _totaalrij(lid.get(reverse("tijdlijn", args=["PV23"]), WINTER).content.decode())
    assert zonder[3:] == ["190", "440", "540", "350", "310", "60", "0"]
    keuze = {**WINTER, "verlenging": "on"}
    met = lid.get(reverse("tijdlijn", args=["PV23"]), keuze).content.decode()
    assert _totaalrij(met)[3:] == ["190", "440", "540", "390", "350", "100", "0"]
    api = lid.get("/api/v1/provincies/PV23/tijdlijn", {**WINTER, "verlenging": "true"}).json()
    assert api["metVerlenging"] is True
    assert [t["waarde"] for t in api["totaal"]] == [190, 440, 540, 390, 350, 100, 0]
