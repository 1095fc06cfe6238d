"""The capacity-decision table of the national letter: per province the regular
places on the peildatum, the earlier distribution, the extra places of the new
besluit, the provincial opgave and the increase still needed.

Rule: a besluit can raise an earlier one with the same streefdatum. Extra places =
opgave − the earlier besluit's figure; benodigde verhoging = opgave − regular places
(the negative of verschil). Worked example (letter of April 2023, Capaciteitsbesluit
COA 2023-I): Gelderland 4.735 regular places on 1-4-2023, 7.454 in the distribution of
November 2022, 136 extra, opgave 7.590, increase needed 2.855; the Netherlands 35.152 /
75.500 / 1.600 / 77.100 / 41.948 (the letter's own total row; its province rows add up
to 75.499 and 1.601 because of rounding).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from gemeenten.models import Provincie
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort
from opgaven.verschil import verschil
from realisatie.overzicht import ProvincieOverzicht


@dataclass(frozen=True)
class Besluitregel:
    provincie: Provincie
    regulier: int | None
    basis: int | None
    opgave: int | None

    @property
    def extra(self) -> int | None:
        return verschil(self.opgave, self.basis)

    @property
    def benodigde_verhoging(self) -> int | None:
        return verschil(self.opgave, self.regulier)


@dataclass(frozen=True)
class Besluittabel:
    besluit: Opgavebesluit
    basisbesluit: Opgavebesluit | None
    regels: list[Besluitregel]


def besluittabel(overzichten: list[ProvincieOverzicht]) -> Besluittabel | None:
    """The table for the asiel besluit in force in these overviews (province level)."""
    # The besluit in force for most provinces: a later one for a single province
    # (Gelderland's 2023-II figure) does not make the national table.
    in_kracht = Counter(
        b for o in overzichten if (b := o.blok(Opgavesoort.ASIEL).besluit) is not None
    )
    if not in_kracht:
        return None
    besluit = max(
        in_kracht, key=lambda b: (in_kracht[b], b.streefdatum, b.besluitdatum or datetime.date.min)
    )
    basisbesluit = (
        Opgavebesluit.objects.filter(
            soort=Opgavesoort.ASIEL,
            streefdatum=besluit.streefdatum,
            besluitdatum__lt=besluit.besluitdatum,
        )
        .order_by("-besluitdatum")
        .first()
        if besluit.besluitdatum
        else None
    )
    per_provincie = {
        (o.provincie_id, o.besluit_id): o.aantal
        for o in Opgave.objects.filter(
            besluit__in=[b for b in (besluit, basisbesluit) if b], provincie__isnull=False
        )
    }
    regels = [
        Besluitregel(
            provincie=o.provincie,
            regulier=o.blok(Opgavesoort.ASIEL).totaal.waarde("regulier"),
            basis=per_provincie.get((o.provincie.pk, basisbesluit.pk)) if basisbesluit else None,
            opgave=per_provincie.get((o.provincie.pk, besluit.pk)),
        )
        for o in overzichten
    ]
    return Besluittabel(besluit, basisbesluit, regels)
