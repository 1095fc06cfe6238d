"""Serving a vastgestelde peildatum from its record: the page parts and downloads as
stored at vaststellen (`vaststellingen.inhoud`), no figure computed again.

The parts are HTML rendered by the application's own templates at vaststellen; they are
marked safe because they were escaped when they were rendered.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.http import Http404, HttpResponse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gemeenten.models import Provincie
from realisatie import actueel
from realisatie.models import Peildatum
from vaststellingen.models import Vaststelling
from vaststellingen.selectors import lokaal_bewaard, vastgelegd, vaststelling_met_provincie

CSV = "text/csv; charset=utf-8"


class Keuzedatum(NamedTuple):
    """A reference date as the date choice shows it (read as values: every request for
    a vastgestelde page reads the province's list, 120 dates at ten times national
    scale)."""

    datum: datetime.date
    omschrijving: str
    vastgesteld_op: datetime.datetime | None

    @property
    def is_vastgesteld(self) -> bool:
        return self.vastgesteld_op is not None


@dataclass
class Vastgelegdbeeld:
    """What a page's frame needs of the overview (title, date choice), without figures."""

    provincie: Provincie
    datum: datetime.date
    peildata: list[Keuzedatum]

    @property
    def sleutel(self) -> str:
        """What the date choice shows of the province's reference dates (a page rendered
        from a record is kept per list: adding or adopting another date renders anew)."""
        return repr([(p.datum, p.omschrijving, p.is_vastgesteld) for p in self.peildata])


def samengesteld(
    vaststelling: Vaststelling,
    overzicht: Vastgelegdbeeld,
    maken: Callable[[], bytes],
    *naam: str,
) -> bytes:
    """The figures of a page of the record (`naam`: the template that joins its stored
    parts, and the region), as `maken` renders them, once per process for this record,
    language, name of the province and list of reference dates (the date choice)."""
    delen = repr((*naam, overzicht.sleutel, overzicht.provincie.naam, get_language()))
    return lokaal_bewaard(
        vaststelling, "pagina:" + hashlib.sha256(delen.encode()).hexdigest(), maken
    )


class Delen:
    """The stored HTML parts of a record, by attribute: `{{ vastgelegd.blokken }}`; of a
    region's page with `gebied` (the stand is the province's)."""

    def __init__(self, vaststelling: Vaststelling, gebied: str = ""):
        self.vaststelling = vaststelling
        self.gebied = gebied

    def __getattr__(self, deel: str) -> SafeString:
        if deel.startswith("_"):
            raise AttributeError(deel)
        naam = f"html:gebied:{self.gebied}:{deel}" if self.gebied and deel != "stand" else None
        inhoud = vastgelegd(self.vaststelling, naam or f"html:{deel}")
        return mark_safe(inhoud.decode() if inhoud else "")


@dataclass
class Gebied:
    """What a region page's frame needs of the region (title, timeline link)."""

    naam: str
    code: str

    @property
    def knoop(self):
        return self


# The tables `opzoeken` reads (tests/vaststellingen/test_snel.py reads them from its SQL).
OPZOEKEN_LEEST = frozenset(
    {"vaststellingen_vaststelling", "gemeenten_provincie", "realisatie_peildatum"}
)


def opzoeken(
    request, code: str, datum: datetime.date
) -> tuple[Vaststelling, Vastgelegdbeeld] | None:
    """The record in force of the province `code` on `datum`, with its province and the
    frame of its pages (the date choice); None on an open date or an unknown code.

    Kept under the state of the tables it reads (`realisatie.actueel`): heropenen, a new
    record or a date added or adopted moves that state, a figure saved does not."""

    def zoeken() -> tuple:
        vaststelling = vaststelling_met_provincie(code, datum)
        if vaststelling is None:
            return ()  # kept as well: None would mean "not kept"
        return vaststelling, beeld(vaststelling.provincie, datum)

    standen = actueel.tabelstanden_van(request)
    gevonden = actueel.bewaard_van(standen, OPZOEKEN_LEEST, zoeken, "vaststelling", code, datum)
    return gevonden or None


def beeld(provincie: Provincie, datum: datetime.date) -> Vastgelegdbeeld:
    peildata = [
        Keuzedatum(*rij)
        for rij in Peildatum.objects.van_provincie(provincie)
        .order_by("-datum")
        .values_list(*Keuzedatum._fields)
    ]
    return Vastgelegdbeeld(provincie=provincie, datum=datum, peildata=peildata)


def gebied(vaststelling: Vaststelling, code: str) -> Gebied | None:
    """The region `code` as stored, or None when the record has no page for it."""
    naam = vastgelegd(vaststelling, f"tekst:gebied:{code}:naam")
    return Gebied(naam=naam.decode(), code=code) if naam else None


def csv_antwoord(
    request, vaststelling: Vaststelling, bestandsnaam: str, gebied: str = ""
) -> HttpResponse | None:
    """The stored CSV of the table asked for, or None when the page itself is asked for."""
    if request.GET.get("_export") != "csv":
        return None
    naam = request.GET.get("tabel", "")
    voor = f"gebied:{gebied}:" if gebied else ""
    inhoud = vastgelegd(vaststelling, f"csv:{voor}{naam}")
    if inhoud is None:
        raise Http404(_("This page has no table '%(name)s'.") % {"name": naam})
    antwoord = HttpResponse(inhoud, content_type=CSV)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}-{naam}.csv"'
    return antwoord
