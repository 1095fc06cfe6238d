"""Shared test setup.

Browser tests (marker ``browser``) run in a real Chromium, driven by Playwright for
Python's sync API. They use Debian's ``chromium`` (or the path in ``PRT_CHROMIUM``),
never a browser downloaded by Playwright. Without Chromium they are skipped with a
message, unless ``PRT_BROWSER_TESTS=verplicht`` (as in CI): then they fail.

A browser test takes ``pagina`` (or ``inloggen``) and pytest-django's ``live_server``,
and needs ``@pytest.mark.django_db(transaction=True)``, because the server thread
cannot see data inside the test's transaction.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings as django_settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_STANDAARD = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """PBKDF2 is slow on purpose; tests need no protection against brute force."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vastleggingen_vergeten():
    """A rolled-back test takes its records with it (and SQLite reuses their row ids):
    the parts this process remembered of them go too."""
    yield
    from django.core.cache import caches

    from vaststellingen.selectors import LOKAAL

    caches[LOKAAL].clear()


@pytest.fixture
def demodata(db):
    """Reference data and the demo figures of the source documents."""
    from gemeenten.services import referentiedata_laden
    from realisatie.demodata import demodata_laden

    referentiedata_laden(map=Path(django_settings.BASE_DIR) / "fixtures" / "referentie")
    demodata_laden()


# Without these flags Chromium reaches out to Google services, which the closed
# network refuses; --no-sandbox because CI runs as root.
CHROMIUM_VLAGGEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

BROWSER_FIXTURES = {"chromium_browser", "pagina", "inloggen"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that use a browser fixture, and run browser tests last.

    Playwright keeps an event loop running in the main thread from launch until the end
    of the session, so the suite's other tests run before it starts.
    """
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def _chromium_pad() -> Path:
    return Path(os.environ.get("PRT_CHROMIUM", CHROMIUM_STANDAARD))


def _browsertests_verplicht() -> bool:
    return os.environ.get("PRT_BROWSER_TESTS", "").strip().lower() == "verplicht"


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Browser]:
    pad = _chromium_pad()
    if not (pad.is_file() and os.access(pad, os.X_OK)):
        if _browsertests_verplicht():
            pytest.fail(
                f"Chromium niet gevonden ({pad}) terwijl PRT_BROWSER_TESTS=verplicht: "
                "installeer Debian's chromium-pakket (apt-get install chromium) "
                "of zet PRT_CHROMIUM op het pad van een Chromium.",
                pytrace=False,
            )
        pytest.skip(
            f"Chromium niet gevonden ({pad}): browsertests overgeslagen. "
            "Installeer Debian's chromium-pakket; CI maakt ze verplicht."
        )

    # Playwright's sync API runs an event loop in this thread; Django then refuses
    # database access from here (the test's own setup) unless told it is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch() gives every run a fresh, temporary user-data-dir.
        browser = playwright.chromium.launch(
            executable_path=str(pad), headless=True, args=CHROMIUM_VLAGGEN
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def pagina(chromium_browser: Browser) -> Iterator[Page]:
    """A new page in its own browser context (Dutch locale), closed after the test."""
    context = chromium_browser.new_context(locale="nl-NL")
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def inloggen(pagina: Page, live_server) -> Callable[[str, str], None]:
    """Log in through the real login form; fails the test when the login is refused."""

    def inloggen_als(gebruikersnaam: str, wachtwoord: str) -> None:
        pagina.goto(f"{live_server.url}/accounts/login/")
        formulier = pagina.locator("form", has=pagina.locator("input[name='username']"))
        formulier.locator("input[name='username']").fill(gebruikersnaam)
        formulier.locator("input[name='password']").fill(wachtwoord)
        with pagina.expect_navigation():
            formulier.locator(
                "button[type='submit'], button:not([type]), input[type='submit']"
            ).first.click()
        if pagina.url.split("?")[0].endswith("/accounts/login/"):
            pytest.fail(f"Inloggen als {gebruikersnaam!r} mislukt: nog op de loginpagina.")

    return inloggen_als


# --- Two-factor login (toegang) -------------------------------------------------------


@pytest.fixture(autouse=True)
def _twee_stap_uit(settings):
    """The second login step is tested where it matters (`twee_stap_aan`); elsewhere a
    test that logs in a secretary or beheerder goes straight to the page it tests."""
    settings.TWEE_STAP_VERPLICHT = False


@pytest.fixture
def twee_stap_aan(settings):
    settings.TWEE_STAP_VERPLICHT = True


@pytest.fixture
def demo_code():
    """An unused demo backup code of a user's second login step (see `laad_demodata`)."""
    from django_otp.plugins.otp_static.models import StaticToken

    def code_voor(gebruikersnaam: str) -> str:
        return StaticToken.objects.filter(device__user__username=gebruikersnaam).first().token

    return code_voor


# --- Named actors: one who may, several who may not (on the demo data) --------------


def gebruiker(naam: str, soort: str | None = None, provincie: str | None = None, gemeente=None):
    """A user with one role (none when `soort` is None)."""
    from django.contrib.auth import get_user_model

    from gemeenten.models import Provincie
    from toegang.models import Rol

    account = get_user_model().objects.create_user(naam, password="x-geheim-123")
    if soort:
        Rol.objects.create(
            gebruiker=account,
            soort=soort,
            provincie=Provincie.objects.get(code=provincie) if provincie else None,
            gemeente=gemeente,
        )
    return account


@pytest.fixture
def overijssel(demodata):
    from gemeenten.models import Provincie

    return Provincie.objects.get(code="PV23")


@pytest.fixture
def secretaris(demodata):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="secretaris-overijssel")


@pytest.fixture
def secretaris_gelderland(demodata):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="secretaris-gelderland")


@pytest.fixture
def invoerder_deventer(demodata):
    from gemeenten.models import Gemeente
    from toegang.models import Rolsoort

    deventer = Gemeente.objects.get(code="GM0150")
    return gebruiker("invoerder-deventer", Rolsoort.INVOERDER, gemeente=deventer)
