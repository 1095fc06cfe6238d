"""The Overijssel secretary walks a PRT meeting in real Chromium: creates the meeting with
an agenda item pointing to a peildatum, records two decisions and three actions, marks
one action done, sees the overdue one as a signal, approves the minutes at the next
meeting and exports the actielijst, whose rows are read back with openpyxl. Every new
page passes axe without serious or critical violations."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest

from gemeenten.models import Provincie
from realisatie.models import Peildatum
from regietafel.models import Actie, Regietafelbesluit, Vergadering
from tests.browser.test_dashboard import AXE, ernstige_schendingen

WACHTWOORD = "demo-prt-2024"

ACTIES = [
    ("Regionaal plan 'in potlood' opstellen", "Regionale regietafels", "2024-06-30"),
    ("Lokale besluitvorming over asielopvang", "Gemeenten", "2024-09-01"),
    ("Provinciaal verslag voor de CdK voorbereiden", "Secretariaat PRT", "2099-11-01"),
]


def toon(pagina, tekst: str) -> None:
    pagina.get_by_text(tekst).first.wait_for()


def geen_schendingen(pagina, waar: str) -> None:
    schendingen = ernstige_schendingen(pagina)
    assert schendingen == [], f"{waar}: {schendingen}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretaris_loopt_een_vergadering_door(demodata, pagina, inloggen, live_server):
    assert AXE.is_file(), "axe-core ontbreekt: draai `make install` (npm ci)"
    Peildatum.objects.create(
        provincie=Provincie.objects.get(code="PV23"),
        datum=datetime.date(2024, 3, 1),
        omschrijving="Stand van zaken maart",
    )
    inloggen("secretaris-overijssel", WACHTWOORD)

    # From the main navigation to Overijssel's regietafel, then a new meeting.
    pagina.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Regietafel"
    ).click()
    pagina.get_by_role("heading", name="Regietafel Overijssel", level=1).wait_for()
    geen_schendingen(pagina, "overzicht (leeg)")
    pagina.get_by_role("link", name="Nieuwe vergadering").click()
    geen_schendingen(pagina, "formulier nieuwe vergadering")
    pagina.get_by_label("Datum van de vergadering").fill("2024-03-04")
    pagina.get_by_label("Omschrijving").fill("PRT Overijssel")
    pagina.get_by_label("Besproken peildatum").select_option(
        label="1-3-2024 (Stand van zaken maart)"
    )
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.get_by_role("heading", name="PRT Overijssel, vergadering van 4 maart 2024").wait_for()

    # The agenda: an item with the peildatum's figures.
    pagina.get_by_label("Onderwerp").fill("Stand van zaken")
    pagina.get_by_label("Cijfers van peildatum").select_option(
        label="1-3-2024 (Stand van zaken maart)"
    )
    pagina.get_by_role("button", name="Agendapunt toevoegen").click()
    toon(pagina, "Het agendapunt is toegevoegd.")
    agendapunt = pagina.locator("ol[data-lijst='agenda'] li[data-agendapunt='1']")
    assert "Stand van zaken" in agendapunt.inner_text()
    assert (
        agendapunt.get_by_role("link", name="cijfers van peildatum 1-3-2024")
        .get_attribute("href")
        .endswith("/provincies/PV23/?peildatum=2024-03-01")
    )

    # Two decisions and three actions.
    for besluit in ("De planning PRT 2024 is vastgesteld.", "Het afsprakenkader blijft gelden."):
        pagina.get_by_label("Besluit", exact=True).fill(besluit)
        pagina.get_by_role("button", name="Besluit toevoegen").click()
        toon(pagina, "Het besluit is toegevoegd aan de besluitenlijst.")
    for tekst, eigenaar, termijn in ACTIES:
        pagina.get_by_label("Actie", exact=True).fill(tekst)
        pagina.get_by_label("Eigenaar").fill(eigenaar)
        pagina.get_by_label("Termijn").fill(termijn)
        pagina.get_by_role("button", name="Actie toevoegen").click()
        toon(pagina, "De actie is toegevoegd aan de actielijst.")
    assert [b.nummer for b in Regietafelbesluit.objects.order_by("nummer")] == [1, 2]
    assert [a.nummer for a in Actie.objects.order_by("nummer")] == [1, 2, 3]
    geen_schendingen(pagina, "vergaderpagina")

    # Action 1 is done on 7 June; action 2 stays open past its deadline.
    rij = pagina.locator("table[data-tabel='acties'] tr[data-actie='1']")
    rij.get_by_label("Actie 1 gereed op").fill("2024-06-07")
    rij.get_by_role("button", name="Gereed actie 1").click()
    toon(pagina, "Actie 1 is afgerond.")
    assert Actie.objects.get(nummer=1).status == "gereed"
    assert Actie.objects.get(nummer=1).status_op == datetime.date(2024, 6, 7)

    # The overdue action is a signal (the third one's deadline is still ahead).
    pagina.goto(f"{live_server.url}/provincies/PV23/signalen/")
    sectie = pagina.locator("table[data-signaal='acties']")
    sectie.wait_for()
    assert sectie.locator("tbody tr").count() == 1
    assert (
        "Lokale besluitvorming over asielopvang"
        in sectie.locator("tr[data-actie='2']").inner_text()
    )
    geen_schendingen(pagina, "signalen")

    # The minutes of 4 March, approved at the next meeting on 7 June.
    eerste = Vergadering.objects.get(datum=datetime.date(2024, 3, 4))
    pagina.goto(f"{live_server.url}/regietafel/PV23/vergaderingen/{eerste.pk}/")
    pagina.get_by_role("link", name="De vergadering wijzigen of het verslag schrijven").click()
    pagina.get_by_label("Verslag").fill("Verslag van de PRT van 4 maart 2024.")
    pagina.get_by_role("button", name="Opslaan").click()
    toon(pagina, "De vergadering is opgeslagen.")
    pagina.goto(f"{live_server.url}/regietafel/PV23/vergaderingen/nieuw/")
    pagina.get_by_label("Datum van de vergadering").fill("2024-06-07")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.get_by_role("heading", name="PRT Overijssel, vergadering van 7 juni 2024").wait_for()
    pagina.get_by_label("Keur het verslag goed van de vergadering van").select_option(
        label="4-3-2024 PRT Overijssel"
    )
    pagina.get_by_role("button", name="Verslag goedkeuren").click()
    toon(pagina, "Het verslag is goedgekeurd.")
    assert pagina.locator("[data-veld='goedgekeurd']").inner_text().endswith("4-3-2024")
    eerste.refresh_from_db()
    assert eerste.verslag_goedgekeurd_in.datum == datetime.date(2024, 6, 7)
    pagina.goto(f"{live_server.url}/regietafel/PV23/")
    regel = pagina.locator(f"table[data-tabel='vergaderingen'] tr[data-vergadering='{eerste.pk}']")
    assert regel.locator("td[data-kolom='verslag']").inner_text() == "goedgekeurd op 7-6-2024"
    geen_schendingen(pagina, "overzicht (gevuld)")

    # The actielijst as the secretary sends it with the stukken.
    pagina.get_by_role("link", name="Actielijst", exact=True).first.click()
    pagina.get_by_role("heading", name="Actielijst Overijssel").wait_for()
    geen_schendingen(pagina, "actielijst")
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Downloaden als Excel").click()
    assert download.value.suggested_filename.startswith("actielijst-PV23-")
    with open(download.value.path(), "rb") as bestand:
        blad = openpyxl.load_workbook(io.BytesIO(bestand.read()))["Actielijst"]
    kop = next(r for r in range(1, 10) if blad.cell(row=r, column=1).value == "Nr.")
    rijen = [
        [cel.value for cel in rij]
        for rij in blad.iter_rows(min_row=kop + 1, max_row=blad.max_row)
        if rij[0].value is not None
    ]
    assert [(r[0], r[2], r[3], r[5]) for r in rijen] == [
        (1, ACTIES[0][0], ACTIES[0][1], "gereed"),
        (2, ACTIES[1][0], ACTIES[1][1], "open, termijn verstreken"),
        (3, ACTIES[2][0], ACTIES[2][1], "open"),
    ]
    assert [r[1].date() for r in rijen] == [datetime.date(2024, 3, 4)] * 3
    assert rijen[0][6].date() == datetime.date(2024, 6, 7)
    assert rijen[1][4].date() == datetime.date(2024, 9, 1)

    pagina.goto(f"{live_server.url}/regietafel/PV23/acties/print/")
    geen_schendingen(pagina, "actielijst afdrukken")
    pagina.goto(f"{live_server.url}/regietafel/PV23/provinciaal-verslag/")
    pagina.get_by_role("heading", name="Provinciaal verslag asielopgave Overijssel").wait_for()
    geen_schendingen(pagina, "provinciaal verslag")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_regietafelpaginas_met_demodata_zijn_toegankelijk(demodata, pagina, inloggen, live_server):
    """Every new page and piece, filled with the demo items, for a reader and an editor."""
    from regietafel.demodata import regietafel_demodata_laden
    from regietafel.models import Knelpunt, Mijlpaal, Toezicht, Verzoek

    regietafel_demodata_laden()
    inloggen("secretaris-overijssel", WACHTWOORD)
    vergadering = Vergadering.objects.get(provincie__code="PV23", datum=datetime.date(2024, 3, 4))
    tubbergen = Toezicht.objects.get(gemeente__naam="Tubbergen")
    paden = [
        "/regietafel/PV23/",
        f"/regietafel/PV23/vergaderingen/{vergadering.pk}/",
        f"/regietafel/PV23/vergaderingen/{vergadering.pk}/wijzigen/",
        f"/regietafel/PV23/acties/{Actie.objects.filter(provincie__code='PV23').first().pk}/",
        f"/regietafel/PV23/verzoeken/{Verzoek.objects.get(provincie__code='PV23').pk}/",
        "/regietafel/PV23/toezicht/nieuw/",
        f"/regietafel/PV23/toezicht/{tubbergen.pk}/afspraken/",
        f"/regietafel/PV23/spreidingswet/{Mijlpaal.objects.filter(provincie__code='PV23').first().pk}/",
        "/provincies/PV23/",  # the open requests beside the opgave
        "/gemeenten/GM0183/",  # Tubbergen's toezicht
    ]
    for pad in paden:
        pagina.goto(f"{live_server.url}{pad}")
        geen_schendingen(pagina, pad)
    assert "Rood: bestuurlijk overleg" in pagina.content()

    pagina.get_by_role("button", name="Uitloggen").click()
    inloggen("secretaris-gelderland", WACHTWOORD)
    knelpunt = Knelpunt.objects.filter(provincie__code="PV25").first()
    for pad in ("/regietafel/PV25/", f"/regietafel/PV25/knelpunten/{knelpunt.pk}/"):
        pagina.goto(f"{live_server.url}{pad}")
        geen_schendingen(pagina, pad)
    antwoord = pagina.goto(f"{live_server.url}/regietafel/PV23/")
    assert antwoord is not None and antwoord.status == 403
