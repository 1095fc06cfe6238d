"""What the security regression tests share: logging in as the demo users."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

WACHTWOORD = "demo-prt-2024"


def ingelogd(naam: str, wachtwoord: str = WACHTWOORD, **kwargs) -> Client:
    """A client logged in through the login form (the first step only)."""
    client = Client(**kwargs)
    antwoord = client.post(reverse("login"), {"username": naam, "password": wachtwoord})
    assert antwoord.status_code == 302, antwoord.status_code
    return client
