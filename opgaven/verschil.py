"""Verschil and percentage: how far a realisatie is from its opgave.

Rule: verschil = realisatie - opgave, so a negative verschil is a shortfall and a
positive one a surplus. Percentage = realisatie / opgave x 100, rounded half up to a
whole percent for display. When either figure is unknown the outcome is unknown
(``None``), never computed as if the unknown figure were 0; a percentage of an opgave
of 0 does not exist either.

Worked example (Gelderland provinciaal plan 2024, Oekraïne, peildatum 8-1-2024):
GOO realisatie 11.083 against an opgave of 12.284 gives verschil -1.201 and 90%
(11.083 / 12.284 = 90,2%). For VR Noord- en Oost-Gelderland, 4.436 against 5.045
gives -609. For asiel, the planned realisatie Q1 2024 of 10.238 against the opgave
of 7.590 gives the published verschil of 2.648.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def verschil(realisatie: int | None, opgave: int | None) -> int | None:
    """Return realisatie - opgave; negative means a shortfall."""
    if realisatie is None or opgave is None:
        return None
    return realisatie - opgave


def percentage(realisatie: int | None, opgave: int | None) -> int | None:
    """Return realisatie as a whole percentage of opgave, rounded half up.

    ``None`` when either figure is unknown or the opgave is 0.
    """
    if realisatie is None or opgave is None:
        return None
    if realisatie < 0 or opgave < 0:
        raise ValueError(
            f"Een percentage bestaat alleen voor aantallen van 0 of meer "
            f"(realisatie {realisatie}, opgave {opgave})."
        )
    if opgave == 0:
        return None
    exact = Decimal(realisatie) * 100 / Decimal(opgave)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
