"""Capacity of asiel opvanglocaties on a date, per quarter and per month.

Rule: each opvanglocatie contributes capacity periods: a number of plaatsen (of
which amv, counted inside, never added), valid from ``van`` up to and including
``tot_en_met`` (open-ended when that is unknown), with a soort (RO, NO, TGO, CNO …)
and a status: *gerealiseerd*, *gepland* (firm plan) or *voorgenomen* (intention
awaiting a decision). A change in capacity, such as an extension of 600 places from
2026, is its own period. The capacity on a date is the sum over the periods active
that day.

The meerjarenplanning measures each quarter on its FIRST day, because opgaven are
set "per 1 januari": the opgave of 8.992 plaatsen per 1 januari 2025 (Gelderland
provinciaal plan 2024) compares with the capacity on 1-1-2025, i.e. Q1 2025. A
month-by-month timeline likewise measures on the first day of each month.

Uncertain values stay uncertain (issue 15): a period's plaatsen can be unknown (None,
never 0) or an estimate (``geschat``); its end can be unknown (``einde_onbekend``, as
against ``tot_en_met`` None = indefinite) or known with an option to extend
(``verlengbaar_tot``). `plaatsen_op` says how much of a total is known, estimated and
unknown: 3.600 known and 100 estimated read "≈ 3.700, waarvan 100 geschat"; a period of
unknown size makes the total incomplete, not smaller. Extension options count only
when asked (``met_verlenging=True``): a noodopvang "tot 1-7-2025, verlengbaar tot
1-7-2027" is in the outlook of 1-1-2026 only with them.

Worked example: an azc of 600 plaatsen open since 2020, a noodopvang of 300 from
1-6-2023 up to and including 31-3-2024 and a TGO of 200 from 1-1-2024 up to and
including 30-9-2024 give 1.100 gerealiseerde plaatsen on 1-1-2024, 800 on 1-4-2024
and 600 on 1-10-2024. Against an opgave of 800, the first shortfall is Q4 2024.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date

from prt.formaat import datum_kort

# How far a period is; the values of the Django choices `realisatie.models.Status`.
GEREALISEERD = "gerealiseerd"
GEPLAND = "gepland"
VOORGENOMEN = "voorgenomen"
STATUSSEN: tuple[str, ...] = (GEREALISEERD, GEPLAND, VOORGENOMEN)


@dataclass(frozen=True)
class Plaatsenperiode:
    """The places of one location for a period (a `realisatie.models.Capaciteitsperiode`),
    or a gemeente's share of them. ``plaatsen`` None is unknown; ``locatie`` is the
    location's pk where known, so a share and the whole can be told apart."""

    plaatsen: int | None
    amv: int
    van: date
    tot_en_met: date | None
    status: str
    soort: str
    geschat: bool = False
    verlengbaar_tot: date | None = None
    einde_onbekend: bool = False
    locatie: int | None = None

    def __post_init__(self) -> None:
        if self.plaatsen is not None and self.plaatsen < 0:
            raise ValueError(f"Het aantal plaatsen kan niet negatief zijn ({self.plaatsen}).")
        if self.plaatsen is None and self.geschat:
            raise ValueError("Een schatting heeft een aantal plaatsen.")
        if self.amv < 0 or (self.plaatsen is not None and self.amv > self.plaatsen):
            raise ValueError(
                f"Het aantal amv-plaatsen ({self.amv}) ligt tussen 0 en het aantal "
                f"plaatsen ({self.plaatsen}): amv telt mee in het totaal."
            )
        if self.tot_en_met is not None and self.tot_en_met < self.van:
            raise ValueError(
                f"De einddatum {datum_kort(self.tot_en_met)} ligt voor de begindatum "
                f"{datum_kort(self.van)}."
            )
        if self.verlengbaar_tot is not None and (
            self.tot_en_met is None or self.verlengbaar_tot <= self.tot_en_met
        ):
            raise ValueError("Een verlengingsoptie loopt tot na de einddatum.")
        _controleer_statussen([self.status])

    def einde(self, *, met_verlenging: bool = False) -> date | None:
        """The last day in force; with ``met_verlenging`` the extension option's."""
        if met_verlenging and self.verlengbaar_tot is not None:
            return self.verlengbaar_tot
        return self.tot_en_met


