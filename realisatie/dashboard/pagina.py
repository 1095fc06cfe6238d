"""What a dashboard page shows, built from `provincie_overzicht` once per request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import django_tables2 as tables
from django.utils.safestring import SafeString
from django_tables2 import RequestConfig

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from realisatie import cijfercache
from realisatie.dashboard.tables import cellen, gebiedslinks, regiotabellen
from realisatie.halfjaarverloop import Halfjaarstand, halfjaarverloop
from realisatie.overzicht import Blok, ProvincieOverzicht, Regel, provincie_overzicht
from realisatie.plantabellen import Plantabel, asieltabel, oekrainetabel
from realisatie.status import Status, status


@dataclass
class Blokbeeld:
    blok: Blok
    status: Status
    regels: list[Regel]
    tabellen: list[tables.Table] = field(default_factory=list)
    # Each row with its page and its figure cells, made once for this table and the
    # regional ones.
    rijen: list[tuple[Regel, str, SafeString]] = field(default_factory=list)


@dataclass
class Dashboard:
    overzicht: ProvincieOverzicht
    blokken: list[Blokbeeld]
    plantabellen: list[Plantabel]
    statushouders: list[Halfjaarstand]
    gebied: Regel | None = None  # the region drilled down to, if any


def dashboard(
    provincie: Provincie, datum: datetime.date, request=None, gebiedcode: str | None = None
) -> Dashboard | None:
    """The dashboard of a province, or of one region in it (None: unknown region)."""
    token = cijfercache.generatie()  # before any figure is read
    overzicht = provincie_overzicht(provincie, datum)
    links = gebiedslinks(overzicht.boom, provincie.code)
    blokken = []
    gebied = None
    for blok in overzicht.blokken:
        regels = blok.regels
        if gebiedcode:
            regels = _onder(blok, gebiedcode)
            if not regels:
                continue
            gebied = gebied or regels[0]
        beeld = Blokbeeld(blok, status(blok, regels[0], datum), regels)
        kolommen = blok.zichtbare_kolommen
        geformatteerd = {id(r): cellen(r, kolommen) for r in regels}
        beeld.rijen = [(r, links.get(r.knoop.code, ""), geformatteerd[id(r)]) for r in regels]
        beeld.tabellen = [
            t for t in regiotabellen(blok, geformatteerd, links) if not gebiedcode or _in(t, regels)
        ]
        if request is not None:
            for tabel in beeld.tabellen:
                RequestConfig(request, paginate=False).configure(tabel)
        blokken.append(beeld)
    if gebiedcode and gebied is None:
        gebied = _gebied_zonder_cijfers(overzicht.boom, gebiedcode)
        if gebied is None:
            return None
    verloop = cijfercache.bewaard(
        cijfercache.sleutel("halfjaarverloop", token, provincie, datum, overzicht.peildata),
        lambda: halfjaarverloop(provincie, overzicht.boom, datum),
    )
    return Dashboard(
        overzicht=overzicht,
        blokken=blokken,
        plantabellen=[asieltabel(overzicht), oekrainetabel(overzicht)],
        statushouders=verloop.get(gebiedcode or provincie.code, []),
        gebied=gebied,
    )


def _onder(blok: Blok, code: str) -> list[Regel]:
    """The rows of the region `code` and everything below it, in table order."""
    for regel in blok.regels:
        if regel.knoop.code == code and not regel.knoop.is_gemeente:
            codes = {k.code for k in regel.knoop.doorlopen()}
            return [r for r in blok.regels if r.knoop.code in codes]
    return []


def _in(tabel: tables.Table, regels: list[Regel]) -> bool:
    return tabel.attrs.get("data-regio") in {r.knoop.code for r in regels}


def _gebied_zonder_cijfers(boom: Knoop, code: str) -> Regel | None:
    for knoop in boom.doorlopen():
        if knoop.code == code and not knoop.is_gemeente:
            return Regel(knoop)
    return None
