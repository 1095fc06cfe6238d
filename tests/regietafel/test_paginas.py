"""The regietafel's pages through real requests, with the database state afterwards:
a meeting with its agenda, attendance, decisions and actions; the minutes approved at the
next meeting; requests, knelpunten, toezicht and the Spreidingswet cycle; the pieces on
the dashboard, the gemeente page, the signals page and the main navigation."""

from __future__ import annotations

import datetime

import pytest

from gemeenten.models import Gemeente
from realisatie.models import Peildatum
from regietafel import services
from regietafel.demodata import regietafel_demodata_laden
from regietafel.models import (
    Aanwezigheid,
    Actie,
    Agendapunt,
    Knelpunt,
    Mijlpaal,
    Regietafelbesluit,
    Toezicht,
    Vergadering,
    Verzoek,
)
from tests.regietafel.conftest import actie

D = datetime.date
pytestmark = pytest.mark.django_db


def test_vergadering_aanmaken_en_invullen(als, secretaris, overijssel):
    client = als(secretaris)
    peildatum = Peildatum.objects.get(provincie=overijssel, datum=D(2023, 4, 1))
    antwoord = client.post(
        "/regietafel/PV23/vergaderingen/nieuw/",
        {"datum": "2024-03-04", "omschrijving": "PRT Overijssel", "peildatum": peildatum.pk},
    )
    vergadering = Vergadering.objects.get()
    assert antwoord["Location"] == f"/regietafel/PV23/vergaderingen/{vergadering.pk}/"
    assert vergadering.peildatum == peildatum
    basis = f"/regietafel/PV23/vergaderingen/{vergadering.pk}"
    client.post(
        f"{basis}/agendapunten/", {"onderwerp": "Stand van zaken", "peildatum": peildatum.pk}
    )
    client.post(f"{basis}/aanwezigen/", {"naam": "A. de Vries", "organisatie": "COA", "rol": "lid"})
    client.post(f"{basis}/besluiten/", {"tekst": "De planning 2024 is vastgesteld."})
    client.post(
        f"{basis}/acties/", {"tekst": "Plan in potlood", "eigenaar": "RRT", "termijn": "2024-06-30"}
    )
    assert Agendapunt.objects.get().peildatum == peildatum
    assert Aanwezigheid.objects.get().organisatie == "COA"
    assert Regietafelbesluit.objects.get().nummer == 1
    assert Actie.objects.get().termijn == D(2024, 6, 30)
    html = client.get(f"{basis}/").content.decode()
    assert "cijfers van peildatum 1-4-2023" in html
    assert "/provincies/PV23/?peildatum=2023-04-01" in html
    assert "De planning 2024 is vastgesteld." in html and "A. de Vries" in html


def test_fout_op_de_vergaderpagina_schrijft_niets(als, secretaris, vergadering):
    antwoord = als(secretaris).post(
        f"/regietafel/PV23/vergaderingen/{vergadering.pk}/acties/",
        {"tekst": "Plan", "eigenaar": "COA", "termijn": "2024-01-01"},
    )
    assert antwoord.status_code == 400
    assert "De termijn 1-1-2024 ligt vóór de vergadering van 4-3-2024." in antwoord.content.decode()
    assert not Actie.objects.exists()


def test_dubbele_vergadering_geeft_een_melding(als, secretaris, vergadering):
    antwoord = als(secretaris).post(
        "/regietafel/PV23/vergaderingen/nieuw/", {"datum": "2024-03-04"}
    )
    assert antwoord.status_code == 400
    assert "Overijssel heeft al een vergadering op 4-3-2024." in antwoord.content.decode()
    assert Vergadering.objects.count() == 1


