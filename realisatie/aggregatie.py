"""Aggregatie: the one place where a figure is totalled or derived.

Every page, export and API resource that shows a total, a verschil, a percentage or a
stand gets it from here; they only choose rows and format.

Rules
1. **Up the tree** (gemeente → subregio → veiligheidsregio → provincie → Nederland) an
   area's figure is the sum of the areas directly below it when all of them are known
   (bron ``gemeenten``). When not all are known, the area's own figure (a total a source
   gives for the area as a whole) stands in (bron ``gebied``), but only when it is not
   older than the figures below it; an older own figure is kept beside the total as
   context (``Cijfer.ouder``), never shown as the current figure. Otherwise the known
   figures below are summed and marked incomplete (bron ``onvolledig``). Nothing known is
   unknown (``None``, bron ``onbekend``), never 0.
2. **Derived columns** are computed from the row's own totals, once, with one sign
   convention per column: ``verschil = realisatie − opgave`` (negative: *tekort*),
   ``stand = te realiseren − gehuisvest`` (positive: *nog te huisvesten*, negative:
   *voorsprong*), percentage = realisatie / opgave rounded half up. The Nederland row
   uses the same derivations as the province rows, so it carries the same sign.
3. **Time series** (dates, months, quarters, half years) are the same tree sum per point.

A figure partly estimated carries its estimated part (``Cijfer.geschat``: "≈ 3.700,
waarvan 100 geschat"), summed up the tree; a figure with a part of unknown size
(a location whose capacity is not known) is incomplete (bron ``onvolledig``), not
smaller, like a missing gemeente.

Each figure carries where it comes from: its bron (how it was totalled), the latest
peildatum it is built from, and its herkomst (the location register, entered counts,
a besluit).

Worked example (Gelderland provinciaal plan 2024, Oekraïne on 8-1-2024): GOO is known
per veiligheidsregio only: 4.436 + 3.343 + 3.304 = 11.083 for the province (bron
``gemeenten``: every region is known). POO is known for Noord- en Oost-Gelderland only
(931): the province's POO is 931 *onvolledig*. Against the opgave of 12.284 the
verschil is −1.201 (*tekort 1.201*) and the percentage 90.
Example of rule 1's date condition: a province total of 4.081 regular places from the
national letter of 1-4-2023 does not stand in for gemeenten that have register figures
on 1-1-2025; the province shows the sum of those gemeenten (onvolledig) and "4.081 on
1-4-2023" beside it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from gemeenten.boom import Knoop, Sleutel
from opgaven.verschil import percentage, verschil
from realisatie import achterstand

# --- What a figure is ---------------------------------------------------------------


class Bron:
    """How a figure of an area was obtained; plain strings (API and Django choices)."""

    GEMEENTEN = "gemeenten"  # the sum of every area below it
    GEBIED = "gebied"  # the area's own figure
    ONVOLLEDIG = "onvolledig"  # the sum of the known areas below; some are missing
    ONBEKEND = "onbekend"


BRONNEN: tuple[str, ...] = (Bron.GEMEENTEN, Bron.GEBIED, Bron.ONVOLLEDIG, Bron.ONBEKEND)


class Herkomst:
    """Where a recorded figure comes from."""

    REGISTER = "register"  # the location register (opvanglocaties)
    INVOER = "invoer"  # counts entered in a grid, an import or the API
    BESLUIT = "besluit"  # an opgave or taakstelling decision


HERKOMSTEN: tuple[str, ...] = (Herkomst.REGISTER, Herkomst.INVOER, Herkomst.BESLUIT)


@dataclass(frozen=True, slots=True)
class Waarneming:
    """A figure recorded for one area (a gemeente, or a larger area as a whole)."""

    waarde: int
    peildatum: datetime.date | None = None
    herkomst: str = ""
    geschat: int = 0  # the estimated part of `waarde` ("100?" in a location list)
    volledig: bool = True  # False: a part of unknown size is missing (not 0)


@dataclass(frozen=True, slots=True)
class Cijfer:
    """A figure as shown: its value, how it was obtained and what it is built from."""

    waarde: int | None
    bron: str = Bron.ONBEKEND
    peildatum: datetime.date | None = None  # the latest peildatum it is built from
    herkomst: tuple[str, ...] = ()
    ouder: Waarneming | None = None  # an older own figure of the area: context only
    geschat: int = 0  # the estimated part of `waarde`: "≈ 3.700, waarvan 100 geschat"

    def __post_init__(self) -> None:
        if self.bron not in BRONNEN:
            raise ValueError(f"Onbekende bron {self.bron!r}; kies uit {', '.join(BRONNEN)}.")
        if (self.waarde is None) != (self.bron == Bron.ONBEKEND):
            raise ValueError(
                f"Alleen een onbekend cijfer heeft geen waarde (waarde {self.waarde}, "
                f"bron {self.bron})."
            )

    @property
    def bekend(self) -> bool:
        return self.waarde is not None

    @property
    def volledig(self) -> bool:
        """Known, and built from every figure it should be built from."""
        return self.bron in (Bron.GEMEENTEN, Bron.GEBIED)


ONBEKEND = Cijfer(None)


def eigen_cijfer(waarneming: Waarneming | None) -> Cijfer:
    """An area's own recorded figure as a Cijfer (unknown when not recorded)."""
    if waarneming is None:
        return ONBEKEND
    herkomst = (waarneming.herkomst,) if waarneming.herkomst else ()
    bron = Bron.GEBIED if waarneming.volledig else Bron.ONVOLLEDIG
    return Cijfer(
        waarneming.waarde, bron, waarneming.peildatum, herkomst, geschat=waarneming.geschat
    )


