"""Named actors for the API tests, each an APIClient with an API token (django-rest-knox).

`lid` reads Gelderland and Overijssel; `secretaris_overijssel` edits Overijssel;
`secretaris_gelderland` is another province's secretary; `beheerder` edits all.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from knox.models import AuthToken
from rest_framework.test import APIClient

DEMO_GEBRUIKERS = ("lid", "secretaris-overijssel", "secretaris-gelderland", "beheerder")


def contract() -> dict:
    """The OpenAPI contract as a dict, rendered like the /api/v1/openapi.json view does."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))


def api_client(gebruikersnaam: str | None) -> APIClient:
    client = APIClient()
    if gebruikersnaam:
        gebruiker = get_user_model().objects.get(username=gebruikersnaam)
        _instantie, token = AuthToken.objects.create(user=gebruiker)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def als(demodata):
    """`als("lid")` gives an APIClient authenticated as that demo user (None: anonymous)."""
    return api_client


@pytest.fixture
def lid(als):
    return als("lid")


@pytest.fixture
def secretaris_overijssel(als):
    return als("secretaris-overijssel")