@dataclass(frozen=True)
class Plaatsentotaal:
    """A total of places that says how sure it is: ``bekend`` counts every known place
    (estimates included), ``geschat`` the estimated part of it, ``onbekend`` the number
    of periods whose size is not known.

    >>> Plaatsentotaal(3_700, geschat=100).volledig
    True
    """

    bekend: int = 0
    geschat: int = 0
    onbekend: int = 0

    @property
    def volledig(self) -> bool:
        """No period of unknown size: the total is the whole total."""
        return self.onbekend == 0

    @property
    def waarde(self) -> int | None:
        """The total; None when there is nothing but unknown periods."""
        if self.onbekend and not self.bekend:
            return None
        return self.bekend

    def __add__(self, ander: Plaatsentotaal) -> Plaatsentotaal:
        return Plaatsentotaal(
            self.bekend + ander.bekend, self.geschat + ander.geschat, self.onbekend + ander.onbekend
        )


def met_verlengingen(perioden: Iterable[Plaatsenperiode]) -> list[Plaatsenperiode]:
    """Every period as if its option to extend were taken: in force up to and including
    ``verlengbaar_tot`` (an outlook "with extension options")."""
    return [
        replace(p, tot_en_met=p.verlengbaar_tot, verlengbaar_tot=None)
        if p.verlengbaar_tot is not None
        else p
        for p in perioden
    ]


def totaal_van(perioden: Iterable[Plaatsenperiode]) -> Plaatsentotaal:
    """The places of `perioden` added up, with their estimates and unknowns."""
    bekend = geschat = onbekend = 0
    for periode in perioden:
        if periode.plaatsen is None:
            onbekend += 1
            continue
        bekend += periode.plaatsen
        if periode.geschat:
            geschat += periode.plaatsen
    return Plaatsentotaal(bekend, geschat, onbekend)


def actief_op(periode: Plaatsenperiode, datum: date, *, met_verlenging: bool = False) -> bool:
    # Read as attributes: callers also pass other period-like objects (the timeline's).
    einde = periode.tot_en_met
    if met_verlenging and getattr(periode, "verlengbaar_tot", None) is not None:
        einde = periode.verlengbaar_tot
    return periode.van <= datum and (einde is None or datum <= einde)


def plaatsen_op(
    perioden: Iterable[Plaatsenperiode],
    datum: date,
    *,
    statussen: Collection[str] = STATUSSEN,
    met_verlenging: bool = False,
) -> Plaatsentotaal:
    """The places active on ``datum``, with how much is estimated or unknown."""
    return totaal_van(_actief(perioden, datum, statussen, met_verlenging))


def capaciteit_op(
    perioden: Iterable[Plaatsenperiode],
    datum: date,
    *,
    statussen: Collection[str] = STATUSSEN,
    met_verlenging: bool = False,
) -> int:
    """The known plaatsen active on ``datum`` (estimates included); by default of every
    status. A period of unknown size adds nothing here: where that matters (a total
    shown to a person) use `plaatsen_op`, which says the total is incomplete."""
    return plaatsen_op(perioden, datum, statussen=statussen, met_verlenging=met_verlenging).bekend


def capaciteit_per_status_op(
    perioden: Iterable[Plaatsenperiode], datum: date, *, met_verlenging: bool = False
) -> dict[str, int]:
    """Known plaatsen active on ``datum`` per status; every status present, 0 when none."""
    per_status = dict.fromkeys(STATUSSEN, 0)
    for periode in _actief(perioden, datum, STATUSSEN, met_verlenging):
        per_status[periode.status] += periode.plaatsen or 0
    return per_status


def amv_op(
    perioden: Iterable[Plaatsenperiode],
    datum: date,
    *,
    statussen: Collection[str] = STATUSSEN,
) -> int:
    """Amv plaatsen active on ``datum`` (part of, not on top of, the capacity)."""
    return sum(p.amv for p in _actief(perioden, datum, statussen))


def capaciteit_per_soort_op(
    perioden: Iterable[Plaatsenperiode],
    datum: date,
    *,
    statussen: Collection[str] = STATUSSEN,
) -> dict[str, int]:
    """Known plaatsen active on ``datum`` per soort, for the soorten present, sorted."""
    per_soort: dict[str, int] = {}
    for periode in _actief(perioden, datum, statussen):
        per_soort[periode.soort] = per_soort.get(periode.soort, 0) + (periode.plaatsen or 0)
    return dict(sorted(per_soort.items()))


