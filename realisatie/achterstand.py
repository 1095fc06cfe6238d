"""Carry-over of the taakstelling huisvesting statushouders between half years.

Rule, per gemeente:

- the stand at the start of a half year = the stand at the start of the previous
  half year + that half year's taakstelling - the number housed in it. Positive is an
  achterstand, negative a voorsprong; it is not clipped.
- totaal te realiseren in a half year = max(0, taakstelling + stand at the start).
- the stand at a date inside the half year = te realiseren - housed so far.
- % gerealiseerd = housed so far / te realiseren (none when te realiseren is 0).

Provincial figures are sums over the gemeenten, each clipped on its own, so a
province's te realiseren is not max(0, its taakstelling + its stand).

Worked example (Overijssel werkplan 2024, 2024-I): Deventer has taakstelling 108 and
95 "incl. voor/achter", so it starts the half year with a voorsprong of 13
(stand -13). Staphorst has 19 and 0: its voorsprong is at least 19 and te realiseren
is clipped at 0. Summed: IJsselland 576 / 766, Twente 673 / 927, Overijssel
1.249 / 1.693. Gelderland (provinciaal plan 2024): stand +519 at the start of
2023-II, taakstelling 2.116, housed 1.847, so +788 at the start of 2024-I.

A half year whose number housed is not known yet (the current one) has no stand at
its end. ``verloop`` refuses to carry an unknown over into a later half year: it
raises ``ValueError`` rather than start the next half year from a guessed stand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opgaven.halfjaar import Halfjaar
from opgaven.verschil import percentage


def stand_begin_volgend(stand_begin: int, taakstelling: int, gehuisvest: int) -> int:
    """The stand at the start of the next half year (positive = achterstand)."""
    _niet_negatief(taakstelling=taakstelling, gehuisvest=gehuisvest)
    return stand_begin + taakstelling - gehuisvest


def te_realiseren(taakstelling: int, stand_begin: int) -> int:
    """Totaal te realiseren in a half year: taakstelling plus stand, never below 0."""
    _niet_negatief(taakstelling=taakstelling)
    return max(0, taakstelling + stand_begin)


def stand(te_realiseren: int, gehuisvest_tot_nu: int) -> int:
    """The stand inside a half year: what is still to be housed (negative = ahead)."""
    _niet_negatief(te_realiseren=te_realiseren, gehuisvest=gehuisvest_tot_nu)
    return te_realiseren - gehuisvest_tot_nu


def percentage_gerealiseerd(gehuisvest: int, te_realiseren: int) -> int | None:
    """Housed so far as a whole percentage of te realiseren; None when that is 0."""
    return percentage(gehuisvest, te_realiseren)


@dataclass(frozen=True)
class HalfjaarVerloop:
    halfjaar: Halfjaar
    taakstelling: int
    stand_begin: int
    te_realiseren: int
    gehuisvest: int | None
    stand_einde: int | None


def verloop(
    stand_begin: int, perioden: Sequence[tuple[Halfjaar, int, int | None]]
) -> list[HalfjaarVerloop]:
    """Chain consecutive half years of (halfjaar, taakstelling, gehuisvest).

    Only the last half year may have an unknown (``None``) number housed.
    """
    resultaat: list[HalfjaarVerloop] = []
    stand_nu = stand_begin
    vorige: HalfjaarVerloop | None = None
    for halfjaar, taakstelling, gehuisvest in perioden:
        if vorige is not None:
            _controleer_aansluiting(vorige, halfjaar)
        stand_einde = (
            None if gehuisvest is None else stand_begin_volgend(stand_nu, taakstelling, gehuisvest)
        )
        vorige = HalfjaarVerloop(
            halfjaar=halfjaar,
            taakstelling=taakstelling,
            stand_begin=stand_nu,
            te_realiseren=te_realiseren(taakstelling, stand_nu),
            gehuisvest=gehuisvest,
            stand_einde=stand_einde,
        )
        resultaat.append(vorige)
        if stand_einde is not None:
            stand_nu = stand_einde
    return resultaat


def _controleer_aansluiting(vorige: HalfjaarVerloop, halfjaar: Halfjaar) -> None:
    if halfjaar != vorige.halfjaar.volgende():
        raise ValueError(
            f"Halfjaar {halfjaar} sluit niet aan op {vorige.halfjaar}; "
            f"verwacht {vorige.halfjaar.volgende()}."
        )
    if vorige.stand_einde is None:
        raise ValueError(
            f"Het aantal gehuisveste statushouders in {vorige.halfjaar} is onbekend, "
            f"dus de stand aan het begin van {halfjaar} kan niet worden berekend."
        )


def _niet_negatief(**aantallen: int) -> None:
    for naam, aantal in aantallen.items():
        if aantal < 0:
            leesbaar = naam.replace("_", " ").capitalize()
            raise ValueError(f"{leesbaar} kan niet negatief zijn ({aantal}).")
