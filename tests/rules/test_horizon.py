from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from realisatie.capaciteit import Kwartaal, kwartalen
from realisatie.horizon import MAX_KWARTALEN, OngeldigeHorizon, horizon, standaard_horizon

VANDAAG = date(2026, 11, 30)


def test_default_reaches_the_end_of_the_year_after_next():
    eerste, laatste = standaard_horizon(VANDAAG)
    assert (eerste, laatste) == (Kwartaal(2026, 1), Kwartaal(2028, 4))
    # A planned extension from 1 January the year after next is inside it.
    assert Kwartaal(2028, 1) in kwartalen(eerste, laatste)
    assert horizon("", None, vandaag=VANDAAG) == (eerste, laatste)


@pytest.mark.parametrize(
    ("van", "tot", "verwacht"),
    [
        ("2027-Q1", "2031-Q4", (Kwartaal(2027, 1), Kwartaal(2031, 4))),  # 20 quarters
        ("2025-Q3", "2025-Q3", (Kwartaal(2025, 3), Kwartaal(2025, 3))),
        ("2029-Q1", "", (Kwartaal(2029, 1), Kwartaal(2028, 4))),
    ],
)
def test_any_horizon_up_to_five_years(van, tot, verwacht):
    if verwacht[1] < verwacht[0]:
        with pytest.raises(OngeldigeHorizon):
            horizon(van, tot, vandaag=VANDAAG)
        return
    assert horizon(van, tot, vandaag=VANDAAG) == verwacht
    assert len(kwartalen(*verwacht)) <= MAX_KWARTALEN


@pytest.mark.parametrize(
    ("van", "tot", "melding"),
    [
        ("2027-Q1", "2032-Q1", "Kies hoogstens 20 kwartalen (vijf jaar)."),
        ("2025-Q1", "2024-Q4", "Het laatste kwartaal ligt voor het eerste."),
        ("2024-5", "", "Ongeldig kwartaal '2024-5'; schrijf het als 2024-Q1."),
        ("1999-Q4", "2000-Q1", "Kies kwartalen tussen 2000 en 2100."),
    ],
)
def test_refused_in_dutch(van, tot, melding):
    with translation.override("nl"), pytest.raises(OngeldigeHorizon) as fout:
        horizon(van, tot, vandaag=VANDAAG)
    with translation.override("nl"):
        assert str(fout.value) == melding
