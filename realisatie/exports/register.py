"""Reads for the exports that the overview does not make: the location register per
gemeente, housing per month and the Nidos (amv) part of the statushouders.

Only reads and groups; every capacity figure is computed by `realisatie.capaciteit`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from gemeenten.gebied import in_provincie
from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavesoort, Taakstelling
from realisatie.capaciteit import Capaciteitsperiode as Periode
from realisatie.models import Huisvesting, Opvanglocatie


def locaties_met_perioden(provincie: Provincie) -> list[tuple[Opvanglocatie, list[Periode]]]:
    """Every location of the province's gemeenten with its capacity periods."""
    locaties = (
        Opvanglocatie.objects.filter(gemeente__provincie=provincie)
        .select_related("gemeente")
        .prefetch_related("perioden")
        .order_by("gemeente__naam", "naam")
    )
    return [
        (
            locatie,
            [
                Periode(
                    plaatsen=p.plaatsen,
                    amv=p.waarvan_amv,
                    van=p.van,
                    tot_en_met=p.tot_en_met,
                    status=p.status,
                    soort=locatie.soort,
                )
                for p in locatie.perioden.all()
            ],
        )
        for locatie in locaties
    ]


def perioden_per_gemeente(provincie: Provincie) -> dict[int, list[Periode]]:
    per_gemeente: dict[int, list[Periode]] = defaultdict(list)
    for locatie, perioden in locaties_met_perioden(provincie):
        per_gemeente[locatie.gemeente_id].extend(perioden)
    return dict(per_gemeente)


def gehuisvest_per_maand(provincie: Provincie, halfjaar: Halfjaar) -> dict[int, dict[int, int]]:
    """Per gemeente (pk) and month number, the statushouders housed in that month.

    Only figures recorded per month count; a figure for a whole half year has no month.
    """
    uit: dict[int, dict[int, int]] = defaultdict(dict)
    for rij in Huisvesting.objects.filter(
        in_provincie(provincie),
        gemeente__isnull=False,
        van__gte=halfjaar.begin,
        tot_en_met__lte=halfjaar.einde,
    ):
        if (rij.van.year, rij.van.month) == (rij.tot_en_met.year, rij.tot_en_met.month):
            maand = uit[rij.gemeente_id]
            maand[rij.van.month] = maand.get(rij.van.month, 0) + rij.gehuisvest
    return dict(uit)


def nidos_per_gemeente(
    provincie: Provincie, halfjaar: Halfjaar, datum: datetime.date
) -> tuple[dict[int, int], dict[int, int]]:
    """Per gemeente (pk): the amv (Nidos) part of the taakstelling, and the amv housed
    in the half year up to `datum`; a gemeente without a figure is absent."""
    taak = {
        t.gemeente_id: t.waarvan_amv
        for t in Taakstelling.objects.filter(
            in_provincie(provincie),
            gemeente__isnull=False,
            besluit__soort=Opgavesoort.STATUSHOUDERS,
            besluit__halfjaar=str(halfjaar),
            waarvan_amv__isnull=False,
        )
    }
    gehuisvest: dict[int, int] = defaultdict(int)
    for rij in Huisvesting.objects.filter(
        in_provincie(provincie),
        gemeente__isnull=False,
        waarvan_amv__isnull=False,
        van__gte=halfjaar.begin,
        tot_en_met__lte=halfjaar.einde,
        van__lte=datum,
    ):
        gehuisvest[rij.gemeente_id] += rij.waarvan_amv
    return taak, dict(gehuisvest)
