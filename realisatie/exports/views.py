"""Downloads of the Excel bijlagen and the stand van zaken, per province.

Parameters as GET: `peildatum` (YYYY-MM-DD, default today), `van`/`tot` quarters
(2024-Q1; default relative to the peildatum, so an adopted bijlage 2 stays the same
file; maximum: `realisatie.horizon`) for bijlage 2, `halfjaren`
(2023-II,2024-I, default every half year with a taakstelling) for bijlage 3. Reading
needs `mag_lezen`.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from realisatie.exports.asiel import Bijlage2
from realisatie.exports.bijlagen import Bijlage3, Bijlage4
from realisatie.exports.exporter import Exporter
from realisatie.exports.parameters import halfjaren_met_taakstelling
from realisatie.exports.stand_van_zaken import StandVanZaken
from realisatie.exports.werkboek import als_xlsx
from realisatie.horizon import OngeldigeHorizon, horizon, standaard_horizon
from toegang.beleid import leesbare_provincies, mag_bewerken, mag_lezen
from vaststellingen.namen import xlsx_naam
from vaststellingen.selectors import vastgelegd_xlsx, vaststelling_in_kracht

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class OngeldigeKeuze(ValueError):
    """A GET parameter that cannot be read; the message is for the user."""


def _leesbare_provincie(request, code: str) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_lezen(request.user, provincie):
        raise PermissionDenied
    return provincie


@login_required
def start(request):
    """The Excel page of the one readable province, or a choice of provinces."""
    provincies = list(leesbare_provincies(request.user))
    if len(provincies) == 1:
        return redirect("exports:overzicht", code=provincies[0].code)
    return render(request, "exports/start.html", {"provincies": provincies})


@login_required
def overzicht(request, code: str):
    provincie = _leesbare_provincie(request, code)
    eerste, laatste = standaard_horizon(timezone.localdate())
    return render(
        request,
        "exports/overzicht.html",
        {
            "provincie": provincie,
            "vandaag": timezone.localdate(),
            "halfjaren": [str(h) for h in halfjaren_met_taakstelling(provincie)],
            "eerste": eerste,
            "laatste": laatste,
            "mag_importeren": mag_bewerken(request.user, provincie),
        },
    )


@login_required
def bijlage(request, code: str, soort: str):
    provincie = _leesbare_provincie(request, code)
    try:
        exporter = _exporter(soort, provincie, request.GET)
    except OngeldigeKeuze as fout:
        return HttpResponseBadRequest(str(fout), content_type="text/plain; charset=utf-8")
    if vaststelling := vaststelling_in_kracht(provincie, exporter.datum):
        # Without a selection of its own: the standard one stored at vaststellen.
        eigen = {"bijlage-2": ("van", "tot"), "bijlage-3": ("halfjaren",)}.get(soort, ())
        gekozen = any(request.GET.get(p) for p in eigen)
        inhoud = vastgelegd_xlsx(
            vaststelling, soort, xlsx_naam(exporter, soort) if gekozen else None
        )
        if inhoud is None:
            return HttpResponseBadRequest(
                _(
                    "The reference date %(date)s has been adopted: its Excel files are kept "
                    "with the standard selection only. Leave out the other choices."
                )
                % {"date": f"{exporter.datum:%-d-%-m-%Y}"},
                content_type="text/plain; charset=utf-8",
            )
    else:
        inhoud = als_xlsx(exporter.tabellen(), gemaakt=timezone.localtime())
    antwoord = HttpResponse(inhoud, content_type=XLSX)
    naam = f"{exporter.bestandsnaam}-{provincie.code}-{exporter.datum:%Y-%m-%d}.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


def _exporter(soort: str, provincie: Provincie, parameters) -> Exporter:
    datum = _datum(parameters.get("peildatum"))
    if soort == "bijlage-2":
        try:
            eerste, laatste = horizon(parameters.get("van"), parameters.get("tot"), vandaag=datum)
        except OngeldigeHorizon as reden:
            raise OngeldigeKeuze(str(reden)) from None
        return Bijlage2(provincie=provincie, datum=datum, eerste=eerste, laatste=laatste)
    if soort == "bijlage-3":
        halfjaren = _halfjaren(parameters.get("halfjaren")) or halfjaren_met_taakstelling(provincie)
        return Bijlage3(provincie=provincie, datum=datum, halfjaren=halfjaren)
    if soort == "bijlage-4":
        return Bijlage4(provincie=provincie, datum=datum)
    return StandVanZaken(provincie=provincie, datum=datum)


def _datum(tekst: str | None) -> datetime.date:
    if not tekst:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise OngeldigeKeuze(
            _("Invalid reference date '%(value)s'; use YYYY-MM-DD.") % {"value": tekst}
        ) from None


def _halfjaren(tekst: str | None) -> list[Halfjaar]:
    if not tekst:
        return []
    try:
        return sorted({Halfjaar.parse(deel.strip()) for deel in tekst.split(",") if deel.strip()})
    except ValueError:
        raise OngeldigeKeuze(
            _("Invalid half year in '%(value)s'; write them as 2023-II,2024-I.") % {"value": tekst}
        ) from None
