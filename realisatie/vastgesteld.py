"""Which vastgestelde peildata a change to the location register would alter (pure rule).

Asiel realisatie on a peildatum is read from the register: the capacity periods in force
on that date. So once a peildatum is vastgesteld, a change to a period may not alter what
the register said on that date; it may change everything else (the future, the dates
between peildata, a contract that ends later). A change that would alter a vastgestelde
peildatum is refused until that peildatum is reopened, the same as its figures.

Periods are anything with `van`, `tot_en_met` (None = indefinite), `plaatsen` (None =
unknown), `waarvan_amv` and `status`, and optionally `geschat`, the soort (`soort_id`
on a model, `soort` on a `Plaatsenperiode`) and `beheerder`; None stands for "no
period" (created or deleted). What the register says on a date includes whether the
places are an estimate and the kind and manager of the location then: changing any of
them on a vastgestelde peildatum is refused. An option to extend (`verlengbaar_tot`),
an unknown end and a "pm" remark say nothing about a past date, so they may change.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Protocol


class Periode(Protocol):
    van: datetime.date
    tot_en_met: datetime.date | None
    plaatsen: int | None
    waarvan_amv: int
    status: str


def stand_op(periode: Periode | None, datum: datetime.date) -> tuple | None:
    """What the period says about `datum`: its places (and whether estimated), amv,
    status, soort and beheerder, or None."""
    if periode is None or periode.van > datum:
        return None
    if periode.tot_en_met is not None and periode.tot_en_met < datum:
        return None
    soort = getattr(periode, "soort_id", None) or getattr(periode, "soort", None)
    return (
        periode.plaatsen,
        getattr(periode, "geschat", False),
        periode.waarvan_amv,
        periode.status,
        soort,
        getattr(periode, "beheerder", None),
    )


def geraakte_peildata(
    oud: Periode | None, nieuw: Periode | None, peildata: Iterable[datetime.date]
) -> list[datetime.date]:
    """The peildata on which replacing `oud` by `nieuw` changes the register."""
    return sorted(d for d in peildata if stand_op(oud, d) != stand_op(nieuw, d))


def gedekte_peildata(
    perioden: Iterable[Periode], peildata: Iterable[datetime.date]
) -> list[datetime.date]:
    """The peildata on which any of `perioden` is in force: a change to the location
    itself (its gemeente or its shares) would move their places."""
    perioden = list(perioden)
    return sorted(d for d in set(peildata) if any(stand_op(p, d) for p in perioden))
