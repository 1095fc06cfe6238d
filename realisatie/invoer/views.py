"""Entry pages for PRT secretaries: peildata, the grid per figure kind, the audit trail.

Views stay thin: they check `toegang.beleid`, bind forms and call `services`.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.models import Gemeente, Provincie, Subregio
from opgaven import services as opgaven_services
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavebesluit, Opgavesoort, Taakstelling, Telregel, Uitruil
from realisatie.dashboard.export import csv_antwoord
from realisatie.invoer import herstel, selectors, services, tabellen
from realisatie.invoer.forms import (
    AsielRijForm,
    HeropenenForm,
    HuisvestingRijForm,
    OekraineRijForm,
    OpgavebesluitForm,
    OpgavenPlakkenForm,
    PeildatumForm,
    TaakstellingRijForm,
    TelregelForm,
    UitruilForm,
)
from realisatie.models import AsielTelling, Huisvesting, OekraineTelling, Peildatum
from realisatie.overzicht import provincie_overzicht
from realisatie.views import DATUMBEREIK
from toegang.beleid import (
    invoerbare_provincies,
    is_beheerder,
    mag_bewerken,
    mag_bewerken_gemeente,
    mag_invoeren,
)

SOORTEN = {
    "oekraine": (OekraineTelling, OekraineRijForm, services.oekraine_tellingen_opslaan),
    "asiel": (AsielTelling, AsielRijForm, services.asieltellingen_opslaan),
}


def _provincie(request, code: str, *, bewerken: bool = False) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    toegestaan = mag_bewerken if bewerken else mag_invoeren
    if not toegestaan(request.user, provincie):
        raise PermissionDenied
    return provincie


def _peildatum(provincie: Provincie, datum: str) -> Peildatum:
    try:
        dag = datetime.date.fromisoformat(datum)
    except ValueError:
        raise Http404(_("Invalid reference date.")) from None
    return get_object_or_404(Peildatum, provincie=provincie, datum=dag)


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
    provincie = _provincie(request, code)
    return render(
        request,
        "invoer/provincie.html",
        {
            "provincie": provincie,
            "peildata": Peildatum.objects.van_provincie(provincie),
            "form": PeildatumForm(),
            "mag_bewerken": mag_bewerken(request.user, provincie),
            "taakstellingbesluiten": _taakstellingbesluiten(),
        },
    )


@login_required
@require_POST
def peildatum_aanmaken(request, code: str):
    provincie = _provincie(request, code, bewerken=True)
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
            return redirect(_grid_url(peildatum, "oekraine"))
    return render(
        request,
        "invoer/provincie.html",
        {
            "provincie": provincie,
            "peildata": Peildatum.objects.van_provincie(provincie),
            "form": form,
            "mag_bewerken": True,
            "taakstellingbesluiten": _taakstellingbesluiten(),
        },
        status=400,
    )


def _taakstellingbesluiten():
    return Opgavebesluit.objects.filter(soort=Opgavesoort.STATUSHOUDERS).order_by("-halfjaar")


def _grid_url(peildatum: Peildatum, soort: str) -> str:
    return reverse(
        "invoer:grid",
        kwargs={
            "code": peildatum.provincie.code,
            "datum": peildatum.datum.isoformat(),
            "soort": soort,
        },
    )


@login_required
def grid(request, code: str, datum: str, soort: str):
    if soort not in SOORTEN:
        raise Http404
    model, form_klasse, opslaan = SOORTEN[soort]
    provincie = _provincie(request, code)
    peildatum = _peildatum(provincie, datum)
    gemeenten = [
        gemeente
        for gemeente in selectors.grid_gemeenten(peildatum, request.GET.get("subregio"))
        if mag_bewerken_gemeente(request.user, gemeente)
    ]
    beginwaarden = selectors.beginwaarden(
        model, peildatum, gemeenten, form_klasse.rij_klasse.WAARDEN
    )
    if request.method == "POST":
        forms = [form_klasse(request.POST, gemeente=g) for g in gemeenten]
        if all(form.is_valid() for form in forms):
            resultaat = opslaan(
                peildatum=peildatum,
                door=request.user,
                rijen=[form.rij() for form in forms],
                bevestigd=request.POST.get("bevestigd") == "1",
            )
            antwoord = _na_opslaan(request, resultaat, forms, peildatum=peildatum, soort=soort)
            if isinstance(antwoord, HttpResponse):
                return antwoord
            algemeen = antwoord
        else:
            algemeen = []
        status = 400
    else:
        forms = [form_klasse(initial=beginwaarden[g.code], gemeente=g) for g in gemeenten]
        algemeen, status = [], 200
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
            "subregios": Subregio.objects.filter(provincie=provincie).order_by("naam"),
            "gekozen_subregio": request.GET.get("subregio", ""),
            "rijen": rijen,
            "kolommen": forms[0].getalvelden() if forms else [],
            "algemeen": algemeen,
            "bevestigen": any(form.bevestigen for form in forms),
        },
        status=status,
    )


@login_required
@require_POST
def vaststellen(request, code: str, datum: str):
    provincie = _provincie(request, code, bewerken=True)
    peildatum = _peildatum(provincie, datum)
    try:
        services.peildatum_vaststellen(peildatum=peildatum, door=request.user)
    except ValidationError as fout:
        messages.error(request, fout.messages[0])
    else:
        messages.success(request, _("The reference date has been adopted."))
    return redirect("invoer:provincie", code=provincie.code)


@login_required
def heropenen(request, code: str, datum: str):
    provincie = _provincie(request, code, bewerken=True)
    peildatum = _peildatum(provincie, datum)
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
def historie_peildatum(request, code: str, datum: str):
    provincie = _provincie(request, code)
    peildatum = _peildatum(provincie, datum)
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
    provincie = _provincie(request, code)
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
    provincie = _provincie(request, code)
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
def statushouders(request, code: str, maand: str):
    """Statushouders housed per gemeente in one month (not tied to a peildatum)."""
    provincie = _provincie(request, code)
    try:
        van = datetime.date.fromisoformat(f"{maand}-01")
    except ValueError:
        raise Http404 from None
    if not DATUMBEREIK[0] <= van <= DATUMBEREIK[1]:
        raise Http404(_("Choose a reference date between 2000 and 2100."))
    volgende = (van + datetime.timedelta(days=32)).replace(day=1)
    tot_en_met = volgende - datetime.timedelta(days=1)
    gemeenten = [
        g
        for g in Gemeente.objects.in_provincie(provincie).filter_for_date(van).order_by("naam")
        if mag_bewerken_gemeente(request.user, g)
    ]
    bestaand = {
        h.gemeente.code: h
        for h in Huisvesting.objects.filter(gemeente__in=gemeenten, van=van).select_related(
            "gemeente"
        )
    }

    def form(gemeente, data=None):
        telling = bestaand.get(gemeente.code)
        begin = (
            {
                "gehuisvest": telling.gehuisvest,
                "waarvan_amv": telling.waarvan_amv,
                "toelichting": telling.toelichting,
                "versie": telling.versie,
            }
            if telling
            else {}
        )
        return HuisvestingRijForm(
            data, initial=begin, gemeente=gemeente, van=van, tot_en_met=tot_en_met
        )

    algemeen, status = [], 200
    vergrendeld = list(Peildatum.objects.vergrendelt_periode(provincie, tot_en_met))
    if vergrendeld:
        algemeen = [services.huisvesting_vergrendeld_melding(van, tot_en_met, vergrendeld)]
    if request.method == "POST":
        forms = [form(g, request.POST) for g in gemeenten]
        status = 400
        if all(f.is_valid() for f in forms):
            resultaat = services.huisvesting_opslaan(
                provincie=provincie, door=request.user, rijen=[f.rij() for f in forms]
            )
            antwoord = _na_opslaan(request, resultaat, forms, terug=request.path)
            if isinstance(antwoord, HttpResponse):
                return antwoord
            algemeen = antwoord
    else:
        forms = [form(g) for g in gemeenten]
    return render(
        request,
        "invoer/statushouders.html",
        {
            "provincie": provincie,
            "van": van,
            "forms": forms,
            "kolommen": forms[0].getalvelden() if forms else [],
            "algemeen": algemeen,
            "vergrendeld": vergrendeld,
        },
        status=status,
    )


@login_required
def opgaven_plakken(request, code: str):
    """Paste a besluit's per-gemeente figures: two columns, CBS code and number."""
    provincie = _provincie(request, code, bewerken=True)
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
                _("Saved: %(aantal)s municipalities changed.")
                % {"aantal": len(resultaat.opgeslagen)},
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
    provincie = _provincie(request, code, bewerken=True)
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
    provincie = _provincie(request, code, bewerken=True)
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
    gemeenten = list(
        Gemeente.objects.in_provincie(provincie).filter_for_date(periode.begin).order_by("naam")
    )
    bestaand = {
        t.gemeente.code: t
        for t in Taakstelling.objects.filter(
            besluit=besluit, gemeente__in=gemeenten
        ).select_related("gemeente")
    }

    def form(gemeente, data=None):
        t = bestaand.get(gemeente.code)
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
        return TaakstellingRijForm(data, initial=begin, gemeente=gemeente)

    algemeen, status = [], 200
    if request.method == "POST":
        forms = [form(g, request.POST) for g in gemeenten]
        status = 400
        if all(f.is_valid() for f in forms):
            resultaat = opgaven_services.taakstellingen_opslaan(
                besluit=besluit,
                provincie=provincie,
                door=request.user,
                rijen=[f.rij() for f in forms if not f.is_leeg()],
            )
            antwoord = _na_opslaan(request, resultaat, forms, terug=request.path)
            if isinstance(antwoord, HttpResponse):
                return antwoord
            algemeen = antwoord
    else:
        forms = [form(g) for g in gemeenten]
    return render(
        request,
        "invoer/taakstellingen.html",
        {
            "provincie": provincie,
            "besluit": besluit,
            "halfjaar": periode,
            "forms": forms,
            "kolommen": forms[0].getalvelden() if forms else [],
            "algemeen": algemeen,
        },
        status=status,
    )


