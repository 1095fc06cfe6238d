"""Status of an opgave on the dashboard: on track, behind, or unknown.

Rule:
- asiel and Oekraïne: on track when the realisatie is at least the (effective) opgave,
  i.e. the verschil of `realisatie.aggregatie` is 0 or more; behind by −verschil otherwise;
- statushouders: on track when the housed so far keep pace with the half year's
  te realiseren spread evenly over its six months (`realisatie.op_schema`, the n/6 rule);
- without both figures the status is unknown: never "on track" by default.

Worked example: Gelderland per 1-1-2024 realised 9.274 places against an asiel opgave
of 7.590 (122%): on track. Its Oekraïne GOO on 8-1-2024 was 11.083 against 12.284
(90%): behind, by 1.201 places.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from opgaven.models import Opgavesoort
from realisatie import op_schema
from realisatie.aggregatie import Regel
from realisatie.overzicht import Blok


class Stand:
    OP_KOERS = "op-koers"
    ACHTER = "achter"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Koers:
    stand: str
    achter: int | None = None  # places or persons short, when behind


def status(blok: Blok, regel: Regel, datum: datetime.date) -> Koers:
    """The status of one row (the province, a region or a gemeente) of a block."""
    if blok.soort == Opgavesoort.STATUSHOUDERS:
        return _statushouders(blok, regel, datum)
    # The verschil of the aggregation (realisatie − effective opgave), never re-added.
    verschil = regel.waarde("verschil")
    if verschil is None:
        return Koers(Stand.ONBEKEND)
    if verschil >= 0:
        return Koers(Stand.OP_KOERS)
    return Koers(Stand.ACHTER, -verschil)


def _statushouders(blok: Blok, regel: Regel, datum: datetime.date) -> Koers:
    te_realiseren, gehuisvest = regel.waarde("te_realiseren"), regel.waarde("gehuisvest")
    if blok.halfjaar is None or te_realiseren is None or gehuisvest is None:
        return Koers(Stand.ONBEKEND)
    maanden = blok.halfjaar.maanden_verstreken(datum)
    achter = op_schema.achter_op_schema(te_realiseren, gehuisvest, maanden)
    return Koers(Stand.ACHTER, achter) if achter else Koers(Stand.OP_KOERS)
