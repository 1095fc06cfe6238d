"""Serving a vastgestelde peildatum from its record: the page parts and downloads as
stored at vaststellen (`vaststellingen.inhoud`), no figure computed again.

The parts are HTML rendered by the application's own templates at vaststellen; they are
marked safe because they were escaped when they were rendered.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie.models import Peildatum
from vaststellingen.models import Vaststelling
from vaststellingen.selectors import vastgelegd

CSV = "text/csv; charset=utf-8"


@dataclass
class Vastgelegdbeeld:
    """What a page's frame needs of the overview (title, date choice), without figures."""

    provincie: Provincie
    datum: datetime.date
    peildata: list[Peildatum]


class Delen:
    """The stored HTML parts of a record, by attribute: `{{ vastgelegd.blokken }}`."""

    def __init__(self, vaststelling: Vaststelling):
        self.vaststelling = vaststelling

    def __getattr__(self, deel: str) -> SafeString:
        if deel.startswith("_"):
            raise AttributeError(deel)
        inhoud = vastgelegd(self.vaststelling, f"html:{deel}")
        return mark_safe(inhoud.decode() if inhoud else "")


def beeld(provincie: Provincie, datum: datetime.date) -> Vastgelegdbeeld:
    peildata = list(Peildatum.objects.van_provincie(provincie).order_by("-datum"))
    return Vastgelegdbeeld(provincie=provincie, datum=datum, peildata=peildata)


def csv_antwoord(request, vaststelling: Vaststelling, bestandsnaam: str) -> HttpResponse | None:
    """The stored CSV of the table asked for, or None when the page itself is asked for."""
    if request.GET.get("_export") != "csv":
        return None
    naam = request.GET.get("tabel", "")
    inhoud = vastgelegd(vaststelling, f"csv:{naam}")
    if inhoud is None:
        raise Http404(_("This page has no table '%(name)s'.") % {"name": naam})
    antwoord = HttpResponse(inhoud, content_type=CSV)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}-{naam}.csv"'
    return antwoord
