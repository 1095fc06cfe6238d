"""The grid journey of issue 14 in Chromium, by keyboard: paste a block from Excel, move
with the arrow keys, Enter never submits, one Tab from the table reaches Save (not 175
for 25 rows), the error summary gets the focus and links to the field, the field is
marked and described by its message, fix and save. axe finds no serious violation (the
grid had 100 "label" violations: no input had an accessible name)."""

from __future__ import annotations

import datetime

import pytest

from realisatie.models import OekraineTelling
from tests.browser.axe import ernstige_schendingen

DATUM = "2024-09-01"


def actief(pagina) -> str:
    return pagina.evaluate("document.activeElement.name || document.activeElement.id")


def plakken(pagina, naam: str, tekst: str) -> None:
    pagina.locator(f"input[name='{naam}']").evaluate(
        """(cel, tekst) => {
            const data = new DataTransfer();
            data.setData("text/plain", tekst);
            cel.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }""",
        tekst,
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_grid_met_het_toetsenbord(demodata, pagina, inloggen, live_server) -> None:
    from gemeenten.models import Provincie
    from realisatie.models import Peildatum

    Peildatum.objects.create(
        provincie=Provincie.objects.get(code="PV23"), datum=datetime.date(2024, 9, 1)
    )
    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/invoer/PV23/{DATUM}/oekraine/")
    assert ernstige_schendingen(pagina) == []

    # Two rows of two Excel columns: Deventer and Dinkelland, totaal and bezet.
    plakken(pagina, "GM0150-goo_totaal", "520\t480\r\n300\t250\r\n")
    waarde = lambda naam: pagina.locator(f"input[name='{naam}']").input_value()  # noqa: E731
    assert [waarde("GM0150-goo_bezet"), waarde("GM1774-goo_totaal")] == ["480", "300"]

    pagina.locator("input[name='GM0150-goo_totaal']").focus()
    for toets, naar in [
        ("ArrowDown", "GM1774-goo_totaal"),
        ("ArrowRight", "GM1774-goo_bezet"),  # the moved-to cell is selected: right moves on
        ("ArrowUp", "GM0150-goo_bezet"),
        ("ArrowLeft", "GM0150-goo_totaal"),
        ("Enter", "GM1774-goo_totaal"),
        ("Shift+Enter", "GM0150-goo_totaal"),
    ]:
        pagina.keyboard.press(toets)
        assert actief(pagina) == naar, toets

    # Zwolle, the last of 25 rows: occupied above the total.
    pagina.locator("input[name='GM0193-goo_totaal']").fill("100")
    pagina.locator("input[name='GM0193-goo_bezet']").fill("120")
    pagina.keyboard.press("Enter")  # in the last row: goes nowhere, submits nothing
    assert actief(pagina) == "GM0193-goo_bezet"
    assert pagina.locator("#foutsamenvatting").count() == 0

    pagina.keyboard.press("Tab")  # the table is one Tab stop: straight on to Save
    assert pagina.evaluate("document.activeElement.textContent") == "Opslaan"
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")

    samenvatting = pagina.locator("#foutsamenvatting")
    assert pagina.evaluate("document.activeElement.id") == "foutsamenvatting"
    assert samenvatting.get_by_role("heading").inner_text() == (
        "Er is een probleem: er is niets opgeslagen"
    )
    link = samenvatting.get_by_role("link", name="Zwolle, bezet: Bezet (120) is meer dan")
    link.click()
    assert actief(pagina) == "GM0193-goo_bezet"
    veld = pagina.locator("input[name='GM0193-goo_bezet']")
    assert veld.get_attribute("aria-invalid") == "true"
    beschrijving = pagina.locator(f"#{veld.get_attribute('aria-describedby')}")
    assert beschrijving.inner_text() == "Bezet (120) is meer dan het totaal (100)."
    assert ernstige_schendingen(pagina) == []
    assert not OekraineTelling.objects.filter(peildatum__datum=DATUM).exists()

    pagina.keyboard.press("Control+a")
    pagina.keyboard.type("90")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Opslaan"
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert pagina.get_by_role("status").inner_text() == "Opgeslagen: 3 gemeenten gewijzigd."
    opgeslagen = OekraineTelling.objects.filter(peildatum__datum=DATUM)
    assert sorted(opgeslagen.values_list("gemeente__naam", "goo_totaal", "goo_bezet")) == [
        ("Deventer", 520, 480),
        ("Dinkelland", 300, 250),
        ("Zwolle", 100, 90),
    ]
