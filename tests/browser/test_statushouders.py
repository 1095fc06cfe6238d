"""Blocker 2 of issue 14 in Chromium: statushouders could be entered only for the month
of the peildatum (the link of 1-3-2024 opened March). Now the link opens the half-year
table with the months that peildatum counts (January and February), every month can be
entered, and the stand follows the carry-over rule. Overijssel werkplan 2024: Deventer
must house 95 in 2024-I (108 minus a voorsprong of 13)."""

from __future__ import annotations

import datetime

import pytest

from realisatie.models import Huisvesting
from tests.browser.axe import ernstige_schendingen


def cel(pagina, code: str, kolom: str) -> str:
    return pagina.locator(f"tr[data-gemeente='{code}'] td[data-kolom='{kolom}']").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_statushouders_over_het_halfjaar(demodata, pagina, inloggen, live_server) -> None:
    from gemeenten.models import Provincie
    from realisatie.models import Peildatum

    Peildatum.objects.create(
        provincie=Provincie.objects.get(code="PV23"), datum=datetime.date(2024, 3, 1)
    )
    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/invoer/PV23/")
    pagina.locator("tr[data-peildatum='2024-03-01']").get_by_role(
        "link", name="Statushouders"
    ).click()
    pagina.get_by_role("heading", name="Overijssel, gehuisveste statushouders in 2024-I").wait_for()
    uitleg = pagina.locator(".peildatumuitleg")
    assert uitleg.get_attribute("data-laatste-maand") == "2024-02"
    assert "tot en met februari 2024" in uitleg.inner_text()
    kop = [th.inner_text() for th in pagina.locator("table.invoergrid thead th").all()]
    assert kop[4:10] == ["januari", "februari", "maart", "april", "mei", "juni"]
    assert (cel(pagina, "GM0150", "te_realiseren"), cel(pagina, "GM0150", "stand_begin")) == (
        "95",
        "-13",
    )
    assert ernstige_schendingen(pagina) == []

    # January to March for Deventer, by keyboard.
    januari = pagina.get_by_label("Deventer, januari 2024")
    januari.fill("20")
    pagina.keyboard.press("ArrowRight")
    pagina.keyboard.type("25")
    pagina.keyboard.press("ArrowRight")
    pagina.keyboard.type("10")
    pagina.keyboard.press("Tab")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.get_by_role("status").inner_text() == "Opgeslagen: 1 gemeente gewijzigd."
    # The peildatum 1-3-2024 counts January and February: 45 housed, 50 to go, 47%.
    assert "peildatum=2024-03-01" in pagina.url
    assert [cel(pagina, "GM0150", k) for k in ("gehuisvest", "stand", "percentage")] == [
        "45",
        "50",
        "47%",
    ]
    assert sorted(
        Huisvesting.objects.filter(gemeente__code="GM0150").values_list("van", "gehuisvest")
    ) == [
        (datetime.date(2024, 1, 1), 20),
        (datetime.date(2024, 2, 1), 25),
        (datetime.date(2024, 3, 1), 10),
    ]

    pagina.get_by_role("link", name="Alle ingevoerde maanden tellen").click()
    assert [cel(pagina, "GM0150", k) for k in ("gehuisvest", "stand", "percentage")] == [
        "55",
        "40",
        "58%",
    ]
    # Any other half year and any month, by clicking.
    pagina.get_by_role("link", name="2023-II").first.click()
    pagina.get_by_role(
        "heading", name="Overijssel, gehuisveste statushouders in 2023-II"
    ).wait_for()
    pagina.get_by_role("link", name="december").click()
    pagina.get_by_role(
        "heading", name="Overijssel, gehuisveste statushouders in december 2023"
    ).wait_for()
    pagina.get_by_role("link", name="januari 2024").click()
    assert pagina.get_by_label("Deventer, gehuisvest").input_value() == "20"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_op_een_telefoon_scrollt_alleen_de_tabel(demodata, pagina, inloggen, live_server):
    """Issue 14, item 7: on a 390 px phone the page does not scroll sideways; the wide
    half-year table scrolls in its container and the gemeente column stays put."""
    pagina.set_viewport_size({"width": 390, "height": 844})
    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/invoer/PV23/statushouders/halfjaar/2024-I/")
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 390
    houder = pagina.locator(".tabelhouder")
    assert houder.evaluate("h => h.scrollWidth > h.clientWidth")  # the table is wider
    naam = pagina.locator("tr[data-gemeente='GM0150'] th")
    links = naam.bounding_box()["x"]
    houder.evaluate("h => { h.scrollLeft = 300; }")
    pagina.get_by_label("Deventer, juni 2024").focus()  # a cell far to the right
    assert naam.bounding_box()["x"] == links
    assert naam.evaluate("th => getComputedStyle(th).position") == "sticky"
