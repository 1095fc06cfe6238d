"""Taakstelling huisvesting statushouders per gemeente (Huisvestingswet 2014).

Rule: a gemeente's taakstelling is the national number times the gemeente's share of
the population on 1 January of the previous year, rounded up to a whole person:

    taakstelling = ceil(landelijk x inwoners_gemeente / inwoners_land)

The division is done on integers, so no floating-point error can push a result
across a whole number. Because every gemeente rounds up, the gemeente figures add up
to slightly more than the national number.

Worked example: the national taakstelling 2024-I is 18.750 (Overijssel werkplan
2024). The population figures are not in the source documents, so take an
illustrative gemeente of 100.000 inwoners in a country of 17.800.000:
18.750 x 100.000 / 17.800.000 = 105,34, rounded up to 106.
"""

from __future__ import annotations


def taakstelling_gemeente(landelijk: int, inwoners_gemeente: int, inwoners_land: int) -> int:
    """Return the gemeente's share of ``landelijk``, rounded up."""
    if inwoners_land <= 0:
        raise ValueError(
            f"Het aantal inwoners van het land moet groter dan 0 zijn, niet {inwoners_land}."
        )
    if landelijk < 0 or inwoners_gemeente < 0:
        raise ValueError(
            f"Taakstelling en inwonertal kunnen niet negatief zijn "
            f"(landelijk {landelijk}, inwoners gemeente {inwoners_gemeente})."
        )
    if inwoners_gemeente > inwoners_land:
        raise ValueError(
            f"Een gemeente ({inwoners_gemeente} inwoners) kan niet meer inwoners hebben "
            f"dan het land ({inwoners_land})."
        )
    return -(-landelijk * inwoners_gemeente // inwoners_land)
