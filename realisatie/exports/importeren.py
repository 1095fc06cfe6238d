"""The import pages: template download, upload with preview, and commit.

The checked rows wait in the session between preview and commit; the commit saves
them through `inlezen.vastleggen`. Needs `mag_bewerken` for the province.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.models import Provincie
from realisatie.exports import statushouders
from realisatie.exports.inlezen import (
    MAX_BYTES,
    Inlezing,
    Probleem,
    inlezen,
    te_groot,
    vastleggen,
)
from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.exports.views import XLSX
from realisatie.models import Peildatum
from toegang.beleid import mag_bewerken

SESSIESLEUTEL = "prt_import"
FORMULIER_MARGE = 64 * 1024  # the other fields and the multipart boundaries


def _bewerkbare_provincie(request, code: str) -> Provincie:
    provincie = get_object_or_404(Provincie, code=code)
    if not mag_bewerken(request.user, provincie):
        raise PermissionDenied
    return provincie


def _keuze(provincie: Provincie, gegevens):
    """The chosen subject and peildatum of the province, or None for either."""
    onderwerp = ONDERWERPEN.get(gegevens.get("onderwerp", ""))
    try:
        datum = datetime.date.fromisoformat(gegevens.get("peildatum") or "")
    except ValueError:
        return onderwerp, None
    return onderwerp, Peildatum.objects.filter(provincie=provincie, datum=datum).first()


@login_required
def invoer(request, code: str):
    provincie = _bewerkbare_provincie(request, code)
    context = {
        "provincie": provincie,
        "onderwerpen": [*ONDERWERPEN.values(), statushouders.KEUZE],
        "peildata": Peildatum.objects.van_provincie(provincie).order_by("-datum"),
    }
    if request.method != "POST":
        return render(request, "exports/invoer.html", context)
    if _verzoek_te_groot(request):
        # Refused on the stated size, before Django reads (and stores) the upload.
        context["fout"] = te_groot()
        return render(request, "exports/invoer.html", context, status=413)
    if request.POST.get("onderwerp") == statushouders.SLEUTEL:
        return _invoer_statushouders(request, provincie, context)
    onderwerp, peildatum = _keuze(provincie, request.POST)
    bestand = request.FILES.get("bestand")
    if onderwerp is None or peildatum is None or bestand is None:
        context["fout"] = _("Choose a subject and a reference date, and a file to upload.")
        return render(request, "exports/invoer.html", context, status=400)
    if bestand.size > MAX_BYTES:
        # Refused before reading it into memory.
        uitkomst = Inlezing(problemen=[Probleem(te_groot())])
    else:
        uitkomst = inlezen(inhoud=bestand.read(), onderwerp=onderwerp, peildatum=peildatum)
    if uitkomst.in_orde:
        request.session[SESSIESLEUTEL] = {
            "provincie": provincie.code,
            "onderwerp": onderwerp.sleutel,
            "peildatum": peildatum.datum.isoformat(),
            "rijen": [dataclasses.asdict(r) for r in uitkomst.rijen],
        }
    else:
        request.session.pop(SESSIESLEUTEL, None)
    return render(
        request,
        "exports/voorbeeld.html",
        {**context, "onderwerp": onderwerp, "peildatum": peildatum, "uitkomst": uitkomst},
        status=200 if uitkomst.in_orde else 400,
    )


def _verzoek_te_groot(request) -> bool:
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return lengte > MAX_BYTES + FORMULIER_MARGE


def _periode(gegevens) -> statushouders.Periode | None:
    try:
        return statushouders.Periode.parse(gegevens.get("periode") or "")
    except ValueError:
        return None


def _invoer_statushouders(request, provincie: Provincie, context: dict):
    periode = _periode(request.POST)
    bestand = request.FILES.get("bestand")
    if periode is None or bestand is None:
        context["fout"] = _(
            "Choose a period (a half year such as 2024-I or a month such as 2024-03) "
            "and a file to upload."
        )
        return render(request, "exports/invoer.html", context, status=400)
    if bestand.size > MAX_BYTES:
        uitkomst = Inlezing(problemen=[Probleem(te_groot())])
    else:
        uitkomst = statushouders.inlezen(
            inhoud=bestand.read(), provincie=provincie, periode=periode
        )
    if uitkomst.in_orde:
        request.session[SESSIESLEUTEL] = {
            "provincie": provincie.code,
            "onderwerp": statushouders.SLEUTEL,
            "periode": periode.tekst,
            "rijen": [statushouders.als_sessie(r) for r in uitkomst.rijen],
        }
    else:
        request.session.pop(SESSIESLEUTEL, None)
    return render(
        request,
        "exports/voorbeeld.html",
        {**context, "onderwerp": statushouders.KEUZE, "periode": periode, "uitkomst": uitkomst},
        status=200 if uitkomst.in_orde else 400,
    )


@login_required
def sjabloon_downloaden(request, code: str):
    provincie = _bewerkbare_provincie(request, code)
    if request.GET.get("onderwerp") == statushouders.SLEUTEL:
        periode = _periode(request.GET)
        if periode is None:
            raise Http404(_("Choose a half year such as 2024-I or a month such as 2024-03."))
        antwoord = HttpResponse(statushouders.sjabloon(provincie, periode), content_type=XLSX)
        naam = f"sjabloon-{statushouders.SLEUTEL}-{provincie.code}-{periode.tekst}.xlsx"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    onderwerp, peildatum = _keuze(provincie, request.GET)
    if onderwerp is None or peildatum is None:
        raise Http404(_("Choose a subject and a reference date."))
    antwoord = HttpResponse(sjabloon(onderwerp, peildatum), content_type=XLSX)
    naam = f"sjabloon-{onderwerp.sleutel}-{provincie.code}-{peildatum.datum:%Y-%m-%d}.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


@login_required
@require_POST
def vastleggen_view(request, code: str):
    provincie = _bewerkbare_provincie(request, code)
    bewaard = request.session.get(SESSIESLEUTEL)
    if not bewaard or bewaard["provincie"] != provincie.code:
        messages.error(request, _("There is no checked import to save; upload the file again."))
        return redirect("exports:invoer", code=provincie.code)
    if bewaard["onderwerp"] == statushouders.SLEUTEL:
        return _vastleggen_statushouders(request, provincie, bewaard)
    onderwerp, peildatum = _keuze(provincie, bewaard)
    rijen = [onderwerp.rij(**r) for r in bewaard["rijen"]]
    resultaat = vastleggen(
        onderwerp=onderwerp,
        peildatum=peildatum,
        door=request.user,
        rijen=rijen,
        bevestigd=bool(request.POST.get("bevestigd")),
    )
    terug = f"{reverse('provincie', args=[provincie.code])}?peildatum={peildatum.datum:%Y-%m-%d}"
    return _na_vastleggen(
        request,
        resultaat,
        {"provincie": provincie, "onderwerp": onderwerp, "peildatum": peildatum},
        terug,
    )


def _vastleggen_statushouders(request, provincie: Provincie, bewaard: dict):
    resultaat = statushouders.vastleggen(
        provincie=provincie,
        door=request.user,
        rijen=[statushouders.uit_sessie(r) for r in bewaard["rijen"]],
        bevestigd=bool(request.POST.get("bevestigd")),
    )
    context = {
        "provincie": provincie,
        "onderwerp": statushouders.KEUZE,
        "periode": statushouders.Periode.parse(bewaard["periode"]),
    }
    return _na_vastleggen(request, resultaat, context, reverse("provincie", args=[provincie.code]))


def _na_vastleggen(request, resultaat, context: dict, terug: str):
    """The preview page with the service's messages (nothing saved), or back to the
    dashboard with how many gemeenten changed."""
    if not resultaat.gelukt:
        return render(
            request,
            "exports/voorbeeld.html",
            {**context, "uitkomst": Inlezing(), "resultaat": resultaat},
            status=400,
        )
    request.session.pop(SESSIESLEUTEL, None)
    messages.success(
        request,
        _("Import saved: %(count)s municipalities changed.") % {"count": len(resultaat.opgeslagen)},
    )
    return redirect(terug)
