"""Pages for regietafel members: home and the province dashboard (also for print).

The other dashboard pages (region, gemeente, trend, outlook, signals, national) are in
`realisatie.dashboard.views`.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie import actueel
from realisatie.dashboard import export, tables
from realisatie.dashboard.delen import provinciepagina
from realisatie.dashboard.pagina import dashboard
from toegang.beleid import is_landelijk, leesbare_provincies, mag_lezen
from vaststellingen import paginas
from vaststellingen.models import Vaststelling


@login_required
def home(request):
    provincies = list(leesbare_provincies(request.user))
    if len(provincies) == 1:
        return redirect("provincie", code=provincies[0].code)
    return render(
        request,
        "realisatie/home.html",
        {"provincies": provincies, "landelijk": is_landelijk(request.user)},
    )


@login_required
def provincie(request, code: str):
    return _dashboard(request, code, "realisatie/provincie.html")


@login_required
def provincie_print(request, code: str):
    return _dashboard(request, code, "realisatie/print.html")


def _dashboard(request, code: str, template: str):
    datum = gekozen_datum(request.GET.get("peildatum"))
    if gevonden := leesbare_vaststelling(request, code, datum):
        return _vastgesteld(request, *gevonden, template)
    provincie = leesbare_provincie(request, code)
    inhoud = _open_inhoud(request, provincie, datum, template)
    if isinstance(inhoud, HttpResponse):
        return inhoud
    return met_inhoud(
        request,
        template,
        {"overzicht": Paginakop(provincie, datum or timezone.localdate()), "gekozen": datum},
        inhoud,
    )


def met_inhoud(request, template: str, context: dict, inhoud: bytes) -> HttpResponse:
    """The page `template` with `inhoud` (its figures, rendered and encoded as UTF-8 by
    our own template, escaped there) where the template says `{{ inhoud }}`.

    The frame (navigation, title, what stays live) is rendered for this request; the
    figures are copied in as they were kept, byte for byte, and never decoded and
    encoded again: a province of 590 gemeenten is 1,8 MB of HTML."""
    plek = f"<!--inhoud-{secrets.token_hex(16)}-->"  # nothing in a page can guess it
    frame = render_to_string(template, {**context, "inhoud": mark_safe(plek)}, request)
    voor, na = frame.encode().split(plek.encode())
    return HttpResponse(b"".join((voor, inhoud, na)))


# The part of each page template that shows figures (the frame around it does not).
INHOUD = {
    "realisatie/provincie.html": "realisatie/_provincie_inhoud.html",
    "realisatie/print.html": "realisatie/_print_inhoud.html",
}


@dataclass(frozen=True)
class Paginakop:
    """What the frame of a dashboard page needs: the title, no figures."""

    provincie: Provincie
    datum: datetime.date


def _open_inhoud(request, provincie, datum, template: str) -> bytes | HttpResponse:
    """The figures of an open peildatum, computed now: once per state of the figures
    for the page itself (`realisatie.actueel`), and then only the parts whose tables
    changed (`realisatie.dashboard.delen`); every time for a CSV or another parameter."""
    bewaren = actueel.gewone_vraag(request, "peildatum")

    def maken() -> bytes:
        dag = datum or timezone.localdate()
        overzicht, delen = provinciepagina(provincie, dag, request, bewaren=bewaren)
        context = {"overzicht": overzicht, "gekozen": datum, "delen": delen}
        return render_to_string(INHOUD[template], context, request).encode()

    if bewaren:
        return actueel.bewaard(request, maken, template, provincie.code, request.GET.urlencode())
    if csv := export.csv_antwoord(
        request,
        lambda: tables.provinciepagina(dashboard(provincie, datum or timezone.localdate())),
        provincie.code,
    ):
        return csv
    return maken()


def _vastgesteld(request, vaststelling, overzicht, template: str):
    """A vastgestelde peildatum: its figures as stored at vaststellen, put together once
    per process (per language and list of reference dates: a record never changes)."""
    if csv := paginas.csv_antwoord(request, vaststelling, overzicht.provincie.code):
        return csv
    datum = overzicht.datum
    context = {
        "overzicht": overzicht,
        "gekozen": datum,
        "vastgelegd": paginas.Delen(vaststelling),
        "vaststelling": vaststelling,
    }
    inhoud = paginas.samengesteld(
        vaststelling,
        overzicht,
        lambda: render_to_string(INHOUD[template], context, request).encode(),
        INHOUD[template],
    )
    return met_inhoud(request, template, {"overzicht": overzicht, "gekozen": datum}, inhoud)


def leesbare_provincie(request, code: str) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_lezen(request.user, provincie):
        raise PermissionDenied
    return provincie


def leesbare_vaststelling(
    request, code: str, datum: datetime.date | None
) -> tuple[Vaststelling, paginas.Vastgelegdbeeld] | None:
    """The record in force of the province `code` on `datum` with the frame of its pages
    (kept: `paginas.opzoeken`), or None on an open or no date; 403 when the user may not
    read the province."""
    gevonden = paginas.opzoeken(request, code, datum) if datum else None
    if gevonden and not mag_lezen(request.user, gevonden[0].provincie):
        raise PermissionDenied
    return gevonden


# Dates far from today overflow the date arithmetic of the rules (a year 9999 plus a
# month): a page asked for such a date is not found, with the reason.
DATUMBEREIK = (datetime.date(2000, 1, 1), datetime.date(2100, 12, 31))


def gekozen_datum(tekst: str | None) -> datetime.date | None:
    if not tekst:
        return None
    try:
        datum = datetime.date.fromisoformat(tekst)
    except ValueError:
        raise Http404(_("Invalid reference date.")) from None
    if not DATUMBEREIK[0] <= datum <= DATUMBEREIK[1]:
        raise Http404(_("Choose a reference date between 2000 and 2100."))
    return datum
