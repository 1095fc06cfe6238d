"""Issue 13 (low): pages with figures had no Cache-Control, so a shared cache or the
browser's history could keep them. Every answer to a logged-in user is now
`Cache-Control: private, no-store`; public pages (the API contract) are left alone."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize(
    "pad",
    [
        "/provincies/PV23/",
        "/provincies/PV23/?_export=csv&tabel=asiel",
        "/exports/PV23/bijlage-4.xlsx",
        "/api/v1/provincies/PV23/samenvatting",
    ],
)
def test_logged_in_answers_are_not_stored(lid, pad):
    antwoord = lid.get(pad)
    assert antwoord.status_code == 200
    waarden = {w.strip() for w in antwoord["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= waarden


def test_api_token_answers_are_not_stored(demodata):
    from tests.api.conftest import api_client

    antwoord = api_client("lid").get("/api/v1/provincies/PV23/samenvatting")
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]


def test_the_public_contract_is_left_alone(db):
    assert "no-store" not in Client().get("/api/v1/openapi.json").get("Cache-Control", "")
