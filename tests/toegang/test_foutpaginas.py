"""Error pages in Dutch and in the site's layout (issue 14, item 6): 400, 403 (also a
refused form), 404, 500, and the 429 of a locked login; the API keeps problem+json."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def lid(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


def in_de_huisstijl(html: str) -> bool:
    return '<html lang="nl">' in html and 'class="kop"' in html and "PRT Monitor" in html


def test_404_in_dutch_with_the_navigation(lid):
    antwoord = lid.get("/provincies/PV99/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 404
    assert in_de_huisstijl(html) and "hoofdnavigatie" in html
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert "Foutcode: 404" in html and "Not Found" not in html


def test_403_in_dutch(lid):
    antwoord = lid.get("/invoer/PV23/")  # a member may not enter figures
    html = antwoord.content.decode()
    assert antwoord.status_code == 403
    assert in_de_huisstijl(html) and "<h1>U mag deze pagina niet openen</h1>" in html
    assert "403 Forbidden" not in html


def test_refused_form_in_dutch(demodata):
    client = Client(enforce_csrf_checks=True)
    antwoord = client.post("/accounts/login/", {"username": "lid", "password": "x"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 403
    assert in_de_huisstijl(html) and "Het formulier is verlopen" in html
    assert "CSRF verification failed" not in html


def test_500_in_dutch_without_a_request_context(demodata):
    antwoord = server_error(RequestFactory().get("/"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 500
    assert in_de_huisstijl(html) and "Er ging bij ons iets mis" in html


def test_400_in_dutch(lid):
    antwoord = lid.get("/", HTTP_HOST="niet toegestaan")
    assert antwoord.status_code == 400
    assert "Ongeldig verzoek" in antwoord.content.decode()


def test_the_api_keeps_its_problem_responses(lid):
    antwoord = lid.get("/api/v1/gemeenten/GM9999")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"


def test_429_of_a_locked_login_in_dutch_in_the_layout(demodata, client):
    for _ in range(6):
        antwoord = client.post("/accounts/login/", {"username": "lid", "password": "fout"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 429
    assert in_de_huisstijl(html) and "Foutcode: 429" in html
