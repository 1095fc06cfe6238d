"""The import pages under "Invoer": template download, upload with preview, and commit.

The upload reads the subject, province and peildatum (or period) from the template
itself. The checked rows wait in the session between preview and commit; the commit
saves them through the entry services, with the gemeenten whose figures ten times the
previous ones were confirmed. Needs `mag_bewerken` for the province.
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
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gemeenten.models import Provincie
from realisatie.exports import locatielijst, statushouders
from realisatie.exports.inlezen import (
    MAX_BYTES,
    Inlezing,
    Probleem,
    inlezen,
    kop_lezen,
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
        "onderwerpen": [*ONDERWERPEN.values(), statushouders.KEUZE, locatielijst.KEUZE],
        "peildata": Peildatum.objects.van_provincie(provincie).order_by("-datum"),
    }
    if request.method != "POST":
        return render(request, "exports/invoer.html", context)
    if _verzoek_te_groot(request):
        # Refused on the stated size, before Django reads (and stores) the upload.
        context["fout"] = te_groot()
        return render(request, "exports/invoer.html", context, status=413)
    bestand = request.FILES.get("bestand")
    if bestand is None:
        context["fout"] = _("Choose the filled template to upload.")
        return render(request, "exports/invoer.html", context, status=400)
    if bestand.size > MAX_BYTES:  # refused before reading it into memory
        return _voorbeeld(request, context, Inlezing(problemen=[Probleem(te_groot())]))
    inhoud = bestand.read()
    kop, problemen = kop_lezen(inhoud)
    if kop is not None and kop.provincie != provincie.code:
        problemen = [
            Probleem(
                _(
                    "This template is for province %(code)s, not %(naam)s; upload it on "
                    "that province's import page."
                )
                % {"code": kop.provincie, "naam": provincie.naam}
            )
        ]
    if problemen:
        return _voorbeeld(request, context, Inlezing(problemen=problemen))
    if kop.onderwerp == statushouders.SLEUTEL:
        return _invoer_statushouders(request, provincie, context, kop, inhoud)
    if kop.onderwerp == locatielijst.SLEUTEL:
        return _invoer_locaties(request, provincie, context, inhoud)
    onderwerp = ONDERWERPEN.get(kop.onderwerp)
    if onderwerp is None:
        melding = _("This workbook is not the PRT Monitor import template.")
        return _voorbeeld(request, context, Inlezing(problemen=[Probleem(melding)]))
    peildatum = Peildatum.objects.filter(provincie=provincie, datum=kop.waarde).first()
    if peildatum is None:
        melding = _(
            "The template is for the reference date %(datum)s, which %(naam)s does not have "
            "(any more); download a new template."
        ) % {"datum": _datum(kop.waarde), "naam": provincie.naam}
        return _voorbeeld(request, context, Inlezing(problemen=[Probleem(melding)]))
    context.update(onderwerp=onderwerp, peildatum=peildatum)
    uitkomst = inlezen(inhoud=inhoud, onderwerp=onderwerp, peildatum=peildatum)
    if uitkomst.in_orde:
        request.session[SESSIESLEUTEL] = {
            "provincie": provincie.code,
            "onderwerp": onderwerp.sleutel,
            "peildatum": peildatum.datum.isoformat(),
            "rijen": [dataclasses.asdict(r) for r in uitkomst.rijen],
        }
    return _voorbeeld(request, context, uitkomst)


def _datum(waarde) -> str:
    return f"{waarde:%-d-%-m-%Y}" if isinstance(waarde, datetime.date) else str(waarde)


def _voorbeeld(request, context: dict, uitkomst: Inlezing):
    if not uitkomst.in_orde:
        request.session.pop(SESSIESLEUTEL, None)
    return render(
        request,
        "exports/voorbeeld.html",
        {**context, "uitkomst": uitkomst},
        status=200 if uitkomst.in_orde else 400,
    )


def _verzoek_te_groot(request) -> bool:
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return lengte > MAX_BYTES + FORMULIER_MARGE


def _invoer_statushouders(request, provincie: Provincie, context: dict, kop, inhoud: bytes):
    try:
        periode = statushouders.Periode.parse(str(kop.waarde))
    except ValueError:
        melding = _("This workbook is not the PRT Monitor import template.")
        return _voorbeeld(request, context, Inlezing(problemen=[Probleem(melding)]))
    context.update(onderwerp=statushouders.KEUZE, periode=periode)
    uitkomst = statushouders.inlezen(inhoud=inhoud, provincie=provincie, periode=periode)
    if uitkomst.in_orde:
        request.session[SESSIESLEUTEL] = {
            "provincie": provincie.code,
            "onderwerp": statushouders.SLEUTEL,
            "periode": periode.tekst,
            "rijen": [statushouders.als_sessie(r) for r in uitkomst.rijen],
        }
    return _voorbeeld(request, context, uitkomst)


def _invoer_locaties(request, provincie: Provincie, context: dict, inhoud: bytes):
    """A location list: only into the register of the province whose page this is."""
    context.update(onderwerp=locatielijst.KEUZE)
    uitkomst = locatielijst.inlezen(inhoud=inhoud, provincie=provincie)
    if uitkomst.in_orde:
        request.session[SESSIESLEUTEL] = {
            "provincie": provincie.code,
            "onderwerp": locatielijst.SLEUTEL,
            "rijen": [locatielijst.als_sessie(r) for r in uitkomst.rijen],
        }
    return _voorbeeld(request, context, uitkomst)


def _vastleggen_locaties(request, provincie: Provincie, bewaard: dict):
    resultaat = locatielijst.vastleggen(
        provincie=provincie,
        door=request.user,
        rijen=[locatielijst.uit_sessie(r) for r in bewaard["rijen"]],
    )
    context = {"provincie": provincie, "onderwerp": locatielijst.KEUZE}
    if not resultaat.gelukt:
        return _na_vastleggen(request, resultaat, context, "")
    request.session.pop(SESSIESLEUTEL, None)
    aantal = len(resultaat.opgeslagen)
    messages.success(
        request,
        ngettext(
            "Location list saved: %(count)s row.",
            "Location list saved: %(count)s rows.",
            aantal,
        )
        % {"count": aantal},
    )
    return redirect("invoer:locaties", code=provincie.code)


def _periode(gegevens) -> statushouders.Periode | None:
    try:
        return statushouders.Periode.parse(gegevens.get("periode") or "")
    except ValueError:
        return None


@login_required
def sjabloon_downloaden(request, code: str):
    provincie = _bewerkbare_provincie(request, code)
    if request.GET.get("onderwerp") == locatielijst.SLEUTEL:
        antwoord = HttpResponse(locatielijst.sjabloon(provincie), content_type=XLSX)
        naam = f"sjabloon-{locatielijst.SLEUTEL}-{provincie.code}.xlsx"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
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
        return redirect("invoer:import", code=provincie.code)
    if bewaard["onderwerp"] == statushouders.SLEUTEL:
        return _vastleggen_statushouders(request, provincie, bewaard)
    if bewaard["onderwerp"] == locatielijst.SLEUTEL:
        return _vastleggen_locaties(request, provincie, bewaard)
    onderwerp, peildatum = _keuze(provincie, bewaard)
    rijen = [onderwerp.rij(**r) for r in bewaard["rijen"]]
    resultaat = vastleggen(
        onderwerp=onderwerp,
        peildatum=peildatum,
        door=request.user,
        rijen=rijen,
        bevestigd=_bevestigd(request),
    )
    terug = reverse(
        "invoer:grid", args=[provincie.code, peildatum.datum.isoformat(), onderwerp.sleutel]
    )
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
        bevestigd=_bevestigd(request),
    )
    periode = statushouders.Periode.parse(bewaard["periode"])
    context = {"provincie": provincie, "onderwerp": statushouders.KEUZE, "periode": periode}
    if len(periode.maanden) == 1:
        terug = reverse("invoer:statushouders", args=[provincie.code, periode.tekst])
    else:
        terug = reverse("invoer:statushouders_halfjaar", args=[provincie.code, periode.tekst])
    return _na_vastleggen(request, resultaat, context, terug)


def _bevestigd(request) -> set[str]:
    """The gemeenten whose figures ten times the previous ones were confirmed."""
    return set(request.POST.getlist("bevestigd"))


def _na_vastleggen(request, resultaat, context: dict, terug: str):
    """The preview page with the service's messages (nothing saved), or the entry page
    of what was imported, with how many gemeenten changed."""
    if not resultaat.gelukt:
        return render(
            request,
            "exports/voorbeeld.html",
            {**context, "uitkomst": Inlezing(), "resultaat": resultaat},
            status=400,
        )
    request.session.pop(SESSIESLEUTEL, None)
    aantal = len(set(resultaat.opgeslagen))
    messages.success(
        request,
        ngettext(
            "Import saved: %(count)s municipality changed.",
            "Import saved: %(count)s municipalities changed.",
            aantal,
        )
        % {"count": aantal},
    )
    return redirect(terug)
