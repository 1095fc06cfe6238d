"""API tokens (django-rest-knox): each user lists, makes and revokes their own.

A token opens the API without the second login step, so it is made only in a session
that has passed that step (when two-step login is on), is shown once (only its hash is
stored), and expires after REST_KNOX["TOKEN_TTL"]. The beheerder sees and revokes every
user's tokens in the admin; nobody makes a token for someone else.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from knox.models import AuthToken
from knox.settings import knox_settings

from toegang.audit import log_audit

SLEUTEL_TONEN = 8  # characters of a token shown in the list, enough to recognise it


def _tweede_stap_gedaan(request) -> bool:
    return not settings.TWEE_STAP_VERPLICHT or request.user.is_verified()


def _naar_tweede_stap(request):
    return redirect(f"{reverse('twee_stap')}?{urlencode({'next': reverse('tokens')})}")


@login_required
def tokens(request):
    if not _tweede_stap_gedaan(request):
        return _naar_tweede_stap(request)
    return render(
        request,
        "toegang/tokens.html",
        {
            "tokens": AuthToken.objects.filter(user=request.user).order_by("-created"),
            "nieuw": request.session.pop("prt_nieuw_token", None),
            "toon": SLEUTEL_TONEN,
            "dagen": knox_settings.TOKEN_TTL.days,
        },
    )


@login_required
@require_POST
def token_maken(request):
    if not _tweede_stap_gedaan(request):
        log_audit(request.user, "token_maken", "api-token", "geweigerd (geen tweede stap)")
        return _naar_tweede_stap(request)
    maximum = knox_settings.TOKEN_LIMIT_PER_USER
    if maximum is not None and AuthToken.objects.filter(user=request.user).count() >= maximum:
        messages.error(
            request,
            _("You have %(max)s tokens, the maximum; revoke one first.") % {"max": maximum},
        )
        return redirect("tokens")
    instantie, token = AuthToken.objects.create(user=request.user)
    # Shown once, on the next page; only its hash is stored.
    request.session["prt_nieuw_token"] = token
    log_audit(request.user, "token_maken", f"api-token {instantie.token_key[:SLEUTEL_TONEN]}", "ok")
    return redirect("tokens")


@login_required
@require_POST
def token_intrekken(request):
    weg, _soorten = AuthToken.objects.filter(
        user=request.user, digest=request.POST.get("token", "")
    ).delete()
    if weg:
        messages.success(request, _("The token has been revoked."))
        log_audit(request.user, "token_intrekken", "api-token", "ok")
    return redirect("tokens")
