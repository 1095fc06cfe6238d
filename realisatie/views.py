"""Pages for regietafel members: the province overview."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie.overzicht import provincie_overzicht
from toegang.beleid import leesbare_provincies, mag_lezen


@login_required
def home(request):
    provincies = list(leesbare_provincies(request.user))
    if len(provincies) == 1:
        return redirect("provincie", code=provincies[0].code)
    return render(request, "realisatie/home.html", {"provincies": provincies})


@login_required
def provincie(request, code: str):
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_lezen(request.user, provincie):
        raise PermissionDenied
    datum = _gekozen_datum(request.GET.get("peildatum"))
    overzicht = provincie_overzicht(provincie, datum or timezone.localdate())
    return render(
        request,
        "realisatie/provincie.html",
        {"overzicht": overzicht, "gekozen": datum},
    )


def _gekozen_datum(tekst: str | None) -> datetime.date | None:
    if not tekst:
        return None
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise Http404(_("Invalid reference date.")) from None
