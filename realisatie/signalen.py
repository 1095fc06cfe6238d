"""Signals for a province on a date: what the regietafel should act on.

- Statushouders not on schedule (the n/6 rule of `realisatie.op_schema`), with how many
  persons short; a gemeente without a housed figure is listed as not delivered, never
  as 0 housed.
- Locations whose contract ends within a chosen number of months.
- Oekraïne locations nearly full: occupied at least 90% of the GOO places.
- Completeness: gemeenten that delivered no figure for the peildatum, per opgave.
- Actions of the regietafel's actielijst past their deadline (`regietafel.selectors`).

Worked example (Overijssel werkplan 2024): Deventer must house 95 in 2024-I; on
1-4-2024 the schedule asks for 48, so with 47 housed it is 1 behind.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from gemeenten.models import Gemeente, Provincie
from opgaven.verschil import percentage
from realisatie.models import AsielTelling, Capaciteitsperiode, Huisvesting, OekraineTelling
from realisatie.overzicht import Regel, provincie_overzicht
from realisatie.status import Stand, status
from regietafel.selectors import TeLaat, acties_over_termijn

BIJNA_VOL_PROCENT = 90


@dataclass(frozen=True)
class Achterstand:
    regel: Regel
    achter: int


@dataclass(frozen=True)
class BijnaVol:
    telling: OekraineTelling
    procent: int


@dataclass(frozen=True)
class Volledigheid:
    soort: str
    geleverd: int
    totaal: int
    ontbrekend: list[Gemeente]


@dataclass
class Signalen:
    datum: datetime.date
    peildatum: datetime.date | None
    maanden: int
    achter_op_schema: list[Achterstand]
    zonder_huisvesting: list[Regel]
    contract_eindigt: list[Capaciteitsperiode]
    bijna_vol: list[BijnaVol]
    volledigheid: list[Volledigheid]
    acties_over_termijn: list[TeLaat]  # the regietafel's actions past their deadline


def signalen(provincie: Provincie, datum: datetime.date, maanden: int) -> Signalen:
    overzicht = provincie_overzicht(provincie, datum)
    blok = overzicht.blok("statushouders")
    achter, zonder = [], []
    for regel in blok.regels:
        if not regel.knoop.is_gemeente or regel.waarde("te_realiseren") is None:
            continue
        uitkomst = status(blok, regel, datum)
        if uitkomst.stand == Stand.ACHTER:
            achter.append(Achterstand(regel, uitkomst.achter))
        elif uitkomst.stand == Stand.ONBEKEND:
            zonder.append(regel)
    achter.sort(key=lambda a: -a.achter)
    peildatum = next((p.datum for p in overzicht.peildata if p.datum <= datum), None)
    return Signalen(
        datum=datum,
        peildatum=peildatum,
        maanden=maanden,
        achter_op_schema=achter,
        zonder_huisvesting=zonder,
        contract_eindigt=_contract_eindigt(provincie, datum, maanden),
        bijna_vol=_bijna_vol(provincie, datum),
        volledigheid=_volledigheid(provincie, peildatum) if peildatum else [],
        acties_over_termijn=acties_over_termijn(provincie, datum),
    )


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    dag = min(datum.day, 28 if maand == 2 else 30 if maand in (4, 6, 9, 11) else 31)
    return datetime.date(jaar, maand, dag)


def _contract_eindigt(provincie, datum, maanden) -> list[Capaciteitsperiode]:
    return list(
        Capaciteitsperiode.objects.filter(
            locatie__gemeente__provincie=provincie,
            tot_en_met__gte=datum,
            tot_en_met__lte=plus_maanden(datum, maanden),
        )
        .select_related("locatie__gemeente")
        .order_by("tot_en_met", "locatie__naam")
    )


def _bijna_vol(provincie, datum) -> list[BijnaVol]:
    laatste: dict = {}
    for telling in (
        OekraineTelling.objects.in_provincie(provincie)
        .filter(peildatum__datum__lte=datum, gemeente__isnull=False)
        .select_related("peildatum", "gemeente")
        .order_by("peildatum__datum")
    ):
        laatste[telling.gemeente_id] = telling
    uit = []
    for telling in laatste.values():
        totaal, bezet = telling.goo_totaal, telling.goo_bezet
        if totaal and bezet is not None and bezet * 100 >= totaal * BIJNA_VOL_PROCENT:
            uit.append(BijnaVol(telling, percentage(bezet, totaal)))
    return sorted(uit, key=lambda b: -b.procent)


def _volledigheid(provincie, peildatum: datetime.date) -> list[Volledigheid]:
    gemeenten = list(
        Gemeente.objects.filter_for_date(peildatum).filter(provincie=provincie).order_by("naam")
    )
    geleverd = {
        "asiel": set(
            AsielTelling.objects.filter(
                gemeente__provincie=provincie, peildatum__datum=peildatum
            ).values_list("gemeente_id", flat=True)
        )
        | set(
            Capaciteitsperiode.objects.filter(locatie__gemeente__provincie=provincie)
            .filter(Q(tot_en_met__isnull=True) | Q(tot_en_met__gte=peildatum), van__lte=peildatum)
            .values_list("locatie__gemeente_id", flat=True)
        ),
        "oekraine": set(
            OekraineTelling.objects.filter(
                gemeente__provincie=provincie, peildatum__datum=peildatum
            ).values_list("gemeente_id", flat=True)
        ),
        # Housed in the month before the peildatum.
        "statushouders": set(
            Huisvesting.objects.filter(
                gemeente__provincie=provincie,
                tot_en_met__gte=plus_maanden(peildatum, -1),
                van__lt=peildatum,
            ).values_list("gemeente_id", flat=True)
        ),
    }
    return [
        Volledigheid(
            soort=soort,
            geleverd=sum(1 for g in gemeenten if g.pk in ids),
            totaal=len(gemeenten),
            ontbrekend=[g for g in gemeenten if g.pk not in ids],
        )
        for soort, ids in geleverd.items()
    ]
