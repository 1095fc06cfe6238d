"""Downloads and print views of the regietafel, for everyone who may read the province:
the actielijst (print, xlsx, CSV), the requests (xlsx) and the provinciaal verslag
(print, xlsx). The tables come from `regietafel.exports`; the one writer is
`realisatie.exports.werkboek`."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from realisatie.exports.views import XLSX
from realisatie.exports.werkboek import als_csv, als_xlsx
from realisatie.views import gekozen_datum
from regietafel import selectors
from regietafel.exports import Actielijst, Verslagexport, Verzoekenlijst
from regietafel.models import Verzoek
from regietafel.provinciaal_verslag import provinciaal_verslag
from regietafel.views import provincie_voor


def _bijlage(inhoud: bytes | str, soort: str, naam: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


def _actielijst(request, code: str) -> Actielijst:
    provincie = provincie_voor(request, code)
    datum = timezone.localdate()
    return Actielijst(
        provincie=provincie,
        datum=datum,
        acties=selectors.actielijst(provincie, alleen_open=request.GET.get("status") == "open"),
        over_termijn={t.actie.pk for t in selectors.acties_over_termijn(provincie, datum)},
    )


@login_required
def actielijst_xlsx(request, code: str):
    export = _actielijst(request, code)
    inhoud = als_xlsx(export.tabellen(), gemaakt=timezone.localtime())
    return _bijlage(inhoud, XLSX, _bestandsnaam(export, "xlsx"))


@login_required
def actielijst_csv(request, code: str):
    export = _actielijst(request, code)
    inhoud = als_csv(export.tabel())
    return _bijlage(inhoud, "text/csv; charset=utf-8", _bestandsnaam(export, "csv"))


@login_required
def actielijst_print(request, code: str):
    export = _actielijst(request, code)
    return render(
        request,
        "regietafel/actielijst_print.html",
        {"provincie": export.provincie, "tabel": export.tabel(), "export": export},
    )


def _bestandsnaam(export, extensie: str) -> str:
    return f"{export.bestandsnaam}-{export.provincie.code}-{export.datum:%Y-%m-%d}.{extensie}"


@login_required
def verzoeken_xlsx(request, code: str):
    provincie = provincie_voor(request, code)
    standen = selectors.verzoekstanden(
        Verzoek.objects.filter(provincie=provincie).select_related("provincie", "veiligheidsregio")
    )
    export = Verzoekenlijst(provincie=provincie, datum=timezone.localdate(), standen=standen)
    inhoud = als_xlsx(export.tabellen(), gemaakt=timezone.localtime())
    return _bijlage(inhoud, XLSX, _bestandsnaam(export, "xlsx"))


def _verslagdatum(request) -> datetime.date:
    return gekozen_datum(request.GET.get("peildatum")) or timezone.localdate()


@login_required
def verslag(request, code: str):
    """The provinciaal verslag as a page to print; the xlsx is the version to edit."""
    provincie = provincie_voor(request, code)
    export = Verslagexport(verslag=provinciaal_verslag(provincie, _verslagdatum(request)))
    return render(
        request,
        "regietafel/verslag.html",
        {"provincie": provincie, "verslag": export.verslag, "tabel": next(export.tabellen())},
    )


@login_required
def verslag_xlsx(request, code: str):
    provincie = provincie_voor(request, code)
    export = Verslagexport(verslag=provinciaal_verslag(provincie, _verslagdatum(request)))
    inhoud = als_xlsx(export.tabellen(), gemaakt=timezone.localtime())
    return _bijlage(inhoud, XLSX, _bestandsnaam(export, "xlsx"))
