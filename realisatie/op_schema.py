"""Op schema: is a gemeente keeping pace with its taakstelling statushouders?

Rule: a half year's te realiseren is spread evenly over its six months. After n whole
months a gemeente is on schedule when it has housed at least n/6 of it:

    op schema  <=>  gehuisvest x 6 >= te_realiseren x n

Being behind is counted in whole persons: the schedule after n months asks for
ceil(te_realiseren x n / 6) housed. Everything is integer arithmetic, so a gemeente
exactly on the line is on schedule.

Worked example (Overijssel werkplan 2024): Deventer must realise 95 in 2024-I
(taakstelling 108 minus a voorsprong of 13). Per 1-4-2024 three months have passed,
so the schedule asks for 95 x 3 / 6 = 47,5, that is 48 housed. With 47 housed
Deventer is 1 behind; with 48 it is on schedule.
"""

from __future__ import annotations

MAANDEN_PER_HALFJAAR = 6


def op_schema(te_realiseren: int, gehuisvest: int, maanden_verstreken: int) -> bool:
    """True when ``gehuisvest`` is at least the pro-rata part of ``te_realiseren``."""
    _controleer(te_realiseren, gehuisvest, maanden_verstreken)
    return gehuisvest * MAANDEN_PER_HALFJAAR >= te_realiseren * maanden_verstreken


def volgens_schema(te_realiseren: int, maanden_verstreken: int) -> int:
    """How many the schedule asks to have housed after n months (whole persons)."""
    _controleer(te_realiseren, 0, maanden_verstreken)
    return -(-te_realiseren * maanden_verstreken // MAANDEN_PER_HALFJAAR)


def achter_op_schema(te_realiseren: int, gehuisvest: int, maanden_verstreken: int) -> int:
    """How many persons short of the schedule; 0 when on schedule."""
    _controleer(te_realiseren, gehuisvest, maanden_verstreken)
    return max(0, volgens_schema(te_realiseren, maanden_verstreken) - gehuisvest)


def _controleer(te_realiseren: int, gehuisvest: int, maanden_verstreken: int) -> None:
    if not 0 <= maanden_verstreken <= MAANDEN_PER_HALFJAAR:
        raise ValueError(
            f"Het aantal verstreken maanden van een halfjaar ligt tussen 0 en 6, "
            f"niet {maanden_verstreken}."
        )
    if te_realiseren < 0 or gehuisvest < 0:
        raise ValueError(
            f"Te realiseren en gehuisvest kunnen niet negatief zijn "
            f"(te realiseren {te_realiseren}, gehuisvest {gehuisvest})."
        )
