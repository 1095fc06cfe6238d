"""Statushouders housed, counted per month (not per peildatum): one month with its
"of which amv" and explanation, or a whole half year in the table PRT secretaries keep
(a column per month, with the stand the carry-over rule gives). Months a vastgestelde
peildatum counts are read-only; saves go through `services.huisvesting_opslaan`."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from opgaven.halfjaar import Halfjaar
from realisatie.invoer import grid as gridhulp
from realisatie.invoer import selectors, services
from realisatie.invoer.forms import HalfjaarRijForm, HuisvestingRijForm
from realisatie.invoer.ophalen import datum_uit_url, provincie_voor
from realisatie.invoer.rijen import maandeinde
from realisatie.models import Huisvesting, Peildatum
from realisatie.views import DATUMBEREIK
from toegang.beleid import mag_bewerken_gemeente


def _gemeenten(request, provincie, datum: datetime.date) -> list[Gemeente]:
    return [
        g
        for g in Gemeente.objects.in_provincie(provincie)
        .filter_for_date(datum)
        .select_related("provincie")
        .order_by("naam")
        if mag_bewerken_gemeente(request.user, g)
    ]


def _maand(tekst: str) -> datetime.date:
    try:
        maand = datetime.date.fromisoformat(f"{tekst}-01")
    except ValueError:
        raise Http404 from None
    if not DATUMBEREIK[0] <= maand <= DATUMBEREIK[1]:
        raise Http404(_("Choose a reference date between 2000 and 2100."))
    return maand


def vorige_maand(maand: datetime.date) -> datetime.date:
    return (maand - datetime.timedelta(days=1)).replace(day=1)


def volgende_maand(maand: datetime.date) -> datetime.date:
    return maandeinde(maand) + datetime.timedelta(days=1)


@login_required
def statushouders(request, code: str, maand: str):
    """Statushouders housed per gemeente in one month, with amv and explanation."""
    provincie = provincie_voor(request, code)
    van = _maand(maand)
    tot_en_met = maandeinde(van)
    gemeenten = _gemeenten(request, provincie, van)
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
    if request.method == "POST":
        forms = [form(g, request.POST) for g in gemeenten]
        status = 400
        if all(f.is_valid() for f in forms):
            resultaat = services.huisvesting_opslaan(
                provincie=provincie,
                door=request.user,
                rijen=[f.rij() for f in forms],
                bevestigd=gridhulp.bevestigde_rijen(forms),
            )
            antwoord = gridhulp.na_opslaan(request, resultaat, forms, terug=request.path)
            if antwoord is not None:
                return antwoord
            algemeen = resultaat.fouten.get("", [])
    else:
        forms = [form(g) for g in gemeenten]
    halfjaar = Halfjaar.voor_datum(van)
    return render(
        request,
        "invoer/statushouders.html",
        {
            "provincie": provincie,
            "van": van,
            "vorige": vorige_maand(van),
            "volgende": volgende_maand(van),
            "halfjaar": halfjaar,
            "forms": forms,
            "kolommen": forms[0].getalvelden() if forms else [],
            "samenvatting": gridhulp.samenvatting(forms, algemeen),
            "vergrendeld": vergrendeld,
            "vergrendeld_melding": (
                services.huisvesting_vergrendeld_melding(van, tot_en_met, vergrendeld)
                if vergrendeld
                else ""
            ),
        },
        status=status,
    )


@login_required
def statushouders_halfjaar(request, code: str, halfjaar: str):
    """The half year's table: a row per gemeente, a column per month to fill in, and
    stand at the start, taakstelling, te realiseren, gehuisvest, stand and % beside it.
    With `?peildatum=` the derived figures count the months that peildatum counts."""
    provincie = provincie_voor(request, code)
    try:
        periode = Halfjaar.parse(halfjaar)
    except ValueError:
        raise Http404 from None
    if not DATUMBEREIK[0] <= periode.begin <= DATUMBEREIK[1]:
        raise Http404(_("Choose a reference date between 2000 and 2100."))
    peildatum = datum_uit_url(request.GET["peildatum"]) if request.GET.get("peildatum") else None
    gemeenten = _gemeenten(request, provincie, periode.einde)
    tabel = selectors.statushouders_halfjaar(provincie, periode, gemeenten, peildatum=peildatum)
    vergrendeld = {
        maand
        for maand in periode.maanden
        if Peildatum.objects.vergrendelt_periode(provincie, maandeinde(maand)).exists()
    }

    def form(rij, data=None):
        return HalfjaarRijForm(
            data,
            initial=HalfjaarRijForm.beginwaarden(rij.maanden),
            gemeente=rij.gemeente,
            maanden=periode.maanden,
            vergrendeld=vergrendeld,
        )

    algemeen, status = [], 200
    if request.method == "POST":
        forms = [form(rij, request.POST) for rij in tabel]
        status = 400
        if all(f.is_valid() for f in forms):
            resultaat = services.huisvesting_opslaan(
                provincie=provincie,
                door=request.user,
                rijen=[
                    r for f, rij in zip(forms, tabel, strict=True) for r in f.rijen(rij.maanden)
                ],
                bevestigd=gridhulp.bevestigde_rijen(forms),
            )
            antwoord = gridhulp.na_opslaan(request, resultaat, forms, terug=request.get_full_path())
            if antwoord is not None:
                return antwoord
            algemeen = resultaat.fouten.get("", [])
    else:
        forms = [form(rij) for rij in tabel]
    geteld = (
        periode.maanden[: periode.maanden_verstreken(peildatum)] if peildatum else periode.maanden
    )
    return render(
        request,
        "invoer/statushouders_halfjaar.html",
        {
            "provincie": provincie,
            "halfjaar": periode,
            "vorige": periode.vorige(),
            "volgende": periode.volgende(),
            "peildatum": peildatum,
            "maanden": [
                (maand, maand in geteld, maand in vergrendeld) for maand in periode.maanden
            ],
            "laatste_geteld": geteld[-1] if geteld else None,
            "rijen": list(zip(forms, tabel, strict=True)),
            "samenvatting": gridhulp.samenvatting(forms, algemeen),
        },
        status=status,
    )


def halfjaar_url(provincie_code: str, peildatum: datetime.date) -> str:
    """The half-year table with the months a peildatum counts: per 1-3-2024 2024-I up
    to February; per 1-1-2024 the whole of 2023-II."""
    halfjaar = Halfjaar.van_peildatum(peildatum)
    pad = reverse("invoer:statushouders_halfjaar", args=[provincie_code, str(halfjaar)])
    return f"{pad}?peildatum={peildatum:%Y-%m-%d}"
