"""Trend: per opgave and area, realisatie against opgave over all peildata.

Each point is what the dashboard shows for that date: for a vastgestelde peildatum the
figures of its record (`vastgelegd`, as stored at vaststellen: a figure corrected later
does not move a fixed point), for any other `provincie_overzicht` on that peildatum. For
statushouders "opgave" is te realiseren and "realisatie" the number housed in the half
year so far.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
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


# One block of a vastgestelde peildatum as its record stores it, for the trend:
# (soort, titel, {area code: (naam, opgave, realisatie, percentage)}).
Vastgelegdblok = tuple[str, str, dict[str, tuple[str, int | None, int | None, int | None]]]


def vastgelegde_blokken(samenvatting: dict) -> list[Vastgelegdblok]:
    """The trend's figures of every area in a record's samenvatting (the API's form,
    `vaststellingen.codec`)."""
    blokken = []
    for blok in samenvatting["blokken"]:
        opgave, realisatie = REEKSEN[blok["soort"]]
        regels = {}
        for regel in blok["regels"]:
            waarden = regel["waarden"]
            regels[regel["code"]] = (
                regel["naam"],
                *(waarden.get(k, {}).get("waarde") for k in (opgave, realisatie, "percentage")),
            )
        blokken.append((blok["soort"], blok["titel"], regels))
    return blokken


def trend(
    provincie: Provincie,
    gebiedcode: str | None = None,
    vastgelegd: Mapping[datetime.date, list[Vastgelegdblok]] | None = None,
) -> tuple[str, list[Trendreeks]]:
    """The area's name and one series per opgave; `vastgelegd` holds the blocks of the
    province's vastgestelde peildata with a record (`vaststellingen.selectors.
    vastgelegde_trend`). One `leesronde`: a bounded number of queries, however many
    peildata."""
    with bronnen.leesronde():
        return _trend(provincie, gebiedcode, vastgelegd or {})


def _trend(
    provincie: Provincie,
    gebiedcode: str | None,
    vastgelegd: Mapping[datetime.date, list[Vastgelegdblok]],
) -> tuple[str, list[Trendreeks]]:
    code = gebiedcode or provincie.code
    naam = provincie.naam
    reeksen: dict[str, Trendreeks] = {}
    for peildatum in reversed(bronnen.peildata(provincie)):
        if blokken := vastgelegd.get(peildatum.datum):
            for soort, titel, regels in blokken:
                reeks = reeksen.setdefault(soort, Trendreeks(soort, titel))
                if (cijfers := regels.get(code)) is None:
                    reeks.punten.append(Trendpunt(peildatum.datum, None, None, None))
                    continue
                naam, *waarden = cijfers
                reeks.punten.append(Trendpunt(peildatum.datum, *waarden))
            continue
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
