"""Tijdlijn: the capacity of each location at every step of a range of dates, and the
total per step (the afbouw of crisisnoodopvang over a winter in a transitieplan).

Rules:
- the steps start on the chosen date (any day, e.g. the 15th) and follow each other by
  a month, half a month or a quarter up to and including the end date. A month after
  31 January is the last day of February, then 31 March again: every step is counted
  from the start date, never from the step before. Half a month is the day halfway
  between two month steps (15 January, 30 January, 15 February, 29 February …);
- a location's capacity on a step is the sum of its periods active that day
  (`realisatie.capaciteit`), of the statuses chosen; a location without an active
  period has 0 places that day (closed, or not yet open: a known 0). A period whose
  capacity is not known makes that location's figure unknown, never 0;
- the total per step comes from `realisatie.aggregatie.combineer`: the sum when every
  location is known, else the sum of the known ones marked incomplete;
- at most `MAX_STAPPEN` steps: a table of many hundreds of columns helps nobody and
  costs a request its time.

Worked example (the afbouw of three crisisnoodopvang locations over the winter of
2024/2025): a sporthal of 150 places from 1-10-2024 up to and including 31-12-2024, a
paviljoen of 250 from 1-11-2024 up to and including 28-2-2025 and a hotel of 100 from
1-12-2024 up to and including 31-3-2025 give, on the first of each month from October
to April, 150, 400, 500, 350, 350, 100 and 0 places.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from prt.formaat import datum_kort
from realisatie.aggregatie import ONBEKEND, Cijfer, Herkomst, Waarneming, combineer, eigen_cijfer
from realisatie.capaciteit import STATUSSEN, Plaatsenperiode, actief_op, met_verlengingen


class Stap:
    """How far apart the points of a timeline are; plain strings (form, URL, API)."""

    MAAND = "maand"
    HALVE_MAAND = "halve-maand"
    KWARTAAL = "kwartaal"


STAPPEN: tuple[str, ...] = (Stap.MAAND, Stap.HALVE_MAAND, Stap.KWARTAAL)

# Five years per month, ten per quarter; 120 columns is already a wide sheet.
MAX_STAPPEN = 120


class TeVeelStappen(ValueError):
    """More steps than `MAX_STAPPEN`; the message is for the user."""


def stappen(begin: date, einde: date, stap: str) -> list[date]:
    """The days of the timeline from ``begin`` up to and including ``einde``.

    >>> [datum_kort(d) for d in stappen(date(2024, 1, 31), date(2024, 4, 30), Stap.MAAND)]
    ['31-1-2024', '29-2-2024', '31-3-2024', '30-4-2024']
    """
    if stap not in STAPPEN:
        raise ValueError(f"Onbekende stap {stap!r}; kies uit {', '.join(STAPPEN)}.")
    if einde < begin:
        raise ValueError(
            f"De einddatum {datum_kort(einde)} ligt voor de begindatum {datum_kort(begin)}."
        )
    maanden_per_stap = 3 if stap == Stap.KWARTAAL else 1
    uit: list[date] = []
    n = 0
    while True:
        dag = _maanden_later(begin, n * maanden_per_stap)
        punten = [dag]
        if stap == Stap.HALVE_MAAND:
            volgende = _maanden_later(begin, n + 1)
            punten.append(date.fromordinal(dag.toordinal() + (volgende - dag).days // 2))
        for punt in punten:
            if punt > einde:
                return uit
            if len(uit) == MAX_STAPPEN:
                raise TeVeelStappen(
                    f"Kies hoogstens {MAX_STAPPEN} stappen; van {datum_kort(begin)} tot en "
                    f"met {datum_kort(einde)} zijn het er meer. Kies een kortere periode of "
                    "een grotere stap."
                )
            uit.append(punt)
        n += 1


def _maanden_later(dag: date, maanden: int) -> date:
    """The same day ``maanden`` months later, or the last day of a shorter month."""
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar, maand = dag.year + jaar, maand + 1
    return date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


@dataclass(frozen=True)
class Tijdlijnlocatie:
    """One location of the register with its capacity periods."""

    sleutel: int
    naam: str
    gemeente: str
    perioden: tuple[Plaatsenperiode, ...]

    @property
    def soorten(self) -> tuple[str, ...]:
        """The soorten of its periods (a location can change kind), in order of date."""
        uit: list[str] = []
        for periode in sorted(self.perioden, key=lambda p: p.van):
            if periode.soort not in uit:
                uit.append(periode.soort)
        return tuple(uit)


@dataclass(frozen=True)
class Tijdlijnrij:
    """A location's capacity at every step (one Cijfer per step)."""

    locatie: Tijdlijnlocatie
    cijfers: tuple[Cijfer, ...]
    geschat: tuple[bool, ...]  # per step: is the figure (partly) an estimate?


