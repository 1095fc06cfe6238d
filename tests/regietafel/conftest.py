"""Named actors and small factories for the regietafel tests.

Actors (on the reference and demo data): `secretaris` edits Overijssel (PV23);
`secretaris_gelderland` edits another province; `lid` reads Gelderland and Overijssel;
`lid_gelderland` reads Gelderland only; `invoerder` enters Deventer's figures (reads
Overijssel); `beheerder` edits everything.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from gemeenten.models import Gemeente, Provincie
from realisatie.models import Capaciteitsperiode, Opvanglocatie
from regietafel import services
from tests.conftest import gebruiker
from toegang.models import Rolsoort

D = datetime.date
EIND_Q2 = D(2024, 6, 30)


@pytest.fixture
def overijssel(demodata) -> Provincie:
    return Provincie.objects.get(code="PV23")


@pytest.fixture
def gelderland(demodata) -> Provincie:
    return Provincie.objects.get(code="PV25")


def _demo(naam: str):
    return get_user_model().objects.get(username=naam)


@pytest.fixture
def secretaris(demodata):
    return _demo("secretaris-overijssel")


@pytest.fixture
def secretaris_gelderland(demodata):
    return _demo("secretaris-gelderland")


@pytest.fixture
def lid(demodata):
    return _demo("lid")


@pytest.fixture
def beheerder(demodata):
    return _demo("beheerder")


@pytest.fixture
def lid_gelderland(demodata):
    return gebruiker("lid-gelderland", Rolsoort.LID, "PV25")


@pytest.fixture
def invoerder(demodata):
    return gebruiker(
        "invoerder-deventer", Rolsoort.INVOERDER, gemeente=Gemeente.objects.get(code="GM0150")
    )


@pytest.fixture
def als():
    """`als(gebruiker)` gives a test client logged in as that user (None: anonymous)."""

    def client_voor(account) -> Client:
        client = Client()
        if account is not None:
            client.force_login(account)
        return client

    return client_voor


@pytest.fixture
def vergadering(overijssel, secretaris):
    return services.vergadering_aanmaken(
        door=secretaris, provincie=overijssel, datum=D(2024, 3, 4), omschrijving="PRT Overijssel"
    )


def actie(door, vergadering, tekst="Regionaal plan in potlood", termijn=EIND_Q2):
    return services.actie_aanmaken(
        door=door, vergadering=vergadering, tekst=tekst, eigenaar="RRT Twente", termijn=termijn
    )


def locatie(gemeente_code: str, naam: str, soort: str, *perioden: tuple) -> Opvanglocatie:
    """A location with capacity periods (plaatsen, van, tot_en_met, status), written
    directly: the register's own services are tested elsewhere."""
    gemeente = Gemeente.objects.get(code=gemeente_code, geldig_tot_en_met__isnull=True)
    plek = Opvanglocatie.objects.create(
        gemeente=gemeente,
        naam=naam,
    )
    for plaatsen, van, tot_en_met, status in perioden:
        Capaciteitsperiode.objects.create(
            soort_id=soort,
            beheerder="coa",
            locatie=plek,
            plaatsen=plaatsen,
            van=van,
            tot_en_met=tot_en_met,
            status=status,
        )
    return plek
