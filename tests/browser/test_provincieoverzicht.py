"""Journey of a regietafel member: log in, open a province, read the figures, pick a
peildatum. Figures from the Overijssel werkplan and the Gelderland provinciaal plan."""

from __future__ import annotations

import pytest


def cel(pagina, blok: str, gebied: str, kolom: str) -> str:
    rij = pagina.locator(
        f"table[data-blok='{blok}'] tbody tr", has=pagina.locator("th", has_text=gebied)
    ).first
    return rij.locator(f"td[data-kolom='{kolom}']").inner_text().strip()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_lid_opent_overijssel_en_gelderland(demodata, pagina, inloggen, live_server) -> None:
    inloggen("lid", "demo-prt-2024")

    pagina.get_by_role("link", name="Overijssel").click()
    pagina.get_by_role("heading", name="Overijssel", level=1).wait_for()
    assert cel(pagina, "asiel", "Overijssel", "opgave") == "6.325"
    assert cel(pagina, "asiel", "IJsselland", "opgave") == "3.050"
    assert cel(pagina, "asiel", "Twente", "opgave") == "3.275"
    assert cel(pagina, "oekraine", "Overijssel", "opgave") == "7.882"
    assert cel(pagina, "statushouders", "Overijssel", "taakstelling") == "1.249"
    assert cel(pagina, "statushouders", "Overijssel", "te_realiseren") == "1.693"
    assert (
        cel(pagina, "statushouders", "Deventer", "stand_begin") == "voorsprong 13"
    )  # werkplan 2024: 108 taakstelling, 95 incl.
    # Unknown is shown as unknown, never as 0.
    assert "niet geregistreerd" in cel(pagina, "oekraine", "Deventer", "realisatie")

    pagina.goto(f"{live_server.url}/")
    pagina.get_by_role("link", name="Gelderland").click()
    pagina.get_by_label("Peildatum").select_option("2024-01-01")
    pagina.get_by_role("button", name="Toon").click()
    pagina.get_by_text("Cijfers per peildatum 1 januari 2024").wait_for()
    assert cel(pagina, "asiel", "Gelderland", "opgave") == "7.590 *"  # a province figure
    assert cel(pagina, "asiel", "Gelderland", "realisatie").startswith("9.274")
    assert cel(pagina, "asiel", "Gelderland", "gepland").startswith("10.238")
    assert cel(pagina, "asiel", "Gelderland", "verschil_gepland") == "overschot 2.648 *"
    pagina.screenshot(path="/tmp/prt-gelderland.png", full_page=True)
