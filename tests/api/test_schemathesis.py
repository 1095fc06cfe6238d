"""Property-based tests of the contract: schemathesis generates requests for every
operation in /api/v1/openapi.json and calls the app in-process (WSGI), authenticated as
the beheerder, with a bounded number of examples per operation. It checks: no 5xx, and
status codes, content types and bodies as the contract says.

Examples per operation: SCHEMATHESIS_VOORBEELDEN, or 25 in CI (CI=true, about 100 s
on a small machine) and 10 elsewhere (about 75 s)."""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from prt.wsgi import application
from tests.api.conftest import api_client, contract

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_in_test(demodata, settings):
    """Let the in-process WSGI calls see the test's data."""
    settings.ALLOWED_HOSTS = ["localhost"]  # schemathesis's WSGI client
    # As Django's test client does: a request must not close the test's connection
    # (and with it the transaction that holds the demo data).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(demodata):
    beheerder = api_client("beheerder")
    return beheerder._credentials["HTTP_AUTHORIZATION"]


def _voorbeelden() -> int:
    gekozen = os.environ.get("SCHEMATHESIS_VOORBEELDEN")
    if gekozen:
        return int(gekozen)
    return 25 if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"} else 10


# The contract as /api/v1/openapi.json serves it (test_schema.py checks they are equal);
# built without a request, because the test database does not exist at collection time.
# (schemathesis.pytest.from_fixture would load it through a request, but fails on pytest 9.)
schema = schemathesis.openapi.from_dict(contract())
schema.app = application


@schema.parametrize()
@hypothesis_settings(
    max_examples=_voorbeelden(),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_contract(case, token, wsgi_in_test):
    case.call_and_validate(headers={"Authorization": token}, checks=CHECKS)
