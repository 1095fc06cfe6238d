"""Statushouders per half year: taakstelling, the published voor/achterstand at its
start, what was housed in it, and the stand the carry-over rule gives.

Rule (`realisatie.achterstand`): stand at the start of a half year = stand at the start
of the previous one + its taakstelling − what was housed in it. The published stand
(`Taakstelling.stand_begin`) is shown as published; where it differs from the computed
one the row says so, rather than hiding either figure.

Worked example (Gelderland provinciaal plan 2024): 2023-I 2.548 (−316), housed 1.786;
2023-II 2.116 (+519), housed 1.847; 2024-I 2.251 (+788). Computed for 2024-I:
519 + 2.116 − 1.847 = 788, as published. Computed for 2023-II: −316 + 2.548 − 1.786 =
446, not the published 519: flagged.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from gemeenten.boom import Knoop, Sleutel
from gemeenten.gebied import in_provincie
from gemeenten.models import GEBIED_VELDEN, Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavesoort, Taakstelling
from realisatie import achterstand
from realisatie.models import Huisvesting
from realisatie.overzicht import Regel, _regels, gebiedsleutel


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
    provincie: Provincie, boom: Knoop, datum: datetime.date
) -> dict[str, list[Halfjaarstand]]:
    """Per area code (province, region, gemeente): its half years up to `datum`, in order.

    Two queries, whatever the number of gemeenten or half years.
    """
    # Plain tuples, not model instances: every month of every gemeente is read.
    gebied = [f"{veld}_id" for veld in GEBIED_VELDEN]
    taakstellingen = Taakstelling.objects.filter(
        in_provincie(provincie), besluit__soort=Opgavesoort.STATUSHOUDERS
    ).values_list(*gebied, "besluit__halfjaar", "aantal", "stand_begin")
    per_halfjaar: dict[Halfjaar, dict[str, dict[Sleutel, int]]] = defaultdict(
        lambda: {"taakstelling": {}, "stand_begin": {}, "gehuisvest": {}}
    )
    for *ids, tekst, aantal, stand_begin in taakstellingen:
        halfjaar = Halfjaar.parse(tekst)
        if halfjaar.begin > datum:
            continue
        sleutel = gebiedsleutel(ids)
        per_halfjaar[halfjaar]["taakstelling"][sleutel] = aantal
        if stand_begin is not None:
            per_halfjaar[halfjaar]["stand_begin"][sleutel] = stand_begin
    gehuisvest: dict[Halfjaar, dict[Sleutel, int]] = defaultdict(lambda: defaultdict(int))
    for *ids, van, aantal in Huisvesting.objects.filter(
        in_provincie(provincie), van__lte=datum
    ).values_list(*gebied, "van", "gehuisvest"):
        gehuisvest[Halfjaar.voor_datum(van)][gebiedsleutel(ids)] += aantal
    for halfjaar in per_halfjaar:
        per_halfjaar[halfjaar]["gehuisvest"] = dict(gehuisvest.get(halfjaar, {}))

    verloop: dict[str, list[Halfjaarstand]] = defaultdict(list)
    vorige: dict[str, Regel] = {}
    for halfjaar in sorted(per_halfjaar):
        for regel in _regels(boom, per_halfjaar[halfjaar]):
            eerder = vorige.get(regel.knoop.code) if halfjaar.vorige() in per_halfjaar else None
            verloop[regel.knoop.code].append(
                Halfjaarstand(
                    halfjaar=halfjaar,
                    taakstelling=regel.waarde("taakstelling"),
                    stand_begin=regel.waarde("stand_begin"),
                    stand_berekend=_berekend(eerder),
                    gehuisvest=regel.waarde("gehuisvest"),
                )
            )
            vorige[regel.knoop.code] = regel
    return dict(verloop)


def _berekend(vorige: Regel | None) -> int | None:
    if vorige is None:
        return None
    waarden = [vorige.waarde(s) for s in ("stand_begin", "taakstelling", "gehuisvest")]
    if None in waarden:
        return None
    return achterstand.stand_begin_volgend(*waarden)