_KWARTAAL_PATROON = re.compile(r"(\d{4})-Q([1-4])")


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    def __post_init__(self) -> None:
        if self.nummer not in (1, 2, 3, 4):
            raise ValueError(f"Een kwartaal heeft nummer 1 tot en met 4, niet {self.nummer!r}.")

    @classmethod
    def parse(cls, tekst: str) -> Kwartaal:
        """Read ``"2024-Q1"``."""
        gevonden = _KWARTAAL_PATROON.fullmatch(tekst)
        if gevonden is None:
            raise ValueError(
                f"Onbekend kwartaal {tekst!r}; schrijf het als jaar-Qnummer, bijvoorbeeld 2024-Q1."
            )
        return cls(int(gevonden.group(1)), int(gevonden.group(2)))

    def __str__(self) -> str:
        return f"Q{self.nummer} {self.jaar}"

    @property
    def code(self) -> str:
        """``"2024-Q1"``: what `parse` reads, for URLs and form fields (a code, never a
        localised number)."""
        return f"{self.jaar}-Q{self.nummer}"

    @property
    def begin(self) -> date:
        return date(self.jaar, 3 * self.nummer - 2, 1)

    @property
    def einde(self) -> date:
        """The last day of the quarter (inclusive)."""
        return date.fromordinal(self.volgende().begin.toordinal() - 1)

    def volgende(self) -> Kwartaal:
        if self.nummer == 4:
            return Kwartaal(self.jaar + 1, 1)
        return Kwartaal(self.jaar, self.nummer + 1)


def kwartalen(eerste: Kwartaal, laatste: Kwartaal) -> list[Kwartaal]:
    """The quarters from ``eerste`` up to and including ``laatste``."""
    if laatste < eerste:
        raise ValueError(f"Het laatste kwartaal ({laatste}) ligt voor het eerste ({eerste}).")
    reeks = [eerste]
    while reeks[-1] < laatste:
        reeks.append(reeks[-1].volgende())
    return reeks


def maanden(van: date, tot_en_met: date) -> list[date]:
    """The first days of the months that fall within ``van`` .. ``tot_en_met``."""
    if tot_en_met < van:
        raise ValueError(
            f"De einddatum {datum_kort(tot_en_met)} ligt voor de begindatum {datum_kort(van)}."
        )
    maand = date(van.year, van.month, 1)
    if maand < van:
        maand = _volgende_maand(maand)
    reeks = []
    while maand <= tot_en_met:
        reeks.append(maand)
        maand = _volgende_maand(maand)
    return reeks


def capaciteit_per_kwartaal(
    perioden: Iterable[Plaatsenperiode],
    eerste: Kwartaal,
    laatste: Kwartaal,
    *,
    met_verlenging: bool = False,
) -> list[tuple[Kwartaal, dict[str, int]]]:
    """Capacity per status on the first day of each quarter."""
    alle = list(perioden)
    return [
        (k, capaciteit_per_status_op(alle, k.begin, met_verlenging=met_verlenging))
        for k in kwartalen(eerste, laatste)
    ]


def capaciteit_per_maand(
    perioden: Iterable[Plaatsenperiode],
    van: date,
    tot_en_met: date,
    *,
    met_verlenging: bool = False,
) -> list[tuple[date, dict[str, int]]]:
    """Capacity per status on the first day of each month within the range."""
    alle = list(perioden)
    return [
        (m, capaciteit_per_status_op(alle, m, met_verlenging=met_verlenging))
        for m in maanden(van, tot_en_met)
    ]


def eerste_tekort(
    reeks: list[tuple[Kwartaal, dict[str, int]]],
    opgave: int,
    statussen: Collection[str] = (GEREALISEERD, GEPLAND),
) -> Kwartaal | None:
    """The first quarter whose capacity of ``statussen`` is below ``opgave``, if any."""
    _controleer_statussen(statussen)
    for kwartaal, per_status in reeks:
        if sum(per_status[s] for s in statussen) < opgave:
            return kwartaal
    return None


def _actief(
    perioden: Iterable[Plaatsenperiode],
    datum: date,
    statussen: Collection[str],
    met_verlenging: bool = False,
) -> list[Plaatsenperiode]:
    _controleer_statussen(statussen)
    return [
        p
        for p in perioden
        if p.status in statussen and actief_op(p, datum, met_verlenging=met_verlenging)
    ]


def _controleer_statussen(statussen: Iterable[str]) -> None:
    for status in statussen:
        if status not in STATUSSEN:
            raise ValueError(f"Onbekende status {status!r}; kies uit {', '.join(STATUSSEN)}.")


def _volgende_maand(maand: date) -> date:
    if maand.month == 12:
        return date(maand.year + 1, 1, 1)
    return date(maand.year, maand.month + 1, 1)
