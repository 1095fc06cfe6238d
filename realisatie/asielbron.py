"""Asielbron: one source of asiel realisatie per gemeente and date.

Rule: on a date a gemeente's asiel places come from the location register when it has
a realised location period active that day; otherwise from the places per soort
entered for it (grid, import or API) on its latest peildatum; never from both added.
Where both exist for the same gemeente and date, the two totals are compared and a
difference is a signal for the secretary. The register gives the split per soort from
each location's soort, and the amv places: a location's "waarvan amv", and every place
of an amv-only location (soort AMV), which counts as amv, not as noodopvang. A gemeente
without locations can be entered as 0 places on purpose: 0 is known, not missing.
From the register a location of unknown size makes the figure incomplete (never 0 and
never dropped silently), and an estimated size marks the figure as partly estimated.
Which soort codes exist is the reference list `opgaven.models.Locatiesoort`.

Worked example: Zwolle has an azc (RO) of 400 places in the register on 1-1-2025, and
the grid has RO 145 and NO 80 for peildatum 1-1-2025. Zwolle's realisatie is 400 from
the register (RO 400, NO none); the grid's 225 is a disagreement (400 against 225)
shown among the signals, never added to make 625.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from opgaven.telregel import getelde_plaatsen
from realisatie.aggregatie import Herkomst
from realisatie.capaciteit import GEREALISEERD, Plaatsenperiode, actief_op, totaal_van

REGISTER = Herkomst.REGISTER
INVOER = Herkomst.INVOER
AMV_LOCATIE = "AMV"


@dataclass(frozen=True)
class Asielstand:
    """A gemeente's (or area's) asiel places on a date from one source."""

    herkomst: str  # REGISTER or INVOER
    peildatum: datetime.date
    per_soort: Mapping[str, int | None]
    amv: int | None
    geschat: int = 0  # estimated places within the total
    onvolledig: bool = False  # a location of unknown size is active

    @property
    def totaal(self) -> int | None:
        bekend = [w for w in self.per_soort.values() if w is not None]
        return sum(bekend) if bekend else None

    def geteld(self, soorten) -> int | None:
        """The places of the counted `soorten`. The register lists every location of the
        gemeente, so a soort it does not have is a known 0 there; entered figures leave
        a soort unknown when it was not filled in (`opgaven.telregel`)."""
        if self.herkomst == REGISTER:
            return sum(self.per_soort.get(s) or 0 for s in soorten)
        return getelde_plaatsen(self.per_soort, soorten)


def uit_register(perioden: Iterable[Plaatsenperiode], datum: datetime.date) -> Asielstand | None:
    """The register's realised places on `datum`; None without an active location."""
    actief = [p for p in perioden if p.status == GEREALISEERD and actief_op(p, datum)]
    if not actief:
        return None
    per_soort: dict[str, int] = {}
    for periode in actief:
        per_soort[periode.soort] = per_soort.get(periode.soort, 0) + (periode.plaatsen or 0)
    amv = sum((p.plaatsen or 0) if p.soort == AMV_LOCATIE else p.amv for p in actief)
    totaal = totaal_van(actief)
    return Asielstand(
        REGISTER, datum, per_soort, amv, geschat=totaal.geschat, onvolledig=not totaal.volledig
    )


def uit_invoer(
    per_soort: Mapping[str, int | None], amv: int | None, peildatum: datetime.date
) -> Asielstand | None:
    """Entered places per soort; None when nothing was entered."""
    if amv is None and all(w is None for w in per_soort.values()):
        return None
    return Asielstand(INVOER, peildatum, dict(per_soort), amv)


def kies(register: Asielstand | None, invoer: Asielstand | None) -> Asielstand | None:
    """The one source: the register where it has places on the date, else the entry."""
    return register if register is not None else invoer


def wijkt_af(register: Asielstand | None, invoer: Asielstand | None) -> bool:
    """Both sources have a figure for the same date and their totals differ."""
    return (
        register is not None
        and invoer is not None
        and register.peildatum == invoer.peildatum
        and register.totaal != invoer.totaal
    )
