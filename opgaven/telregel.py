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

# Codes of `opgaven.models.Opvangsoort`, in the order tables show them.
ALLE_SOORTEN: tuple[str, ...] = ("RO", "NO", "TGO", "CNO", "ROL", "AMV", "overig")


def getelde_plaatsen(per_soort: Mapping[str, int | None], soorten: Collection[str]) -> int | None:
    """The places of the counted `soorten`; None when none of them has a figure."""
    bekend = [per_soort[s] for s in soorten if per_soort.get(s) is not None]
    return sum(bekend) if bekend else None


def kies_telregel(
    regels: Iterable[tuple[int | None, tuple[str, ...]]], provincie_id: int
) -> tuple[str, ...]:
    """The soorten that count in a province: `regels` are the besluit's rules as
    (province id or None for the besluit itself, soorten)."""
    algemeen = ALLE_SOORTEN
    for provincie, soorten in regels:
        if provincie == provincie_id:
            return _geordend(soorten)
        if provincie is None:
            algemeen = _geordend(soorten)
    return algemeen


def _geordend(soorten: Iterable[str]) -> tuple[str, ...]:
    gekozen = set(soorten)
    onbekend = gekozen - set(ALLE_SOORTEN)
    if onbekend:
        raise ValueError(
            f"Onbekende soort(en) {', '.join(sorted(onbekend))}; kies uit "
            f"{', '.join(ALLE_SOORTEN)}."
        )
    return tuple(s for s in ALLE_SOORTEN if s in gekozen)
