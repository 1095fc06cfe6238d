"""The provinciaal verslag under the Spreidingswet: how the province fills its asiel opgave,
per gemeente, as the Commissaris van de Koning reports it to the minister by 1 November.

Rule, per gemeente of the province on the reference date:
- opgave: the gemeente's asiel opgave under the besluit in force on the reference date
  (`realisatie.overzicht.besluit_in_kracht`), chosen among the asiel besluiten that set
  a figure per gemeente of this province: the Spreidingswet distributes per gemeente
  (Overijssel: 6.325 per 1-1-2025, of which 538 suited for amv);
- gerealiseerd: places in the location register with status gerealiseerd on the
  reference date (`realisatie.capaciteit.capaciteit_op`), of the types the opgave counts
  (`opgaven.telregel`: the province's rule for the besluit, else the besluit's), except
  crisisnoodopvang (CNO: sports halls for up to 72 hours, not reception the opgave asks
  for); the CNO places are shown beside it, not counted;
- gepland: the register's firm plans (status gepland) that have not ended before the
  reference date, each with its start date, and the capacity expected on the opgave's
  streefdatum (gerealiseerd + gepland on that date, or on the reference date when the
  streefdatum has passed); intended places (voorgenomen, awaiting a decision) are
  shown beside it, not counted;
- verschil = gerealiseerd − opgave (negative: tekort), % = gerealiseerd / opgave.
A gemeente without any location in the register has no figure (unknown, not 0). The
totals and the derived columns are the aggregation's (`realisatie.aggregatie`): a total
over gemeenten of which some have no figure is incomplete, never a silent 0.

Worked example (Overijssel, demo data): 25 gemeenten with opgaven adding up to 6.325.
With Deventer's azc of 400 places realised on 1-11-2024 and a planned extension of 129
from 1-12-2024, Deventer (opgave 529) has gerealiseerd 400, verschil -129 (tekort), 76%,
and 529 expected on 1-1-2025.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from gemeenten.boom import Knoop
from gemeenten.models import Gemeente, Niveau, Provincie
from opgaven.in_kracht import besluit_in_kracht
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort
from opgaven.telregel import ALLE_SOORTEN
from realisatie import bronnen, capaciteit
from realisatie.aggregatie import (
    Cijfer,
    Herkomst,
    Regel,
    Waarneming,
    boom_optellen,
    percentage_van,
    verschil_van,
)
from realisatie.capaciteit import GEPLAND, GEREALISEERD, VOORGENOMEN
from realisatie.models import Capaciteitsperiode, Opvangsoort

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
    opgave: Cijfer
    opgave_amv: Cijfer
    gerealiseerd: Cijfer
    verschil: int | None
    percentage: int | None
    verwacht: Cijfer
    verschil_verwacht: int | None
    crisisnoodopvang: Cijfer
    voorgenomen: Cijfer

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


AFLEIDINGEN = (
    verschil_van("verschil", "gerealiseerd", "opgave"),
    percentage_van("percentage", "gerealiseerd", "opgave"),
    verschil_van("verschil_verwacht", "verwacht", "opgave"),
)
REEKSEN = ("opgave", "opgave_amv", "gerealiseerd", "verwacht", "crisisnoodopvang", "voorgenomen")


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
    telling = (
        bronnen.telregels([besluit], provincie)[besluit.pk].soorten if besluit else ALLE_SOORTEN
    )
    perioden = _perioden_per_gemeente(gemeenten, datum)
    reeksen: dict[str, dict] = {naam: {} for naam in REEKSEN}
    plannen = {}
    for gemeente in gemeenten:
        sleutel = (Niveau.GEMEENTE, gemeente.pk)
        opgave = opgaven.get(gemeente.pk)
        for naam, waarde in (
            ("opgave", opgave.aantal if opgave else None),
            ("opgave_amv", opgave.waarvan_amv if opgave else None),
        ):
            if waarde is not None:
                reeksen[naam][sleutel] = Waarneming(waarde, herkomst=Herkomst.BESLUIT)
        if gemeente.pk in perioden:  # no location in the register: unknown, not 0
            figuren, plannen[gemeente.pk] = _registerfiguren(
                perioden[gemeente.pk], telling, datum, horizon
            )
            for naam, waarde in figuren.items():
                reeksen[naam][sleutel] = Waarneming(waarde, datum, Herkomst.REGISTER)
    boom = Knoop(
        Niveau.PROVINCIE,
        provincie.code,
        provincie.naam,
        [(Niveau.PROVINCIE, provincie.pk)],
        [
            Knoop(Niveau.GEMEENTE, g.code, g.naam, [(Niveau.GEMEENTE, g.pk)], diepte=1)
            for g in gemeenten
        ],
    )
    totaal, *regels = boom_optellen(boom, reeksen, AFLEIDINGEN)
    return ProvinciaalVerslag(
        provincie,
        datum,
        besluit,
        horizon,
        [_regel(g, r, plannen.get(g.pk, [])) for g, r in zip(gemeenten, regels, strict=True)],
        _totaal(totaal),
    )


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
        "soort_id",
    )
    for gemeente_id, naam, *velden in rijen.order_by("van", "locatie__naam"):
        per_gemeente[gemeente_id].append((naam, capaciteit.Plaatsenperiode(*velden)))
    return per_gemeente


def _registerfiguren(perioden, telling, datum, horizon) -> tuple[dict[str, int], list[Plan]]:
    """A gemeente's register figures: realised, expected on the horizon, CNO and intended."""
    telt = [p for _naam, p in perioden if p.soort in telling and p.soort not in TELT_NIET_MEE]
    cno = [p for _naam, p in perioden if p.soort in TELT_NIET_MEE]
    figuren = {
        "gerealiseerd": capaciteit.capaciteit_op(telt, datum, statussen=(GEREALISEERD,)),
        "verwacht": capaciteit.capaciteit_op(telt, horizon, statussen=(GEREALISEERD, GEPLAND)),
        "crisisnoodopvang": capaciteit.capaciteit_op(cno, datum, statussen=(GEREALISEERD,)),
        "voorgenomen": capaciteit.capaciteit_op(telt, horizon, statussen=(VOORGENOMEN,)),
    }
    plannen = [
        Plan(p.van, p.plaatsen, naam)
        for naam, p in perioden
        if p.status == GEPLAND
        and p.soort in telling
        and p.soort not in TELT_NIET_MEE
        and (p.tot_en_met is None or p.tot_en_met >= datum)
    ]
    return figuren, plannen


