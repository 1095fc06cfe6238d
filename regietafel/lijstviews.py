"""The regietafel's lists: the actielijst and the forms of actions, decisions, requests,
bottlenecks, toezicht and the Spreidingswet cycle. Writes go through `services`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.models import Gemeente
from regietafel import selectors, services
from regietafel.forms import (
    ActieWijzigenForm,
    AfrondenForm,
    AfspraakForm,
    BesluitForm,
    CyclusForm,
    KnelpuntForm,
    KnelpuntWijzigenForm,
    MijlpaalForm,
    ToezichtForm,
    VerzoekForm,
    VerzoekWijzigenForm,
)
from regietafel.models import (
    Actie,
    Knelpunt,
    Mijlpaal,
    Regietafelbesluit,
    Toezicht,
    Toezichtafspraak,
    Verzoek,
)
from regietafel.views import formulier, provincie_voor
from toegang.beleid import mag_bewerken


def _overzicht(provincie, anker: str = "") -> str:
    url = reverse("regietafel:overzicht", args=[provincie.code])
    return f"{url}#{anker}" if anker else url


def _velden(object_, *namen: str) -> dict:
    return {naam: getattr(object_, naam) for naam in namen}


# --- The actielijst ---------------------------------------------------------------------------


@login_required
def actielijst(request, code: str):
    provincie = provincie_voor(request, code)
    datum = timezone.localdate()
    alleen_open = request.GET.get("status") == "open"
    return render(
        request,
        "regietafel/actielijst.html",
        {
            "provincie": provincie,
            "acties": selectors.actielijst(provincie, alleen_open=alleen_open),
            "alleen_open": alleen_open,
            "over_termijn": {t.actie.pk for t in selectors.acties_over_termijn(provincie, datum)},
            "datum": datum,
            "mag_bewerken": mag_bewerken(request.user, provincie),
        },
    )


@login_required
def actie_wijzigen(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    actie = get_object_or_404(Actie, pk=pk, provincie=provincie)
    begin = _velden(actie, "tekst", "eigenaar", "termijn", "toelichting", "status", "status_op")
    return formulier(
        request,
        provincie=provincie,
        form=ActieWijzigenForm(request.POST or None, initial=begin),
        opslaan=lambda data: services.actie_wijzigen(door=request.user, actie=actie, **data),
        titel=_("Action %(nummer)s") % {"nummer": actie.nummer},
        gelukt=_("The action has been saved."),
        terug=reverse("regietafel:actielijst", args=[provincie.code]),
    )


@login_required
@require_POST
def actie_afronden(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    actie = get_object_or_404(Actie, pk=pk, provincie=provincie)
    form = AfrondenForm(request.POST)
    if form.is_valid():
        try:
            services.actie_afronden(door=request.user, actie=actie, **form.cleaned_data)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
        else:
            messages.success(
                request, _("Action %(nummer)s has been finished.") % {"nummer": actie.nummer}
            )
    else:
        for fouten in form.errors.values():
            for melding in fouten:
                messages.error(request, melding)
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        terug = reverse("regietafel:actielijst", args=[provincie.code])
    return redirect(terug)


@login_required
def besluit_wijzigen(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    besluit = get_object_or_404(Regietafelbesluit, pk=pk, provincie=provincie)
    return formulier(
        request,
        provincie=provincie,
        form=BesluitForm(request.POST or None, initial={"tekst": besluit.tekst}),
        opslaan=lambda data: services.regietafelbesluit_wijzigen(
            door=request.user, besluit=besluit, **data
        ),
        titel=_("Decision %(nummer)s") % {"nummer": besluit.nummer},
        gelukt=_("The decision has been saved."),
        terug=_overzicht(provincie, "besluiten"),
    )


# --- Requests and bottlenecks -----------------------------------------------------------------


@login_required
def verzoek(request, code: str, pk: int | None = None):
    provincie = provincie_voor(request, code, bewerken=True)
    if pk is None:
        form = VerzoekForm(request.POST or None, provincie=provincie)
        return formulier(
            request,
            provincie=provincie,
            form=form,
            opslaan=lambda data: services.verzoek_aanmaken(
                door=request.user, provincie=provincie, **data
            ),
            titel=_("New request of the Rijk"),
            gelukt=_("The request has been saved."),
            terug=_overzicht(provincie, "verzoeken"),
        )
    bestaand = get_object_or_404(Verzoek, pk=pk, provincie=provincie)
    begin = _velden(
        bestaand,
        "omschrijving",
        "soort",
        "aantal",
        "veiligheidsregio",
        "ontvangen_op",
        "uiterlijk",
        "status",
        "antwoord",
        "beantwoord_op",
    )
    return formulier(
        request,
        provincie=provincie,
        form=VerzoekWijzigenForm(request.POST or None, initial=begin, provincie=provincie),
        opslaan=lambda data: services.verzoek_wijzigen(door=request.user, verzoek=bestaand, **data),
        titel=bestaand.omschrijving,
        gelukt=_("The request has been saved."),
        terug=_overzicht(provincie, "verzoeken"),
    )


@login_required
def knelpunt(request, code: str, pk: int | None = None):
    provincie = provincie_voor(request, code, bewerken=True)
    if pk is None:
        return formulier(
            request,
            provincie=provincie,
            form=KnelpuntForm(request.POST or None, provincie=provincie),
            opslaan=lambda data: services.knelpunt_aanmaken(door=request.user, **data),
            titel=_("New bottleneck"),
            gelukt=_("The bottleneck has been saved."),
            terug=_overzicht(provincie, "knelpunten"),
        )
    bestaand = get_object_or_404(Knelpunt, pk=pk, provincie=provincie)
    velden = ("thema", "omschrijving", "status", "geescaleerd_naar", "geescaleerd_op", "antwoord")
    begin = _velden(bestaand, *velden)
    return formulier(
        request,
        provincie=provincie,
        form=KnelpuntWijzigenForm(request.POST or None, initial=begin),
        opslaan=lambda data: services.knelpunt_wijzigen(
            door=request.user, knelpunt=bestaand, **data
        ),
        titel=_("Bottleneck: %(thema)s") % {"thema": bestaand.get_thema_display()},
        gelukt=_("The bottleneck has been saved."),
        terug=_overzicht(provincie, "knelpunten"),
        uitleg=_("Raised at the meeting of %(datum)s.")
        % {"datum": f"{bestaand.ingebracht_in.datum:%-d-%-m-%Y}"},
    )


# --- Toezicht statushouders -------------------------------------------------------------------


@login_required
def toezicht(request, code: str, pk: int | None = None):
    provincie = provincie_voor(request, code, bewerken=True)
    bestaand = get_object_or_404(Toezicht, pk=pk, gemeente__provincie=provincie) if pk else None
    gemeenten = Gemeente.objects.in_provincie(provincie).filter_for_date(timezone.localdate())
    if bestaand is not None:
        gemeenten = gemeenten | Gemeente.objects.filter(pk=bestaand.gemeente_id)
    begin = (
        _velden(bestaand, "gemeente", "regime", "sinds", "plan_van_aanpak", "toelichting")
        if bestaand
        else None
    )
    return formulier(
        request,
        provincie=provincie,
        form=ToezichtForm(request.POST or None, initial=begin, gemeenten=gemeenten),
        opslaan=lambda data: services.toezicht_vastleggen(
            door=request.user, toezicht=bestaand, **data
        ),
        titel=str(bestaand) if bestaand else _("Supervision of a municipality"),
        gelukt=_("The supervision regime has been saved."),
        terug=reverse("regietafel:toezicht_afspraken", args=[provincie.code, bestaand.pk])
        if bestaand
        else _overzicht(provincie, "toezicht"),
        uitleg=_(
            "A new regime from a later date keeps the earlier one as history; change an "
            "existing regime only to correct it."
        ),
    )


@login_required
def toezicht_afspraken(request, code: str, pk: int, afspraak: int | None = None):
    """The agreements under one regime: add one, or change one (e.g. fulfilled)."""
    provincie = provincie_voor(request, code, bewerken=True)
    regime = get_object_or_404(Toezicht, pk=pk, gemeente__provincie=provincie)
    bestaand = None
    if afspraak is not None:
        bestaand = get_object_or_404(Toezichtafspraak, pk=afspraak, toezicht=regime)
    begin = _velden(bestaand, "omschrijving", "datum", "nagekomen_op") if bestaand else None
    form = AfspraakForm(request.POST or None, initial=begin)
    if request.method == "POST" and form.is_valid():
        try:
            services.toezichtafspraak_vastleggen(
                door=request.user, toezicht=regime, afspraak=bestaand, **form.cleaned_data
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The agreement has been saved."))
            return redirect("regietafel:toezicht_afspraken", code=provincie.code, pk=regime.pk)
    return render(
        request,
        "regietafel/toezicht.html",
        {"provincie": provincie, "toezicht": regime, "afspraak": bestaand, "form": form},
        status=400 if form.errors else 200,
    )


# --- The Spreidingswet cycle ------------------------------------------------------------------


@login_required
@require_POST
def cyclus_aanmaken(request, code: str):
    provincie = provincie_voor(request, code, bewerken=True)
    form = CyclusForm(request.POST)
    if form.is_valid():
        try:
            services.spreidingswetcyclus_aanmaken(
                door=request.user, provincie=provincie, cyclus=form.cleaned_data["cyclus"]
            )
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
        else:
            messages.success(request, _("The milestones of the cycle have been created."))
    else:
        for fouten in form.errors.values():
            for melding in fouten:
                messages.error(request, melding)
    return redirect(_overzicht(provincie, "spreidingswet"))


@login_required
def mijlpaal(request, code: str, pk: int):
    provincie = provincie_voor(request, code, bewerken=True)
    bestaand = get_object_or_404(Mijlpaal, pk=pk, provincie=provincie)
    begin = _velden(bestaand, "uiterlijk", "status", "gereed_op", "toelichting")
    return formulier(
        request,
        provincie=provincie,
        form=MijlpaalForm(request.POST or None, initial=begin),
        opslaan=lambda data: services.mijlpaal_wijzigen(
            door=request.user, mijlpaal=bestaand, **data
        ),
        titel=f"{bestaand.get_soort_display()} ({bestaand.cyclus})",
        gelukt=_("The milestone has been saved."),
        terug=_overzicht(provincie, "spreidingswet"),
    )
