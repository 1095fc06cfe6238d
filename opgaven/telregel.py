"""Telregel: which soorten of places count toward an asiel opgave.

Rule: the realisatie measured against an asiel opgave is the sum of the places of the
soorten that opgave counts; places of the other soorten are reported beside it in their
own columns, never added. A rule belongs to a besluit, and a province's plan may count
differently: the province's own rule goes first, then the besluit's, and without any
rule every soort counts. A counted soort without a figure adds nothing; when none of
the counted soorten has a figure the realisatie is unknown, not 0.

Worked example (Gelderland provinciaal plan 2024, 1-1-2024): RO 4.815, NO 3.149 and
TGO 1.310. The plan counts RO + NO + TGO toward the 7.590 of the Capaciteitsbesluit
COA 2023-I: realisatie 9.274, verschil +1.684. The national letter counts regular
places only: 4.815 (on 1-4-2023 Gelderland had 4.735 against the same 7.590, a tekort
of 2.855), with NO and TGO shown beside it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

# The first seven codes of the reference list `opgaven.models.Locatiesoort`, in the
# order tables show them: the columns of the entered asiel figures.
ALLE_SOORTEN: tuple[str, ...] = ("RO", "NO", "TGO", "CNO", "ROL", "AMV", "overig")


@dataclass(frozen=True)
class Soortenlijst:
    """The reference list of asiel soorten as this rule needs it: every known code in
    table order, and the codes that count when no rule says otherwise."""

    codes: tuple[str, ...]
    standaard: tuple[str, ...]


# Without the database (pure callers, tests): the first seven, all counting.
STANDAARDLIJST = Soortenlijst(ALLE_SOORTEN, ALLE_SOORTEN)


def getelde_plaatsen(per_soort: Mapping[str, int | None], soorten: Collection[str]) -> int | None:
    """The places of the counted `soorten`; None when none of them has a figure."""
    bekend = [per_soort[s] for s in soorten if per_soort.get(s) is not None]
    return sum(bekend) if bekend else None


def kies_telregel(
    regels: Iterable[tuple[int | None, tuple[str, ...]]],
    provincie_id: int,
    lijst: Soortenlijst = STANDAARDLIJST,
) -> tuple[str, ...]:
    """The soorten that count in a province: `regels` are the besluit's rules as
    (province id or None for the besluit itself, soorten); without a rule the soorten
    of `lijst` that count by default."""
    algemeen = lijst.standaard
    for provincie, soorten in regels:
        if provincie == provincie_id:
            return geordend(soorten, lijst)
        if provincie is None:
            algemeen = geordend(soorten, lijst)
    return algemeen


def geordend(soorten: Iterable[str], lijst: Soortenlijst = STANDAARDLIJST) -> tuple[str, ...]:
    """`soorten` in the order of the list; an unknown code is refused."""
    gekozen = set(soorten)
    onbekend = gekozen - set(lijst.codes)
    if onbekend:
        raise ValueError(
            f"Onbekende soort(en) {', '.join(sorted(onbekend))}; kies uit {', '.join(lijst.codes)}."
        )
    return tuple(s for s in lijst.codes if s in gekozen)
