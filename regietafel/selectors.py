"""Reads of the regietafel's cycle: what the pages, exports, API and other apps show.

- `verzoekstanden`: each request with how far it is met (`regietafel.extra_plaatsen`),
  the one figure the regietafel page, the dashboard, the export and the API all show;
- `acties_over_termijn`: open actions past their deadline, a signal;
- `toezicht_per_gemeente`: the toezicht regime per gemeente on a date;
- `regietafelbeeld`: everything of one province's regietafel for its overview page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from gemeenten.models import Gemeente, Provincie
from realisatie import capaciteit
from realisatie.models import Capaciteitsperiode, Opvangsoort
from regietafel.extra_plaatsen import Vervulling, vervulling
from regietafel.models import (
    Actie,
    Knelpunt,
    Mijlpaal,
    Regietafelbesluit,
    Toezicht,
    Vergadering,
    Verzoek,
    Verzoeksoort,
    Verzoekstatus,
)

# Which location types of the register count for each kind of request: None is every
# type; an empty set means the kind is not in the register (Oekraïne places are counted
# per peildatum, not per location), so the outcome stays unknown.
SOORTEN_PER_VERZOEK: dict[str, frozenset[str] | None] = {
    Verzoeksoort.ASIEL: None,
    Verzoeksoort.CRISISNOODOPVANG: frozenset({Opvangsoort.CNO}),
    Verzoeksoort.OEKRAINE: frozenset(),
}


@dataclass(frozen=True)
class Verzoekstand:
    verzoek: Verzoek
    vervulling: Vervulling


def verzoekstanden(verzoeken: Iterable[Verzoek]) -> list[Verzoekstand]:
    """Each request with its `Vervulling`; one query for the register of all of them."""
    verzoeken = list(verzoeken)
    perioden = _registerperioden({v.provincie_id for v in verzoeken})
    uit = []
    for verzoek in verzoeken:
        gebied = [
            periode
            for provincie_id, regio_id, periode in perioden
            if provincie_id == verzoek.provincie_id
            and (verzoek.veiligheidsregio_id is None or regio_id == verzoek.veiligheidsregio_id)
        ]
        uit.append(
            Verzoekstand(
                verzoek,
                vervulling(
                    gebied,
                    gevraagd=verzoek.aantal,
                    gevraagd_op=verzoek.ontvangen_op,
                    uiterlijk=verzoek.uiterlijk,
                    soorten=SOORTEN_PER_VERZOEK[verzoek.soort],
                ),
            )
        )
    return uit


def _registerperioden(provincie_ids: set[int]) -> list[tuple[int, int | None, object]]:
    """(provincie, veiligheidsregio, period) for every capacity period of the provinces.

    A gemeente's veiligheidsregio is its subregio's where it has one, as in the tree of
    areas (`gemeenten.boom`)."""
    if not provincie_ids:
        return []
    rijen = Capaciteitsperiode.objects.filter(
        locatie__gemeente__provincie_id__in=provincie_ids
    ).values_list(
        "locatie__gemeente__provincie_id",
        "locatie__gemeente__subregio__veiligheidsregio_id",
        "locatie__gemeente__veiligheidsregio_id",
        "plaatsen",
        "waarvan_amv",
        "van",
        "tot_en_met",
        "status",
        "soort_id",
    )
    return [
        (provincie_id, via_subregio or eigen, capaciteit.Plaatsenperiode(*velden))
        for provincie_id, via_subregio, eigen, *velden in rijen
    ]


def open_verzoeken(provincie: Provincie) -> list[Verzoekstand]:
    """The province's open requests, the earliest deadline first (the dashboard's list)."""
    return verzoekstanden(
        Verzoek.objects.filter(provincie=provincie, status=Verzoekstatus.OPEN)
        .select_related("provincie", "veiligheidsregio")
        .order_by("uiterlijk", "pk")
    )


@dataclass(frozen=True)
class TeLaat:
    actie: Actie
    dagen: int  # days past the deadline on the date asked for


def acties_over_termijn(provincie: Provincie, datum: datetime.date) -> list[TeLaat]:
    """Open actions whose deadline passed before `datum`, the longest overdue first."""
    acties = (
        Actie.objects.van_provincie(provincie)
        .over_termijn(datum)
        .select_related("vergadering")
        .order_by("termijn", "nummer")
    )
    return [TeLaat(actie, (datum - actie.termijn).days) for actie in acties]


def toezicht_per_gemeente(provincie: Provincie, datum: datetime.date) -> dict[str, Toezicht]:
    """The regime in force on `datum` per gemeente of `provincie`, keyed by CBS code.

    Gemeenten without one are absent (no toezicht registered, not "green")."""
    return {
        toezicht.gemeente.code: toezicht
        for toezicht in Toezicht.objects.in_provincie(provincie)
        .select_related("gemeente")
        .prefetch_related("afspraken")
        .geldend_op(datum)
    }


def toezicht_van_gemeente(gemeente: Gemeente) -> list[Toezicht]:
    """Every regime of the gemeente, the latest first, with its agreements."""
    return list(
        Toezicht.objects.filter(gemeente=gemeente).prefetch_related("afspraken").order_by("-sinds")
    )


@dataclass
class Regietafelbeeld:
    provincie: Provincie
    datum: datetime.date
    vergaderingen: list[Vergadering]
    open_acties: list[Actie]
    over_termijn: set[int]  # pk of the open actions past their deadline
    besluiten: list[Regietafelbesluit]
    verzoeken: list[Verzoekstand]
    knelpunten: list[Knelpunt]
    toezicht: list[Toezicht]
    mijlpalen: list[Mijlpaal]


def regietafelbeeld(provincie: Provincie, datum: datetime.date) -> Regietafelbeeld:
    open_acties = list(Actie.objects.van_provincie(provincie).open().select_related("vergadering"))
    return Regietafelbeeld(
        provincie=provincie,
        datum=datum,
        vergaderingen=list(
            Vergadering.objects.filter(provincie=provincie)
            .select_related("peildatum", "verslag_goedgekeurd_in")
            .order_by("-datum")
        ),
        open_acties=open_acties,
        over_termijn={a.actie.pk for a in acties_over_termijn(provincie, datum)},
        besluiten=list(
            Regietafelbesluit.objects.filter(provincie=provincie).select_related("vergadering")
        ),
        verzoeken=verzoekstanden(
            Verzoek.objects.filter(provincie=provincie).select_related(
                "provincie", "veiligheidsregio"
            )
        ),
        knelpunten=list(
            Knelpunt.objects.filter(provincie=provincie).select_related("ingebracht_in")
        ),
        toezicht=sorted(
            toezicht_per_gemeente(provincie, datum).values(), key=lambda t: t.gemeente.naam
        ),
        mijlpalen=list(Mijlpaal.objects.filter(provincie=provincie)),
    )


def actielijst(provincie: Provincie, *, alleen_open: bool = False) -> list[Actie]:
    acties = Actie.objects.van_provincie(provincie).select_related("vergadering")
    return list(acties.open() if alleen_open else acties)


def vergadering_met_alles(provincie: Provincie, pk: int) -> Vergadering:
    """One meeting with its agenda, attendance, decisions, actions and bottlenecks."""
    return (
        Vergadering.objects.select_related("peildatum", "verslag_goedgekeurd_in")
        .prefetch_related(
            "agendapunten__peildatum",
            "agendapunten__verzoek",
            "agendapunten__knelpunt",
            "aanwezigen",
            "besluiten",
            "acties",
            "knelpunten",
            "goedgekeurde_verslagen",
        )
        .get(provincie=provincie, pk=pk)
    )
