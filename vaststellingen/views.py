"""Pages of vaststellingen: the records of a peildatum and the difference between two
(members), the publication switch (beheerder), and the public page of a province that
publishes its latest vastgestelde figures (anyone, no login)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_POST

from gemeenten.models import Provincie
from realisatie.views import gekozen_datum, leesbare_provincie
from toegang.beleid import is_beheerder
from vaststellingen import paginas, selectors, services
from vaststellingen.models import Publicatie
from vaststellingen.verschil import verschillen


def _datum(tekst: str) -> datetime.date:
    datum = gekozen_datum(tekst)
    if datum is None:
        raise Http404
    return datum


@login_required
def geschiedenis(request, code: str, datum: str):
    provincie = leesbare_provincie(request, code)
    dag = _datum(datum)
    records = list(selectors.vaststellingen_van(provincie, dag))
    if not records:
        raise Http404(_("This reference date has never been adopted."))
    return render(
        request,
        "vaststellingen/geschiedenis.html",
        {
            "provincie": provincie,
            "datum": dag,
            "records": list(zip(records, [None, *records[:-1]], strict=True)),
        },
    )


@login_required
def verschil(request, code: str, datum: str):
    provincie = leesbare_provincie(request, code)
    dag = _datum(datum)
    records = {r.volgnummer: r for r in selectors.vaststellingen_van(provincie, dag)}
    try:
        van = records[int(request.GET.get("van", ""))]
        naar = records[int(request.GET.get("naar", ""))]
    except (KeyError, ValueError):
        raise Http404(_("Choose two adoptions of this reference date.")) from None
    regels = verschillen(selectors.overzicht_van(van), selectors.overzicht_van(naar))
    return render(
        request,
        "vaststellingen/verschil.html",
        {"provincie": provincie, "datum": dag, "van": van, "naar": naar, "regels": regels},
    )


@login_required
def publicatie(request):
    if not is_beheerder(request.user):
        raise PermissionDenied
    gepubliceerd = set(Publicatie.objects.values_list("provincie_id", flat=True))
    provincies = [(p, p.pk in gepubliceerd) for p in Provincie.objects.order_by("naam")]
    return render(request, "vaststellingen/publicatie.html", {"provincies": provincies})


@login_required
@require_POST
def publicatie_wijzigen(request, code: str):
    provincie = get_object_or_404(Provincie, code=code)
    if request.POST.get("publiceren") == "ja":
        services.publicatie_aanzetten(provincie=provincie, door=request.user)
        messages.success(
            request,
            _("%(name)s now publishes its latest adopted figures.") % {"name": provincie.naam},
        )
    else:
        services.publicatie_uitzetten(provincie=provincie, door=request.user)
        messages.success(
            request, _("%(name)s no longer publishes its figures.") % {"name": provincie.naam}
        )
    return redirect("vaststellingen:publicatie")


def openbaar(request, code: str):
    """The latest vastgestelde figures of a province that publishes; 404 otherwise."""
    vaststelling = selectors.gepubliceerd(code)
    if vaststelling is None:
        raise Http404
    pagina = _openbare_pagina
    if not request.user.is_authenticated and _vaste_vraag(request):
        # Everyone without a login sees the same page of this record: Django's per-view
        # cache keeps it per record, language and table in this process (the record
        # never changes; a new vaststelling or the end of publication is a new lookup).
        pagina = cache_page(
            selectors.OPENBAAR_BEWAARTIJD,
            cache=selectors.LOKAAL,
            key_prefix=selectors.lokale_sleutel(vaststelling, "openbaar"),
        )(pagina)
    return pagina(request, vaststelling)


def _vaste_vraag(request) -> bool:
    """The page itself or one of its CSVs: only these are kept, so a made-up query
    string cannot fill the cache."""
    vraag = request.GET
    return not vraag or (vraag.get("_export") == "csv" and set(vraag) <= {"_export", "tabel"})


def _openbare_pagina(request, vaststelling):
    provincie = vaststelling.provincie
    antwoord = paginas.csv_antwoord(request, vaststelling, f"{provincie.code}-{vaststelling.datum}")
    if antwoord is None:
        antwoord = render(
            request,
            "vaststellingen/openbaar.html",
            {
                "provincie": provincie,
                "vaststelling": vaststelling,
                "vastgelegd": paginas.Delen(vaststelling),
            },
        )
    patch_cache_control(antwoord, public=True, max_age=selectors.OPENBAAR_BEWAARTIJD)
    return antwoord
