"""Permission matrix: every role against every entry page and action, GET and POST.

Expected outcomes follow `toegang.beleid`: the province's secretary and the beheerder may
do everything; a gemeente-invoerder enters and reads its own gemeente's figures but does
not create, adopt or reopen peildata; members and other provinces' secretaries get 403.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gemeenten.models import Gemeente
from opgaven.models import Opgave, Opgavebesluit, Taakstelling, Uitruil
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import Huisvesting, OekraineTelling, Opvanglocatie, Peildatum
from tests.conftest import gebruiker
from toegang import beleid
from toegang.models import Rolsoort

ROLLEN = [
    "anoniem",
    "lid_ander",
    "lid",
    "invoerder",
    "secretaris_ander",
    "secretaris",
    "beheerder",
]
OPEN, VAST = "2024-09-01", "2024-06-01"
OEKRAINE_BESLUIT = "Opvangopgave Oekraïne vóór 1-2-2024"

# action -> (method, url name, args, roles that may)
IEDEREEN_MET_INVOER = {"invoerder", "secretaris", "beheerder"}
BEWERKERS = {"secretaris", "beheerder"}
ACTIES = {
    "start": ("get", "invoer:start", (), IEDEREEN_MET_INVOER | {"secretaris_ander"}),
    "provincie": ("get", "invoer:provincie", ("PV23",), IEDEREEN_MET_INVOER),
    "peildatum_aanmaken": ("post", "invoer:peildatum_aanmaken", ("PV23",), BEWERKERS),
    "grid_lezen": ("get", "invoer:grid", ("PV23", OPEN, "oekraine"), IEDEREEN_MET_INVOER),
    "grid_asiel": ("get", "invoer:grid", ("PV23", OPEN, "asiel"), IEDEREEN_MET_INVOER),
    "grid_opslaan": ("post", "invoer:grid", ("PV23", OPEN, "oekraine"), IEDEREEN_MET_INVOER),
    "vaststellen": ("post", "invoer:vaststellen", ("PV23", OPEN), BEWERKERS),
    "heropenen_lezen": ("get", "invoer:heropenen", ("PV23", VAST), BEWERKERS),
    "heropenen": ("post", "invoer:heropenen", ("PV23", VAST), BEWERKERS),
    "historie_peildatum": ("get", "invoer:historie_peildatum", ("PV23", OPEN), IEDEREEN_MET_INVOER),
    "historie_gemeente": (
        "get",
        "invoer:historie_gemeente",
        ("PV23", "GM0150"),
        IEDEREEN_MET_INVOER,
    ),
    "herstellen": ("post", "invoer:herstellen", ("PV23", "oekrainetelling"), IEDEREEN_MET_INVOER),
    "locaties": ("get", "invoer:locaties", ("PV23",), IEDEREEN_MET_INVOER),
    "opgaven_lezen": ("get", "invoer:opgaven", ("PV23",), BEWERKERS),
    "opgaven_plakken": ("post", "invoer:opgaven", ("PV23",), BEWERKERS),
    "locatie_nieuw": ("post", "invoer:locatie_nieuw", ("PV23",), IEDEREEN_MET_INVOER),
    "statushouders": ("get", "invoer:statushouders", ("PV23", "2024-09"), IEDEREEN_MET_INVOER),
    "statushouders_opslaan": (
        "post",
        "invoer:statushouders",
        ("PV23", "2024-09"),
        IEDEREEN_MET_INVOER,
    ),
    "opgavebesluit_lezen": ("get", "invoer:opgavebesluit_aanmaken", ("PV23",), BEWERKERS),
    "opgavebesluit_aanmaken": ("post", "invoer:opgavebesluit_aanmaken", ("PV23",), BEWERKERS),
    "taakstellingen_lezen": ("get", "invoer:taakstellingen", ("PV23", "2024-I"), BEWERKERS),
    "taakstellingen_opslaan": ("post", "invoer:taakstellingen", ("PV23", "2024-I"), BEWERKERS),
    "uitruil_lezen": ("get", "invoer:uitruil", ("PV23",), IEDEREEN_MET_INVOER),
    # An agreement between gemeenten is the province's, not a gemeente-invoerder's.
    "uitruil_opslaan": ("post", "invoer:uitruil", ("PV23",), BEWERKERS),
}


@pytest.fixture
def opzet(demodata, overijssel, secretaris, invoerder_deventer):
    open_ = Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 9, 1))
    Peildatum.objects.create(
        provincie=overijssel, datum=datetime.date(2024, 6, 1), vastgesteld_op=timezone.now()
    )
    services.oekraine_tellingen_opslaan(
        peildatum=open_, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=500)]
    )
    services.oekraine_tellingen_opslaan(
        peildatum=open_, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=50, versie=1)]
    )
    return OekraineTelling.objects.get(peildatum=open_).history.get(goo_totaal=500)


def _account(rol: str, invoerder):
    gebruikers = get_user_model().objects
    return {
        "anoniem": None,
        "lid_ander": lambda: gebruiker("lid-gelderland", Rolsoort.LID, "PV25"),
        "lid": lambda: gebruiker("lid-overijssel", Rolsoort.LID, "PV23"),
        "invoerder": lambda: invoerder,
        "secretaris_ander": lambda: gebruikers.get(username="secretaris-gelderland"),
        "secretaris": lambda: gebruikers.get(username="secretaris-overijssel"),
        "beheerder": lambda: gebruikers.get(username="beheerder"),
    }[rol]


def _data(actie: str) -> dict[str, str]:
    return {
        "peildatum_aanmaken": {"datum": "2024-10-01"},
        "heropenen": {"reden": "Correctie Deventer"},
        "grid_opslaan": {"GM0150-goo_totaal": "480", "GM0150-versie": "2"},
        "locatie_nieuw": {
            "gemeente": str(Gemeente.objects.get(code="GM0150").pk),
            "naam": "noodopvang Sporthal",
            "soort": "NO",
            "beheerder": "gemeente",
        },
        "statushouders_opslaan": {"GM0150-gehuisvest": "7"},
        "opgaven_plakken": {
            "besluit": str(Opgavebesluit.objects.get(naam=OEKRAINE_BESLUIT).pk),
            "tekst": "GM0150\t777",
        },
        "opgavebesluit_aanmaken": {
            "soort": "asiel",
            "naam": "Matrixbesluit",
            "bron": "Brief",
            "streefdatum": "2026-01-01",
            "besluitdatum": "2025-06-01",
        },
        "taakstellingen_opslaan": {
            "GM0150-aantal": "777",
            "GM0150-stand_begin": "-13",
            "GM0150-versie": str(_taakstelling_deventer().versie),
        },
        "uitruil_opslaan": {
            "soort": "asiel",
            "van_gemeente": str(Gemeente.objects.filter(code="GM0150").latest("geldig_van").pk),
            "naar_gemeente": str(Gemeente.objects.filter(code="GM0193").latest("geldig_van").pk),
            "aantal": "20",
            "begin": "2025-01-01",
            "toelichting": "Matrixuitruil",
        },
    }.get(actie, {})


def _taakstelling_deventer() -> Taakstelling:
    return Taakstelling.objects.get(
        besluit__soort="statushouders", besluit__halfjaar="2024-I", gemeente__code="GM0150"
    )


class _Terugdraaien(Exception):
    pass


@pytest.mark.parametrize("rol", ROLLEN)
def test_permission_matrix(client, opzet, invoerder_deventer, rol):
    """One test per role; each action runs in a savepoint that is rolled back, so every
    action starts from the same state (one demo load per role keeps this fast)."""
    maker = _account(rol, invoerder_deventer)
    if maker is not None:
        client.force_login(maker())
    for actie, (methode, naam, args, toegestaan) in ACTIES.items():
        if actie == "herstellen":
            args = (*args, opzet.history_id)
        try:
            with transaction.atomic():
                antwoord = getattr(client, methode)(reverse(naam, args=args), _data(actie))
                if rol == "anoniem":
                    assert antwoord.status_code == 302, actie
                    assert antwoord["Location"].startswith(reverse("login")), actie
                elif rol in toegestaan:
                    assert antwoord.status_code in (200, 302), (actie, antwoord.status_code)
                else:
                    assert antwoord.status_code == 403, (actie, antwoord.status_code)
                _controleer_effect(actie, rol in toegestaan and rol != "anoniem")
                raise _Terugdraaien
        except _Terugdraaien:
            pass


def _controleer_effect(actie: str, toegestaan: bool) -> None:
    """What a refused request must not have written (and an allowed one did)."""
    deventer = OekraineTelling.objects.get(peildatum__datum=OPEN, gemeente__code="GM0150")
    vast = Peildatum.objects.get(provincie__code="PV23", datum=VAST)
    effecten = {
        "peildatum_aanmaken": Peildatum.objects.filter(
            provincie__code="PV23", datum=datetime.date(2024, 10, 1)
        ).exists(),
        "grid_opslaan": deventer.goo_totaal == 480,
        "vaststellen": Peildatum.objects.get(provincie__code="PV23", datum=OPEN).is_vastgesteld,
        "heropenen": not vast.is_vastgesteld,
        "herstellen": deventer.goo_totaal == 500,
        "locatie_nieuw": Opvanglocatie.objects.filter(naam="noodopvang Sporthal").exists(),
        "opgaven_plakken": Opgave.objects.filter(gemeente__code="GM0150", aantal=777).exists(),
        "statushouders_opslaan": Huisvesting.objects.filter(
            gemeente__code="GM0150", van=datetime.date(2024, 9, 1), gehuisvest=7
        ).exists(),
        "opgavebesluit_aanmaken": Opgavebesluit.objects.filter(naam="Matrixbesluit").exists(),
        "taakstellingen_opslaan": _taakstelling_deventer().aantal == 777,
        "uitruil_opslaan": Uitruil.objects.filter(toelichting="Matrixuitruil").exists(),
    }
    if actie in effecten:
        assert effecten[actie] is toegestaan, actie


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != "anoniem"])
def test_the_entry_link_shows_exactly_when_a_province_is_open_for_entry(
    client, demodata, invoerder_deventer, rol
):
    """The navigation decides on the roles alone (`mag_ergens_invoeren`); it agrees with
    the list of provinces the entry start page offers."""
    wie = _account(rol, invoerder_deventer)()
    client.force_login(wie)
    assert beleid.mag_ergens_invoeren(wie) is beleid.invoerbare_provincies(wie).exists()
    tonen = f'href="{reverse("invoer:start")}"' in client.get(reverse("tokens")).content.decode()
    assert tonen is (rol in IEDEREEN_MET_INVOER | {"secretaris_ander"})  # Gelderland's