def test_verslag_goedkeuren_in_de_volgende_vergadering(als, secretaris, vergadering):
    client = als(secretaris)
    client.post(
        f"/regietafel/PV23/vergaderingen/{vergadering.pk}/wijzigen/",
        {"datum": "2024-03-04", "omschrijving": "PRT", "verslag": "Verslag van 4 maart."},
    )
    juni = services.vergadering_aanmaken(
        door=secretaris, provincie=vergadering.provincie, datum=D(2024, 6, 7)
    )
    pagina = client.get(f"/regietafel/PV23/vergaderingen/{juni.pk}/").content.decode()
    assert "Het verslag van een eerdere vergadering goedkeuren" in pagina
    antwoord = client.post(
        f"/regietafel/PV23/vergaderingen/{juni.pk}/verslag-goedkeuren/",
        {"vergadering": vergadering.pk},
    )
    assert antwoord.status_code == 302
    vergadering.refresh_from_db()
    assert vergadering.verslag_goedgekeurd_in == juni
    overzicht = client.get("/regietafel/PV23/").content.decode()
    assert "goedgekeurd op 7-6-2024" in overzicht


def test_actie_gereed_melden(als, secretaris, vergadering):
    nieuw = actie(secretaris, vergadering)
    antwoord = als(secretaris).post(
        f"/regietafel/PV23/acties/{nieuw.pk}/afronden/",
        {"op": "2024-06-07", "status": "gereed", "terug": "https://elders.example/"},
    )
    assert antwoord["Location"] == "/regietafel/PV23/acties/"  # never off-site
    nieuw.refresh_from_db()
    assert (nieuw.status, nieuw.status_op) == ("gereed", D(2024, 6, 7))


def test_actie_wijzigen_met_status(als, secretaris, vergadering):
    nieuw = actie(secretaris, vergadering)
    url = f"/regietafel/PV23/acties/{nieuw.pk}/"
    gegevens = {"tekst": "Plan", "eigenaar": "COA", "termijn": "2024-06-30", "status": "vervallen"}
    antwoord = als(secretaris).post(url, gegevens)
    assert antwoord.status_code == 400
    assert "Geef de datum waarop de actie gereed of vervallen is." in antwoord.content.decode()
    als(secretaris).post(url, {**gegevens, "status_op": "2024-05-01"})
    nieuw.refresh_from_db()
    assert (nieuw.status, nieuw.eigenaar) == ("vervallen", "COA")


def test_verzoek_knelpunt_toezicht_en_cyclus(als, secretaris, vergadering):
    client = als(secretaris)
    client.post(
        "/regietafel/PV23/verzoeken/nieuw/",
        {
            "omschrijving": "225 plekken crisisnoodopvang",
            "soort": "crisisnoodopvang",
            "aantal": "225",
            "veiligheidsregio": Gemeente.objects.get(code="GM0153").veiligheidsregio_id,
            "ontvangen_op": "2024-01-10",
            "uiterlijk": "2024-02-01",
        },
    )
    assert Verzoek.objects.get().veiligheidsregio.naam == "Twente"
    client.post(
        "/regietafel/PV23/knelpunten/nieuw/",
        {"ingebracht_in": vergadering.pk, "thema": "onderwijs", "omschrijving": "ISK vol"},
    )
    knelpunt = Knelpunt.objects.get()
    client.post(
        f"/regietafel/PV23/knelpunten/{knelpunt.pk}/",
        {
            "thema": "onderwijs",
            "omschrijving": "ISK vol",
            "status": "geescaleerd",
            "geescaleerd_naar": "LRT",
            "geescaleerd_op": "2024-03-20",
        },
    )
    knelpunt.refresh_from_db()
    assert (knelpunt.status, knelpunt.geescaleerd_naar) == ("geescaleerd", "LRT")
    tubbergen = Gemeente.objects.get(code="GM0183")
    client.post(
        "/regietafel/PV23/toezicht/nieuw/",
        {"gemeente": tubbergen.pk, "regime": "rood", "sinds": "2024-04-01"},
    )
    toezicht = Toezicht.objects.get()
    client.post(
        f"/regietafel/PV23/toezicht/{toezicht.pk}/afspraken/",
        {"omschrijving": "Plan van aanpak", "datum": "2024-07-01"},
    )
    assert toezicht.afspraken.get().datum == D(2024, 7, 1)
    client.post("/regietafel/PV23/spreidingswet/", {"cyclus": "2024"})
    assert Mijlpaal.objects.count() == 4
    html = client.get("/regietafel/PV23/").content.decode()
    for tekst in (
        "Onderwijs (ISK)",
        "LRT",
        "Tubbergen",
        "Rood: bestuurlijk overleg",
        "Cyclus 2024",
    ):
        assert tekst in html, tekst
    assert "1-11-2024" in html and "nog niet bekend" in html  # verslag CdK, verdeelbesluit