@dataclass(frozen=True)
class Tijdlijn:
    stappen: tuple[date, ...]
    rijen: tuple[Tijdlijnrij, ...]
    totaal: tuple[Cijfer, ...]
    totaal_geschat: tuple[Cijfer, ...]  # per step the estimated part of the total

    @property
    def waarden(self) -> list[list[int | None]]:
        """Per location the plain figures per step (a chart's series)."""
        return [[c.waarde for c in rij.cijfers] for rij in self.rijen]


def _plaatsen(periode: Plaatsenperiode) -> tuple[int | None, bool]:
    """A period's places (None: unknown) and whether they are an estimate."""
    return periode.plaatsen, periode.geschat


def tijdlijn(
    locaties: Iterable[Tijdlijnlocatie],
    begin: date,
    einde: date,
    stap: str,
    *,
    statussen: Collection[str] = STATUSSEN,
    soorten: Collection[str] | None = None,
    met_verlenging: bool = False,
) -> Tijdlijn:
    """Every location's capacity and the total at each step (see the module docstring).

    With ``soorten`` only the periods of those kinds count, and a location that never
    was of one of them is left out (the crisisnoodopvang of a province, not its azc's).
    With ``met_verlenging`` every period runs to the end of its option to extend."""
    for status in statussen:
        if status not in STATUSSEN:
            raise ValueError(f"Onbekende status {status!r}; kies uit {', '.join(STATUSSEN)}.")
    dagen = tuple(stappen(begin, einde, stap))
    if met_verlenging:
        locaties = [
            Tijdlijnlocatie(
                loc.sleutel, loc.naam, loc.gemeente, tuple(met_verlengingen(loc.perioden))
            )
            for loc in locaties
        ]
    if soorten is not None:
        locaties = [
            Tijdlijnlocatie(
                loc.sleutel,
                loc.naam,
                loc.gemeente,
                tuple(p for p in loc.perioden if p.soort in soorten),
            )
            for loc in locaties
        ]
        locaties = [loc for loc in locaties if loc.perioden]
    rijen = tuple(
        _rij(locatie, dagen, statussen)
        for locatie in sorted(locaties, key=lambda loc: (loc.gemeente, loc.naam, loc.sleutel))
    )
    totaal, geschat = [], []
    for i, dag in enumerate(dagen):
        totaal.append(combineer([r.cijfers[i] for r in rijen]))
        geschat.append(
            combineer(
                [
                    _cijfer(r.cijfers[i].waarde if r.geschat[i] else 0, dag)
                    for r in rijen
                    if r.cijfers[i].bekend
                ]
            )
        )
    return Tijdlijn(dagen, rijen, tuple(totaal), tuple(geschat))


def _rij(locatie: Tijdlijnlocatie, dagen: Sequence[date], statussen) -> Tijdlijnrij:
    cijfers, geschat = [], []
    for dag in dagen:
        actief = [p for p in locatie.perioden if p.status in statussen and actief_op(p, dag)]
        waarden = [_plaatsen(p) for p in actief]
        if any(w is None for w, _geschat in waarden):
            cijfers.append(ONBEKEND)
        else:
            cijfers.append(_cijfer(sum(w for w, _geschat in waarden), dag))
        geschat.append(any(g for _w, g in waarden))
    return Tijdlijnrij(locatie, tuple(cijfers), tuple(geschat))


def _cijfer(waarde: int, dag: date) -> Cijfer:
    return eigen_cijfer(Waarneming(waarde, dag, Herkomst.REGISTER))
