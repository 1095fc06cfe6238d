"""Aandelen: a location shared by several gemeenten, and each gemeente's part of it.

Rule: a location run jointly by gemeenten has a share per gemeente, all in places or
all in percentages, that add up to the whole: percentages to 100, places to the
location's capacity. A gemeente's figures use its share; the province counts the
location once, because the shares of a period add up to exactly its places (the
largest-remainder method: round each share down, then give the places left over to the
largest remainders). When a later period has another capacity, shares in places divide
it in the same proportion. An unknown capacity stays unknown in every share; an
estimate stays an estimate.

Worked example: a crisisnoodopvang of 301 places run 50/50 by two neighbouring
gemeenten gives 151 and 150 (the tie goes to the first gemeente); the province counts
301 once. Shares of 200 and 100 places of a 300-place location give 200 and 100; after
an extension to 450 places they give 300 and 150.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from decimal import Decimal
from typing import TypeVar

from realisatie.capaciteit import Plaatsenperiode

K = TypeVar("K", bound=Hashable)

HONDERD = Decimal(100)


def verdeel(plaatsen: int, gewichten: Mapping[K, Decimal | int]) -> dict[K, int]:
    """`plaatsen` divided in proportion to `gewichten`; the parts add up to `plaatsen`.

    >>> verdeel(301, {"A": 50, "B": 50})
    {'A': 151, 'B': 150}
    """
    totaal = sum(Decimal(g) for g in gewichten.values())
    if totaal <= 0:
        raise ValueError("De aandelen in een locatie tellen samen op tot meer dan 0.")
    delen = {k: Decimal(plaatsen) * Decimal(g) / totaal for k, g in gewichten.items()}
    uit = {k: int(d) for k, d in delen.items()}
    over = plaatsen - sum(uit.values())
    volgorde = sorted(delen, key=lambda k: -(delen[k] - uit[k]))  # stable: first wins a tie
    for k in volgorde[:over]:
        uit[k] += 1
    return uit


def aandelen_van(
    periode: Plaatsenperiode, gewichten: Mapping[K, Decimal | int]
) -> dict[K, Plaatsenperiode]:
    """Each gemeente's part of `periode` (places and amv divided alike)."""
    if not gewichten:
        return {}
    if len(gewichten) == 1:
        return dict.fromkeys(gewichten, periode)
    plaatsen = (
        dict.fromkeys(gewichten)
        if periode.plaatsen is None
        else verdeel(periode.plaatsen, gewichten)
    )
    amv = verdeel(periode.amv, gewichten) if periode.amv else dict.fromkeys(gewichten, 0)
    return {
        k: dataclasses.replace(periode, plaatsen=plaatsen[k], amv=min(amv[k], plaatsen[k] or 0))
        for k in gewichten
    }


def controleer(aandelen: Mapping[K, tuple[int | None, Decimal | None]], geheel: int | None) -> None:
    """Refuse shares that are not all of one kind or do not add up to the whole:
    percentages to 100, places to `geheel` (the location's capacity, when known).
    `aandelen` maps a gemeente to (places, percentage), one of them set."""
    if not aandelen:
        raise ValueError("Een locatie hoort bij ten minste één gemeente.")
    in_plaatsen = [p for p, pct in aandelen.values() if p is not None and pct is None]
    in_procenten = [pct for p, pct in aandelen.values() if pct is not None and p is None]
    if len(in_plaatsen) + len(in_procenten) != len(aandelen) or (in_plaatsen and in_procenten):
        raise ValueError(
            "Geef de aandelen van een locatie allemaal in plaatsen of allemaal in procenten."
        )
    if in_procenten:
        if any(not 0 < p <= HONDERD for p in in_procenten):
            raise ValueError("Een aandeel in procenten ligt tussen 0 en 100.")
        if sum(in_procenten) != HONDERD:
            raise ValueError(
                f"De aandelen tellen samen op tot {sum(in_procenten)}%, niet tot 100%."
            )
        return
    if any(p <= 0 for p in in_plaatsen):
        raise ValueError("Een aandeel in plaatsen is groter dan 0.")
    if geheel is not None and sum(in_plaatsen) != geheel:
        raise ValueError(
            f"De aandelen tellen samen op tot {sum(in_plaatsen)} plaatsen; de locatie heeft "
            f"er {geheel}."
        )
