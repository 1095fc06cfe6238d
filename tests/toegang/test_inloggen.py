"""Login: the second step for secretaries and beheerders, lockout, idle timeout."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from toegang.middleware import LAATSTE_ACTIVITEIT
from toegang.views import NIEUW_GEHEIM

WACHTWOORD = "demo-prt-2024"


def inloggen(client, naam: str, wachtwoord: str = WACHTWOORD):
    return client.post(reverse("login"), {"username": naam, "password": wachtwoord})


@pytest.mark.parametrize("naam", ["secretaris-overijssel", "beheerder"])
def test_secretary_and_beheerder_need_a_code(demodata, twee_stap_aan, client, demo_code, naam):
    inloggen(client, naam)
    antwoord = client.get("/invoer/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("twee_stap"))
    assert client.get("/admin/").status_code == 302

    antwoord = client.post(reverse("twee_stap"), {"code": demo_code(naam), "next": "/invoer/"})
    assert antwoord["Location"] == "/invoer/"
    daarna = client.get("/invoer/")
    assert daarna.status_code in (200, 302)
    assert not daarna.get("Location", "").startswith(reverse("twee_stap"))


def test_a_wrong_code_is_refused_and_throttles(demodata, twee_stap_aan, client, demo_code):
    inloggen(client, "secretaris-overijssel")
    fout = client.post(reverse("twee_stap"), {"code": "nope00"})
    assert "Deze code is niet geldig." in fout.content.decode()
    # django-otp throttles after a failure: even a right code is refused at once.
    juist = client.post(reverse("twee_stap"), {"code": demo_code("secretaris-overijssel")})
    assert juist.status_code == 200
    assert client.get("/invoer/")["Location"].startswith(reverse("twee_stap"))


def test_a_demo_code_works_once(demodata, twee_stap_aan, client, demo_code):
    code = demo_code("secretaris-overijssel")
    inloggen(client, "secretaris-overijssel")
    client.post(reverse("twee_stap"), {"code": code})
    client.post(reverse("logout"))
    inloggen(client, "secretaris-overijssel")
    antwoord = client.post(reverse("twee_stap"), {"code": code})
    assert antwoord.status_code == 200  # refused: the form again


def test_member_needs_no_code(demodata, twee_stap_aan, client):
    inloggen(client, "lid")
    assert client.get(reverse("provincie", args=["PV23"])).status_code == 200


def test_a_secretary_without_device_sets_up_an_app(demodata, twee_stap_aan, client):
    gebruiker = get_user_model().objects.get(username="secretaris-gelderland")
    gebruiker.staticdevice_set.all().delete()
    inloggen(client, "secretaris-gelderland")

    antwoord = client.get(reverse("twee_stap"), follow=True)
    assert antwoord.redirect_chain[-1][0].startswith(reverse("twee_stap_instellen"))
    assert "<svg" in antwoord.content.decode()
    geheim = client.session[NIEUW_GEHEIM]
    code = f"{totp(bytes.fromhex(geheim)):06d}"

    client.post(reverse("twee_stap_instellen"), {"code": code})

    apparaat = TOTPDevice.objects.get(user=gebruiker)
    assert apparaat.confirmed and apparaat.key == geheim
    assert client.get(reverse("provincie", args=["PV25"])).status_code == 200


def test_five_wrong_passwords_lock_the_account(demodata, client):
    for _ in range(5):
        inloggen(client, "lid", "fout-wachtwoord")
    antwoord = inloggen(client, "lid")
    assert antwoord.status_code == 429
    assert "Te veel mislukte inlogpogingen" in antwoord.content.decode()


def test_idle_session_ends(demodata, client, settings):
    inloggen(client, "lid")
    assert client.get(reverse("provincie", args=["PV23"])).status_code == 200
    sessie = client.session
    sessie[LAATSTE_ACTIVITEIT] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 1
    sessie.save()
    antwoord = client.get(reverse("provincie", args=["PV23"]))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))


def test_navigation_shows_invoer_only_to_who_may_enter(demodata, client):
    inloggen(client, "lid")
    assert 'href="/invoer/"' not in client.get("/provincies/PV23/").content.decode()
    client.post(reverse("logout"))
    inloggen(client, "secretaris-overijssel")
    assert 'href="/invoer/"' in client.get("/provincies/PV23/").content.decode()
