"""Issue 13 (low): API errors that were not problem+json: a 500, and the 403 before the
second login step. Every error of the API now is `application/problem+json`."""

from __future__ import annotations

from unittest import mock

from django.test import Client, RequestFactory
from django.urls import reverse

from tests.security.hulp import ingelogd

PROBLEEM = "application/problem+json"


def test_an_unexpected_error_is_problem_json(api_secretaris, settings):
    settings.DEBUG = False
    with mock.patch("api.views.ProvincieViewSet.list", side_effect=RuntimeError("kapot")):
        antwoord = api_secretaris.get("/api/v1/provincies")
    assert antwoord.status_code == 500
    assert antwoord["Content-Type"] == PROBLEEM
    body = antwoord.json()
    assert body["status"] == 500 and body["instance"] == "/api/v1/provincies"
    assert "kapot" not in antwoord.content.decode()  # no internals in the answer


def test_djangos_own_500_on_an_api_path_is_problem_json():
    from api.fouten import serverfout

    antwoord = serverfout(RequestFactory().get("/api/v1/provincies"))
    assert antwoord.status_code == 500
    assert antwoord["Content-Type"] == PROBLEEM
    assert serverfout(RequestFactory().get("/provincies/"))["Content-Type"].startswith("text/html")


def test_before_the_second_login_step(demodata, twee_stap_aan):
    client = ingelogd("secretaris-overijssel")
    antwoord = client.get("/api/v1/provincies")
    assert antwoord.status_code == 403
    assert antwoord["Content-Type"] == PROBLEEM
    assert "tweede inlogstap" in antwoord.json()["detail"]


def test_a_body_over_the_limit_is_problem_json(api_secretaris, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    pad = reverse("api-huisvestingen-provincie", args=["PV23"])
    antwoord = api_secretaris.post(
        pad, '{"huisvestingen": [' + " " * 2000 + "]}", content_type="application/json"
    )
    assert antwoord.status_code == 413
    assert antwoord["Content-Type"] == PROBLEEM


def test_not_found_is_problem_json(demodata):
    antwoord = Client().get("/api/v1/bestaat-niet")
    assert antwoord["Content-Type"] == PROBLEEM
