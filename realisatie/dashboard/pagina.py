"""What a dashboard page shows, built from `provincie_overzicht` once per request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gemeenten.models import Provincie
from opgaven.models import Opgavesoort
from realisatie.aggregatie import Regel
from realisatie.dashboard.tables import bloktabel, gebiedslinks
from realisatie.halfjaarverloop import Halfjaarstand, halfjaarverloop
from realisatie.overzicht import Blok, ProvincieOverzicht, provincie_overzicht
from realisatie.plantabellen import Plantabel, asieltabel, oekrainetabel
from realisatie.status import Koers, Stand, status
from realisatie.tabelbasis import Tabel

# The table of the provinciaal plan of each block that has one (statushouders: its
# half-year history, `Dashboard.statushouders`).
PLANTABELLEN = {Opgavesoort.ASIEL: asieltabel, Opgavesoort.OEKRAINE: oekrainetabel}


@dataclass
class Blokbeeld:
    blok: Blok
    status: Koers
    regels: list[Regel]
    tabel: Tabel
    achter: int = 0  # gemeenten behind in this block
    gemeenten: int = 0  # gemeenten with a status


@dataclass
class Dashboard:
    overzicht: ProvincieOverzicht
    blokken: list[Blokbeeld]
    plantabellen: list[Plantabel]
    statushouders: list[Halfjaarstand]
    gebied: Regel | None = None  # the region drilled down to, if any


def dashboard(
    provincie: Provincie,
    datum: datetime.date,
    gebiedcode: str | None = None,
    *,
    overzicht: ProvincieOverzicht | None = None,
    verloop: dict | None = None,
) -> Dashboard | None:
    """The dashboard of a province, or of one region in it (None: unknown region).

    The province page shows each area once, down to the level the figures are known
    at; a region page shows the region and every gemeente in it. `overzicht` and
    `verloop`, when given, are this province's on `datum` (every region of a
    vaststelling from one computation). An `overzicht` may hold some of the blocks only
    (one part of the page, `realisatie.dashboard.delen`): the page has what they show."""
    overzicht = overzicht or provincie_overzicht(provincie, datum)
    links = gebiedslinks(overzicht.boom, provincie.code)
    blokken = []
    gebied = None
    if gebiedcode:
        knoop = next(
            (k for k in overzicht.boom.doorlopen() if k.code == gebiedcode and not k.is_gemeente),
            None,
        )
        if knoop is None or knoop.diepte == 0:
            return None
        codes = {k.code for k in knoop.doorlopen()}
    for blok in overzicht.blokken:
        if gebiedcode:
            regels = [r for r in blok.regels if r.knoop.code in codes]
            gebied = gebied or regels[0]
        else:
            regels = blok.getoonde_regels
        koersen = [status(blok, r, datum) for r in regels if r.knoop.is_gemeente]
        blokken.append(
            Blokbeeld(
                blok=blok,
                status=status(blok, regels[0], datum),
                regels=regels,
                tabel=bloktabel(blok, regels, links=links, datum=datum),
                achter=sum(1 for k in koersen if k.stand == Stand.ACHTER),
                gemeenten=sum(1 for k in koersen if k.stand != Stand.ONBEKEND),
            )
        )
    soorten = {blok.soort for blok in overzicht.blokken}
    if verloop is None and Opgavesoort.STATUSHOUDERS in soorten:
        verloop = halfjaarverloop(
            provincie, overzicht.boom, datum, gebiedcode or provincie.code, alleen=True
        )
    return Dashboard(
        overzicht=overzicht,
        blokken=blokken,
        plantabellen=[maak(overzicht) for soort, maak in PLANTABELLEN.items() if soort in soorten],
        statushouders=(verloop or {}).get(gebiedcode or provincie.code, []),
        gebied=gebied,
    )
