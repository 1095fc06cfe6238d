"""Named actors for the entry tests: one who may, several who may not."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from gemeenten.models import Gemeente, Provincie
from realisatie.models import Peildatum
from toegang.models import Rol, Rolsoort


def gebruiker(naam: str, soort: str | None = None, provincie: str | None = None, gemeente=None):
    account = get_user_model().objects.create_user(naam, password="x-geheim-123")
    if soort:
        Rol.objects.create(
            gebruiker=account,
            soort=soort,
            provincie=Provincie.objects.get(code=provincie) if provincie else None,
            gemeente=gemeente,
        )
    return account


@pytest.fixture
def overijssel(demodata):
    return Provincie.objects.get(code="PV23")


@pytest.fixture
def secretaris(demodata):
    return get_user_model().objects.get(username="secretaris-overijssel")


@pytest.fixture
def secretaris_gelderland(demodata):
    return get_user_model().objects.get(username="secretaris-gelderland")


@pytest.fixture
def invoerder_deventer(demodata):
    deventer = Gemeente.objects.get(code="GM0150")
    return gebruiker("invoerder-deventer", Rolsoort.INVOERDER, gemeente=deventer)


@pytest.fixture
def peildatum(overijssel, secretaris):
    return Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 9, 1))
