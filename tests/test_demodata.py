"""The demo data: the figures of the source documents (../shared/seeds), as loaded.

- the national letter capaciteitsbehoefte 2023-II, table 1 (per province);
- the Overijssel werkplan 2024 (per gemeente);
- the Gelderland provinciaal plan 2024 (province and veiligheidsregio totals only).
"""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Sum

from gemeenten.models import Gemeente, Provincie
from gemeenten.services import referentiedata_laden
from opgaven.models import Opgave, Opgavebesluit, Taakstelling
from realisatie.demodata import demodata_laden
from realisatie.models import AsielTelling, Huisvesting, OekraineTelling, Peildatum
from toegang.models import Rol

pytestmark = pytest.mark.django_db

REFERENTIE = Path(settings.BASE_DIR) / "fixtures" / "referentie"
WACHTWOORD = "demo-prt-2024"

COA_2023_I = "Capaciteitsbesluit COA 2023-I"
SPREIDINGSWET_2025 = "Asielopgave Spreidingswet per 1-1-2025"
OEKRAINE = "Opvangopgave Oekraïne vóór 1-2-2024"

FIGUUR_MODELLEN = (Opgave, Taakstelling, AsielTelling, OekraineTelling, Huisvesting)


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    """The demo sets four passwords on every load; a fast hasher keeps this quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo() -> None:
    referentiedata_laden(map=REFERENTIE)
    demodata_laden()


def som(queryset, veld: str = "aantal") -> int | None:
    return queryset.aggregate(totaal=Sum(veld))["totaal"]


def gemeente(naam: str) -> Gemeente:
    return Gemeente.objects.get(naam=naam, geldig_tot_en_met__isnull=True)


# --- National table (letter capaciteitsbehoefte 2023-II, table 1) ----------------------


def test_landelijke_tabel_opgave_per_provincie(demo):
    opgaven = Opgave.objects.filter(besluit__naam=COA_2023_I)

    assert opgaven.count() == 12
    assert opgaven.filter(provincie__isnull=False).count() == 12
    assert set(opgaven.values_list("provincie__code", flat=True)) == {
        f"PV{n}" for n in range(20, 32)
    }
    assert som(opgaven) == 77_100
    assert Opgavebesluit.objects.get(naam=COA_2023_I).landelijk_totaal == 77_100
    assert opgaven.get(provincie__naam="Gelderland").aantal == 7_590
    assert opgaven.get(provincie__naam="Overijssel").aantal == 4_081
    assert opgaven.get(provincie__naam="Zuid-Holland").aantal == 19_097


def test_landelijke_tabel_reguliere_plekken_op_1_april_2023(demo):
    tellingen = AsielTelling.objects.filter(
        peildatum__datum=datetime.date(2023, 4, 1), datum=datetime.date(2023, 4, 1)
    )

    assert tellingen.count() == 12
    assert tellingen.filter(provincie__isnull=False).count() == 12
    assert som(tellingen, "regulier") == 35_152
    assert tellingen.get(provincie__naam="Gelderland").regulier == 4_735
    assert tellingen.get(provincie__naam="Overijssel").regulier == 2_396
    # Only the regular places are in the letter: the other soorten stay unknown.
    assert not tellingen.filter(noodopvang__isnull=False).exists()
    assert not tellingen.filter(tgo__isnull=False).exists()


# --- Overijssel werkplan 2024 -----------------------------------------------------------


def test_overijssel_asielopgave_spreidingswet_per_gemeente(demo):
    opgaven = Opgave.objects.filter(besluit__naam=SPREIDINGSWET_2025)

    assert opgaven.count() == 25
    assert opgaven.filter(gemeente__provincie__code="PV23").count() == 25
    assert som(opgaven) == 6_325
    assert som(opgaven, "waarvan_amv") == 538
    deventer = opgaven.get(gemeente=gemeente("Deventer"))
    assert (deventer.aantal, deventer.waarvan_amv) == (529, 45)
    zwolle = opgaven.get(gemeente=gemeente("Zwolle"))
    assert (zwolle.aantal, zwolle.waarvan_amv) == (717, 61)
    besluit = Opgavebesluit.objects.get(naam=SPREIDINGSWET_2025)
    assert besluit.streefdatum == datetime.date(2025, 1, 1)


def test_overijssel_oekraine_opgave_per_gemeente(demo):
    opgaven = Opgave.objects.filter(besluit__naam=OEKRAINE, gemeente__provincie__code="PV23")

    assert opgaven.count() == 25
    assert som(opgaven) == 7_882
    assert opgaven.get(gemeente=gemeente("Enschede")).aantal == 980


def test_overijssel_taakstelling_2024_I(demo):
    taakstellingen = Taakstelling.objects.filter(
        besluit__halfjaar="2024-I", gemeente__provincie__code="PV23"
    )

    assert taakstellingen.count() == 25
    assert som(taakstellingen) == 1_249
    assert som(taakstellingen, "te_realiseren_gepubliceerd") == 1_693
    deventer = taakstellingen.get(gemeente=gemeente("Deventer"))
    assert (deventer.aantal, deventer.stand_begin) == (108, -13)
    assert deventer.te_realiseren_gepubliceerd == 95
    # Staphorst's published 0 says only that its voorsprong was at least 19.
    staphorst = taakstellingen.get(gemeente=gemeente("Staphorst"))
    assert staphorst.aantal == 19
    assert staphorst.stand_begin is None
    assert staphorst.te_realiseren_gepubliceerd == 0


# --- Gelderland provinciaal plan 2024 ---------------------------------------------------


def test_gelderland_geen_cijfers_per_gemeente(demo):
    """The plan gives totals only: no per-gemeente figure is invented."""
    gelderland = Provincie.objects.get(code="PV25")
    assert Gemeente.objects.filter(provincie=gelderland).count() == 51

    for model in FIGUUR_MODELLEN:
        assert not model.objects.filter(gemeente__provincie=gelderland).exists(), model
        assert not model.objects.filter(subregio__provincie=gelderland).exists(), model
    # The check itself sees gemeente rows: Overijssel has them.
    assert Opgave.objects.filter(gemeente__provincie__code="PV23").exists()


def test_gelderland_asiel_realisatie_en_planning(demo):
    jan = Peildatum.objects.get(provincie__code="PV25", datum=datetime.date(2024, 1, 1))
    realisatie = AsielTelling.objects.get(
        provincie__code="PV25", peildatum=jan, datum=datetime.date(2024, 1, 1)
    )
    gepland = AsielTelling.objects.get(
        provincie__code="PV25", peildatum=jan, datum=datetime.date(2024, 3, 31)
    )

    assert (realisatie.regulier, realisatie.noodopvang, realisatie.tgo) == (4_815, 3_149, 1_310)
    assert realisatie.totaal == 9_274
    assert realisatie.waarvan_amv is None
    assert realisatie.is_planning is False
    assert (gepland.regulier, gepland.noodopvang, gepland.tgo) == (5_529, 3_399, 1_310)
    assert gepland.waarvan_amv == 995
    assert gepland.totaal == 10_238
    assert gepland.is_planning is True


def test_gelderland_asielopgaven_zijn_provinciaal(demo):
    opgaven = Opgave.objects.filter(provincie__code="PV25", besluit__soort="asiel")

    assert dict(opgaven.values_list("besluit__naam", "aantal")) == {
        "Verdeling capaciteitsbehoefte november 2022": 7_454,
        COA_2023_I: 7_590,
        "Capaciteitsbesluit COA 2023-II": 8_992,
    }


def test_gelderland_oekraine_per_veiligheidsregio(demo):
    peildatum = Peildatum.objects.get(provincie__code="PV25", datum=datetime.date(2024, 1, 8))

    opgaven = dict(
        Opgave.objects.filter(
            besluit__naam=OEKRAINE, veiligheidsregio__provincie__code="PV25"
        ).values_list("veiligheidsregio__code", "aantal")
    )
    tellingen = {
        t.veiligheidsregio.code: (t.goo_totaal, t.poo)
        for t in OekraineTelling.objects.filter(peildatum=peildatum).select_related(
            "veiligheidsregio"
        )
    }

    assert opgaven == {"VR06": 5_045, "VR07": 3_768, "VR08": 3_471}
    # POO "niet geregistreerd" in two regions: unknown, not 0.
    assert tellingen == {"VR06": (4_436, 931), "VR07": (3_343, None), "VR08": (3_304, None)}
    assert sum(opgaven.values()) == 12_284
    assert sum(goo for goo, _poo in tellingen.values()) == 11_083


def test_gelderland_taakstellingen_en_huisvesting(demo):
    taakstellingen = {
        t.besluit.halfjaar: (t.aantal, t.stand_begin)
        for t in Taakstelling.objects.filter(provincie__code="PV25").select_related("besluit")
    }
    huisvesting = {
        (h.van, h.tot_en_met): h.gehuisvest
        for h in Huisvesting.objects.filter(provincie__code="PV25")
    }

    assert taakstellingen == {
        "2023-I": (2_548, -316),
        "2023-II": (2_116, 519),
        "2024-I": (2_251, 788),
    }
    assert huisvesting == {
        (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30)): 1_786,
        (datetime.date(2023, 7, 1), datetime.date(2023, 12, 31)): 1_847,
    }


# --- Loading again ------------------------------------------------------------------------


def _stand() -> dict[str, list[tuple]]:
    """Every row of every demo table, values included (password hashes left out:
    they get a new salt on every load)."""
    gebruikers = get_user_model()
    modellen = (
        Provincie,
        Gemeente,
        Opgavebesluit,
        Peildatum,
        *FIGUUR_MODELLEN,
        Rol,
    )
    stand = {m.__name__: list(m.objects.order_by("pk").values_list()) for m in modellen}
    velden = [f.attname for f in gebruikers._meta.concrete_fields if f.name != "password"]
    stand["gebruikers"] = list(gebruikers.objects.order_by("pk").values_list(*velden))
    return stand


def test_opnieuw_laden_verandert_niets(demo):
    voor = _stand()
    assert sum(len(rijen) for rijen in voor.values()) > 200

    demodata_laden()

    na = _stand()
    assert {naam: len(rijen) for naam, rijen in na.items()} == {
        naam: len(rijen) for naam, rijen in voor.items()
    }
    for naam in voor:
        assert na[naam] == voor[naam], naam


def test_opnieuw_laden_schrijft_geen_lege_geschiedenis(demo):
    modellen = (Opgavebesluit, Peildatum, *FIGUUR_MODELLEN)
    voor = {m.__name__: m.history.count() for m in modellen}

    demodata_laden()

    assert {m.__name__: m.history.count() for m in modellen} == voor


def test_opnieuw_laden_herstelt_een_gewijzigd_cijfer(demo):
    deventer = Opgave.objects.filter(
        besluit__naam=SPREIDINGSWET_2025, gemeente=gemeente("Deventer")
    )
    deventer.update(aantal=600)

    demodata_laden()

    assert deventer.get().aantal == 529


# --- Demo accounts ------------------------------------------------------------------------


def _rollen(gebruikersnaam: str) -> set[tuple[str, str | None, str | None]]:
    return set(
        Rol.objects.filter(gebruiker__username=gebruikersnaam).values_list(
            "soort", "provincie__code", "gemeente__code"
        )
    )


def test_demo_accounts_met_wachtwoord_en_rollen(demo):
    gebruikers = get_user_model()

    for naam in ("beheerder", "secretaris-gelderland", "secretaris-overijssel", "lid"):
        gebruiker = gebruikers.objects.get(username=naam)
        assert gebruiker.check_password(WACHTWOORD), naam
        assert not gebruiker.check_password("verkeerd"), naam
        assert gebruiker.is_superuser == (naam == "beheerder"), naam

    assert _rollen("beheerder") == {("beheerder", None, None)}
    assert _rollen("secretaris-gelderland") == {("secretaris", "PV25", None)}
    assert _rollen("secretaris-overijssel") == {("secretaris", "PV23", None)}
    assert _rollen("lid") == {("lid", "PV25", None), ("lid", "PV23", None)}
    assert Rol.objects.count() == 5


def test_laad_demodata_toont_de_logins():
    referentiedata_laden(map=REFERENTIE)
    uit = StringIO()

    call_command("laad_demodata", stdout=uit)

    regels = uit.getvalue().splitlines()
    assert regels[0] == "Democijfers geladen."
    assert any(WACHTWOORD in regel for regel in regels), regels
    logins = [regel.split()[0] for regel in regels if regel.startswith("  ")]
    assert logins == ["beheerder", "secretaris-gelderland", "secretaris-overijssel", "lid"]
    assert Opgave.objects.filter(besluit__naam=COA_2023_I).count() == 12


def test_gelderland_never_cites_the_overijssel_werkplan(demodata, client):
    """Issue 14: the Gelderland statushouders source read "Werkplan 2024 PRT Overijssel",
    because the national taakstelling besluit 2024-I named that werkplan as its source.
    A national besluit names the national decision; each province's figures say where
    they come from themselves."""
    from django.contrib.auth import get_user_model

    from opgaven.models import Taakstelling

    client.force_login(get_user_model().objects.get(username="lid"))
    for datum in ("2024-01-01", "2024-03-01", "2024-09-01"):
        html = client.get(f"/provincies/PV25/?peildatum={datum}").content.decode()
        assert "Overijssel" not in html, datum
    html = client.get("/provincies/PV25/?peildatum=2024-03-01").content.decode()
    assert "TK-brief 10 november 2023" in html
    gelderland = Taakstelling.objects.get(provincie__code="PV25", besluit__halfjaar="2024-I")
    assert "Provinciaal plan 2024" in gelderland.toelichting
    deventer = Taakstelling.objects.get(gemeente__code="GM0150", besluit__halfjaar="2024-I")
    assert deventer.toelichting == "Bron: Werkplan 2024 PRT Overijssel."
