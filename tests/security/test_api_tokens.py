"""Issue 13 (design): API tokens skipped the second factor and never expired. A token is
now made by its owner on /accounts/tokens/, only after the second login step; it
expires, can be revoked, is listed per user and stored only as a hash."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.security.hulp import ingelogd

NAAM = "secretaris-overijssel"


def _api(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_no_token_before_the_second_step(demodata, twee_stap_aan):
    client = ingelogd(NAAM)
    antwoord = client.post(reverse("token_maken"))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("twee_stap"))
    assert client.get(reverse("tokens"))["Location"].startswith(reverse("twee_stap"))
    assert not AuthToken.objects.filter(user__username=NAAM).exists()


def test_after_the_second_step_a_token_is_shown_once_and_works(demodata, twee_stap_aan, demo_code):
    client = ingelogd(NAAM)
    client.post(reverse("twee_stap"), {"code": demo_code(NAAM)})

    client.post(reverse("token_maken"))
    pagina = client.get(reverse("tokens")).content.decode()
    instantie = AuthToken.objects.get(user__username=NAAM)
    token = pagina.split("data-token>")[1].split("<")[0]
    assert token.startswith(instantie.token_key)
    assert token not in client.get(reverse("tokens")).content.decode()  # shown once
    assert instantie.digest != token  # stored as a hash
    assert instantie.expiry - timezone.now() > datetime.timedelta(days=89)

    assert _api(token).get("/api/v1/provincies/PV23/samenvatting").status_code == 200

    client.post(reverse("token_intrekken"), {"token": instantie.digest})
    assert not AuthToken.objects.filter(user__username=NAAM).exists()
    assert _api(token).get("/api/v1/provincies/PV23/samenvatting").status_code == 401


def test_an_expired_token_is_refused(demodata):
    from django.contrib.auth import get_user_model

    gebruiker = get_user_model().objects.get(username="lid")
    _instantie, token = AuthToken.objects.create(
        user=gebruiker, expiry=-datetime.timedelta(seconds=1)
    )
    antwoord = _api(token).get("/api/v1/provincies/PV23/samenvatting")
    assert antwoord.status_code == 401
    assert antwoord["Content-Type"] == "application/problem+json"


def test_a_user_revokes_only_own_tokens(demodata):
    from django.contrib.auth import get_user_model

    ander, _token = AuthToken.objects.create(user=get_user_model().objects.get(username="lid"))
    client = ingelogd(NAAM)
    assert "lid" not in client.get(reverse("tokens")).content.decode()
    client.post(reverse("token_intrekken"), {"token": ander.digest})
    assert AuthToken.objects.filter(digest=ander.digest).exists()


def test_the_admin_cannot_make_a_token_for_someone_else(beheerder):
    assert beheerder.get(reverse("admin:knox_authtoken_add")).status_code == 403
    assert beheerder.get(reverse("admin:knox_authtoken_changelist")).status_code == 200
