"""Signals for a province on a date: what the regietafel should act on.

- Statushouders not on schedule (the n/6 rule of `realisatie.op_schema`), with how many
  persons short; a gemeente without a housed figure is listed as not delivered, never
  as 0 housed.
- Sources that disagree: a gemeente with locations in the register and entered asiel
  places for the same peildatum whose totals differ (`realisatie.asielbron`).
- Locations whose contract ends within a chosen number of months.
- Oekraïne places nearly full: occupied at least 90% of the GOO places.
- Completeness: per opgave, at the level its figures are given (gemeente, or a region
  where a source gives only regions), which areas delivered a figure for the peildatum.
- Actions of the regietafel's actielijst past their deadline (`regietafel.selectors`).

Every figure is the overview's (`realisatie.overzicht`): a signal never recounts.

Worked example (Overijssel werkplan 2024): Deventer must house 95 in 2024-I; on
1-4-2024 the schedule asks for 48, so with 47 housed it is 1 behind. Gelderland's
Oekraïne figures of 8-1-2024 are given per veiligheidsregio: 3 of 3 delivered.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gemeenten.models import Niveau, Provincie
from realisatie import asielbron, bronnen
from realisatie.aggregatie import Bron, Regel
from realisatie.models import Capaciteitsperiode
from realisatie.overzicht import Blok, provincie_overzicht
from realisatie.status import Stand, status
from regietafel.selectors import TeLaat, acties_over_termijn

BIJNA_VOL_PROCENT = 90


@dataclass(frozen=True)
class Achterstand:
    regel: Regel
    achter: int


@dataclass(frozen=True)
class BijnaVol:
    regel: Regel
    procent: int


@dataclass(frozen=True)
class Bronverschil:
    code: str
    naam: str
    peildatum: datetime.date
    register: int | None
    invoer: int | None


@dataclass(frozen=True)
class Volledigheid:
    soort: str
    niveau: str  # the level the figures are given at, in words
    geleverd: int
    totaal: int
    ontbrekend: list[str]


@dataclass
class Signalen:
    datum: datetime.date
    peildatum: datetime.date | None
    maanden: int
    achter_op_schema: list[Achterstand]
    zonder_huisvesting: list[Regel]
    bronnen_wijken_af: list[Bronverschil]
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
    volledigheid = []
    if peildatum is not None:
        op_peildatum = provincie_overzicht(provincie, peildatum)
        volledigheid = [
            volledigheid_van(op_peildatum.blok(soort), reeks, peildatum)
            for soort, reeks in (
                ("asiel", "realisatie"),
                ("oekraine", "realisatie"),
                ("statushouders", "gehuisvest"),
            )
        ]
    return Signalen(
        datum=datum,
        peildatum=peildatum,
        maanden=maanden,
        achter_op_schema=achter,
        zonder_huisvesting=zonder,
        bronnen_wijken_af=bronnen_wijken_af(provincie, peildatum) if peildatum else [],
        contract_eindigt=_contract_eindigt(provincie, datum, maanden),
        bijna_vol=bijna_vol(overzicht.blok("oekraine")),
        volledigheid=volledigheid,
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


def bijna_vol(blok: Blok) -> list[BijnaVol]:
    """Areas whose own count has at least 90% of its GOO places occupied."""
    uit = []
    for regel in blok.regels:
        bezetting = regel.cijfer("bezetting")
        eigen = regel.cijfer("bezet").bron == Bron.GEBIED
        if eigen and bezetting.bekend and bezetting.waarde >= BIJNA_VOL_PROCENT:
            uit.append(BijnaVol(regel, bezetting.waarde))
    return sorted(uit, key=lambda b: -b.procent)


def bronnen_wijken_af(provincie: Provincie, peildatum: datetime.date) -> list[Bronverschil]:
    """Gemeenten with register locations and entered places for `peildatum` whose totals
    differ; the register is the source the tables show."""
    perioden = bronnen.register(provincie)
    tellingen = bronnen.asieltellingen(provincie, peildatum)
    namen = dict(provincie.gemeenten.filter(pk__in=list(perioden)).values_list("pk", "naam"))
    codes = dict(provincie.gemeenten.filter(pk__in=list(perioden)).values_list("pk", "code"))
    uit = []
    for gemeente, lijst in sorted(perioden.items(), key=lambda item: namen.get(item[0], "")):
        register = asielbron.uit_register(lijst, peildatum)
        invoer = tellingen.op((Niveau.GEMEENTE, gemeente), peildatum)
        if invoer is not None and invoer.peildatum != peildatum:
            invoer = None
        if asielbron.wijkt_af(register, invoer):
            uit.append(
                Bronverschil(
                    codes[gemeente], namen[gemeente], peildatum, register.totaal, invoer.totaal
                )
            )
    return uit


NIVEAUS = {
    Niveau.GEMEENTE: lambda: _("municipality"),
    Niveau.SUBREGIO: lambda: _("subregion"),
    Niveau.VEILIGHEIDSREGIO: lambda: _("safety region"),
    Niveau.PROVINCIE: lambda: _("province"),
}


def volledigheid_van(blok: Blok, reeks: str, peildatum: datetime.date) -> Volledigheid:
    """Which areas delivered a figure of `reeks` for `peildatum`, at the finest level at
    which any area has a figure of its own (gemeenten where nothing is known yet).

    A monthly figure (statushouders) counts as delivered for a peildatum when the
    month just before it is in."""
    eigen = [r for r in blok.regels if r.cijfer(reeks).bron == Bron.GEBIED]
    diepte = max((r.knoop.diepte for r in eigen), default=None)
    if diepte is None:
        gebieden = [r for r in blok.regels if r.knoop.is_gemeente]
    else:
        gebieden = [r for r in blok.regels if r.knoop.diepte == diepte]
    vanaf = plus_maanden(peildatum, -1) if reeks == "gehuisvest" else peildatum

    def geleverd(regel: Regel) -> bool:
        cijfer = regel.cijfer(reeks)
        return (
            cijfer.bron == Bron.GEBIED
            and cijfer.peildatum is not None
            and vanaf <= cijfer.peildatum <= peildatum
        )

    niveau = gebieden[0].knoop.niveau if gebieden else Niveau.GEMEENTE
    return Volledigheid(
        soort=blok.soort,
        niveau=str(NIVEAUS[niveau]()),
        geleverd=sum(1 for r in gebieden if geleverd(r)),
        totaal=len(gebieden),
        ontbrekend=[r.naam for r in gebieden if not geleverd(r)],
    )
