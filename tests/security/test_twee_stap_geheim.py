"""Issue 13 (high): the secret of an authenticator app being linked is the session's own.

Attack: someone who knows a secretary's password opens /accounts/twee-stap/instellen/
before the secretary does and reads the QR code. When the secretary then links the app,
a code from the attacker's copy of the secret must not pass the second login step.
"""

from __future__ import annotations

import base64
from unittest import mock
from urllib.parse import parse_qs, urlparse

import qrcode
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.hulp import ingelogd

NAAM = "secretaris-gelderland"


def _geheim_van_qr(client) -> bytes:
    """The secret the set-up page puts in its QR code (read as a phone would)."""
    with mock.patch("toegang.views.qrcode.make", wraps=qrcode.make) as maak:
        antwoord = client.get(reverse("twee_stap_instellen"))
    assert antwoord.status_code == 200
    url = maak.call_args.args[0]
    geheim = parse_qs(urlparse(url).query)["secret"][0]
    return base64.b32decode(geheim + "=" * (-len(geheim) % 8))


def _code(geheim: bytes) -> str:
    return f"{totp(geheim):06d}"


def test_a_second_session_gets_another_secret_and_its_codes_fail(demodata, twee_stap_aan):
    get_user_model().objects.get(username=NAAM).staticdevice_set.all().delete()
    aanvaller = ingelogd(NAAM)
    geheim_aanvaller = _geheim_van_qr(aanvaller)

    secretaris = ingelogd(NAAM)
    geheim_secretaris = _geheim_van_qr(secretaris)
    assert geheim_secretaris != geheim_aanvaller

    antwoord = secretaris.post(
        reverse("twee_stap_instellen"), {"code": _code(geheim_secretaris), "next": "/invoer/"}
    )
    assert antwoord.status_code == 302
    assert TOTPDevice.objects.filter(user__username=NAAM, confirmed=True).count() == 1

    aanvaller = ingelogd(NAAM)
    antwoord = aanvaller.post(reverse("twee_stap"), {"code": _code(geheim_aanvaller)})
    assert antwoord.status_code == 200  # the form again: refused
    assert aanvaller.get("/invoer/")["Location"].startswith(reverse("twee_stap"))


def test_opening_the_set_up_page_stores_no_secret(demodata, twee_stap_aan):
    get_user_model().objects.get(username=NAAM).staticdevice_set.all().delete()
    _geheim_van_qr(ingelogd(NAAM))
    assert not TOTPDevice.objects.filter(user__username=NAAM).exists()
