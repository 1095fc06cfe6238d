"""Which besluit is in force on a date.

Rule: of the besluiten of one soort that set an opgave for an area, the one in force on
date D is the besluit whose streefdatum is the first on or after D; when every
streefdatum has passed, the one with the latest streefdatum. Two besluiten with the
same streefdatum: the later besluit (a Capaciteitsbesluit that raises an earlier
distribution) goes first.

Worked example (Gelderland provinciaal plan 2024): on 1-1-2024 the opgave is 7.590
(Capaciteitsbesluit COA 2023-I, per 1-1-2024, which replaced the distribution of
November 2022 with the same streefdatum); a day later it is 8.992 (Capaciteitsbesluit
COA 2023-II, per 1-1-2025); in 2026 it is still 8.992, the latest one.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Besluit(Protocol):
    pk: int
    streefdatum: datetime.date
    besluitdatum: datetime.date | None


B = TypeVar("B", bound=Besluit)


def besluit_in_kracht(besluiten: Sequence[B], referentie: datetime.date) -> B | None:
    if not besluiten:
        return None
    komend = [b for b in besluiten if b.streefdatum >= referentie]
    if komend:
        eerste = min(b.streefdatum for b in komend)
        kandidaten = [b for b in komend if b.streefdatum == eerste]
    else:
        laatste = max(b.streefdatum for b in besluiten)
        kandidaten = [b for b in besluiten if b.streefdatum == laatste]
    return max(kandidaten, key=lambda b: (b.besluitdatum or datetime.date.min, b.pk))
