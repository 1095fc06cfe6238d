"""The grids of a peildatum: Oekraïne and asiel figures per gemeente, or of the
province, its veiligheidsregio's and subregio's where a source gives only those; for
asiel also planned figures for a later date. Saves go through `services`."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from gemeenten.models import Subregio
from realisatie.invoer import grid as gridhulp
from realisatie.invoer import selectors, services
from realisatie.invoer.forms import AsielRijForm, OekraineRijForm
from realisatie.invoer.ophalen import peildatum_van, provincie_voor
from realisatie.models import AsielTelling, OekraineTelling
from realisatie.overzicht import provincie_overzicht
from toegang.beleid import mag_bewerken, mag_bewerken_gemeente

# soort -> (model, row form, save per gemeente, save per larger area)
SOORTEN = {
    "oekraine": (
        OekraineTelling,
        OekraineRijForm,
        services.oekraine_tellingen_opslaan,
        services.oekraine_gebiedstellingen_opslaan,
    ),
    "asiel": (
        AsielTelling,
        AsielRijForm,
        services.asieltellingen_opslaan,
        services.asiel_gebiedstellingen_opslaan,
    ),
}


@login_required
def grid(request, code: str, datum: str, soort: str):
    return _grid(request, code, datum, soort, niveau="gemeenten")


@login_required
def gebiedsgrid(request, code: str, datum: str, soort: str):
    return _grid(request, code, datum, soort, niveau="gebieden")


def _grid(request, code: str, datum: str, soort: str, *, niveau: str):
    if soort not in SOORTEN:
        raise Http404
    model, form_klasse, per_gemeente, per_gebied = SOORTEN[soort]
    provincie = provincie_voor(request, code, bewerken=niveau == "gebieden")
    peildatum = peildatum_van(provincie, datum)
    per = _per(request.GET.get("per"), peildatum.datum) if soort == "asiel" else None
    if niveau == "gebieden":
        gebieden = list(services.gebieden_van(provincie).values())
        opslaan = per_gebied
    else:
        gebieden = [
            gemeente
            for gemeente in selectors.grid_gemeenten(peildatum, request.GET.get("subregio"))
            if mag_bewerken_gemeente(request.user, gemeente)
        ]
        opslaan = per_gemeente
    beginwaarden = selectors.beginwaarden(
        model, peildatum, gebieden, form_klasse.rij_klasse.WAARDEN, datum=per
    )
    algemeen, status = [], 200
    if request.method == "POST":
        forms = [form_klasse(request.POST, gemeente=g) for g in gebieden]
        status = 400
        if all(form.is_valid() for form in forms):
            resultaat = opslaan(
                peildatum=peildatum,
                door=request.user,
                rijen=[form.rij() for form in forms],
                bevestigd=gridhulp.bevestigde_rijen(forms),
                **({"datum": per} if per else {}),
            )
            antwoord = gridhulp.na_opslaan(
                request, resultaat, forms, peildatum=peildatum, soort=soort
            )
            if antwoord is not None:
                return antwoord
            algemeen = resultaat.fouten.get("", [])
    else:
        forms = [form_klasse(initial=beginwaarden[g.code], gemeente=g) for g in gebieden]
    regels = {}
    if per is None:
        regels = {
            regel.knoop.code: regel
            for regel in provincie_overzicht(provincie, peildatum.datum).blok(soort).regels
        }
    rijen = []
    for form in forms:
        regel = regels.get(form.gemeente.code)
        rijen.append(
            (
                form,
                beginwaarden[form.gemeente.code]["_vooringevuld"],
                *(regel.waarde(k) if regel else None for k in ("opgave", "verschil", "percentage")),
            )
        )
    return render(
        request,
        "invoer/grid.html",
        {
            "provincie": provincie,
            "peildatum": peildatum,
            "soort": soort,
            "niveau": niveau,
            "per": per,
            "titel": _titel(soort, niveau),
            "geplande_data": selectors.geplande_data(peildatum) if soort == "asiel" else [],
            "subregios": Subregio.objects.filter(provincie=provincie).order_by("naam"),
            "gekozen_subregio": request.GET.get("subregio", ""),
            "rijen": rijen,
            "kolommen": forms[0].getalvelden() if forms else [],
            "samenvatting": gridhulp.samenvatting(forms, algemeen),
            "mag_bewerken": mag_bewerken(request.user, provincie),
        },
        status=status,
    )


def _per(tekst: str | None, peildatum: datetime.date) -> datetime.date | None:
    """The date planned asiel figures are for; None for the realisation itself."""
    if not tekst:
        return None
    try:
        per = datetime.date.fromisoformat(tekst)
    except ValueError:
        raise Http404(_("Invalid date.")) from None
    if per < peildatum:
        raise Http404(_("A planned figure is for a date after the reference date."))
    return None if per == peildatum else per


def _titel(soort: str, niveau: str) -> str:
    if soort == "oekraine":
        return (
            _("Ukraine places per area")
            if niveau == "gebieden"
            else _("Ukraine places per municipality")
        )
    return (
        _("Asylum places per area") if niveau == "gebieden" else _("Asylum places per municipality")
    )
