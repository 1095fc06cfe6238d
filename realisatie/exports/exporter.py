"""The base of every export: an exporter yields tables (`werkboek.Tabel`) and nothing
else; `werkboek` writes them. Rows per area follow the overview's tree, and a row with
areas below it in the table becomes a live subtotal of those rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _

from gemeenten.models import Niveau, Provincie
from opgaven.models import Opgavebesluit
from prt.formaat import datum_kort
from realisatie.aggregatie import Bron, Cijfer, Regel
from realisatie.exports.werkboek import Cel, Getal, Onbekend, Subtotaal, Tabel, Tekst


class Exporter:
    """One download: a workbook of one or more tables for a province."""

    bestandsnaam = "export"

    def __init__(self, *, provincie: Provincie, datum: datetime.date):
        self.provincie = provincie
        self.datum = datum

    @property
    def titel(self) -> str:
        raise NotImplementedError

    def tabellen(self) -> Iterator[Tabel]:
        raise NotImplementedError

    def regels(self, *bronnen: str, peildata: list[datetime.date] | None = None) -> list[str]:
        """The title lines: province, peildatum, sources."""
        regels = [
            _("Province: %(name)s (%(code)s)")
            % {"name": self.provincie.naam, "code": self.provincie.code},
            _("As of: %(date)s") % {"date": datum_kort(self.datum)},
        ]
        if peildata:
            regels.append(
                _("Figures of reference date(s): %(dates)s")
                % {"dates": ", ".join(datum_kort(d) for d in peildata)}
            )
        for bron in bronnen:
            if bron:
                regels.append(_("Source: %(source)s") % {"source": bron})
        return regels


def besluitbron(besluit: Opgavebesluit | None) -> str:
    if besluit is None:
        return ""
    return f"{besluit.naam} ({besluit.bron})" if besluit.bron else besluit.naam


def kinderen(regels: list[Regel]) -> list[tuple[int, ...]]:
    """Per row, the table rows of the areas directly below it."""
    positie = {id(r.knoop): i for i, r in enumerate(regels)}
    return [tuple(positie[id(k)] for k in r.knoop.kinderen if id(k) in positie) for r in regels]


def gebiedscel(waarde: Cijfer, onder: tuple[int, ...]) -> Cel:
    """A figure of an area: a live SUM of the rows below it where it is their sum."""
    if waarde.waarde is None:
        return Onbekend()
    onvolledig = _("incomplete: not every area below has a figure")
    if onder and waarde.bron in (Bron.GEMEENTEN, Bron.ONVOLLEDIG):
        notitie = onvolledig if waarde.bron == Bron.ONVOLLEDIG else ""
        return Subtotaal(onder, notitie=notitie, waarde=waarde.waarde)
    if onder and waarde.bron == Bron.GEBIED:
        return Getal(waarde.waarde, _("figure of the area itself, not a sum of the rows below"))
    return Getal(waarde.waarde, onvolledig if waarde.bron == Bron.ONVOLLEDIG else "")


def gebiedskop(regel: Regel) -> list[Cel]:
    """The first two cells of an area row: indented name and CBS code."""
    return [Tekst("  " * regel.knoop.diepte + regel.naam), Tekst(regel.knoop.code)]


def is_totaalrij(regel: Regel) -> bool:
    return regel.knoop.niveau != Niveau.GEMEENTE
