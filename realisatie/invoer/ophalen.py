"""What every entry page fetches first: the province (with the permission check of
`toegang.beleid`) and the peildatum named in the URL."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie.models import Peildatum
from toegang.beleid import mag_bewerken, mag_invoeren


def provincie_voor(request, code: str, *, bewerken: bool = False) -> Provincie:
    """The province, when the user may enter its figures (or, `bewerken`, edit all)."""
    provincie = get_object_or_404(Provincie, code=code)
    toegestaan = mag_bewerken if bewerken else mag_invoeren
    if not toegestaan(request.user, provincie):
        raise PermissionDenied
    return provincie


def peildatum_van(provincie: Provincie, datum: str) -> Peildatum:
    return get_object_or_404(Peildatum, provincie=provincie, datum=datum_uit_url(datum))


def datum_uit_url(tekst: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise Http404(_("Invalid reference date.")) from None
