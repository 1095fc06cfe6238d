"""The regietafel's pages: the overview per province and the meetings.

Views stay thin: they check `toegang.beleid` (members read, the secretary edits), bind a
form and call one service; a refused write shows the service's Dutch message and
writes nothing. The other lists are in `regietafel.lijstviews`, downloads and print
views in `regietafel.exportviews`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.models import Provincie
from realisatie.views import gekozen_datum
from regietafel import selectors, services
from regietafel.forms import (
    AanwezigeForm,
    ActieForm,
    AgendapuntForm,
    BesluitForm,
    VergaderingForm,
    VergaderingWijzigenForm,
    VerslagGoedkeurenForm,
)
from regietafel.models import Aanwezigheid, Agendapunt, Vergadering
from toegang.beleid import leesbare_provincies, mag_bewerken, mag_lezen


def provincie_voor(request, code: str, *, bewerken: bool = False) -> Provincie:
    """The province of the URL, or 403: reading needs `mag_lezen`, writing `mag_bewerken`."""
    provincie = get_object_or_404(Provincie, code=code)
    toegestaan = mag_bewerken if bewerken else mag_lezen
    if not toegestaan(request.user, provincie):
        raise PermissionDenied
    return provincie


def formulier(
    request,
    *,
    provincie: Provincie,
    form,
    opslaan: Callable[[dict], object],
    titel: str,
    gelukt: str,
    terug: str,
    uitleg: str = "",
) -> HttpResponse:
    """A page with one form: on a valid POST call `opslaan` with the cleaned data and go
    back to `terug`; on the service's ValidationError show its messages (status 400)."""
    if request.method == "POST" and form.is_valid():
        try:
            opslaan(form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, gelukt)
            return redirect(terug)
    return render(
        request,
        "regietafel/formulier.html",
        {"provincie": provincie, "form": form, "titel": titel, "terug": terug, "uitleg": uitleg},
        status=400 if form.errors else 200,
    )


@login_required
def start(request):
    """The regietafel of the one readable province, or a choice of provinces."""
    provincies = list(leesbare_provincies(request.user))
    if len(provincies) == 1:
        return redirect("regietafel:overzicht", code=provincies[0].code)
    return render(request, "regietafel/start.html", {"provincies": provincies})


@login_required
def overzicht(request, code: str):
    provincie = provincie_voor(request, code)
    datum = gekozen_datum(request.GET.get("peildatum")) or timezone.localdate()
    return render(
        request,
        "regietafel/overzicht.html",
        {
            "beeld": selectors.regietafelbeeld(provincie, datum),
            "provincie": provincie,
            "mag_bewerken": mag_bewerken(request.user, provincie),
        },
    )


# --- Meetings ---------------------------------------------------------------------------------


