"""The beheerder publishes Overijssel in real Chromium; an anonymous visitor then sees the
vastgestelde figures of 1-9-2024 (Deventer 500 GOO places, the opgave 6.325) and nothing
else (no navigation, no links to members' pages, no notes); after unpublishing the page
is gone for a new visitor (a browser may keep the public page for its max-age). Both
pages pass axe without serious or critical violations."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from gemeenten.models import Provincie
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import Peildatum
from tests.browser.axe import ernstige_schendingen

WACHTWOORD = "demo-prt-2024"
NOTITIE = "Interne notitie over Deventer"


def cel(pagina, blok: str, gebied: str, kolom: str) -> str:
    tabel = pagina.locator(f"table[data-blok='{blok}']")
    rij = tabel.locator("tbody tr", has=pagina.locator("th", has_text=gebied)).first
    return rij.locator(f"td[data-kolom='{kolom}']").inner_text().strip()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_beheerder_publiceert_overijssel(demodata, chromium_browser, pagina, inloggen, live_server):
    secretaris = get_user_model().objects.get(username="secretaris-overijssel")
    peildatum = Peildatum.objects.create(
        provincie=Provincie.objects.get(code="PV23"), datum=datetime.date(2024, 9, 1)
    )
    services.oekraine_tellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[OekraineRij("GM0150", goo_totaal=500, toelichting=NOTITIE)],
    )
    services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)

    inloggen("beheerder", WACHTWOORD)
    pagina.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Publicatie"
    ).click()
    pagina.get_by_role("button", name="Overijssel publiceren").click()
    pagina.get_by_role("button", name="Overijssel niet meer publiceren").wait_for()
    assert ernstige_schendingen(pagina) == []

    bezoeker = chromium_browser.new_context(locale="nl-NL").new_page()
    antwoord = bezoeker.goto(f"{live_server.url}/openbaar/PV23/")
    assert antwoord.status == 200
    assert "public" in antwoord.headers["cache-control"]
    bezoeker.get_by_role("heading", name="Overijssel", level=1).wait_for()
    assert cel(bezoeker, "oekraine", "Deventer", "realisatie") == "500"
    assert cel(bezoeker, "asiel", "Overijssel", "opgave") == "6.325"
    assert bezoeker.locator("nav.hoofdnavigatie").count() == 0
    assert bezoeker.locator("a[href*='/provincies/'], a[href*='/gemeenten/']").count() == 0
    assert NOTITIE not in bezoeker.content() and "secretaris-overijssel" not in bezoeker.content()
    assert ernstige_schendingen(bezoeker) == []

    pagina.get_by_role("button", name="Overijssel niet meer publiceren").click()
    pagina.get_by_role("button", name="Overijssel publiceren").wait_for()
    bezoeker.context.close()
    # A new visitor (the first one's browser may keep the public page for max-age).
    nieuw = chromium_browser.new_context(locale="nl-NL")
    assert nieuw.new_page().goto(f"{live_server.url}/openbaar/PV23/").status == 404
    nieuw.close()
