"""Trend: per opgave and area, realisatie against opgave over all peildata.

Each point is `provincie_overzicht` on that peildatum (so a point shows exactly what the
dashboard showed for that date); for statushouders "opgave" is te realiseren and
"realisatie" the number housed in the half year so far.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from gemeenten.models import Provincie
from opgaven.models import Opgavesoort
from realisatie import bronnen
from realisatie.overzicht import gemeente_overzicht, provincie_overzicht

REEKSEN = {
    Opgavesoort.ASIEL: ("opgave", "realisatie"),
    Opgavesoort.OEKRAINE: ("opgave", "realisatie"),
    Opgavesoort.STATUSHOUDERS: ("te_realiseren", "gehuisvest"),
}


@dataclass(frozen=True)
class Trendpunt:
    datum: datetime.date
    opgave: int | None
    realisatie: int | None
    percentage: int | None


@dataclass
class Trendreeks:
    soort: str
    titel: str
    punten: list[Trendpunt] = field(default_factory=list)

    @property
    def heeft_cijfers(self) -> bool:
        """Any point with a known opgave or realisatie (else there is nothing to draw)."""
        return any(p.opgave is not None or p.realisatie is not None for p in self.punten)


def trend(provincie: Provincie, gebiedcode: str | None = None) -> tuple[str, list[Trendreeks]]:
    """The area's name and one series per opgave. One `leesronde`: a bounded number of
    queries, however many peildata."""
    with bronnen.leesronde():
        return _trend(provincie, gebiedcode)


def _trend(provincie: Provincie, gebiedcode: str | None) -> tuple[str, list[Trendreeks]]:
    code = gebiedcode or provincie.code
    naam = provincie.naam
    reeksen: dict[str, Trendreeks] = {}
    for peildatum in reversed(bronnen.peildata(provincie)):
        # A gemeente's row needs none of the other gemeenten (`gemeente_overzicht`):
        # its trend costs as much in a province of 600 gemeenten as in one of 6.
        overzicht = (
            gebiedcode and gemeente_overzicht(provincie, peildatum.datum, gebiedcode)
        ) or provincie_overzicht(provincie, peildatum.datum)
        for blok in overzicht.blokken:
            reeks = reeksen.setdefault(blok.soort, Trendreeks(blok.soort, blok.titel))
            regel = next((r for r in blok.regels if r.knoop.code == code), None)
            if regel is None:
                knoop = next((k for k in overzicht.boom.doorlopen() if k.code == code), None)
                naam = knoop.naam if knoop else naam
                reeks.punten.append(Trendpunt(peildatum.datum, None, None, None))
                continue
            naam = regel.naam
            opgave, realisatie = REEKSEN[blok.soort]
            reeks.punten.append(
                Trendpunt(
                    peildatum.datum,
                    regel.waarde(opgave),
                    regel.waarde(realisatie),
                    regel.waarde("percentage"),
                )
            )
    return naam, list(reeksen.values())
