"""Session timeout after inactivity, and the two-factor step for secretaries and beheerders."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from api.fouten import probleem_antwoord
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
                return probleem_antwoord(
                    request, 403, _("Complete the second login step first, or use an API token.")
                )
            return redirect(
                f"{reverse('twee_stap')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)


class GeenCacheMiddleware:
    """Pages, exports and API answers of a logged-in user carry figures that are not for
    anyone else: no shared cache or browser history may keep them
    (`Cache-Control: private, no-store`), whatever the view said."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path == GEZONDHEID:
            return response  # never touches the session (see GEZONDHEID)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
