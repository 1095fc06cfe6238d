"""Everything about one gemeente on one page: its opgaven under every besluit, its
figures per peildatum, its locations with their contract end dates, its uitruil
agreements and its statushouders per half year.

The figures as of a date are the gemeente's row of `provincie_overzicht`; the half
years come from `halfjaarverloop`. Only selection happens here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from gemeenten.boom import Knoop
from gemeenten.models import Gemeente
from opgaven.models import Opgave, Taakstelling, Uitruil
from realisatie import bronnen, op_schema
from realisatie.aggregatie import Regel
from realisatie.halfjaarverloop import Halfjaarstand, halfjaarverloop
from realisatie.models import Capaciteitsperiode, Locatieaandeel, OekraineTelling, Opvanglocatie
from realisatie.overzicht import (
    NIET_BEPALEND,
    Blok,
    ProvincieOverzicht,
    provincie_overzicht,
    statushouders_tot_maand,
)
from realisatie.trend import Trendreeks, trend


@dataclass
class Gemeentebeeld:
    gemeente: Gemeente
    overzicht: ProvincieOverzicht
    regels: list[tuple[Blok, Regel | None]]  # None: not known per gemeente
    opgaven: list[Opgave]
    taakstellingen: list[Taakstelling]
    oekraine: list[OekraineTelling]
    locaties: list[Opvanglocatie]
    uitruilen: list[Uitruil]
    halfjaren: list[Halfjaarstand]
    regios: list[Knoop]  # the regions above the gemeente in the province's tree
    maanden: list[Maandstand]  # statushouders per month of the half year, with the pace
    trend: list[Trendreeks]  # asiel and Oekraïne over the peildata

    @property
    def maanden_met_cijfers(self) -> bool:
        return any(m.gehuisvest is not None for m in self.maanden)


@dataclass(frozen=True)
class Maandstand:
    """Housed so far at the end of a month of the half year against the schedule."""

    maand: datetime.date
    gehuisvest: int | None  # housed in the half year through this month
    te_realiseren: int | None
    volgens_schema: int | None  # n/6 of te realiseren after n months (`op_schema`)

    @property
    def achter(self) -> int | None:
        if self.gehuisvest is None or self.volgens_schema is None:
            return None
        return max(0, self.volgens_schema - self.gehuisvest)


def huidige_gemeente(code: str, datum: datetime.date) -> Gemeente | None:
    return (
        Gemeente.objects.filter_for_date(datum)
        .filter(code=code)
        .select_related("provincie", "subregio", "veiligheidsregio")
        .first()
    )


def gemeentebeeld(
    gemeente: Gemeente, datum: datetime.date, vastgelegd: Mapping | None = None
) -> Gemeentebeeld:
    """Everything the gemeente page shows. One `leesronde`: the overview, the half
    years, the months and the trend over every peildatum share one read per kind of
    figure (a bounded number of queries, however many peildata). `vastgelegd`: the
    province's vastgestelde peildata as their records have them, for the trend."""
    with bronnen.leesronde():
        return _gemeentebeeld(gemeente, datum, vastgelegd)


def _gemeentebeeld(
    gemeente: Gemeente, datum: datetime.date, vastgelegd: Mapping | None
) -> Gemeentebeeld:
    overzicht = provincie_overzicht(gemeente.provincie, datum)
    regels = [
        (blok, _met_cijfers(next((r for r in blok.regels if r.knoop.code == gemeente.code), None)))
        for blok in overzicht.blokken
    ]
    return Gemeentebeeld(
        gemeente=gemeente,
        overzicht=overzicht,
        regels=regels,
        opgaven=_van(
            gemeente,
            Opgave.objects.filter(gemeente=gemeente)
            .select_related("besluit")
            .order_by("besluit__soort", "besluit__streefdatum"),
        ),
        taakstellingen=_van(
            gemeente,
            Taakstelling.objects.filter(gemeente=gemeente)
            .select_related("besluit")
            .order_by("besluit__halfjaar"),
        ),
        oekraine=_van(
            gemeente,
            OekraineTelling.objects.filter(gemeente=gemeente)
            .select_related("peildatum")
            .order_by("peildatum__datum"),
        ),
        locaties=_van(
            gemeente,
            # Its own locations and those it shares in (issue 15), kind per period.
            Opvanglocatie.objects.filter(Q(gemeente=gemeente) | Q(aandelen__gemeente=gemeente))
            .distinct()
            .select_related("gemeente")
            .prefetch_related(
                Prefetch(
                    "perioden",
                    queryset=Capaciteitsperiode.objects.select_related("soort").order_by("van"),
                ),
                Prefetch("aandelen", queryset=Locatieaandeel.objects.select_related("gemeente")),
            ),
        ),
        uitruilen=list(
            Uitruil.objects.filter(Q(van_gemeente=gemeente) | Q(naar_gemeente=gemeente))
            .select_related("van_gemeente", "naar_gemeente")
            .order_by("begin")
        ),
        halfjaren=halfjaarverloop(gemeente.provincie, overzicht.boom, datum, gemeente.code).get(
            gemeente.code, []
        ),
        regios=_pad(overzicht.boom, gemeente.code) or [],
        maanden=_maanden(gemeente, overzicht, datum),
        trend=[
            r
            for r in trend(gemeente.provincie, gemeente.code, vastgelegd)[1]
            if r.soort != "statushouders"
        ],
    )


def _van(gemeente: Gemeente, rijen) -> list:
    """The rows of the gemeente, each knowing it (the page names it per row: without
    this every row would read the gemeente again)."""
    uit = list(rijen)
    for rij in uit:
        rij.gemeente = gemeente
    return uit


def _maanden(gemeente: Gemeente, overzicht: ProvincieOverzicht, datum) -> list[Maandstand]:
    halfjaar = overzicht.blok("statushouders").halfjaar
    if halfjaar is None:
        return []
    uit = []
    per_maand = statushouders_tot_maand(gemeente.provincie, overzicht.boom, halfjaar, datum)
    for n, (maand, regels) in enumerate(per_maand.items(), start=1):
        regel = next(r for r in regels if r.knoop.code == gemeente.code)
        te_realiseren = regel.waarde("te_realiseren")
        uit.append(
            Maandstand(
                maand,
                regel.waarde("gehuisvest"),
                te_realiseren,
                op_schema.volgens_schema(te_realiseren, n) if te_realiseren is not None else None,
            )
        )
    return uit


def _met_cijfers(regel: Regel | None) -> Regel | None:
    """The gemeente's row, when it has a figure of its own (not only the uitruil every
    gemeente has); None: the source gives this opgave for a larger area only."""
    if regel is None:
        return None
    eigen = any(c.bekend for k, c in regel.waarden.items() if k not in NIET_BEPALEND)
    return regel if eigen else None


def _pad(boom: Knoop, code: str) -> list[Knoop] | None:
    """The regions between the province and the gemeente, as the dashboard nests them."""
    for kind in boom.kinderen:
        if kind.code == code:
            return []
        if not kind.is_gemeente and (pad := _pad(kind, code)) is not None:
            return [kind, *pad]
    return None
