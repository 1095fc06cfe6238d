"""The provinciaal verslag under the Spreidingswet: how the province fills its asiel opgave,
per gemeente, as the Commissaris van de Koning reports it to the minister by 1 November.

Rule, per gemeente of the province on the reference date:
- opgave: the gemeente's asiel opgave under the besluit in force on the reference date
  (`realisatie.overzicht.besluit_in_kracht`), chosen among the asiel besluiten that set
  a figure per gemeente of this province: the Spreidingswet distributes per gemeente
  (Overijssel: 6.325 per 1-1-2025, of which 538 suited for amv);
- gerealiseerd: places in the location register with status gerealiseerd on the
  reference date (`realisatie.capaciteit.capaciteit_op`), every type except
  crisisnoodopvang (CNO: sports halls for up to 72 hours, not reception the opgave asks
  for); the CNO places are shown beside it, not counted;
- gepland: the register's firm plans (status gepland) that have not ended before the
  reference date, each with its start date, and the capacity expected on the opgave's
  streefdatum (gerealiseerd + gepland on that date, or on the reference date when the
  streefdatum has passed); intended places (voorgenomen, awaiting a decision) are
  shown beside it, not counted;
- verschil = gerealiseerd − opgave (negative: tekort), % = gerealiseerd / opgave.
A gemeente without any location in the register has no figure (unknown, not 0); the
totals say how many gemeenten they are built from (`gemeenten.optelling`).

Worked example (Overijssel, demo data): 25 gemeenten with opgaven adding up to 6.325.
With Deventer's azc of 400 places realised on 1-11-2024 and a planned extension of 129
from 1-12-2024, Deventer (opgave 529) has gerealiseerd 400, verschil -129 (tekort), 76%,
and 529 expected on 1-1-2025.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from gemeenten.models import Gemeente, Provincie
from gemeenten.optelling import Som, optellen
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort
from opgaven.verschil import percentage, verschil
from realisatie import capaciteit
from realisatie.capaciteit import Status
from realisatie.models import Capaciteitsperiode, Opvangsoort
from realisatie.overzicht import besluit_in_kracht

TELT_NIET_MEE = frozenset({Opvangsoort.CNO})


@dataclass(frozen=True)
class Plan:
    van: datetime.date
    plaatsen: int
    locatie: str


@dataclass(frozen=True)
class Verslagregel:
    gemeente: Gemeente
    opgave: int | None
    opgave_amv: int | None
    gerealiseerd: int | None
    verschil: int | None
    percentage: int | None
    plannen: list[Plan]
    verwacht: int | None  # gerealiseerd + gepland on the horizon
    verschil_verwacht: int | None
    crisisnoodopvang: int | None  # realised CNO on the reference date, not counted
    voorgenomen: int | None  # intended on the horizon, not counted


@dataclass(frozen=True)
class Verslagtotaal:
    opgave: Som
    opgave_amv: Som
    gerealiseerd: Som
    verschil: int | None
    percentage: int | None
    verwacht: Som
    verschil_verwacht: int | None
    crisisnoodopvang: Som
    voorgenomen: Som

    @property
    def volledig(self) -> bool:
        """Every gemeente has an opgave and a figure from the register."""
        return self.opgave.volledig and self.gerealiseerd.volledig


@dataclass(frozen=True)
class ProvinciaalVerslag:
    provincie: Provincie
    datum: datetime.date
    besluit: Opgavebesluit | None
    horizon: datetime.date  # when the planned capacity is measured
    regels: list[Verslagregel]
    totaal: Verslagtotaal

    @property
    def zonder_register(self) -> list[Gemeente]:
        """The gemeenten without any location in the register (no figure, not 0)."""
        return [r.gemeente for r in self.regels if r.gerealiseerd is None]


def spreidingswetbesluit(provincie: Provincie, datum: datetime.date) -> Opgavebesluit | None:
    """The asiel besluit with per-gemeente opgaven of `provincie` in force on `datum`."""
    besluiten = Opgavebesluit.objects.filter(
        soort=Opgavesoort.ASIEL, opgaven__gemeente__provincie=provincie
    ).distinct()
    return besluit_in_kracht(list(besluiten), datum)


def provinciaal_verslag(provincie: Provincie, datum: datetime.date) -> ProvinciaalVerslag:
    besluit = spreidingswetbesluit(provincie, datum)
    horizon = max(besluit.streefdatum, datum) if besluit else datum
    gemeenten = list(
        Gemeente.objects.filter_for_date(datum)
        .filter(provincie=provincie)
        .select_related("subregio")
        .order_by("naam")
    )
    opgaven = (
        {o.gemeente_id: o for o in Opgave.objects.filter(besluit=besluit, gemeente__in=gemeenten)}
        if besluit
        else {}
    )
    perioden = _perioden_per_gemeente(gemeenten, datum)
    regels = [_regel(g, opgaven.get(g.pk), perioden.get(g.pk), datum, horizon) for g in gemeenten]
    return ProvinciaalVerslag(provincie, datum, besluit, horizon, regels, _totaal(regels))


def _perioden_per_gemeente(gemeenten, datum) -> dict[int, list[tuple[str, object]]]:
    """Per gemeente with locations in the register: (location name, period) pairs."""
    per_gemeente: dict[int, list[tuple[str, object]]] = defaultdict(list)
    rijen = Capaciteitsperiode.objects.filter(locatie__gemeente__in=gemeenten).values_list(
        "locatie__gemeente_id",
        "locatie__naam",
        "plaatsen",
        "waarvan_amv",
        "van",
        "tot_en_met",
        "status",
        "locatie__soort",
    )
    for gemeente_id, naam, *velden in rijen.order_by("van", "locatie__naam"):
        per_gemeente[gemeente_id].append((naam, capaciteit.Capaciteitsperiode(*velden)))
    return per_gemeente


def _regel(gemeente, opgave, perioden, datum, horizon) -> Verslagregel:
    opgave_aantal = opgave.aantal if opgave else None
    if perioden is None:  # no location in the register: unknown, not 0
        return Verslagregel(
            gemeente=gemeente,
            opgave=opgave_aantal,
            opgave_amv=opgave.waarvan_amv if opgave else None,
            gerealiseerd=None,
            verschil=None,
            percentage=None,
            plannen=[],
            verwacht=None,
            verschil_verwacht=None,
            crisisnoodopvang=None,
            voorgenomen=None,
        )
    telt = [p for _naam, p in perioden if p.soort not in TELT_NIET_MEE]
    cno = [p for _naam, p in perioden if p.soort in TELT_NIET_MEE]
    gerealiseerd = capaciteit.capaciteit_op(telt, datum, statussen=(Status.GEREALISEERD,))
    verwacht = capaciteit.capaciteit_op(
        telt, horizon, statussen=(Status.GEREALISEERD, Status.GEPLAND)
    )
    plannen = [
        Plan(p.van, p.plaatsen, naam)
        for naam, p in perioden
        if p.status == Status.GEPLAND
        and p.soort not in TELT_NIET_MEE
        and (p.tot_en_met is None or p.tot_en_met >= datum)
    ]
    return Verslagregel(
        gemeente=gemeente,
        opgave=opgave_aantal,
        opgave_amv=opgave.waarvan_amv if opgave else None,
        gerealiseerd=gerealiseerd,
        verschil=verschil(gerealiseerd, opgave_aantal),
        percentage=percentage(gerealiseerd, opgave_aantal),
        plannen=plannen,
        verwacht=verwacht,
        verschil_verwacht=verschil(verwacht, opgave_aantal),
        crisisnoodopvang=capaciteit.capaciteit_op(cno, datum, statussen=(Status.GEREALISEERD,)),
        voorgenomen=capaciteit.capaciteit_op(telt, horizon, statussen=(Status.VOORGENOMEN,)),
    )


def _totaal(regels: list[Verslagregel]) -> Verslagtotaal:
    def som(veld: str) -> Som:
        return optellen(getattr(r, veld) for r in regels)

    opgave, gerealiseerd, verwacht = som("opgave"), som("gerealiseerd"), som("verwacht")
    return Verslagtotaal(
        opgave=opgave,
        opgave_amv=som("opgave_amv"),
        gerealiseerd=gerealiseerd,
        verschil=verschil(gerealiseerd.waarde, opgave.waarde),
        percentage=percentage(gerealiseerd.waarde, opgave.waarde),
        verwacht=verwacht,
        verschil_verwacht=verschil(verwacht.waarde, opgave.waarde),
        crisisnoodopvang=som("crisisnoodopvang"),
        voorgenomen=som("voorgenomen"),
    )
