"""Outlook for asiel per quarter: per area the places on the first day of each quarter,
split gerealiseerd / gepland / voorgenomen, against the effective opgave in force on
that day. The vooruitblik page shows the province's row, bijlage 2 every area's.

Rules:
- a quarter is measured on its first day (`realisatie.capaciteit`): opgaven are set
  "per 1 januari", so the opgave per 1-1-2025 compares with Q1 2025;
- gerealiseerd on that day is the one source of `realisatie.asielbron` (the register
  where a gemeente has an active location, else its latest entered places): the same
  figure the dashboard shows as of that day. Gepland and voorgenomen come from the
  register, with the same counting rule: only the soorten the besluit in force counts;
- an option to extend a contract ("tot 1-7-2025, verlengbaar tot 1-7-2027") counts only
  when asked (``met_verlenging=True``): by default the period ends on its end date;
- verschil = gerealiseerd + gepland − effective opgave (voorgenomen places still await
  a decision); the first quarter with a negative verschil is the first shortfall.

Worked example: see `realisatie.capaciteit` (600 + 300 + 200 places against 800: first
shortfall Q4 2024).

A bounded number of queries, whatever the number of gemeenten, locations or quarters;
all totals come from `realisatie.aggregatie`.
"""

from __future__ import annotations

from dataclasses import dataclass

from gemeenten.boom import Knoop, Sleutel
from gemeenten.models import Niveau, Provincie
from opgaven.in_kracht import besluit_in_kracht
from opgaven.models import Opgavebesluit, Opgavesoort
from opgaven.telregel import ALLE_SOORTEN
from realisatie import bronnen
from realisatie.aggregatie import (
    Herkomst,
    Regel,
    Waarneming,
    boom_optellen,
    som_van,
    verschil_van,
)
from realisatie.capaciteit import (
    GEPLAND,
    VOORGENOMEN,
    Kwartaal,
    capaciteit_op,
    kwartalen,
    met_verlengingen,
)
from realisatie.overzicht import asielreeksen, provinciegebied

AFLEIDINGEN = (
    som_van("opgave_effectief", "opgave", "uitruil"),
    som_van("vast", "gerealiseerd", "gepland"),
    verschil_van("verschil", "vast", "opgave_effectief"),
)


@dataclass
class Kwartaalbeeld:
    """Every area of the province on the first day of one quarter."""

    kwartaal: Kwartaal
    besluit: Opgavebesluit | None
    telling: bronnen.Telling
    regels: list[Regel]


def asiel_per_kwartaal(
    provincie: Provincie,
    boom: Knoop,
    eerste: Kwartaal,
    laatste: Kwartaal,
    *,
    met_verlenging: bool = False,
) -> list[Kwartaalbeeld]:
    """Every area per quarter; ``met_verlenging`` counts each period's option to extend
    as taken (by default an option is not counted: it is not yet a decision)."""
    reeks = kwartalen(eerste, laatste)
    perioden = bronnen.register(provincie)
    if met_verlenging:
        perioden = {g: met_verlengingen(p) for g, p in perioden.items()}
    tellingen = bronnen.asieltellingen(provincie, reeks[-1].begin)
    besluiten = bronnen.besluiten(Opgavesoort.ASIEL, provincie)
    opgaven = bronnen.opgaven(besluiten, provincie)
    telregels = bronnen.telregels(besluiten, provincie)
    afspraken = bronnen.uitruilafspraken(provincie, Opgavesoort.ASIEL)
    beelden = []
    for kwartaal in reeks:
        dag = kwartaal.begin
        besluit = besluit_in_kracht(besluiten, dag)
        telling = telregels[besluit.pk] if besluit else bronnen.Telling(ALLE_SOORTEN)
        standen = bronnen.asielstanden(boom, perioden, tellingen, dag)
        opgave = opgaven.get(besluit.pk) if besluit else None
        reeksen = {
            "gerealiseerd": asielreeksen(standen, telling.soorten)["realisatie"],
            **_register_reeksen(boom, perioden, telling.soorten, dag),
            "opgave": opgave.aantal if opgave else {},
            "uitruil": bronnen.uitruil(boom, afspraken, dag),
        }
        beelden.append(
            Kwartaalbeeld(kwartaal, besluit, telling, boom_optellen(boom, reeksen, AFLEIDINGEN))
        )
    return beelden


def _register_reeksen(boom: Knoop, perioden, soorten, dag) -> dict[str, dict]:
    """Gepland and voorgenomen places per gemeente with locations in the register (a
    known 0 when none of its periods has that status on the day)."""
    uit: dict[str, dict[Sleutel, Waarneming]] = {GEPLAND: {}, VOORGENOMEN: {}}
    for knoop in boom.doorlopen():
        if knoop.niveau != Niveau.GEMEENTE or knoop.sleutels[0][1] not in perioden:
            continue
        geteld = [p for p in perioden[knoop.sleutels[0][1]] if p.soort in soorten]
        for status in (GEPLAND, VOORGENOMEN):
            plaatsen = capaciteit_op(geteld, dag, statussen=(status,))
            uit[status][knoop.sleutels[0]] = Waarneming(plaatsen, dag, Herkomst.REGISTER)
    return uit


@dataclass(frozen=True)
class Kwartaalstand:
    """The province on the first day of a quarter (the vooruitblik page)."""

    kwartaal: Kwartaal
    gerealiseerd: int | None
    gepland: int | None
    voorgenomen: int | None
    opgave: int | None  # the effective opgave
    verschil: int | None  # gerealiseerd + gepland − opgave

    @property
    def tekort(self) -> bool:
        return self.verschil is not None and self.verschil < 0


@dataclass(frozen=True)
class Vooruitblik:
    kwartalen: list[Kwartaalstand]
    eerste_tekort: Kwartaal | None
    aantal_perioden: int
    soorten: tuple[str, ...]


def vooruitblik(
    provincie: Provincie, eerste: Kwartaal, laatste: Kwartaal, *, met_verlenging: bool = False
) -> Vooruitblik:
    boom = provinciegebied(provincie, eerste.begin)
    beelden = asiel_per_kwartaal(provincie, boom, eerste, laatste, met_verlenging=met_verlenging)
    standen = [
        Kwartaalstand(
            kwartaal=b.kwartaal,
            gerealiseerd=b.regels[0].waarde("gerealiseerd"),
            gepland=b.regels[0].waarde("gepland"),
            voorgenomen=b.regels[0].waarde("voorgenomen"),
            opgave=b.regels[0].waarde("opgave_effectief"),
            verschil=b.regels[0].waarde("verschil"),
        )
        for b in beelden
    ]
    return Vooruitblik(
        kwartalen=standen,
        eerste_tekort=next((s.kwartaal for s in standen if s.tekort), None),
        aantal_perioden=sum(len(p) for p in bronnen.register(provincie).values()),
        soorten=beelden[-1].telling.soorten if beelden else ALLE_SOORTEN,
    )