# --- Rule 1: one area from the areas below it --------------------------------------


def combineer(kinderen: Sequence[Cijfer], eigen: Waarneming | None = None) -> Cijfer:
    """The figure of an area from the figures of the areas directly below it and the
    area's own figure (see rule 1 of the module docstring).

    >>> combineer([Cijfer(4436, Bron.GEBIED), Cijfer(3343, Bron.GEBIED)]).waarde
    7779
    """
    bekend = [k for k in kinderen if k.waarde is not None]
    if not bekend:  # nothing below is known: the area's own figure, if complete
        return eigen_cijfer(eigen) if eigen is not None and eigen.volledig else ONBEKEND
    peildatum = max((k.peildatum for k in bekend if k.peildatum is not None), default=None)
    herkomst = _samen(k.herkomst for k in bekend)
    geschat = sum(k.geschat for k in bekend)
    if kinderen and len(bekend) == len(kinderen) and all(k.volledig for k in kinderen):
        return Cijfer(
            sum(k.waarde for k in bekend), Bron.GEMEENTEN, peildatum, herkomst, geschat=geschat
        )
    if eigen is not None and eigen.volledig and not _ouder(eigen, peildatum):
        return eigen_cijfer(eigen)
    if bekend:
        return Cijfer(
            sum(k.waarde for k in bekend),
            Bron.ONVOLLEDIG,
            peildatum,
            herkomst,
            ouder=eigen,
            geschat=geschat,
        )
    return ONBEKEND


def _ouder(eigen: Waarneming, peildatum_onder: datetime.date | None) -> bool:
    """Is the area's own figure older than the figures below it?"""
    return (
        eigen.peildatum is not None
        and peildatum_onder is not None
        and eigen.peildatum < peildatum_onder
    )


def _samen(herkomsten: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({h for reeks in herkomsten for h in reeks}))


# --- Rule 2: derived columns, one sign convention each ------------------------------


