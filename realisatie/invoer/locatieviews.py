"""The asiel location register: list, create and edit locations, add capacity periods,
end a location without deleting its history. Writes go through `services`."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.models import Gemeente, Provincie
from realisatie.capaciteit import GEREALISEERD, Plaatsenperiode, plaatsen_op
from realisatie.dashboard.export import csv_antwoord
from realisatie.dashboard.tables import aandelen_in_woorden
from realisatie.invoer import services, tabellen
from realisatie.invoer.forms import AandelenForm, BeeindigenForm, LocatieForm, PeriodeForm
from realisatie.models import Opvanglocatie
from toegang.beleid import mag_bewerken, mag_bewerken_gemeente, mag_invoeren


def _provincie(request, code: str) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_invoeren(request.user, provincie):
        raise PermissionDenied
    return provincie


def _gemeenten(request, provincie):
    ids = [
        g.pk
        for g in Gemeente.objects.in_provincie(provincie).filter(geldig_tot_en_met__isnull=True)
        if mag_bewerken_gemeente(request.user, g)
    ]
    return Gemeente.objects.filter(pk__in=ids).order_by("naam")


@login_required
def locaties(request, code: str):
    provincie = _provincie(request, code)
    lijst = (
        Opvanglocatie.objects.filter(gemeente__in=_gemeenten(request, provincie))
        .select_related("gemeente")
        .prefetch_related("perioden__soort", "aandelen__gemeente")
    )
    if csv := csv_antwoord(request, lambda: tabellen.register(lijst), f"register-{provincie.code}"):
        return csv
    vandaag = timezone.localdate()
    perioden = [periode_van(p, locatie.pk) for locatie in lijst for p in locatie.perioden.all()]
    return render(
        request,
        "invoer/locaties.html",
        {
            "provincie": provincie,
            "locaties": [(locatie, aandelen_in_woorden(locatie)) for locatie in lijst],
            "vandaag": vandaag,
            "gerealiseerd": plaatsen_op(perioden, vandaag, statussen=(GEREALISEERD,)),
            "locatielijst_url": reverse("invoer:import", args=[provincie.code])
            if mag_bewerken(request.user, provincie)
            else "",
        },
    )


def periode_van(periode, locatie_pk: int) -> Plaatsenperiode:
    """A `Plaatsenperiode` of a prefetched capacity period (the whole location)."""
    return Plaatsenperiode(
        periode.plaatsen,
        periode.waarvan_amv,
        periode.van,
        periode.tot_en_met,
        periode.status,
        periode.soort_id,
        periode.geschat,
        periode.verlengbaar_tot,
        periode.einde_onbekend,
        locatie_pk,
    )


@login_required
def locatie(request, code: str, pk: int | None = None):
    provincie = _provincie(request, code)
    gemeenten = _gemeenten(request, provincie)
    bestaand = get_object_or_404(Opvanglocatie, pk=pk, gemeente__in=gemeenten) if pk else None
    begin = None
    if bestaand:
        begin = {
            "gemeente": bestaand.gemeente,
            "naam": bestaand.naam,
            "opmerkingen": bestaand.opmerkingen,
            "versie": bestaand.versie,
        }
    form = LocatieForm(request.POST or None, initial=begin, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            opgeslagen = services.opvanglocatie_opslaan(
                door=request.user,
                gemeente=data["gemeente"],
                naam=data["naam"],
                opmerkingen=data["opmerkingen"],
                locatie=bestaand,
                versie=data["versie"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The location has been saved."))
            return redirect("invoer:locatie", code=provincie.code, pk=opgeslagen.pk)
    return render(
        request,
        "invoer/locatie.html",
        {
            "provincie": provincie,
            "locatie": bestaand,
            "form": form,
            "periodeform": PeriodeForm(),
            "beeindigenform": BeeindigenForm(),
            "aandelenform": AandelenForm(
                initial={"regels": aandelen_als_regels(bestaand)} if bestaand else None
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def periode_toevoegen(request, code: str, pk: int):
    provincie = _provincie(request, code)
    locatie = get_object_or_404(Opvanglocatie, pk=pk, gemeente__provincie=provincie)
    form = PeriodeForm(request.POST)
    if form.is_valid():
        try:
            services.capaciteitsperiode_opslaan(
                door=request.user, locatie=locatie, **form.cleaned_data
            )
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
        else:
            messages.success(request, _("The capacity period has been added."))
    else:
        for fouten in form.errors.values():
            for melding in fouten:
                messages.error(request, melding)
    return redirect("invoer:locatie", code=provincie.code, pk=locatie.pk)


@login_required
@require_POST
def beeindigen(request, code: str, pk: int):
    provincie = _provincie(request, code)
    locatie = get_object_or_404(Opvanglocatie, pk=pk, gemeente__provincie=provincie)
    form = BeeindigenForm(request.POST)
    if form.is_valid():
        try:
            services.opvanglocatie_beeindigen(
                door=request.user, locatie=locatie, per=form.cleaned_data["per"]
            )
        except ValidationError as fout:
            messages.error(request, fout.messages[0])
        else:
            messages.success(request, _("The location has been ended; its history is kept."))
    return redirect("invoer:locatie", code=provincie.code, pk=locatie.pk)


def aandelen_als_regels(locatie: Opvanglocatie) -> str:
    """The shares as the form shows them: "GM0150 50%" or "GM0150 120", one a line."""
    return "\n".join(
        f"{a.gemeente.code} {a.percentage.normalize():f}%"
        if a.percentage is not None
        else f"{a.gemeente.code} {a.plaatsen}"
        for a in locatie.aandelen.select_related("gemeente")
    )


def aandelen_lezen(tekst: str) -> dict[str, tuple[int | None, Decimal | None]]:
    """ "GM0150 50%" / "GM0150 120" per line -> {code: (places, percentage)}."""
    uit = {}
    for regel in tekst.splitlines():
        delen = regel.replace(",", ".").split()
        if not delen:
            continue
        if len(delen) != 2:
            raise ValidationError(
                _("Write each share as a CBS code and a percentage or places: GM0150 50%.")
            )
        code, waarde = delen[0].upper(), delen[1]
        try:
            if waarde.endswith("%"):
                uit[code] = (None, Decimal(waarde[:-1]))
            else:
                uit[code] = (int(waarde), None)
        except (ValueError, ArithmeticError):
            raise ValidationError(
                _("'%(waarde)s' is not a percentage or a number of places.") % {"waarde": waarde}
            ) from None
    return uit


@login_required
@require_POST
def aandelen(request, code: str, pk: int):
    """The shares of a location run jointly by several gemeenten."""
    provincie = _provincie(request, code)
    locatie = get_object_or_404(Opvanglocatie, pk=pk, gemeente__provincie=provincie)
    form = AandelenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the shares."))
        gelezen = aandelen_lezen(form.cleaned_data["regels"])
        gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=gelezen)}
        if onbekend := sorted(set(gelezen) - set(gemeenten)):
            raise ValidationError(
                _("Unknown CBS code(s): %(codes)s.") % {"codes": ", ".join(onbekend)}
            )
        services.locatie_aandelen_vastleggen(
            door=request.user,
            locatie=locatie,
            aandelen={gemeenten[c]: waarde for c, waarde in gelezen.items()},
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(request, _("The shares have been saved."))
    return redirect("invoer:locatie", code=provincie.code, pk=locatie.pk)
