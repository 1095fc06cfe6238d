"""Session timeout after inactivity, and the two-factor step for secretaries and beheerders."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from toegang.beleid import twee_stap_verplicht

LAATSTE_ACTIVITEIT = "prt_laatste_activiteit"
# The load balancer's probe must not touch the session: with the database down it has
# to answer 503 from the health view, also when the probe carries a session cookie.
GEZONDHEID = "/gezondheid"
# Record activity at most once a minute, so a page view is not always a session write.
NAUWKEURIGHEID_SECONDEN = 60


class SessieTimeoutMiddleware:
    """Log out after `SESSION_IDLE_SECONDS` without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != GEZONDHEID and request.user.is_authenticated:
            nu = int(time.time())
            laatste = request.session.get(LAATSTE_ACTIVITEIT)
            if laatste is not None and nu - laatste > settings.SESSION_IDLE_SECONDS:
                logout(request)
            elif laatste is None or nu - laatste >= NAUWKEURIGHEID_SECONDEN:
                request.session[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)


class TweeStapMiddleware:
    """Until a secretary or beheerder has entered a code, only the login pages open.

    Needs django_otp's OTPMiddleware before it (`user.is_verified()`).
    """

    VRIJ = ("/accounts/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        gebruiker = request.user
        if (
            settings.TWEE_STAP_VERPLICHT
            and request.path != GEZONDHEID
            and gebruiker.is_authenticated
            and not request.path.startswith(self.VRIJ)
            and not gebruiker.is_verified()
            and twee_stap_verplicht(gebruiker)
        ):
            if request.path.startswith("/api/"):
                return HttpResponseForbidden()
            return redirect(
                f"{reverse('twee_stap')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
