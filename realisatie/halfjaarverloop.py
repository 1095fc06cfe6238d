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
`realisatie.overzicht.statushoudersreeksen` (the same as the dashboard's block).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from realisatie import achterstand, bronnen
from realisatie.aggregatie import Regel, boom_optellen
from realisatie.overzicht import statushoudersreeksen

VERLOOPREEKSEN = ("taakstelling", "stand_begin", "gehuisvest")


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
    vorige: dict[str, Regel] = {}
    for halfjaar in sorted(per_halfjaar):
        reeksen = statushoudersreeksen(
            per_halfjaar[halfjaar], gehuisvest.get(halfjaar, []), amv=False
        )
        # Only the series a Halfjaarstand shows, and none of the block's derived columns.
        nodig = {naam: reeksen[naam] for naam in VERLOOPREEKSEN}
        regels = boom_optellen(boom, nodig)
        for regel in regels[:1] if alleen else regels:  # the first is the tree's own
            eerder = vorige.get(regel.knoop.code) if halfjaar.vorige() in per_halfjaar else None
            verloop.setdefault(regel.knoop.code, []).append(
                Halfjaarstand(
                    halfjaar=halfjaar,
                    taakstelling=regel.waarde("taakstelling"),
                    stand_begin=regel.waarde("stand_begin"),
                    stand_berekend=_berekend(eerder),
                    gehuisvest=regel.waarde("gehuisvest"),
                )
            )
            vorige[regel.knoop.code] = regel
    return verloop


def _berekend(vorige: Regel | None) -> int | None:
    if vorige is None:
        return None
    waarden = [vorige.waarde(s) for s in ("stand_begin", "taakstelling", "gehuisvest")]
    if None in waarden:
        return None
    return achterstand.stand_begin_volgend(*waarden)