class Tekenregel:
    """How a derived column's sign reads in words (the screen names it, an export keeps
    the plain number): verschil −1.201 is "tekort 1.201", 2.648 "overschot 2.648"; stand
    499 is "nog te huisvesten 499", −13 "voorsprong 13"."""

    VERSCHIL = "verschil"  # negative: tekort; positive: overschot
    STAND = "stand"  # positive: nog te huisvesten; negative: voorsprong
    ACHTERSTAND = "achterstand"  # a carried stand: positive achterstand, negative voorsprong


@dataclass(frozen=True)
class Afleiding:
    """Column `sleutel` = `functie(*bronnen)`, from the row's own figures."""

    sleutel: str
    functie: Callable[..., int | None]
    bronnen: tuple[str, ...]
    teken: str = ""  # a `Tekenregel`, for columns whose sign means something


def verschil_van(sleutel: str, realisatie: str, opgave: str) -> Afleiding:
    """``sleutel = realisatie − opgave``; negative is a tekort."""
    return Afleiding(sleutel, verschil, (realisatie, opgave), Tekenregel.VERSCHIL)


def percentage_van(sleutel: str, realisatie: str, opgave: str) -> Afleiding:
    """``sleutel = realisatie / opgave`` in whole percents, rounded half up."""
    return Afleiding(sleutel, percentage, (realisatie, opgave))


def stand_van(sleutel: str, te_realiseren: str, gehuisvest: str) -> Afleiding:
    """``sleutel = te realiseren − gehuisvest``; positive is still to be housed."""
    return Afleiding(sleutel, achterstand.stand, (te_realiseren, gehuisvest), Tekenregel.STAND)


def som_van(sleutel: str, *bronnen: str) -> Afleiding:
    """``sleutel = a + b + …`` of the row's own figures (the effective opgave)."""
    return Afleiding(sleutel, _som, bronnen)


def _som(*waarden: int) -> int:
    return sum(waarden)


def afleiden(waarden: Mapping[str, Cijfer], afleiding: Afleiding) -> Cijfer:
    """One derived figure; unknown when an input is unknown.

    Incomplete when an input is incomplete; the area's own figure (bron gebied) when an
    input is; else, like a complete total, bron gemeenten."""
    invoer = [waarden.get(b, ONBEKEND) for b in afleiding.bronnen]
    if any(c.waarde is None for c in invoer):
        return ONBEKEND
    uitkomst = afleiding.functie(*(c.waarde for c in invoer))
    if uitkomst is None:
        return ONBEKEND
    bronnen = {c.bron for c in invoer}
    bron = (
        Bron.ONVOLLEDIG
        if Bron.ONVOLLEDIG in bronnen
        else Bron.GEBIED
        if Bron.GEBIED in bronnen
        else Bron.GEMEENTEN
    )
    peildatum = max((c.peildatum for c in invoer if c.peildatum is not None), default=None)
    return Cijfer(uitkomst, bron, peildatum, _samen(c.herkomst for c in invoer))


# --- The tree -----------------------------------------------------------------------

Reeks = Mapping[Sleutel, Waarneming]


@dataclass
class Regel:
    """One row of a table: an area with its figures per column."""

    knoop: Knoop
    waarden: dict[str, Cijfer] = field(default_factory=dict)

    @property
    def naam(self) -> str:
        return self.knoop.naam

    def cijfer(self, sleutel: str) -> Cijfer:
        return self.waarden.get(sleutel, ONBEKEND)

    def waarde(self, sleutel: str) -> int | None:
        return self.cijfer(sleutel).waarde

    @property
    def peildata(self) -> list[datetime.date]:
        """The peildata of this row's recorded figures (not of its opgaven)."""
        return sorted(
            {
                c.peildatum
                for c in self.waarden.values()
                if c.peildatum is not None and Herkomst.BESLUIT not in c.herkomst
            }
        )


