"""Named actors of the security regression tests (the demo users)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model

from gemeenten.models import Provincie
from realisatie.models import Peildatum
from tests.api.conftest import api_client


def _als(client, naam: str):
    client.force_login(get_user_model().objects.get(username=naam))
    return client


@pytest.fixture
def secretaris(demodata, client):
    """The Overijssel secretary's browser session."""
    return _als(client, "secretaris-overijssel")


@pytest.fixture
def beheerder(demodata, client):
    return _als(client, "beheerder")


@pytest.fixture
def lid(demodata, client):
    return _als(client, "lid")


@pytest.fixture
def peildatum(demodata):
    return Peildatum.objects.create(
        provincie=Provincie.objects.get(code="PV23"), datum=datetime.date(2024, 9, 1)
    )


@pytest.fixture
def api_secretaris(demodata):
    return api_client("secretaris-overijssel")


def grid_data(antwoord) -> dict[str, str]:
    """An entry grid's data as the browser posts it (every row, prefilled values)."""
    data = {}
    for form, *_rest in antwoord.context["rijen"]:
        for veld in form:
            waarde = veld.value()
            data[veld.html_name] = "" if waarde is None else str(waarde)
    return data
