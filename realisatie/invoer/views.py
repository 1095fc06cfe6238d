"""Entry pages for PRT secretaries: the start page, the audit trail, opgaven,
taakstellingen and uitruil (grids: `gridviews`, statushouders: `statushouderviews`,
peildata: `peildatumviews`).

Views stay thin: they check `toegang.beleid`, bind forms and call `services`.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.gebied import in_provincie
from gemeenten.models import GEBIED_VELDEN, Gemeente
from opgaven import services as opgaven_services
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavebesluit, Opgavesoort, Taakstelling, Telregel, Uitruil
from realisatie.dashboard.export import csv_antwoord
from realisatie.invoer import grid as gridhulp
from realisatie.invoer import herstel, selectors, services, tabellen
from realisatie.invoer.forms import (
    OpgavebesluitForm,
    OpgavenPlakkenForm,
    TaakstellingRijForm,
    TelregelForm,
    UitruilForm,
)
from realisatie.invoer.ophalen import peildatum_van, provincie_voor
from realisatie.invoer.provinciepagina import provinciepagina
from toegang.beleid import invoerbare_provincies, is_beheerder, mag_bewerken


@login_required
def start(request):
    provincies = list(invoerbare_provincies(request.user))
    if len(provincies) == 1:
        return redirect("invoer:provincie", code=provincies[0].code)
    if not provincies:
        raise PermissionDenied
    return render(request, "invoer/start.html", {"provincies": provincies})


@login_required
def provincie(request, code: str):
    return provinciepagina(request, provincie_voor(request, code))


@login_required
def historie_peildatum(request, code: str, datum: str):
    provincie = provincie_voor(request, code)
    peildatum = peildatum_van(provincie, datum)
    wijzigingen = selectors.historie_peildatum(peildatum)
    naam = f"historie-{provincie.code}-{peildatum.datum:%Y-%m-%d}"
    if csv := csv_antwoord(request, lambda: tabellen.historie(wijzigingen), naam):
        return csv
    return render(
        request,
        "invoer/historie.html",
        {
            "provincie": provincie,
            "titel": _("History of reference date %(datum)s")
            % {"datum": f"{peildatum.datum:%-d-%-m-%Y}"},
            "wijzigingen": wijzigingen,
            "heropeningen": peildatum.heropeningen.select_related("door"),
            "mag_bewerken": mag_bewerken(request.user, provincie),
        },
    )


@login_required
def historie_gemeente(request, code: str, gemeente: str):
    provincie = provincie_voor(request, code)
    gemeente = (
        Gemeente.objects.filter(provincie=provincie, code=gemeente).order_by("-geldig_van").first()
    )
    if gemeente is None:
        raise Http404
    wijzigingen = selectors.historie_gemeente(gemeente)
    naam = f"historie-{gemeente.code}"
    if csv := csv_antwoord(request, lambda: tabellen.historie(wijzigingen), naam):
        return csv
    return render(
        request,
        "invoer/historie.html",
        {
            "provincie": provincie,
            "titel": _("History of %(gemeente)s") % {"gemeente": gemeente.naam},
            "wijzigingen": wijzigingen,
            "mag_bewerken": mag_bewerken(request.user, provincie),
        },
    )


@login_required
@require_POST
def herstellen(request, code: str, soort: str, history_id: int):
    provincie = provincie_voor(request, code)
    if soort not in herstel.HERSTELBAAR:
        raise Http404
    try:
        resultaat = herstel.waarde_herstellen(soort=soort, history_id=history_id, door=request.user)
    except ObjectDoesNotExist:
        raise Http404 from None
    if resultaat.gelukt:
        messages.success(request, _("The earlier value has been restored."))
    else:
        for meldingen in resultaat.fouten.values():
            for melding in meldingen:
                messages.error(request, melding)
        for conflict in resultaat.conflicten:
            messages.error(
                request,
                _("%(gemeente)s was changed in the meantime; reload the history.")
                % {"gemeente": conflict.gemeente_naam},
            )
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = reverse("invoer:provincie", args=[provincie.code])
    return redirect(terug)


@login_required
def opgaven_plakken(request, code: str):
    """Paste a besluit's per-gemeente figures: two columns, CBS code and number."""
    provincie = provincie_voor(request, code, bewerken=True)
    besluiten = Opgavebesluit.objects.exclude(soort=Opgavesoort.STATUSHOUDERS)
    form = OpgavenPlakkenForm(request.POST or None, besluiten=besluiten)
    resultaat = None
    if request.method == "POST" and form.is_valid():
        resultaat = opgaven_services.opgaven_plakken(
            besluit=form.cleaned_data["besluit"],
            provincie=provincie,
            door=request.user,
            tekst=form.cleaned_data["tekst"],
        )
        if resultaat.gelukt:
            messages.success(
                request,
                gridhulp.opgeslagen_melding(len(resultaat.opgeslagen)),
            )
            return redirect("invoer:opgaven", code=provincie.code)
    return render(
        request,
        "invoer/opgaven.html",
        {"provincie": provincie, "form": form, "resultaat": resultaat},
        status=400 if form.errors or resultaat else 200,
    )


