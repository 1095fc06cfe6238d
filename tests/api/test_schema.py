"""The contract validates against the OpenAPI 3 specification and matches the endpoints."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.validation import validate_schema

from tests.api.conftest import contract


def test_contract_validates_against_openapi_3():
    schema = contract()
    validate_schema(schema)  # raises on an invalid contract
    assert schema["openapi"].startswith("3.")
    assert re.fullmatch(r"\d+\.\d+\.\d+", schema["info"]["version"])


def test_served_contract_is_the_generated_one(db, client):
    assert client.get("/api/v1/openapi.json").json() == contract()


def _api_paden(patronen, prefix="") -> set[str]:
    paden = set()
    for patroon in patronen:
        tekst = prefix + str(patroon.pattern).lstrip("^").rstrip("$")
        if isinstance(patroon, URLResolver):
            paden |= _api_paden(patroon.url_patterns, tekst)
        elif isinstance(patroon, URLPattern) and tekst.startswith("api/v1/"):
            paden.add(tekst)
    return paden


def _normaliseer(pad: str) -> str:
    """`api/v1/gemeenten/(?P<code>[^/]+)` and `/api/v1/gemeenten/{code}` -> one form."""
    pad = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pad)
    pad = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pad)
    return "/" + pad.lstrip("/").replace("{pk}", "{id}")


def test_every_endpoint_is_in_the_contract_and_nothing_else():
    endpoints = {_normaliseer(p) for p in _api_paden(get_resolver().url_patterns)}
    endpoints -= {"/api/v1/openapi.json", "/api/v1/documentatie", "/api/v1/.*"}
    assert endpoints == set(contract()["paths"])


def test_every_operation_documents_its_problems():
    for pad, item in contract()["paths"].items():
        for methode, operatie in item.items():
            for status in ("400", "401", "403", "404"):
                inhoud = operatie["responses"][status]["content"]
                assert "application/problem+json" in inhoud, (methode, pad, status)
