"""Counts as a Dutch person types them, and the one upper bound of every count.

Rule: a count is a whole number, written with or without Dutch thousands separators:
"10.000" is ten thousand and "1.020" is one thousand and twenty. A comma is the Dutch
decimal sign, so "12,5" is not a whole number and is refused, as is a dot that does not
separate groups of three digits ("10.00", "1.5"). No count is above `MAXIMUM_AANTAL`
(1.000.000 places or persons): the largest real figure, the national asiel opgave, is
96.000, while PostgreSQL's integer ends at 2.147.483.647, so a typo must become a
message, never a database error. Only a carried stand may be negative.

Worked example (Overijssel's Oekraïne opgave, 7.882): "7.882" -> 7882; "7882" -> 7882;
"7,882" -> refused (decimals); "78.820.000" -> refused (above 1.000.000); "" -> None
(unknown, not 0).

The grid, the pasted opgaven, the forms and the Excel import read text and cells through
`aantal_lezen` / `aantal_uit_cel`; the API takes JSON numbers and bounds them with the same
constant; every count field of the models has a validator and a CHECK constraint with it.
"""

from __future__ import annotations

import math
import re

from django.utils.translation import gettext as _

MAXIMUM_AANTAL = 1_000_000
# Inhabitants of one gemeente (Amsterdam ~930.000) are no places: a bound of their own.
MAXIMUM_INWONERS = 10_000_000

_GETAL = re.compile(r"\A(-?)(\d{1,3}(?:\.\d{3})+|\d+)\Z", re.ASCII)
_SPATIES = re.compile(r"[\s\u00a0\u202f]+")


class OngeldigAantal(ValueError):
    """Why a text or cell is not a count: `reden` is one of the constants below."""

    GEEN_GETAL = "geen_getal"
    DECIMALEN = "decimalen"
    NEGATIEF = "negatief"
    TE_GROOT = "te_groot"

    def __init__(self, reden: str, waarde: object):
        super().__init__(reden, waarde)
        self.reden, self.waarde = reden, waarde


def aantal_lezen(tekst: str | None, *, negatief: bool = False) -> int | None:
    """The count in `tekst`, None when empty; raises OngeldigAantal otherwise."""
    if tekst is None:
        return None
    schoon = _SPATIES.sub("", str(tekst))
    if not schoon:
        return None
    gevonden = _GETAL.match(schoon)
    if gevonden is None:
        decimalen = re.fullmatch(r"-?\d+(?:[,.]\d+)?|-?\d{1,3}(?:\.\d{3})+,\d+", schoon, re.ASCII)
        reden = OngeldigAantal.DECIMALEN if decimalen else None
        raise OngeldigAantal(reden or OngeldigAantal.GEEN_GETAL, tekst)
    getal = int(gevonden.group(2).replace(".", ""))
    return begrensd(-getal if gevonden.group(1) else getal, negatief=negatief)


def aantal_uit_cel(waarde: object, *, negatief: bool = False) -> int | None:
    """A spreadsheet cell (a number, or text typed as one) as a count; None when empty."""
    if waarde is None or isinstance(waarde, str):
        return aantal_lezen(waarde, negatief=negatief)
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        raise OngeldigAantal(OngeldigAantal.GEEN_GETAL, waarde)
    if isinstance(waarde, float):
        if not math.isfinite(waarde):  # a cell "1e999" reads as infinity
            raise OngeldigAantal(OngeldigAantal.TE_GROOT, waarde)
        if not waarde.is_integer():
            raise OngeldigAantal(OngeldigAantal.DECIMALEN, waarde)
        if abs(waarde) > MAXIMUM_AANTAL:
            raise OngeldigAantal(OngeldigAantal.TE_GROOT, waarde)
    return begrensd(int(waarde), negatief=negatief)


def begrensd(getal: int, *, negatief: bool = False) -> int:
    """`getal` itself when it lies within the bounds of a count; raises otherwise."""
    if getal < 0 and not negatief:
        raise OngeldigAantal(OngeldigAantal.NEGATIEF, getal)
    if abs(getal) > MAXIMUM_AANTAL:
        raise OngeldigAantal(OngeldigAantal.TE_GROOT, getal)
    return getal


def melding(fout: OngeldigAantal) -> str:
    """The Dutch message for a refused count."""
    if fout.reden == OngeldigAantal.TE_GROOT:
        return _("The number is above the maximum of %(maximum)s.") % {
            "maximum": f"{MAXIMUM_AANTAL:,}".replace(",", ".")
        }
    if fout.reden == OngeldigAantal.NEGATIEF:
        return _("%(value)s is negative; enter 0 or more.") % {"value": fout.waarde}
    if fout.reden == OngeldigAantal.DECIMALEN:
        return _(
            "%(value)s is not a whole number; write a thousand and twenty as 1.020 or 1020."
        ) % {"value": fout.waarde}
    return _("'%(value)s' is not a number.") % {"value": fout.waarde}