@login_required
def opgavebesluit_aanmaken(request, code: str):
    """A new besluit (or a correction of one with the same name); the province's editors."""
    provincie = provincie_voor(request, code, bewerken=True)
    form = OpgavebesluitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            besluit = opgaven_services.opgavebesluit_opslaan(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request, _("The decision %(naam)s has been saved.") % {"naam": besluit}
            )
            if besluit.soort == Opgavesoort.STATUSHOUDERS:
                return redirect(
                    "invoer:taakstellingen", code=provincie.code, halfjaar=besluit.halfjaar
                )
            return redirect("invoer:opgaven", code=provincie.code)
    return render(
        request,
        "invoer/opgavebesluit.html",
        {"provincie": provincie, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def taakstellingen(request, code: str, halfjaar: str):
    """The statushouders taakstellingen of one half year, a row per gemeente."""
    return _taakstellingen(request, code, halfjaar, niveau="gemeenten")


@login_required
def gebiedstaakstellingen(request, code: str, halfjaar: str):
    """The same for the province, its veiligheidsregio's and subregio's, where a source
    gives only those (Gelderland's province totals with their opening stand)."""
    return _taakstellingen(request, code, halfjaar, niveau="gebieden")


def _taakstellingen(request, code: str, halfjaar: str, *, niveau: str):
    provincie = provincie_voor(request, code, bewerken=True)
    try:
        periode = Halfjaar.parse(halfjaar)
    except ValueError:
        raise Http404 from None
    besluit = (
        Opgavebesluit.objects.filter(soort=Opgavesoort.STATUSHOUDERS, halfjaar=str(periode))
        # The newest decision is in force; one without a date never overtakes a dated one
        # (PostgreSQL sorts NULL first in a descending order).
        .order_by(F("besluitdatum").desc(nulls_last=True), "-pk")
        .first()
    )
    if besluit is None:
        raise Http404(_("There is no status holders decision for this half year."))
    if niveau == "gebieden":
        gebieden = list(services.gebieden_van(provincie).values())
    else:
        gebieden = list(
            Gemeente.objects.in_provincie(provincie).filter_for_date(periode.begin).order_by("naam")
        )
    bestaand = {
        t.gebied.code: t
        for t in Taakstelling.objects.filter(besluit=besluit)
        .filter(in_provincie(provincie))
        .select_related(*GEBIED_VELDEN)
    }

    def form(gebied, data=None):
        t = bestaand.get(gebied.code)
        begin = (
            {
                "aantal": t.aantal,
                "waarvan_amv": t.waarvan_amv,
                "stand_begin": t.stand_begin,
                "toelichting": t.toelichting,
                "versie": t.versie,
            }
            if t
            else {}
        )
        return TaakstellingRijForm(data, initial=begin, gemeente=gebied)

    algemeen, status = [], 200
    if request.method == "POST":
        forms = [form(g, request.POST) for g in gebieden]
        status = 400
        if all(f.is_valid() for f in forms):
            resultaat = opgaven_services.taakstellingen_opslaan(
                besluit=besluit,
                provincie=provincie,
                door=request.user,
                rijen=[f.rij() for f in forms if not f.is_leeg()],
                gebieden=niveau == "gebieden",
            )
            antwoord = gridhulp.na_opslaan(request, resultaat, forms, terug=request.path)
            if antwoord is not None:
                return antwoord
            algemeen = resultaat.fouten.get("", [])
    else:
        forms = [form(g) for g in gebieden]
    return render(
        request,
        "invoer/taakstellingen.html",
        {
            "provincie": provincie,
            "besluit": besluit,
            "halfjaar": periode,
            "niveau": niveau,
            "forms": forms,
            "kolommen": forms[0].getalvelden() if forms else [],
            "samenvatting": gridhulp.samenvatting(forms, algemeen),
        },
        status=status,
    )


@login_required
def uitruil(request, code: str):
    """Register an exchange (also across a provincial border) and list the province's."""
    provincie = provincie_voor(request, code)
    vandaag = datetime.date.today()
    gemeenten = Gemeente.objects.filter_for_date(vandaag).order_by("naam")
    form = UitruilForm(request.POST or None, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        try:
            opgaven_services.uitruil_opslaan(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The exchange has been saved."))
            return redirect("invoer:uitruil", code=provincie.code)
    uitruilen = list(
        Uitruil.objects.filter(
            Q(van_gemeente__provincie=provincie) | Q(naar_gemeente__provincie=provincie)
        )
        .select_related("van_gemeente__provincie", "naar_gemeente__provincie")
        .order_by("-begin", "-pk")
    )
    return render(
        request,
        "invoer/uitruil.html",
        {
            "provincie": provincie,
            "form": form,
            "uitruilen": uitruilen,
            "te_bevestigen": {
                u.pk for u in uitruilen if opgaven_services.mag_uitruil_bevestigen(request.user, u)
            },
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def uitruil_bevestigen(request, code: str, pk: int):
    """An editor of the other province confirms an exchange across the border."""
    provincie = provincie_voor(request, code)
    uitruil = get_object_or_404(
        Uitruil.objects.filter(
            Q(van_gemeente__provincie=provincie) | Q(naar_gemeente__provincie=provincie)
        ),
        pk=pk,
    )
    try:
        opgaven_services.uitruil_bevestigen(door=request.user, uitruil=uitruil)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("The exchange has been confirmed; it now counts."))
    return redirect("invoer:uitruil", code=provincie.code)


@login_required
def telregels(request, code: str):
    """What counts toward the asiel opgave in this province: per besluit, the soorten."""
    provincie = provincie_voor(request, code, bewerken=True)
    besluiten = Opgavebesluit.objects.filter(soort=Opgavesoort.ASIEL).order_by("-streefdatum")
    beheerder = is_beheerder(request.user)
    form = TelregelForm(request.POST or None, besluiten=besluiten, beheerder=beheerder)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            opgaven_services.telregel_opslaan(
                door=request.user,
                besluit=gegevens["besluit"],
                provincie=None if gegevens.get("voor_iedereen") else provincie,
                soorten=gegevens["soorten"],
                bron=gegevens["bron"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("The counting rule has been saved."))
            return redirect("invoer:telregels", code=provincie.code)
    regels = Telregel.objects.filter(
        Q(provincie=provincie) | Q(provincie__isnull=True), besluit__in=besluiten
    ).select_related("besluit", "provincie")
    return render(
        request,
        "invoer/telregels.html",
        {"provincie": provincie, "form": form, "regels": regels},
        status=400 if form.errors else 200,
    )
