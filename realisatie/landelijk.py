"""The national overview: the 12 provinces side by side, each its own
`provincie_overzicht`, with Nederland as one more row.

The Nederland row is made by `realisatie.aggregatie.rijen_optellen` over the province
rows: each figure by the same tree rule (a province's unknown figure makes the total
incomplete, never 0), each derived column by the same derivation as the province rows,
so Nederland's verschil and stand carry the same sign as theirs. On 1-4-2023 this
reproduces the national letter's table (capaciteitsbehoefte 2023-II): Gelderland 4.735
regular places against an opgave of 7.590 (−2.855), the Netherlands 77.100 in all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from realisatie.aggregatie import Regel, rijen_optellen
from realisatie.capaciteitsbesluit import Besluittabel, besluittabel
from realisatie.overzicht import ProvincieOverzicht, provincie_overzicht

NEDERLAND = "NL"

# Per block, the four columns the national table shows: what is to be achieved, what is
# realised, their difference (in the block's own sign) and the percentage.
KOLOMMEN = {
    "asiel": ("opgave_effectief", "realisatie", "verschil", "percentage"),
    "oekraine": ("opgave_effectief", "realisatie", "verschil", "percentage"),
    "statushouders": ("te_realiseren", "gehuisvest", "stand", "percentage"),
}


@dataclass
class Landelijk:
    datum: datetime.date
    overzichten: list[ProvincieOverzicht]
    totalen: dict[str, Regel]  # per block: the Nederland row
    besluittabel: Besluittabel | None = None


def landelijk(datum: datetime.date) -> Landelijk:
    overzichten = [provincie_overzicht(p, datum) for p in Provincie.objects.order_by("naam")]
    land = Knoop(NEDERLAND, NEDERLAND, "Nederland", [])
    totalen = {}
    for soort in KOLOMMEN:
        blokken = [o.blok(soort) for o in overzichten]
        sleutels = {s for b in blokken for s in b.totaal.waarden} - {
            a.sleutel for b in blokken for a in b.afleidingen
        }
        afleidingen = blokken[0].afleidingen if blokken else ()
        totalen[soort] = rijen_optellen(land, [b.totaal for b in blokken], sleutels, afleidingen)
    return Landelijk(datum, overzichten, totalen, besluittabel(overzichten))
