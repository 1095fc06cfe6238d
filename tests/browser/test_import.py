"""Journey of a PRT secretary: find the import under "Invoer", download the template,
fill it in Excel, upload it (the template says what it is for), check the preview,
save, and land on the entry page of what was imported with a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from realisatie.models import OekraineTelling
from tests.exports.sjabloonhulp import invullen

GOO = "GOO-plaatsen totaal"


def cel(pagina, blok: str, gebied: str, kolom: str) -> str:
    rij = pagina.locator(
        f"table[data-blok='{blok}'] tbody tr", has=pagina.locator("th", has_text=gebied)
    ).first
    return rij.locator(f"td[data-kolom='{kolom}']").inner_text().strip()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretaris_importeert_oekraine_cijfers(
    demodata, pagina, inloggen, live_server, tmp_path: Path
) -> None:
    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Invoer"
    ).click()
    pagina.get_by_role("link", name="Cijfers importeren uit Excel").click()
    assert pagina.url.endswith("/invoer/PV23/import/")

    download = pagina.locator("fieldset", has_text="Sjabloon downloaden")
    download.get_by_label("Onderwerp").select_option("oekraine")
    download.get_by_label("Peildatum").select_option("2023-04-01")
    with pagina.expect_download() as bestand:
        download.get_by_role("button", name="Sjabloon downloaden").click()
    sjabloon = Path(bestand.value.path()).read_bytes()

    ingevuld = tmp_path / "ingevuld.xlsx"
    ingevuld.write_bytes(invullen(sjabloon, {("GM0150", GOO): 400, ("GM0150", "bezet"): 380}))
    upload = pagina.locator("fieldset", has_text="Ingevuld sjabloon uploaden")
    assert upload.locator("select").count() == 0  # subject and peildatum come from the file
    upload.get_by_label("Bestand (.xlsx)").set_input_files(str(ingevuld))
    upload.get_by_role("button", name="Bestand controleren").click()

    wijzigingen = pagina.locator("table.wijzigingen tbody tr")
    wijzigingen.first.wait_for()
    assert wijzigingen.count() == 2
    assert wijzigingen.first.inner_text().split("\t") == ["Deventer", GOO, "—", "400"]
    assert not OekraineTelling.objects.filter(gemeente__code="GM0150").exists()

    pagina.get_by_role("button", name="Alle wijzigingen opslaan").click()
    pagina.get_by_role("heading", name="Overijssel, peildatum 1-4-2023").wait_for()
    assert pagina.get_by_role("status").inner_text() == "Import opgeslagen: 1 gemeente gewijzigd."
    assert pagina.locator("input[name='GM0150-goo_totaal']").input_value() == "400"
    assert OekraineTelling.objects.get(gemeente__code="GM0150").goo_totaal == 400


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretaris_importeert_statushouders_per_maand(
    demodata, pagina, inloggen, live_server, tmp_path: Path
) -> None:
    import datetime

    from realisatie.models import Huisvesting
    from tests.exports.test_import_statushouders import AMV, GEHUISVEST, vul

    inloggen("secretaris-overijssel", "demo-prt-2024")
    pagina.goto(f"{live_server.url}/invoer/PV23/import/")
    # Fields by name: the period label is a new msgid awaiting its Dutch translation.
    download = pagina.locator("fieldset", has_text="Sjabloon downloaden")
    download.locator("[name=onderwerp]").select_option("statushouders")
    download.locator("[name=periode]").fill("2024-I")
    with pagina.expect_download() as bestand:
        download.get_by_role("button", name="Sjabloon downloaden").click()
    sjabloon = Path(bestand.value.path()).read_bytes()

    ingevuld = tmp_path / "statushouders.xlsx"
    januari, februari = datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)
    ingevuld.write_bytes(
        vul(
            sjabloon,
            {
                ("GM0150", januari, GEHUISVEST): 20,
                ("GM0150", januari, AMV): 2,
                ("GM0150", februari, GEHUISVEST): 15,
            },
        )
    )
    upload = pagina.locator("fieldset", has_text="Ingevuld sjabloon uploaden")
    upload.get_by_label("Bestand (.xlsx)").set_input_files(str(ingevuld))
    upload.get_by_role("button", name="Bestand controleren").click()

    wijzigingen = pagina.locator("table.wijzigingen tbody tr")
    wijzigingen.first.wait_for()
    assert wijzigingen.count() == 3
    assert wijzigingen.first.inner_text().split("\t")[0] == "Deventer, 1-2024"
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van=januari).exists()

    pagina.get_by_role("button", name="Alle wijzigingen opslaan").click()
    pagina.get_by_role("heading", name="Overijssel, gehuisveste statushouders in 2024-I").wait_for()
    assert pagina.get_by_role("status").inner_text() == "Import opgeslagen: 1 gemeente gewijzigd."
    # Deventer housed 20 + 15 in 2024-I.
    deventer = pagina.locator("tr[data-gemeente='GM0150']")
    assert deventer.locator("td[data-kolom='gehuisvest']").inner_text() == "35"