@login_required
def vergadering_nieuw(request, code: str):
    provincie = provincie_voor(request, code, bewerken=True)
    form = VergaderingForm(request.POST or None, provincie=provincie)
    if request.method == "POST" and form.is_valid():
        try:
            vergadering = services.vergadering_aanmaken(
                door=request.user, provincie=provincie, **form.cleaned_data
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The meeting has been created."))
            return redirect(_vergadering_url(vergadering))
    return render(
        request,
        "regietafel/formulier.html",
        {
            "provincie": provincie,
            "form": form,
            "titel": _("New meeting"),
            "terug": reverse("regietafel:overzicht", args=[provincie.code]),
        },
        status=400 if form.errors else 200,
    )


def _vergadering_url(vergadering: Vergadering) -> str:
    return reverse("regietafel:vergadering", args=[vergadering.provincie.code, vergadering.pk])


# The meeting page holds several forms; each gets ids of its own, so no label is ambiguous.
AUTO_ID = {
    "agendaform": "agenda_%s",
    "aanwezigeform": "aanwezige_%s",
    "besluitform": "besluit_%s",
    "actieform": "actie_%s",
    "goedkeurform": "goedkeuren_%s",
}


def _vergadering_pagina(request, provincie, pk: int, status: int = 200, **gebonden):
    vergadering = _vergadering(provincie, pk)
    bewerken = mag_bewerken(request.user, provincie)
    forms = {}
    if bewerken:
        forms = {
            "agendaform": AgendapuntForm(provincie=provincie, auto_id=AUTO_ID["agendaform"]),
            "aanwezigeform": AanwezigeForm(auto_id=AUTO_ID["aanwezigeform"]),
            "besluitform": BesluitForm(auto_id=AUTO_ID["besluitform"]),
            "actieform": ActieForm(auto_id=AUTO_ID["actieform"]),
            "goedkeurform": VerslagGoedkeurenForm(
                vergadering=vergadering, auto_id=AUTO_ID["goedkeurform"]
            ),
            **gebonden,
        }
    return render(
        request,
        "regietafel/vergadering.html",
        {
            "provincie": provincie,
            "vergadering": vergadering,
            "mag_bewerken": bewerken,
            **forms,
        },
        status=status,
    )


def _vergadering(provincie: Provincie, pk: int) -> Vergadering:
    try:
        return selectors.vergadering_met_alles(provincie, pk)
    except Vergadering.DoesNotExist:
        raise Http404 from None


@login_required
def vergadering(request, code: str, pk: int):
    provincie = provincie_voor(request, code)
    return _vergadering_pagina(request, provincie, pk)


@login_required
def vergadering_wijzigen(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    bestaand = get_object_or_404(Vergadering, pk=pk, provincie=provincie)
    begin = {
        "datum": bestaand.datum,
        "omschrijving": bestaand.omschrijving,
        "peildatum": bestaand.peildatum,
        "verslag": bestaand.verslag,
    }
    return formulier(
        request,
        provincie=provincie,
        form=VergaderingWijzigenForm(request.POST or None, initial=begin, provincie=provincie),
        opslaan=lambda data: services.vergadering_wijzigen(
            door=request.user, vergadering=bestaand, **data
        ),
        titel=_("Meeting of %(datum)s") % {"datum": f"{bestaand.datum:%-d-%-m-%Y}"},
        gelukt=_("The meeting has been saved."),
        terug=_vergadering_url(bestaand),
    )


def _toevoegen(request, code: str, pk: int, sleutel: str, form_klasse, opslaan, gelukt: str):
    """POST of one of the meeting page's forms: save, or show the page with its errors."""
    provincie = provincie_voor(request, code, bewerken=True)
    vergadering = get_object_or_404(Vergadering, pk=pk, provincie=provincie)
    auto_id = AUTO_ID[sleutel]
    if form_klasse is AgendapuntForm:
        form = form_klasse(request.POST, provincie=provincie, auto_id=auto_id)
    elif form_klasse is VerslagGoedkeurenForm:
        form = form_klasse(request.POST, vergadering=vergadering, auto_id=auto_id)
    else:
        form = form_klasse(request.POST, auto_id=auto_id)
    if form.is_valid():
        try:
            opslaan(vergadering, form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, gelukt)
            return redirect(_vergadering_url(vergadering))
    return _vergadering_pagina(request, provincie, pk, status=400, **{sleutel: form})


@login_required
@require_POST
def agendapunt_toevoegen(request, code: str, pk: int):
    return _toevoegen(
        request,
        code,
        pk,
        "agendaform",
        AgendapuntForm,
        lambda v, data: services.agendapunt_toevoegen(door=request.user, vergadering=v, **data),
        _("The agenda item has been added."),
    )


@login_required
@require_POST
def aanwezige_toevoegen(request, code: str, pk: int):
    return _toevoegen(
        request,
        code,
        pk,
        "aanwezigeform",
        AanwezigeForm,
        lambda v, data: services.aanwezige_toevoegen(door=request.user, vergadering=v, **data),
        _("The attendance has been added."),
    )


@login_required
@require_POST
def besluit_toevoegen(request, code: str, pk: int):
    return _toevoegen(
        request,
        code,
        pk,
        "besluitform",
        BesluitForm,
        lambda v, data: services.regietafelbesluit_aanmaken(
            door=request.user, vergadering=v, **data
        ),
        _("The decision has been added to the list of decisions."),
    )


@login_required
@require_POST
def actie_toevoegen(request, code: str, pk: int):
    return _toevoegen(
        request,
        code,
        pk,
        "actieform",
        ActieForm,
        lambda v, data: services.actie_aanmaken(door=request.user, vergadering=v, **data),
        _("The action has been added to the action list."),
    )


@login_required
@require_POST
def verslag_goedkeuren(request, code: str, pk: int):
    return _toevoegen(
        request,
        code,
        pk,
        "goedkeurform",
        VerslagGoedkeurenForm,
        lambda v, data: services.verslag_goedkeuren(
            door=request.user, vergadering=data["vergadering"], goedgekeurd_in=v
        ),
        _("The minutes have been approved."),
    )


@login_required
@require_POST
def agendapunt_verwijderen(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    agendapunt = get_object_or_404(Agendapunt, pk=pk, vergadering__provincie=provincie)
    services.agendapunt_verwijderen(door=request.user, agendapunt=agendapunt)
    messages.success(request, _("The agenda item has been removed."))
    return redirect(_vergadering_url(agendapunt.vergadering))


@login_required
@require_POST
def aanwezige_verwijderen(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    aanwezige = get_object_or_404(Aanwezigheid, pk=pk, vergadering__provincie=provincie)
    services.aanwezige_verwijderen(door=request.user, aanwezigheid=aanwezige)
    messages.success(request, _("The attendance has been removed."))
    return redirect(_vergadering_url(aanwezige.vergadering))