def _regel(gemeente, regel: Regel, plannen: list[Plan]) -> Verslagregel:
    return Verslagregel(
        gemeente=gemeente,
        opgave=regel.waarde("opgave"),
        opgave_amv=regel.waarde("opgave_amv"),
        gerealiseerd=regel.waarde("gerealiseerd"),
        verschil=regel.waarde("verschil"),
        percentage=regel.waarde("percentage"),
        plannen=plannen,
        verwacht=regel.waarde("verwacht"),
        verschil_verwacht=regel.waarde("verschil_verwacht"),
        crisisnoodopvang=regel.waarde("crisisnoodopvang"),
        voorgenomen=regel.waarde("voorgenomen"),
    )


def _totaal(totaal: Regel) -> Verslagtotaal:
    return Verslagtotaal(
        opgave=totaal.cijfer("opgave"),
        opgave_amv=totaal.cijfer("opgave_amv"),
        gerealiseerd=totaal.cijfer("gerealiseerd"),
        verschil=totaal.waarde("verschil"),
        percentage=totaal.waarde("percentage"),
        verwacht=totaal.cijfer("verwacht"),
        verschil_verwacht=totaal.waarde("verschil_verwacht"),
        crisisnoodopvang=totaal.cijfer("crisisnoodopvang"),
        voorgenomen=totaal.cijfer("voorgenomen"),
    )
