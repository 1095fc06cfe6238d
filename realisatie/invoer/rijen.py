"""Row input and results of the entry services, shared by the grid, the import and the API.

A row names its gemeente by CBS code (the area-level services of `services` read the
same field as the code of a province, veiligheidsregio or subregio) and carries the
`versie` the editor saw (`None` for a figure that did not exist yet), so a save on
stale data becomes a conflict instead of a lost update. Numbers are `None` when unknown, never 0.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OekraineRij:
    gemeente: str
    goo_totaal: int | None = None
    goo_bezet: int | None = None
    goo_beschikbaar: int | None = None
    poo: int | None = None
    toelichting: str = ""
    versie: int | None = None

    WAARDEN = ("goo_totaal", "goo_bezet", "goo_beschikbaar", "poo")


@dataclass(frozen=True)
class AsielRij:
    """Asiel totals per soort for a gemeente without location detail."""

    gemeente: str
    regulier: int | None = None
    noodopvang: int | None = None
    tgo: int | None = None
    crisisnoodopvang: int | None = None
    overig: int | None = None
    waarvan_amv: int | None = None
    toelichting: str = ""
    versie: int | None = None

    WAARDEN = ("regulier", "noodopvang", "tgo", "crisisnoodopvang", "overig", "waarvan_amv")


def maandeinde(maand: datetime.date) -> datetime.date:
    """The last day of the month of `maand`."""
    return maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])


@dataclass(frozen=True)
class HuisvestingRij:
    """Statushouders housed by a gemeente in one month (van = first day)."""

    gemeente: str
    van: datetime.date
    tot_en_met: datetime.date
    gehuisvest: int | None = None
    waarvan_amv: int | None = None
    toelichting: str = ""
    versie: int | None = None

    WAARDEN = ("gehuisvest", "waarvan_amv")


@dataclass(frozen=True)
class Conflict:
    """Someone else saved this row after the editor loaded it: both values, side by side."""

    gemeente: str
    gemeente_naam: str
    eigen: dict[str, object]
    opgeslagen: dict[str, object]
    opgeslagen_versie: int | None
    opgeslagen_door: str
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def vergelijking(self) -> list[tuple[str, str, object, object]]:
        """(field, its label, the editor's value, the saved value) per field."""
        return [
            (veld, self.labels.get(veld, veld), waarde, self.opgeslagen.get(veld))
            for veld, waarde in self.eigen.items()
        ]


@dataclass
class Opslagresultaat:
    """Per-row Dutch messages keyed by gemeente code; "" holds messages about the whole entry.

    `bevestigen` holds the warnings a person must confirm (a figure more than ten times
    the previous one). A message about one field is also kept under its field in
    `veldfouten` / `veldwaarschuwingen` (sleutel -> veld -> messages), so a form can put
    it next to that field.
    Nothing is written unless `gelukt`.
    """

    fouten: dict[str, list[str]] = field(default_factory=dict)
    bevestigen: dict[str, list[str]] = field(default_factory=dict)
    conflicten: list[Conflict] = field(default_factory=list)
    opgeslagen: list[str] = field(default_factory=list)
    vastgesteld: bool = False  # refused because a vastgestelde peildatum covers it
    veldfouten: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    veldwaarschuwingen: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def gelukt(self) -> bool:
        return not (self.fouten or self.bevestigen or self.conflicten)

    def fout(self, sleutel: str, melding: str, veld: str | None = None) -> None:
        self.fouten.setdefault(sleutel, []).append(melding)
        if veld:
            self.veldfouten.setdefault(sleutel, {}).setdefault(veld, []).append(melding)

    def waarschuwing(self, sleutel: str, melding: str, veld: str | None = None) -> None:
        """A figure that may be right but must be confirmed before it is saved."""
        self.bevestigen.setdefault(sleutel, []).append(melding)
        if veld:
            self.veldwaarschuwingen.setdefault(sleutel, {}).setdefault(veld, []).append(melding)
