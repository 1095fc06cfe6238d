"""Gebiedsopgave: the opgave of an area when figures exist at several levels.

Rule: an area's opgave is the sum of its gemeenten' opgaven when all of them are
known; otherwise the area's own figure (province, veiligheidsregio, subregio) is
used when there is one. Without either, the known gemeente figures are summed but
marked incomplete. The outcome always carries its ``bron``, so the screen can say
which figure it shows.

Worked example: Gelderland's asiel opgave per 1-1-2024 was set for the province
(7.590, Gelderland provinciaal plan 2024) with no binding gemeente figures, so the
opgave is 7.590 from the "gebied". Overijssel's asiel opgave per 1-1-2025 was set per
gemeente (Overijssel werkplan 2024): the 25 figures add up to 6.325 "gemeenten",
IJsselland 3.050 and Twente 3.275.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gemeenten.optelling import optellen


class Bron:
    """Where a gebiedsopgave comes from; plain strings for use as Django choices."""

    GEMEENTEN = "gemeenten"
    GEBIED = "gebied"
    ONVOLLEDIG = "onvolledig"
    ONBEKEND = "onbekend"


BRONNEN: tuple[str, ...] = (Bron.GEMEENTEN, Bron.GEBIED, Bron.ONVOLLEDIG, Bron.ONBEKEND)


@dataclass(frozen=True)
class Gebiedsopgave:
    waarde: int | None
    bron: str

    def __post_init__(self) -> None:
        if self.bron not in BRONNEN:
            raise ValueError(f"Onbekende bron {self.bron!r}; kies uit {', '.join(BRONNEN)}.")
        if (self.waarde is None) != (self.bron == Bron.ONBEKEND):
            raise ValueError(
                f"Alleen een onbekende gebiedsopgave heeft geen waarde "
                f"(waarde {self.waarde}, bron {self.bron})."
            )


def gebiedsopgave(
    gemeente_opgaven: Iterable[int | None], gebied_opgave: int | None
) -> Gebiedsopgave:
    """Choose between the gemeente figures and the area's own figure."""
    som = optellen(gemeente_opgaven)
    if som.waarde is not None and som.volledig:
        return Gebiedsopgave(som.waarde, Bron.GEMEENTEN)
    if gebied_opgave is not None:
        return Gebiedsopgave(gebied_opgave, Bron.GEBIED)
    if som.waarde is not None:
        return Gebiedsopgave(som.waarde, Bron.ONVOLLEDIG)
    return Gebiedsopgave(None, Bron.ONBEKEND)
