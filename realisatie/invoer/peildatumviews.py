"""A peildatum's life: create it, fix it (vaststellen) after a confirmation page,
reopen it, or delete it while open when it was made by mistake."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from realisatie.invoer import services, vaststelling
from realisatie.invoer.forms import HeropenenForm, PeildatumForm
from realisatie.invoer.ophalen import peildatum_van, provincie_voor
from realisatie.invoer.provinciepagina import provinciepagina


@login_required
@require_POST
def peildatum_aanmaken(request, code: str):
    provincie = provincie_voor(request, code, bewerken=True)
    form = PeildatumForm(request.POST)
    if form.is_valid():
        try:
            peildatum = services.peildatum_aanmaken(
                provincie=provincie,
                datum=form.cleaned_data["datum"],
                omschrijving=form.cleaned_data["omschrijving"],
                door=request.user,
            )
        except ValidationError as fout:
            form.add_error("datum", fout)
        else:
            return redirect(
                reverse(
                    "invoer:grid", args=[provincie.code, peildatum.datum.isoformat(), "oekraine"]
                )
            )
    return provinciepagina(request, provincie, form=form, status=400)


@login_required
def vaststellen(request, code: str, datum: str):
    """GET: what will be fixed, who delivered and the open signals; POST: fix it."""
    provincie = provincie_voor(request, code, bewerken=True)
    peildatum = peildatum_van(provincie, datum)
    if request.method == "POST":
        try:
            services.peildatum_vaststellen(peildatum=peildatum, door=request.user)
        except ValidationError as fout:
            messages.error(request, fout.messages[0])
        else:
            messages.success(request, _("The reference date has been adopted."))
        return redirect("invoer:provincie", code=provincie.code)
    if peildatum.is_vastgesteld:
        messages.error(request, services.vastgesteld_melding(peildatum))
        return redirect("invoer:provincie", code=provincie.code)
    return render(
        request,
        "invoer/vaststellen.html",
        {"provincie": provincie, "beeld": vaststelling.vaststelbeeld(peildatum)},
    )


@login_required
def heropenen(request, code: str, datum: str):
    provincie = provincie_voor(request, code, bewerken=True)
    peildatum = peildatum_van(provincie, datum)
    form = HeropenenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.peildatum_heropenen(
                peildatum=peildatum, door=request.user, reden=form.cleaned_data["reden"]
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The reference date has been reopened."))
            return redirect("invoer:provincie", code=provincie.code)
    return render(
        request,
        "invoer/heropenen.html",
        {"provincie": provincie, "peildatum": peildatum, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def verwijderen(request, code: str, datum: str):
    """GET: everything that will be deleted; POST: delete the open peildatum."""
    provincie = provincie_voor(request, code, bewerken=True)
    peildatum = peildatum_van(provincie, datum)
    if request.method == "POST":
        try:
            aantal = services.peildatum_verwijderen(peildatum=peildatum, door=request.user)
        except ValidationError as fout:
            messages.error(request, fout.messages[0])
        else:
            messages.success(
                request,
                ngettext(
                    "The reference date %(datum)s has been deleted with its %(aantal)s figure.",
                    "The reference date %(datum)s has been deleted with its %(aantal)s figures.",
                    aantal,
                )
                % {"datum": f"{peildatum.datum:%-d-%-m-%Y}", "aantal": aantal},
            )
        return redirect("invoer:provincie", code=provincie.code)
    if peildatum.is_vastgesteld:
        messages.error(request, services.vastgesteld_melding(peildatum))
        return redirect("invoer:provincie", code=provincie.code)
    return render(
        request,
        "invoer/verwijderen.html",
        {
            "provincie": provincie,
            "peildatum": peildatum,
            "te_verwijderen": vaststelling.te_verwijderen(peildatum),
        },
    )
