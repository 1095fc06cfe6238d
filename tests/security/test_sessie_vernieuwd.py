"""Issue 13 (low): the session id is renewed after each login step (session fixation)."""

from __future__ import annotations

from django.urls import reverse

from tests.security.hulp import ingelogd


def test_the_second_step_gives_a_new_session_id(demodata, twee_stap_aan, demo_code):
    client = ingelogd("secretaris-overijssel")
    na_wachtwoord = client.cookies["sessionid"].value

    antwoord = client.post(reverse("twee_stap"), {"code": demo_code("secretaris-overijssel")})

    assert antwoord.status_code == 302
    assert client.cookies["sessionid"].value != na_wachtwoord
    assert client.get("/invoer/PV23/").status_code == 200
