"""The browser setup works: Chromium renders the login page served by live_server."""

from __future__ import annotations

import re

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_loginpagina_in_chromium(pagina, live_server) -> None:
    antwoord = pagina.goto(f"{live_server.url}/accounts/login/")

    assert antwoord is not None and antwoord.status == 200
    kop = pagina.locator("h1").first.inner_text()
    assert re.search(r"\b(inloggen|aanmelden)\b", kop, re.IGNORECASE), kop
    assert pagina.locator("input[name='username']").is_visible()
    assert pagina.locator("input[name='password'][type='password']").is_visible()
    assert pagina.locator(
        "form button[type='submit'], form button:not([type]), form input[type='submit']"
    ).first.is_visible()