@login_required
def uitruil(request, code: str):
    """Register an exchange (also across a provincial border) and list the province's."""
    provincie = _provincie(request, code)
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
    provincie = _provincie(request, code)
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


def _na_opslaan(request, resultaat, forms, **conflict) -> HttpResponse | list[str]:
    """What a grid save leads to: the conflict page (409) with both values, or back to
    the grid with a message; otherwise each row's errors go onto its form and the
    general errors are returned."""
    if resultaat.conflicten:
        context = {"resultaat": resultaat, **conflict}
        return render(request, "invoer/conflict.html", context, status=409)
    if resultaat.gelukt:
        messages.success(
            request,
            _("Saved: %(aantal)s municipalities changed.") % {"aantal": len(resultaat.opgeslagen)},
        )
        return redirect(request.get_full_path())
    bevestigen = getattr(resultaat, "bevestigen", None)
    for form in forms:
        form.servicefouten = resultaat.fouten.get(form.gemeente.code, [])
        if bevestigen is not None:
            form.bevestigen = bevestigen.get(form.gemeente.code, [])
    return resultaat.fouten.get("", [])


@login_required
def telregels(request, code: str):
    """What counts toward the asiel opgave in this province: per besluit, the soorten."""
    provincie = _provincie(request, code, bewerken=True)
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
