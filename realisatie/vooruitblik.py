"""Outlook for asiel: capacity per quarter from the location register, split
gerealiseerd / gepland / voorgenomen, against the opgave in force in that quarter.

Rules: `realisatie.capaciteit` (capacity measured on the first day of each quarter;
the first quarter whose gerealiseerd + gepland capacity is below the opgave is the
first shortfall) and `realisatie.overzicht` (which besluit is in force on a date, and a
province's opgave from its areas). Worked example: see `realisatie.capaciteit`
(600 + 300 + 200 places against 800: first shortfall Q4 2024).

Four queries, whatever the number of gemeenten, locations or quarters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gemeenten.boom import gebiedsboom
from gemeenten.gebied import in_provincie
from gemeenten.models import Gemeente, Provincie
from opgaven.models import Opgave, Opgavesoort
from realisatie import capaciteit
from realisatie.capaciteit import Kwartaal
from realisatie.models import Capaciteitsperiode
from realisatie.overzicht import _regels, _sleutel, besluit_in_kracht


@dataclass(frozen=True)
class Kwartaalstand:
    kwartaal: Kwartaal
    gerealiseerd: int
    gepland: int
    voorgenomen: int
    opgave: int | None
    tekort: bool  # gerealiseerd + gepland below the opgave


@dataclass(frozen=True)
class Vooruitblik:
    kwartalen: list[Kwartaalstand]
    eerste_tekort: Kwartaal | None
    aantal_perioden: int


def vooruitblik(provincie: Provincie, eerste: Kwartaal, laatste: Kwartaal) -> Vooruitblik:
    perioden = [
        capaciteit.Capaciteitsperiode(
            plaatsen=p.plaatsen,
            amv=p.waarvan_amv,
            van=p.van,
            tot_en_met=p.tot_en_met,
            status=p.status,
            soort=p.locatie.soort,
        )
        for p in Capaciteitsperiode.objects.filter(
            locatie__gemeente__provincie=provincie
        ).select_related("locatie")
    ]
    opgaven = _opgave_per_besluit(provincie, eerste)
    besluiten = list(opgaven)
    standen = []
    for kwartaal, per_status in capaciteit.capaciteit_per_kwartaal(perioden, eerste, laatste):
        besluit = besluit_in_kracht(besluiten, kwartaal.begin)
        opgave = opgaven[besluit] if besluit else None
        tekort = (
            opgave is not None
            and capaciteit.eerste_tekort([(kwartaal, per_status)], opgave) is not None
        )
        standen.append(
            Kwartaalstand(
                kwartaal=kwartaal,
                gerealiseerd=per_status[capaciteit.Status.GEREALISEERD],
                gepland=per_status[capaciteit.Status.GEPLAND],
                voorgenomen=per_status[capaciteit.Status.VOORGENOMEN],
                opgave=opgave,
                tekort=tekort,
            )
        )
    return Vooruitblik(
        kwartalen=standen,
        eerste_tekort=next((s.kwartaal for s in standen if s.tekort), None),
        aantal_perioden=len(perioden),
    )


def _opgave_per_besluit(provincie: Provincie, eerste: Kwartaal) -> dict:
    """The province's asiel opgave under each besluit, aggregated as the overview does."""
    gemeenten = list(
        Gemeente.objects.filter_for_date(eerste.begin)
        .filter(provincie=provincie)
        .select_related("subregio__veiligheidsregio", "veiligheidsregio")
    )
    boom = gebiedsboom(provincie, gemeenten)
    per_besluit: dict = defaultdict(dict)
    for opgave in Opgave.objects.filter(
        in_provincie(provincie), besluit__soort=Opgavesoort.ASIEL
    ).select_related("besluit"):
        per_besluit[opgave.besluit][_sleutel(opgave)] = opgave.aantal
    uit = {}
    for besluit, aantallen in per_besluit.items():
        totaal = _regels(boom, {"opgave": aantallen})[0].waarde("opgave")
        if totaal is not None:
            uit[besluit] = totaal
    return uit
