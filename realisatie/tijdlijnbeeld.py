"""The timeline of an area of a province (`realisatie.tijdlijn`) from the register: the
page, its CSV and xlsx and the API resource all call `gebiedstijdlijn`, so they show
the same figures.

An area is the province or a veiligheidsregio or subregio in it (a node of
`gemeenten.boom`). Its locations are those of the gemeenten in it on the first or the
last day of the range, so a location of a gemeente that merged during the range stays
on the timeline.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from realisatie import bronnen
from realisatie.capaciteit import STATUSSEN
from realisatie.overzicht import provinciegebied
from realisatie.tijdlijn import Tijdlijn, Tijdlijnlocatie, tijdlijn


@dataclass(frozen=True)
class Gebiedstijdlijn:
    provincie: Provincie
    gebied: Knoop
    stap: str
    statussen: tuple[str, ...]
    soorten: tuple[str, ...]  # empty: every soort
    met_verlenging: bool
    tijdlijn: Tijdlijn


def gebieden(provincie: Provincie, datum: datetime.date) -> list[Knoop]:
    """The areas a timeline can be shown for: the province and every region in it."""
    return [k for k in provinciegebied(provincie, datum).doorlopen() if not k.is_gemeente]


def gebiedstijdlijn(
    provincie: Provincie,
    *,
    gebiedcode: str,
    begin: datetime.date,
    einde: datetime.date,
    stap: str,
    statussen: Collection[str] = STATUSSEN,
    soorten: Collection[str] = (),
    met_verlenging: bool = False,
) -> Gebiedstijdlijn | None:
    """The timeline of the area with this code (None: no such area in the province).
    Raises ValueError (a Dutch message) for a range or step `realisatie.tijdlijn`
    refuses."""
    gebied = None
    gemeente_ids: set[int] = set()
    for dag in (begin, einde):
        knoop = next((k for k in gebieden(provincie, dag) if k.code == gebiedcode), None)
        if knoop is None:
            continue
        gebied = gebied or knoop
        gemeente_ids |= {k.sleutels[0][1] for k in knoop.doorlopen() if k.is_gemeente}
    if gebied is None:
        return None
    locaties = [
        Tijdlijnlocatie(loc.pk, loc.naam, loc.gemeente, loc.perioden)
        for loc in bronnen.locatieregister(gemeente_ids)
    ]
    gekozen = tuple(s for s in STATUSSEN if s in statussen)
    return Gebiedstijdlijn(
        provincie=provincie,
        gebied=gebied,
        stap=stap,
        statussen=gekozen,
        soorten=tuple(sorted(soorten)),
        met_verlenging=met_verlenging,
        tijdlijn=tijdlijn(
            locaties,
            begin,
            einde,
            stap,
            statussen=gekozen,
            soorten=set(soorten) or None,
            met_verlenging=met_verlenging,
        ),
    )
