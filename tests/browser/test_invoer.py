"""Journey of the Overijssel secretary: log in with the second step, create a peildatum,
enter Oekraïne figures for three gemeenten (one row invalid), correct, save, see the
dashboard total change by exactly what was entered, find the change in the history.
The Gelderland secretary gets 403 on Overijssel's entry form and on its API."""

from __future__ import annotations

import pytest

from realisatie.models import OekraineTelling

WACHTWOORD = "demo-prt-2024"
DATUM = "2024-09-01"


def tweede_stap(pagina, code: str) -> None:
    assert "/accounts/twee-stap/" in pagina.url, pagina.url
    pagina.get_by_label("Code").fill(code)
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Bevestigen").click()


def rij(pagina, code: str):
    return pagina.locator(f"tr[data-gemeente='{code}']")


def vul(pagina, code: str, **velden) -> None:
    for veld, waarde in velden.items():
        pagina.locator(f"input[name='{code}-{veld}']").fill(str(waarde))


def oekraine_totaal(pagina) -> str:
    regel = pagina.locator("table[data-blok='oekraine'] tbody tr[data-code='PV23']")
    return regel.locator("td[data-kolom='realisatie']").inner_text().strip()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretaris_voert_oekraine_in(
    demodata, twee_stap_aan, demo_code, pagina, inloggen, live_server
) -> None:
    inloggen("secretaris-overijssel", WACHTWOORD)
    tweede_stap(pagina, demo_code("secretaris-overijssel"))

    pagina.goto(f"{live_server.url}/provincies/PV23/?peildatum={DATUM}")
    assert "niet geregistreerd" in oekraine_totaal(pagina)  # nothing entered yet

    pagina.goto(f"{live_server.url}/invoer/")
    pagina.get_by_role("heading", name="Invoer Overijssel").wait_for()
    pagina.get_by_label("Peildatum").fill(DATUM)
    # Until the page has loaded, invoer.js (at the end of the body) may not have run yet,
    # and without it Enter submits the form: wait for the load, not just the heading.
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Peildatum aanmaken").click()
    pagina.get_by_role("heading", name="Overijssel, peildatum 1-9-2024").wait_for()

    # Enter moves down a column, like a spreadsheet.
    pagina.locator("input[name='GM0150-goo_totaal']").focus()
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.name") == "GM1774-goo_totaal"

    vul(pagina, "GM0150", goo_totaal=520, goo_bezet=480, goo_beschikbaar=30, poo=12)
    vul(pagina, "GM0193", goo_totaal=100, goo_bezet=120, toelichting="Inclusief hotel")
    vul(pagina, "GM0153", goo_totaal=980, goo_bezet=900)
    pagina.get_by_role("button", name="Opslaan").click()

    fout = pagina.locator("#id_GM0193-goo_bezet_error")
    fout.wait_for()
    assert fout.inner_text() == "Bezet (120) is meer dan het totaal (100)."
    assert pagina.locator(".veldfout").count() == 1
    assert not OekraineTelling.objects.filter(peildatum__datum=DATUM).exists()

    vul(pagina, "GM0193", goo_bezet=90)
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.get_by_text("Opgeslagen: 3 gemeenten gewijzigd.").wait_for()
    # Deventer 520 against its opgave of 520: verschil 0, 100%.
    assert rij(pagina, "GM0150").locator("td[data-kolom='verschil']").inner_text() == "0"
    assert rij(pagina, "GM0150").locator("td[data-kolom='percentage']").inner_text() == "100%"
    # Enschede 980 against 980.
    assert rij(pagina, "GM0153").locator("td[data-kolom='opgave']").inner_text() == "980"

    pagina.goto(f"{live_server.url}/provincies/PV23/?peildatum={DATUM}")
    assert oekraine_totaal(pagina).startswith("1.600")  # 520 + 100 + 980

    pagina.goto(f"{live_server.url}/invoer/PV23/{DATUM}/historie/")
    zwolle = pagina.locator("table.historie tr[data-gemeente='GM0193']")
    assert zwolle.count() == 1
    tekst = zwolle.inner_text()
    assert "secretaris-overijssel" in tekst and "100" in tekst and "Inclusief hotel" in tekst

    pagina.get_by_role("button", name="Uitloggen").click()
    inloggen("secretaris-gelderland", WACHTWOORD)
    tweede_stap(pagina, demo_code("secretaris-gelderland"))
    antwoord = pagina.goto(f"{live_server.url}/invoer/PV23/{DATUM}/oekraine/")
    assert antwoord is not None and antwoord.status == 403
    api = f"{live_server.url}/api/v1/provincies/PV23/peildata/{DATUM}/oekraine-tellingen"
    assert pagina.request.get(api).status == 403
    csrf = next(c["value"] for c in pagina.context.cookies() if c["name"] == "csrftoken")
    antwoord = pagina.request.post(
        api,
        data={"tellingen": [{"gemeente": "GM0150", "gooTotaal": 1}]},
        headers={"X-CSRFToken": csrf, "If-Match": "*", "Referer": live_server.url},
    )
    assert antwoord.status == 403
    assert (
        OekraineTelling.objects.get(peildatum__datum=DATUM, gemeente__code="GM0150").goo_totaal
        == 520
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_kolom_uit_excel_plakken(demodata, pagina, inloggen, live_server) -> None:
    from gemeenten.models import Provincie
    from realisatie.models import Peildatum

    Peildatum.objects.create(provincie=Provincie.objects.get(code="PV23"), datum=DATUM)
    inloggen("secretaris-overijssel", WACHTWOORD)
    pagina.goto(f"{live_server.url}/invoer/PV23/{DATUM}/oekraine/")

    # Two lines of two Excel columns: totaal and bezet, for Deventer and Dinkelland.
    pagina.locator("input[name='GM0150-goo_totaal']").evaluate(
        """(cel) => {
            const data = new DataTransfer();
            data.setData("text/plain", "1.200\\t1.100\\r\\n300\\t250\\r\\n");
            cel.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }"""
    )

    waarde = lambda naam: pagina.locator(f"input[name='{naam}']").input_value()  # noqa: E731
    assert [waarde("GM0150-goo_totaal"), waarde("GM0150-goo_bezet")] == ["1200", "1100"]
    assert [waarde("GM1774-goo_totaal"), waarde("GM1774-goo_bezet")] == ["300", "250"]
    assert waarde("GM0153-goo_totaal") == ""  # the rows below the pasted block stay empty
