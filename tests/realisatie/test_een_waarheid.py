"""One truth per figure: each rule of the aggregation shown through the pages, the
exports and the API, with source-like data on top of the demo (Overijssel werkplan
2024: Deventer's asiel opgave 529, Zwolle's 717, Enschede's 638, province 6.325)."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from opgaven import services as opgaven_services
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Telregel, Uitruil
from realisatie.capaciteit import Kwartaal
from realisatie.halfjaarverloop import halfjaarverloop
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    Opvanglocatie,
    Peildatum,
)
from realisatie.overzicht import provincie_overzicht
from realisatie.vooruitblik import vooruitblik
from tests.conftest import gebruiker
from tests.exports.werkboeklezer import open_werkboek, rij_van, waarde
from toegang.models import Rolsoort

D = datetime.date
PER_1_1_2025 = D(2025, 1, 1)


def gemeente(code: str) -> Gemeente:
    return Gemeente.objects.get(code=code)


def locatie(code, naam, soort, plaatsen, amv=0, van=None, tot=None, status="gerealiseerd"):
    gevonden, _ = Opvanglocatie.objects.get_or_create(gemeente=gemeente(code), naam=naam)
    Capaciteitsperiode.objects.create(
        soort_id=soort,
        beheerder="coa",
        locatie=gevonden,
        plaatsen=plaatsen,
        waarvan_amv=amv,
        van=van or D(2020, 1, 1),
        tot_en_met=tot,
        status=status,
    )
    return gevonden


def regel(overzicht, soort, code):
    return next(r for r in overzicht.blok(soort).regels if r.knoop.code == code)


def csv_rijen(antwoord) -> list[dict[str, str]]:
    tekst = antwoord.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(tekst), delimiter=";"))


def cel(html: str, code: str, kolom: str, tabel: str) -> str:
    """The text of cell `kolom` in the row `code` of the table `data-tabel="tabel"`."""
    begin = html.index(f'data-tabel="{tabel}"')
    rij = html.index(f'data-code="{code}"', begin)
    einde = html.index("</tr>", rij)
    gevonden = re.search(rf'data-kolom="{kolom}">(.*?)</t[dh]>', html[rij:einde], flags=re.DOTALL)
    tekst = re.sub(r"<[^>]+>", " ", gevonden.group(1))
    return " ".join(tekst.split())


# --- 3. What counts toward the asiel opgave is a rule of the opgave ----------------


def test_an_opgave_that_counts_only_regular_places(overijssel, lid):
    spreidingswet = Opgavebesluit.objects.get(naam="Asielopgave Spreidingswet per 1-1-2025")
    Telregel.objects.create(besluit=spreidingswet, provincie=overijssel, soorten="RO")
    locatie("GM0193", "azc Zwolle", "RO", 400)
    locatie("GM0193", "noodopvang Zwolle", "NO", 80)
    overzicht = provincie_overzicht(overijssel, PER_1_1_2025)
    zwolle = regel(overzicht, "asiel", "GM0193")
    # Only RO counts: 400 against 717; the 80 NO places stand beside it.
    assert zwolle.waarde("realisatie") == 400
    assert zwolle.waarde("noodopvang") == 80
    assert zwolle.waarde("verschil") == 400 - 717

    html = lid.get(reverse("provincie", args=["PV23"]), {"peildatum": "2025-01-01"})
    assert html.status_code == 200
    pagina = html.content.decode()
    assert "Realisatie (RO)" in pagina
    assert cel(pagina, "GM0193", "realisatie", "asiel") == "400"
    assert cel(pagina, "GM0193", "verschil", "asiel") == "tekort 317"
    assert cel(pagina, "GM0193", "noodopvang", "asiel") == "80"

    # Without the rule every soort counts: 480.
    Telregel.objects.all().delete()
    assert (
        regel(provincie_overzicht(overijssel, PER_1_1_2025), "asiel", "GM0193").waarde("realisatie")
        == 480
    )


def test_the_secretary_sets_the_counting_rule_on_screen(overijssel, client, secretaris):
    client.force_login(secretaris)
    besluit = Opgavebesluit.objects.get(naam="Asielopgave Spreidingswet per 1-1-2025")
    antwoord = client.post(
        reverse("invoer:telregels", args=["PV23"]),
        {"besluit": besluit.pk, "soorten": ["RO", "TGO"], "bron": "Werkplan 2024"},
    )
    assert antwoord.status_code == 302
    regel_ = Telregel.objects.get(besluit=besluit, provincie=overijssel)
    assert (regel_.soorten, regel_.bron) == ("RO,TGO", "Werkplan 2024")
    assert regel_.history.get().history_user == secretaris
    # The rule of the besluit itself (every province) is the beheerder's.
    antwoord = client.post(
        reverse("invoer:telregels", args=["PV23"]),
        {"besluit": besluit.pk, "soorten": ["RO"], "voor_iedereen": "on"},
    )
    assert not Telregel.objects.filter(besluit=besluit, provincie__isnull=True).exists()
    with pytest.raises(PermissionDenied):
        opgaven_services.telregel_opslaan(
            door=secretaris, besluit=besluit, provincie=None, soorten=["RO"]
        )


# --- 2. One asiel source per gemeente and date --------------------------------------


def test_zwolle_register_and_grid_one_figure_everywhere_and_a_signal(overijssel, lid):
    """Zwolle: an azc of 400 in the register and RO 145 / NO 80 typed in the grid for the
    same peildatum. Dashboard, vooruitblik, bijlage 2 and the API say 400; the signals
    page names the disagreement."""
    locatie("GM0193", "azc Zwolle", "RO", 400)
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=PER_1_1_2025)
    AsielTelling.objects.create(
        gemeente=gemeente("GM0193"),
        peildatum=peildatum,
        datum=PER_1_1_2025,
        regulier=145,
        noodopvang=80,
    )
    overzicht = provincie_overzicht(overijssel, PER_1_1_2025)
    zwolle = regel(overzicht, "asiel", "GM0193")
    assert (zwolle.waarde("realisatie"), zwolle.waarde("regulier")) == (400, 400)
    assert zwolle.waarde("noodopvang") is None
    assert zwolle.cijfer("realisatie").herkomst == ("register",)

    pagina = lid.get(reverse("provincie", args=["PV23"]), {"peildatum": "2025-01-01"})
    html = pagina.content.decode()
    assert cel(html, "GM0193", "realisatie", "asiel") == "400"
    assert cel(html, "GM0193", "bron", "asiel") == "locatieregister"

    beeld = vooruitblik(overijssel, Kwartaal(2025, 1), Kwartaal(2025, 1))
    assert beeld.kwartalen[0].gerealiseerd == 400

    bijlage = lid.get(
        reverse("exports:bijlage", args=["PV23", "bijlage-2"]), {"van": "2025-Q1", "tot": "2025-Q1"}
    )
    blad = open_werkboek(bijlage.content).active
    rij = rij_van(blad, "Zwolle")
    assert waarde(blad, f"C{rij}") == 400  # gerealiseerd Q1 2025
    assert waarde(blad, f"C{rij_van(blad, 'Overijssel')}") == 400

    api = lid.get(
        "/api/v1/provincies/PV23/samenvatting",
        {"peildatum": "2025-01-01"},
        HTTP_ACCEPT="application/json",
    ).json()
    asiel = next(b for b in api["blokken"] if b["soort"] == "asiel")
    api_zwolle = next(r for r in asiel["regels"] if r["code"] == "GM0193")
    assert api_zwolle["waarden"]["realisatie"]["waarde"] == 400
    assert api_zwolle["waarden"]["realisatie"]["herkomst"] == ["register"]

    signalen = lid.get(reverse("signalen", args=["PV23"]), {"peildatum": "2025-01-01"})
    rijen = csv_rijen(
        lid.get(
            reverse("signalen", args=["PV23"]),
            {"peildatum": "2025-01-01", "_export": "csv", "tabel": "bronnen"},
        )
    )
    assert "Bronnen die verschillen" in signalen.content.decode()
    assert [(r["Gemeente"], r["Locatieregister"], r["Ingevoerde aantallen"]) for r in rijen] == [
        ("Zwolle", "400", "225")
    ]


def test_an_amv_only_location_counts_as_amv_not_as_noodopvang(overijssel, lid):
    locatie("GM0153", "azc Enschede", "RO", 600, amv=20)
    locatie("GM0153", "amv-locatie Enschede", "AMV", 50)
    enschede = regel(provincie_overzicht(overijssel, PER_1_1_2025), "asiel", "GM0153")
    assert enschede.waarde("amv") == 70
    assert enschede.waarde("noodopvang") is None
    assert enschede.waarde("amv_locatie") == 50
    assert enschede.waarde("realisatie") == 650
    # The amv (COA) sheet of the stand van zaken has the register's amv places.
    stand = lid.get(
        reverse("exports:bijlage", args=["PV23", "stand-van-zaken"]), {"peildatum": "2025-01-01"}
    )
    blad = open_werkboek(stand.content)["Amv COA"]
    rij = rij_van(blad, "Enschede")
    assert (waarde(blad, f"C{rij}"), waarde(blad, f"D{rij}"), waarde(blad, f"E{rij}")) == (
        54,
        70,
        16,
    )


# --- 4. Uitruil changes the effective opgave ----------------------------------------


def test_an_uitruil_of_200_changes_the_verschil_of_both_gemeenten(overijssel, lid, secretaris):
    locatie("GM0150", "azc Deventer", "RO", 400)
    locatie("GM0193", "azc Zwolle", "RO", 700)
    opgaven_services.uitruil_opslaan(
        door=secretaris,
        soort=Opgavesoort.ASIEL,
        van_gemeente=gemeente("GM0150"),
        naar_gemeente=gemeente("GM0193"),
        aantal=200,
        begin=PER_1_1_2025,
        einde=D(2026, 12, 31),
    )
    overzicht = provincie_overzicht(overijssel, PER_1_1_2025)
    deventer, zwolle = regel(overzicht, "asiel", "GM0150"), regel(overzicht, "asiel", "GM0193")
    # The decision's own figures stay; the effective opgave and the verschil change.
    assert (deventer.waarde("opgave"), deventer.waarde("opgave_effectief")) == (529, 329)
    assert (zwolle.waarde("opgave"), zwolle.waarde("opgave_effectief")) == (717, 917)
    assert (deventer.waarde("verschil"), zwolle.waarde("verschil")) == (400 - 329, 700 - 917)
    # Inside one province the total does not change.
    assert overzicht.blok("asiel").totaal.waarde("opgave_effectief") == 6325

    html = lid.get(reverse("provincie", args=["PV23"]), {"peildatum": "2025-01-01"}).content
    assert cel(html.decode(), "GM0150", "uitruil", "asiel") == "-200"
    assert cel(html.decode(), "GM0150", "verschil", "asiel") == "overschot 71"
    # After its end date it no longer counts.
    later = provincie_overzicht(overijssel, D(2027, 1, 2))
    assert regel(later, "asiel", "GM0150").waarde("opgave_effectief") == 529


def test_an_uitruil_across_the_border_counts_once_the_other_province_confirms(
    overijssel, secretaris, secretaris_gelderland
):
    gelderland = Provincie.objects.get(code="PV25")
    uitruil = opgaven_services.uitruil_opslaan(
        door=secretaris,
        soort=Opgavesoort.ASIEL,
        van_gemeente=gemeente("GM0150"),
        naar_gemeente=gemeente("GM0200"),  # Apeldoorn, Gelderland
        aantal=100,
        begin=PER_1_1_2025,
    )
    assert not uitruil.is_bevestigd
    assert (
        regel(provincie_overzicht(overijssel, PER_1_1_2025), "asiel", "GM0150").waarde(
            "opgave_effectief"
        )
        == 529
    )
    # Overijssel's secretary cannot confirm its own; Gelderland's can.
    assert not opgaven_services.mag_uitruil_bevestigen(secretaris, uitruil)
    with pytest.raises(PermissionDenied):
        opgaven_services.uitruil_bevestigen(door=secretaris, uitruil=uitruil)
    opgaven_services.uitruil_bevestigen(door=secretaris_gelderland, uitruil=uitruil)
    assert (
        regel(provincie_overzicht(overijssel, PER_1_1_2025), "asiel", "GM0150").waarde(
            "opgave_effectief"
        )
        == 429
    )
    # Gelderland's opgave is known for the province only (8.992); the 100 are added.
    totaal = provincie_overzicht(gelderland, PER_1_1_2025).blok("asiel").totaal
    assert (totaal.waarde("opgave"), totaal.waarde("opgave_effectief")) == (8992, 9092)


def test_an_uitruil_larger_than_the_opgave_or_by_an_invoerder_is_refused(overijssel, secretaris):
    deventer, zwolle = gemeente("GM0150"), gemeente("GM0193")
    with pytest.raises(ValidationError, match="hoogstens 529"):
        opgaven_services.uitruil_opslaan(
            door=secretaris,
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=600,
            begin=PER_1_1_2025,
        )
    opgaven_services.uitruil_opslaan(
        door=secretaris,
        soort=Opgavesoort.ASIEL,
        van_gemeente=deventer,
        naar_gemeente=zwolle,
        aantal=500,
        begin=PER_1_1_2025,
    )
    with pytest.raises(ValidationError, match="hoogstens 29"):
        opgaven_services.uitruil_opslaan(
            door=secretaris,
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=gemeente("GM0153"),
            aantal=30,
            begin=D(2025, 6, 1),
        )
    # Apeldoorn has no opgave of its own (Gelderland's is a province total).
    with pytest.raises(ValidationError, match="geen eigen opgave"):
        opgaven_services.uitruil_opslaan(
            door=secretaris,
            soort=Opgavesoort.ASIEL,
            van_gemeente=gemeente("GM0200"),
            naar_gemeente=deventer,
            aantal=10,
            begin=PER_1_1_2025,
        )
    invoerder = gebruiker("invoerder-deventer", Rolsoort.INVOERDER, gemeente=deventer)
    with pytest.raises(PermissionDenied):
        opgaven_services.uitruil_opslaan(
            door=invoerder,
            soort=Opgavesoort.ASIEL,
            van_gemeente=zwolle,
            naar_gemeente=gemeente("GM0153"),
            aantal=5,
            begin=PER_1_1_2025,
        )
    assert Uitruil.objects.count() == 1


# --- 5. A higher-level figure stands in only when it is not older -------------------


def test_an_older_province_total_is_not_shown_as_the_current_figure(overijssel, lid):
    # The demo has the national letter's 2.396 regular places on 1-4-2023 for the province.
    assert (
        provincie_overzicht(overijssel, PER_1_1_2025).blok("asiel").totaal.waarde("realisatie")
        == 2396
    )
    locatie("GM0150", "azc Deventer", "RO", 400)
    totaal = provincie_overzicht(overijssel, PER_1_1_2025).blok("asiel").totaal
    realisatie = totaal.cijfer("realisatie")
    assert (realisatie.waarde, realisatie.bron) == (400, "onvolledig")
    assert (realisatie.ouder.waarde, realisatie.ouder.peildatum) == (2396, D(2023, 4, 1))
    html = lid.get(reverse("provincie", args=["PV23"]), {"peildatum": "2025-01-01"}).content
    tekst = cel(html.decode(), "PV23", "realisatie", "asiel")
    assert tekst.startswith("400 (onvolledig)")
    assert "2.396 op 1-4-2023" in tekst


# --- 6. A peildatum counts the months that end before it ---------------------------


def test_march_is_not_in_peildatum_1_march(overijssel, lid):
    deventer = gemeente("GM0150")
    for maand, aantal in ((1, 20), (2, 15), (3, 10)):
        van = D(2024, maand, 1)
        einde = D(2024, maand + 1, 1) - datetime.timedelta(days=1)
        Huisvesting.objects.create(gemeente=deventer, van=van, tot_en_met=einde, gehuisvest=aantal)
    maart = provincie_overzicht(overijssel, D(2024, 3, 1))
    assert regel(maart, "statushouders", "GM0150").waarde("gehuisvest") == 35
    april = provincie_overzicht(overijssel, D(2024, 4, 1))
    assert regel(april, "statushouders", "GM0150").waarde("gehuisvest") == 45
    verloop = halfjaarverloop(overijssel, maart.boom, D(2024, 3, 1))["GM0150"]
    assert verloop[-1].gehuisvest == 35
    html = lid.get(reverse("gemeente", args=["GM0150"]), {"peildatum": "2024-03-01"})
    assert cel(html.content.decode(), "GM0150", "gehuisvest", "statushouders") == "35"


# --- 8. The amv part stands on its own ----------------------------------------------


def test_an_amv_opgave_without_its_total(overijssel):
    besluit = Opgavebesluit.objects.create(
        soort=Opgavesoort.ASIEL,
        naam="Amv-opgave COA 2025",
        bron="COA-tabel amv",
        streefdatum=D(2025, 7, 1),
    )
    Opgave.objects.create(besluit=besluit, gemeente=gemeente("GM0150"), waarvan_amv=45)
    locatie("GM0150", "azc Deventer", "RO", 400, amv=30)
    deventer = regel(provincie_overzicht(overijssel, D(2025, 6, 1)), "asiel", "GM0150")
    assert deventer.waarde("opgave") is None  # unknown, never 0
    assert deventer.waarde("opgave_amv") == 45
    assert deventer.waarde("verschil") is None
    assert deventer.waarde("verschil_amv") == 30 - 45


# --- 1. The Nederland row carries the province rows' sign --------------------------


def test_the_netherlands_row_has_the_sign_of_the_province_rows(demodata, client):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    overijssel = Provincie.objects.get(code="PV23")
    for code in ("GM0150", "GM0193"):
        Huisvesting.objects.create(
            gemeente=gemeente(code), van=D(2024, 1, 1), tot_en_met=D(2024, 1, 31), gehuisvest=10
        )
    rijen = csv_rijen(
        client.get(
            reverse("landelijk"),
            {"peildatum": "2024-04-01", "_export": "csv", "tabel": "landelijk"},
        )
    )
    kolom = next(k for k in rijen[0] if k.startswith("Huisvesting statushouders – Stand"))
    te_realiseren = next(k for k in rijen[0] if k.startswith("Huisvesting statushouders – Te"))
    gehuisvest = next(k for k in rijen[0] if k.startswith("Huisvesting statushouders – Geh"))
    per_provincie = {r["Provincie"]: r[kolom] for r in rijen}
    nl = rijen[-1]
    stand_overijssel = (
        provincie_overzicht(overijssel, D(2024, 4, 1)).blok("statushouders").totaal.waarde("stand")
    )
    assert per_provincie["Overijssel"] == str(stand_overijssel)
    # Nederland: 4.732 still to house (1.693 + 3.039) of which 20 housed (Gelderland's
    # housed figure is unknown): 4.712 still to house, positive like the province rows;
    # before, the total read gehuisvest − te realiseren (−4.712).
    assert nl["Provincie"] == "Nederland"
    assert (nl[te_realiseren], nl[gehuisvest], nl[kolom]) == ("4732", "20", "4712")
    bekend = [int(w) for p, w in per_provincie.items() if p != "Nederland" and w]
    assert bekend and all(w > 0 for w in bekend) and int(nl[kolom]) > 0
