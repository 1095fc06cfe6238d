"""Summing figures where unknown is not 0.

Rule: a total over gemeenten (or over subregio's, veiligheidsregio's) is the sum of
the known figures, and always says how many figures it is built from and how many
are missing. When nothing is known the total is unknown (None), not 0. Subtotals add
up to a province total, keeping both counts.

Worked example (Gelderland provinciaal plan 2024, Oekraïne, 8-1-2024): POO per
veiligheidsregio is 931 for Noord- en Oost-Gelderland and "niet geregistreerd" for
Gelderland-Midden and Gelderland-Zuid. The province total is 931, built from 1 known
figure with 2 missing: not complete, so it must not be read as "Gelderland has 931
private places". GOO (4.436 + 3.343 + 3.304 = 11.083) is complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Som:
    waarde: int | None
    bekend: int
    onbekend: int

    def __post_init__(self) -> None:
        if self.bekend < 0 or self.onbekend < 0:
            raise ValueError(
                f"Aantallen bekend ({self.bekend}) en onbekend ({self.onbekend}) "
                f"kunnen niet negatief zijn."
            )
        if (self.waarde is None) != (self.bekend == 0):
            raise ValueError(
                f"Een som zonder bekende waarden is onbekend en andersom "
                f"(waarde {self.waarde}, bekend {self.bekend})."
            )

    @property
    def volledig(self) -> bool:
        """Every figure that goes into the sum is known."""
        return self.onbekend == 0

    @property
    def leeg(self) -> bool:
        """No figure is known, so the sum is unknown."""
        return self.bekend == 0

    def __add__(self, other: object) -> Som:
        if not isinstance(other, Som):
            return NotImplemented
        if self.waarde is None:
            waarde = other.waarde
        elif other.waarde is None:
            waarde = self.waarde
        else:
            waarde = self.waarde + other.waarde
        return Som(waarde, self.bekend + other.bekend, self.onbekend + other.onbekend)


def optellen(waarden: Iterable[int | None]) -> Som:
    """Sum the known values and count the known and unknown ones."""
    bekende = []
    onbekend = 0
    for waarde in waarden:
        if waarde is None:
            onbekend += 1
        else:
            bekende.append(waarde)
    return Som(sum(bekende) if bekende else None, len(bekende), onbekend)
