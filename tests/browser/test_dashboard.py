"""A regietafel member's journey in real Chromium: log in, open Overijssel, drill down
to IJsselland and Deventer, read the figures (Overijssel werkplan 2024); and an axe
scan of the dashboard and the gemeente page finds no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def cel(pagina, tabel: str, gebied: str, kolom: str) -> str:
    rij = pagina.locator(f"{tabel} tbody tr", has=pagina.locator("th", has_text=gebied)).first
    return rij.locator(f"td[data-kolom='{kolom}']").inner_text().strip()


def gemeentecel(pagina, blok: str, kolom: str) -> str:
    return pagina.locator(f"table[data-blok='{blok}'] td[data-kolom='{kolom}']").inner_text()


def ernstige_schendingen(pagina) -> list[str]:
    # Through DevTools, not a <script> tag: the Content Security Policy refuses inline code.
    pagina.evaluate(AXE.read_text())
    uitkomst = pagina.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in uitkomst["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_lid_zoomt_in_op_ijsselland_en_deventer(demodata, pagina, inloggen, live_server):
    assert AXE.is_file(), "axe-core ontbreekt: draai `make install` (npm ci)"
    inloggen("lid", "demo-prt-2024")

    pagina.get_by_role("link", name="Overijssel").click()
    pagina.get_by_role("heading", name="Overijssel", level=1).wait_for()
    assert cel(pagina, "table[data-blok='asiel']", "Overijssel", "opgave") == "6.325"
    assert cel(pagina, "table[data-blok='statushouders']", "Overijssel", "te_realiseren") == (
        "1.693"
    )
    assert ernstige_schendingen(pagina) == []

    pagina.locator("table[data-blok='asiel']").get_by_role("link", name="IJsselland").click()
    pagina.get_by_role("heading", name="IJsselland", level=1).wait_for()
    assert cel(pagina, "table[data-blok='asiel']", "IJsselland", "opgave") == "3.050"
    assert cel(pagina, "table[data-blok='oekraine']", "IJsselland", "opgave") == "3.998"
    assert cel(pagina, "table[data-blok='statushouders']", "IJsselland", "te_realiseren") == "766"
    assert pagina.locator("table[data-blok='asiel'] th", has_text="Twente").count() == 0

    pagina.locator("table[data-blok='asiel']").get_by_role("link", name="Deventer").click()
    pagina.get_by_role("heading", name="Deventer", level=1).wait_for()
    assert gemeentecel(pagina, "asiel", "opgave") == "529"
    assert gemeentecel(pagina, "statushouders", "taakstelling") == "108"
    assert gemeentecel(pagina, "statushouders", "te_realiseren") == "95"
    assert pagina.get_by_text("Nog geen locaties in het register.").is_visible()
    assert ernstige_schendingen(pagina) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trend_grafiek_is_svg_met_tabel_ernaast(demodata, pagina, inloggen, live_server):
    inloggen("lid", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/provincies/PV25/trend/")
    grafiek = pagina.locator("div[data-grafiek='trend-asiel']")
    grafiek.locator("svg").first.wait_for()  # ECharts' SVG renderer, assets from node_modules
    assert grafiek.get_attribute("role") == "img" and grafiek.get_attribute("aria-label")
    realisatie = pagina.locator("table[data-trend='asiel'] td[data-kolom='realisatie']")
    assert realisatie.all_inner_texts() == ["4.735", "9.274", "9.274"]
    assert ernstige_schendingen(pagina) == []
