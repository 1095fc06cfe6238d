"""Journey of a PRT secretary (issue 15): download the location-list template, add a
location with uncertain values in Excel, upload, check the preview, save, and see the
location with its estimate and extension option in the register and on the timeline."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from realisatie.exports.sjabloon import BLAD
from realisatie.models import Capaciteitsperiode

ONZEKER = [
    "GM0150",
    "Deventer",
    "Sporthal Zuid",
    "CNO",
    "gemeente",
    "gerealiseerd",
    "100?",
    None,
    "1-10-2024",
    "tot 1-7-2025, verlengbaar tot 1-7-2027",
    "huur loopt nog",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretaris_leest_een_locatielijst_met_een_onzekere_rij_in(
    demodata, pagina, inloggen, live_server, tmp_path: Path
) -> None:
    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/invoer/PV23/locaties/")
    pagina.get_by_role("link", name="Locatielijst inlezen").click()
    assert pagina.url.endswith("/invoer/PV23/import/")

    download = pagina.locator("fieldset", has_text="Sjabloon downloaden")
    download.get_by_label("Onderwerp").select_option("locaties")
    with pagina.expect_download() as bestand:
        download.get_by_role("button", name="Sjabloon downloaden").click()
    boek = load_workbook(io.BytesIO(Path(bestand.value.path()).read_bytes()))
    boek[BLAD].append(ONZEKER)
    ingevuld = tmp_path / "locaties.xlsx"
    boek.save(ingevuld)

    upload = pagina.locator("fieldset", has_text="Ingevuld sjabloon uploaden")
    upload.get_by_label("Bestand (.xlsx)").set_input_files(str(ingevuld))
    upload.get_by_role("button", name="Bestand controleren").click()
    wijzigingen = pagina.locator("table.wijzigingen tbody tr")
    wijzigingen.first.wait_for()
    assert wijzigingen.count() == 1
    rij = wijzigingen.first.inner_text()
    assert "Deventer: Sporthal Zuid" in rij and "100? plaatsen" in rij
    assert not Capaciteitsperiode.objects.filter(locatie__naam="Sporthal Zuid").exists()

    pagina.get_by_role("button", name="Alle wijzigingen opslaan").click()
    pagina.get_by_role("heading", name="Locatieregister Overijssel").wait_for()
    assert pagina.get_by_role("status").inner_text() == "Locatielijst opgeslagen: 1 rij."
    locatie = pagina.locator("table[data-tabel='locaties'] tr", has_text="Sporthal Zuid")
    tekst = locatie.inner_text()
    assert "≈ 100 (schatting)" in tekst and "verlengbaar tot 1-7-2027" in tekst
    assert "huur loopt nog" in tekst

    # On the timeline (issue 15, item 5): the estimate is marked in its row.
    pagina.goto(
        f"{live_server.url}/provincies/PV23/tijdlijn/?van=2024-10-01&tot=2025-04-01&stap=maand"
    )
    rij = pagina.locator("tr", has_text="Sporthal Zuid").first.inner_text()
    assert "≈ 100" in rij
