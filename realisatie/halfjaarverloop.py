"""Statushouders per half year: taakstelling, the published voor/achterstand at its
start, what was housed in it, and the stand the carry-over rule gives.

Rule (`realisatie.achterstand`): stand at the start of a half year = stand at the start
of the previous one + its taakstelling − what was housed in it. The published stand
(`Taakstelling.stand_begin`) is shown as published; where it differs from the computed
one the row says so, rather than hiding either figure. A half year counts what was
housed in the months that end before the date of the view.

Worked example (Gelderland provinciaal plan 2024): 2023-I 2.548 (−316), housed 1.786;
2023-II 2.116 (+519), housed 1.847; 2024-I 2.251 (+788). Computed for 2024-I:
519 + 2.116 − 1.847 = 788, as published. Computed for 2023-II: −316 + 2.548 − 1.786 =
446, not the published 519: flagged.

The totals per area come from `realisatie.aggregatie`, the series from
`realisatie.overzicht.statushoudersreeksen` (the same as the dashboard's block). The
figures of a closed half year are kept in the process by what they are computed from
(the tree's shape and that half year's rows, compared in full, `_gesloten`): a province
with twenty half years adds up one of them per request, not twenty.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from realisatie import achterstand, bronnen
from realisatie.aggregatie import boom_optellen
from realisatie.overzicht import statushoudersreeksen

VERLOOPREEKSEN = ("taakstelling", "stand_begin", "gehuisvest")
# An area's (stand at the start, taakstelling, housed) of a half year: what the next
# half year's computed stand is made of.
Cijfers = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class Halfjaarstand:
    halfjaar: Halfjaar
    taakstelling: int | None
    stand_begin: int | None  # as published
    stand_berekend: int | None  # from the previous half year, None when not computable
    gehuisvest: int | None

    @property
    def wijkt_af(self) -> bool:
        return (
            self.stand_begin is not None
            and self.stand_berekend is not None
            and self.stand_begin != self.stand_berekend
        )


def halfjaarverloop(
    provincie: Provincie,
    boom: Knoop,
    datum: datetime.date,
    code: str | None = None,
    *,
    alleen: bool = False,
) -> dict[str, list[Halfjaarstand]]:
    """Per area code (province, region, gemeente): its half years up to `datum`, in order.
    With `code`, only that area and the areas below it: an area's totals come from its
    own part of the tree (rule 1), so a gemeente's history costs no other gemeente's;
    with `alleen` as well, the history of that area alone (a page that shows one).

    Two queries, whatever the number of gemeenten or half years.
    """
    if code is not None:
        boom = next((k for k in boom.doorlopen() if k.code == code), None)
        if boom is None:
            return {}
    per_halfjaar = {
        h: rijen for h, rijen in bronnen.taakstellingen(provincie).items() if h.begin <= datum
    }
    if not per_halfjaar:
        return {}
    gehuisvest: dict[Halfjaar, list[bronnen.Huisvestingsrij]] = {}
    for rij in bronnen.huisvesting(provincie, min(per_halfjaar).begin, datum):
        gehuisvest.setdefault(Halfjaar.voor_datum(rij.van), []).append(rij)
    verloop: dict[str, list[Halfjaarstand]] = {}
    vorige: dict[str, Cijfers] = {}
    vorm = Boomvorm(boom)
    laatste = max(per_halfjaar)
    for halfjaar in sorted(per_halfjaar):
        rijen = (tuple(per_halfjaar[halfjaar]), tuple(gehuisvest.get(halfjaar, [])))
        # A closed half year is kept by what it is made of; the latest one is computed,
        # and so is one gemeente's history (cheap, and there are hundreds of them).
        maken = _gesloten if halfjaar != laatste and boom.kinderen else _cijfers
        for code, *cijfers in maken(vorm, *rijen, alleen):
            eerder = vorige.get(code) if halfjaar.vorige() in per_halfjaar else None
            taakstelling, stand_begin, gehuisvest_ = cijfers
            verloop.setdefault(code, []).append(
                Halfjaarstand(
                    halfjaar=halfjaar,
                    taakstelling=taakstelling,
                    stand_begin=stand_begin,
                    stand_berekend=_berekend(eerder),
                    gehuisvest=gehuisvest_,
                )
            )
            vorige[code] = (stand_begin, taakstelling, gehuisvest_)
    return verloop


class Boomvorm:
    """A tree as part of a cache key: equal to another when every area in it has the
    same code, level, keys and children (names do not count: they change no figure)."""

    __slots__ = ("_hash", "boom", "vorm")

    def __init__(self, boom: Knoop):
        self.boom = boom
        self.vorm = _vorm(boom)
        self._hash = hash(self.vorm)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Boomvorm) and self.vorm == other.vorm

    def __hash__(self) -> int:
        return self._hash


def _vorm(knoop: Knoop) -> tuple:
    return (knoop.code, knoop.niveau, tuple(knoop.sleutels), tuple(map(_vorm, knoop.kinderen)))


def _cijfers(
    vorm: Boomvorm,
    taakstellingen: tuple[bronnen.Taakstellingrij, ...],
    gehuisvest: tuple[bronnen.Huisvestingsrij, ...],
    alleen: bool,
) -> tuple[tuple[str, int | None, int | None, int | None], ...]:
    """Every area's (code, taakstelling, stand at the start, housed) in one half year,
    in table order; with `alleen` the tree's own area only."""
    reeksen = statushoudersreeksen(list(taakstellingen), list(gehuisvest), amv=False)
    # Only the series a Halfjaarstand shows, and none of the block's derived columns.
    regels = boom_optellen(vorm.boom, {naam: reeksen[naam] for naam in VERLOOPREEKSEN})
    return tuple(
        (r.knoop.code, *(r.waarde(naam) for naam in VERLOOPREEKSEN))
        for r in (regels[:1] if alleen else regels)  # the first is the tree's own
    )


# The same figures of a closed half year, kept in this process by everything they are
# computed from: the tree's shape and the half year's rows, compared in full (a changed
# row, a gemeente moved, is another key). The rows of the latest half year still change.
# 256 entries: every province's and region's closed half years at national scale (a few
# KB each; ~350 KB at ten times national scale).
_gesloten = lru_cache(maxsize=256)(_cijfers)


def _berekend(vorige: Cijfers | None) -> int | None:
    """The stand at the start of a half year from the previous one's (stand at its
    start, taakstelling, housed)."""
    if vorige is None or None in vorige:
        return None
    return achterstand.stand_begin_volgend(*vorige)
