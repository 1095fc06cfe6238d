"""The national overview: the 12 provinces side by side, each from its own
`provincie_overzicht`, with a national total per column.

The national total of a column sums the provinces' figures; when a province's figure
is unknown the total is marked incomplete, never filled with 0 (`gemeenten.optelling`).
On 1-4-2023 this reproduces the national letter's table (capaciteitsbehoefte 2023-II):
Gelderland 4.735 regular places against an opgave of 7.590 (−2.855), the Netherlands
77.100 in all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gemeenten.models import Provincie
from gemeenten.optelling import Som, optellen
from opgaven.verschil import percentage, verschil
from realisatie.capaciteitsbesluit import Besluittabel, besluittabel
from realisatie.overzicht import ProvincieOverzicht, provincie_overzicht

KOLOMMEN = {
    "asiel": ("opgave", "realisatie"),
    "oekraine": ("opgave", "realisatie"),
    "statushouders": ("te_realiseren", "gehuisvest"),
}


@dataclass(frozen=True)
class Landtotaal:
    soort: str
    opgave: Som
    realisatie: Som

    @property
    def verschil(self) -> int | None:
        if self.opgave.waarde is None or self.realisatie.waarde is None:
            return None
        return verschil(self.realisatie.waarde, self.opgave.waarde)

    @property
    def percentage(self) -> int | None:
        if self.opgave.waarde is None or self.realisatie.waarde is None:
            return None
        return percentage(self.realisatie.waarde, self.opgave.waarde)


@dataclass
class Landelijk:
    datum: datetime.date
    overzichten: list[ProvincieOverzicht]
    totalen: list[Landtotaal]
    besluittabel: Besluittabel | None = None


def landelijk(datum: datetime.date) -> Landelijk:
    overzichten = [provincie_overzicht(p, datum) for p in Provincie.objects.order_by("naam")]
    totalen = []
    for soort, (opgave, realisatie) in KOLOMMEN.items():
        totalen.append(
            Landtotaal(
                soort=soort,
                opgave=optellen(o.blok(soort).totaal.waarde(opgave) for o in overzichten),
                realisatie=optellen(o.blok(soort).totaal.waarde(realisatie) for o in overzichten),
            )
        )
    return Landelijk(datum, overzichten, totalen, besluittabel(overzichten))