def test_toezicht_op_de_gemeentepagina(als, lid, secretaris, overijssel):
    kampen = Gemeente.objects.get(code="GM0166")
    services.toezicht_vastleggen(
        door=secretaris, gemeente=kampen, regime="groen", sinds=D(2024, 1, 1)
    )
    oranje = services.toezicht_vastleggen(
        door=secretaris, gemeente=kampen, regime="oranje", sinds=D(2024, 4, 1)
    )
    services.toezichtafspraak_vastleggen(
        door=secretaris, toezicht=oranje, omschrijving="Ambtelijk overleg", datum=D(2024, 5, 1)
    )
    html = als(lid).get("/gemeenten/GM0166/").content.decode()
    assert "Toezicht huisvesting statushouders" in html
    assert "Oranje: ambtelijk overleg" in html and "sinds 1-4-2024" in html
    assert "Ambtelijk overleg — 1-5-2024" in html
    assert "Historie van het regime" in html and "Groen: monitoren" in html
    eerder = als(lid).get("/gemeenten/GM0166/?peildatum=2024-02-01").content.decode()
    assert "sinds 1-1-2024" in eerder
    from regietafel.selectors import toezicht_per_gemeente

    assert toezicht_per_gemeente(overijssel, D(2024, 2, 1))["GM0166"].regime == "groen"
    assert toezicht_per_gemeente(overijssel, D(2024, 4, 1))["GM0166"].regime == "oranje"
    assert "GM0150" not in toezicht_per_gemeente(overijssel, D(2024, 4, 1))


def test_actie_over_de_termijn_is_een_signaal(als, lid, secretaris, vergadering):
    actie(secretaris, vergadering, "Plan in potlood", D(2024, 6, 30))
    actie(secretaris, vergadering, "Verslag CdK", D(2024, 11, 1))
    html = als(lid).get("/provincies/PV23/signalen/?peildatum=2024-07-10").content.decode()
    assert "Acties over de termijn" in html
    assert 'data-actie="1"' in html and 'data-actie="2"' not in html
    assert "Plan in potlood" in html
    assert '<td data-kolom="dagen">10</td>' in html


def test_navigatie_en_dashboard(als, lid, demodata):
    html = als(lid).get("/provincies/PV23/").content.decode()
    assert 'href="/regietafel/"' in html  # main navigation
    assert 'href="/regietafel/PV23/"' in html  # the province's list of links
    assert "Geen open verzoeken van het Rijk." in html


def test_demodata_laden_is_herhaalbaar(demodata):
    regietafel_demodata_laden()
    aantallen = [m.objects.count() for m in (Vergadering, Actie, Verzoek, Knelpunt, Toezicht)]
    regietafel_demodata_laden()
    assert [
        m.objects.count() for m in (Vergadering, Actie, Verzoek, Knelpunt, Toezicht)
    ] == aantallen
    assert aantallen == [5, 4, 2, 3, 3]
    assert Regietafelbesluit.objects.filter(provincie__code="PV23").count() == 2
    assert Vergadering.objects.get(
        provincie__code="PV23", datum=D(2023, 12, 22)
    ).verslag_goedgekeurd_in.datum == D(2024, 3, 4)


def test_beheer_alleen_lezen_met_historie(als, beheerder, secretaris, vergadering):
    nieuw = actie(secretaris, vergadering)
    client = als(beheerder)
    lijst = client.get("/admin/regietafel/actie/")
    assert lijst.status_code == 200 and "/admin/regietafel/actie/add/" not in lijst.content.decode()
    assert client.get("/admin/regietafel/actie/add/").status_code == 403
    historie = client.get(f"/admin/regietafel/actie/{nieuw.pk}/history/")
    assert historie.status_code == 200 and "secretaris-overijssel" in historie.content.decode()
    assert (
        client.post(f"/admin/regietafel/actie/{nieuw.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Actie.objects.filter(pk=nieuw.pk).exists()
