"""Blocker 1 of issue 14: the Bijlage 2 form and the outlook form showed their default
quarters as "2.024-Q1" (the thousands separator on the year), so Chromium refused to
submit the one and the outlook's "Toon" ended on a 404."""

from __future__ import annotations

import pytest
from django.utils import timezone


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_bijlage_2_downloadt_met_de_standaardkwartalen(demodata, pagina, inloggen, live_server):
    inloggen("lid", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/exports/PV23/")
    sectie = pagina.locator("section", has_text="Bijlage 2")
    jaar = timezone.localdate().year  # the default horizon (`realisatie.horizon`)
    assert sectie.get_by_label("Eerste kwartaal").input_value() == f"{jaar}-Q1"
    assert sectie.get_by_label("Laatste kwartaal").input_value() == f"{jaar + 2}-Q4"
    with pagina.expect_download() as download:
        sectie.get_by_role("button", name="Downloaden").click()
    assert download.value.suggested_filename.startswith("bijlage-2-asiel-PV23-")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_vooruitblik_toon_opent_de_gekozen_kwartalen(demodata, pagina, inloggen, live_server):
    inloggen("lid", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/provincies/PV23/vooruitblik/")
    jaar = timezone.localdate().year
    assert pagina.get_by_label("Vanaf kwartaal").input_value() == f"{jaar}-Q1"
    pagina.get_by_label("Tot en met kwartaal").fill(f"{jaar + 1}-Q2")
    with pagina.expect_navigation() as navigatie:
        pagina.get_by_role("button", name="Toon").click()
    assert navigatie.value.status == 200
    assert f"van={jaar}-Q1" in pagina.url and f"tot={jaar + 1}-Q2" in pagina.url
    pagina.get_by_role("heading", name="Vooruitblik asielcapaciteit Overijssel").wait_for()
    assert pagina.get_by_label("Tot en met kwartaal").input_value() == f"{jaar + 1}-Q2"
