"""Which besluit is in force on a date (`opgaven.in_kracht`), Gelderland's asiel
opgaven from the provinciaal plan and the national letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from opgaven.in_kracht import besluit_in_kracht


@dataclass(frozen=True)
class Besluit:
    pk: int
    naam: str
    streefdatum: date
    besluitdatum: date | None


NOVEMBER_2022 = Besluit(1, "verdeling november 2022 (7.454)", date(2024, 1, 1), date(2022, 11, 1))
COA_2023_I = Besluit(
    2, "Capaciteitsbesluit COA 2023-I (7.590)", date(2024, 1, 1), date(2023, 4, 17)
)
COA_2023_II = Besluit(
    3, "Capaciteitsbesluit COA 2023-II (8.992)", date(2025, 1, 1), date(2023, 10, 1)
)
ALLE = [NOVEMBER_2022, COA_2023_I, COA_2023_II]


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [
        (date(2023, 4, 1), COA_2023_I),  # the later besluit on the same streefdatum
        (date(2024, 1, 1), COA_2023_I),  # on the streefdatum itself
        (date(2024, 1, 2), COA_2023_II),  # a day later: the next target
        (date(2026, 11, 30), COA_2023_II),  # all passed: the latest
    ],
)
def test_besluit_in_kracht(datum, verwacht) -> None:
    assert besluit_in_kracht(ALLE, datum) == verwacht


def test_zonder_besluiten_geen() -> None:
    assert besluit_in_kracht([], date(2024, 1, 1)) is None
