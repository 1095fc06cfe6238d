"""Issue 13 (design): lockout per username + IP let one password be sprayed across all
accounts, and one account be guessed from many addresses. Now an account is locked after
5 failures from anywhere, an address after 5 failures on any accounts; the beheerder
unlocks an account in the admin (or with `manage.py axes_reset_username`)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

WACHTWOORD = "demo-prt-2024"


def _inloggen(naam: str, wachtwoord: str, adres: str):
    return Client(REMOTE_ADDR=adres).post(
        reverse("login"), {"username": naam, "password": wachtwoord}
    )


def test_one_account_guessed_from_many_addresses(demodata):
    for i in range(5):
        _inloggen("lid", "fout", f"10.0.0.{i + 1}")
    antwoord = _inloggen("lid", WACHTWOORD, "10.0.1.1")
    assert antwoord.status_code == 429
    assert "Te veel mislukte inlogpogingen" in antwoord.content.decode()


def test_one_password_sprayed_over_many_accounts(demodata):
    for naam in ("a", "b", "c", "d", "e"):
        _inloggen(naam, "Welkom2024!", "10.0.2.1")
    assert _inloggen("lid", WACHTWOORD, "10.0.2.1").status_code == 429
    assert _inloggen("lid", WACHTWOORD, "10.0.2.2").status_code == 302  # others go on


def test_the_beheerder_unlocks_an_account(demodata, beheerder):
    from django.contrib.auth import get_user_model

    for i in range(5):
        _inloggen("lid", "fout", f"10.0.3.{i + 1}")
    assert _inloggen("lid", WACHTWOORD, "10.0.4.1").status_code == 429

    lid = get_user_model().objects.get(username="lid")
    antwoord = beheerder.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deblokkeren", "_selected_action": [lid.pk]},
    )
    assert antwoord.status_code == 302
    assert _inloggen("lid", WACHTWOORD, "10.0.4.1").status_code == 302
