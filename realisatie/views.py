"""Pages for regietafel members: home and the province dashboard (also for print).

The other dashboard pages (region, gemeente, trend, outlook, signals, national) are in
`realisatie.dashboard.views`.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie.dashboard import export, tables
from realisatie.dashboard.pagina import dashboard
from toegang.beleid import is_landelijk, leesbare_provincies, mag_lezen
from vaststellingen import paginas
from vaststellingen.selectors import vaststelling_met_provincie


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
    # A vastgestelde date's record comes with its province (one query, not two).
    vaststelling = vaststelling_met_provincie(code, datum) if datum else None
    if vaststelling is None:
        provincie = leesbare_provincie(request, code)
    else:
        provincie = vaststelling.provincie
        if not mag_lezen(request.user, provincie):
            raise PermissionDenied
        return _vastgesteld(request, provincie, datum, vaststelling, template)
    beeld = dashboard(provincie, datum or timezone.localdate())
    tabellen = tables.provinciepagina(beeld)
    if csv := export.csv_antwoord(request, tabellen, provincie.code):
        return csv
    return render(
        request,
        template,
        {
            "dashboard": beeld,
            "overzicht": beeld.overzicht,
            "gekozen": datum,
            "tabellen": tabellen,
        },
    )


def _vastgesteld(request, provincie, datum, vaststelling, template: str):
    """A vastgestelde peildatum: its figures as stored at vaststellen."""
    if csv := paginas.csv_antwoord(request, vaststelling, provincie.code):
        return csv
    return render(
        request,
        template,
        {
            "overzicht": paginas.beeld(provincie, datum),
            "gekozen": datum,
            "vastgelegd": paginas.Delen(vaststelling),
            "vaststelling": vaststelling,
        },
    )


def leesbare_provincie(request, code: str) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_lezen(request.user, provincie):
        raise PermissionDenied
    return provincie


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