def boom_optellen(
    boom: Knoop, reeksen: Mapping[str, Reeks], afleidingen: Sequence[Afleiding] = ()
) -> list[Regel]:
    """Every series summed up the tree (rule 1), then the derived columns (rule 2);
    one Regel per area, in table order (parents before their children)."""
    regels: dict[int, Regel] = {id(k): Regel(k) for k in boom.doorlopen()}
    for naam, reeks in reeksen.items():
        if reeks:
            _optellen(boom, naam, reeks, regels)
        else:  # an empty series: every area unknown (what rule 1 gives, without the walk)
            for regel in regels.values():
                regel.waarden[naam] = ONBEKEND
    uit = list(regels.values())
    for regel in uit:
        for afleiding in afleidingen:
            regel.waarden[afleiding.sleutel] = afleiden(regel.waarden, afleiding)
    return uit


def _optellen(knoop: Knoop, naam: str, reeks: Reeks, regels: dict[int, Regel]) -> Cijfer:
    eigen = None
    for sleutel in knoop.sleutels:
        if sleutel in reeks:
            eigen = reeks[sleutel]
            break
    if knoop.kinderen:
        uitkomst = combineer([_optellen(k, naam, reeks, regels) for k in knoop.kinderen], eigen)
    else:
        uitkomst = eigen_cijfer(eigen)
    regels[id(knoop)].waarden[naam] = uitkomst
    return uitkomst


def rijen_optellen(
    knoop: Knoop,
    rijen: Sequence[Regel],
    sleutels: Iterable[str],
    afleidingen: Sequence[Afleiding] = (),
    eigen: Mapping[str, Waarneming] | None = None,
) -> Regel:
    """A total row over whole rows (Nederland over the provinces): each column by rule
    1, the derived columns by the same `afleidingen` as the rows themselves."""
    eigen = eigen or {}
    totaal = Regel(knoop)
    for sleutel in sleutels:
        totaal.waarden[sleutel] = combineer([r.cijfer(sleutel) for r in rijen], eigen.get(sleutel))
    for afleiding in afleidingen:
        totaal.waarden[afleiding.sleutel] = afleiden(totaal.waarden, afleiding)
    return totaal


# --- Rule 3: time series ------------------------------------------------------------

P = TypeVar("P")


def perioden_optellen(
    waarnemingen: Iterable[tuple[Sleutel, Waarneming]],
) -> dict[Sleutel, Waarneming]:
    """Per area the sum of its figures over several periods (what was housed in the
    months of a half year so far); its peildatum is the latest of them, its herkomst
    every herkomst among them. Rule 1 (`combineer`) over the periods of one area, with
    every period known: a period without a figure is not passed in (it raises).

    Done in one pass rather than through a Cijfer per period: a province has a figure
    per gemeente per month, and the half-year history adds them up for every half year."""
    per_gebied: dict[Sleutel, tuple[int, datetime.date | None, set[str]]] = {}
    for sleutel, waarneming in waarnemingen:
        if waarneming.waarde is None:
            raise ValueError(f"Een periode zonder cijfer telt niet mee ({sleutel}).")
        totaal, peildatum, herkomsten = per_gebied.get(sleutel, (0, None, set()))
        if waarneming.peildatum is not None and (
            peildatum is None or waarneming.peildatum > peildatum
        ):
            peildatum = waarneming.peildatum
        if waarneming.herkomst:
            herkomsten.add(waarneming.herkomst)
        per_gebied[sleutel] = (totaal + waarneming.waarde, peildatum, herkomsten)
    return {
        sleutel: Waarneming(totaal, peildatum, ",".join(sorted(herkomsten)))
        for sleutel, (totaal, peildatum, herkomsten) in per_gebied.items()
    }


def reeks_optellen(
    boom: Knoop,
    per_punt: Mapping[P, Mapping[str, Reeks]],
    afleidingen: Sequence[Afleiding] = (),
) -> dict[P, list[Regel]]:
    """The tree sum at each point of a series (a date, month, quarter, half year)."""
    return {punt: boom_optellen(boom, reeksen, afleidingen) for punt, reeksen in per_punt.items()}
