"""A location shared by gemeenten: each counts its share, the province the whole once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from realisatie.aandelen import aandelen_van, controleer, verdeel
from realisatie.capaciteit import GEREALISEERD, Plaatsenperiode, capaciteit_op

CNO = Plaatsenperiode(301, 0, date(2024, 10, 1), date(2025, 3, 31), GEREALISEERD, "CNO")


@pytest.mark.parametrize(
    ("plaatsen", "gewichten", "verwacht"),
    [
        (301, {"Ede": 50, "Wageningen": 50}, {"Ede": 151, "Wageningen": 150}),
        (300, {"Ede": 200, "Wageningen": 100}, {"Ede": 200, "Wageningen": 100}),
        (450, {"Ede": 200, "Wageningen": 100}, {"Ede": 300, "Wageningen": 150}),
        (100, {"A": Decimal("33.33"), "B": Decimal("33.33"), "C": Decimal("33.34")}, None),
    ],
)
def test_shares_add_up_to_the_whole(plaatsen, gewichten, verwacht):
    delen = verdeel(plaatsen, gewichten)
    assert sum(delen.values()) == plaatsen
    if verwacht is not None:
        assert delen == verwacht


def test_province_total_equals_sum_of_shares_equals_location_capacity():
    delen = aandelen_van(CNO, {"Ede": Decimal(50), "Wageningen": Decimal(50)})
    per_gemeente = {g: capaciteit_op([p], date(2025, 1, 1)) for g, p in delen.items()}
    assert per_gemeente == {"Ede": 151, "Wageningen": 150}
    assert sum(per_gemeente.values()) == capaciteit_op([CNO], date(2025, 1, 1)) == 301


def test_unknown_capacity_stays_unknown_in_every_share():
    onbekend = Plaatsenperiode(None, 0, date(2024, 10, 1), None, GEREALISEERD, "CNO")
    delen = aandelen_van(onbekend, {"Ede": 1, "Wageningen": 1})
    assert [p.plaatsen for p in delen.values()] == [None, None]


def test_an_estimate_stays_an_estimate():
    geschat = Plaatsenperiode(100, 0, date(2024, 10, 1), None, GEREALISEERD, "NO", geschat=True)
    assert all(p.geschat for p in aandelen_van(geschat, {"A": 1, "B": 1}).values())


@pytest.mark.parametrize(
    ("aandelen", "geheel", "melding"),
    [
        ({"A": (None, Decimal(60)), "B": (None, Decimal(30))}, None, "90%, niet tot 100%"),
        ({"A": (200, None), "B": (50, None)}, 300, "250 plaatsen; de locatie heeft er 300"),
        ({"A": (200, None), "B": (None, Decimal(50))}, 300, "allemaal in plaatsen"),
        ({}, 300, "ten minste één gemeente"),
    ],
)
def test_shares_that_do_not_add_up_are_refused(aandelen, geheel, melding):
    with pytest.raises(ValueError, match=melding):
        controleer(aandelen, geheel)


def test_shares_that_add_up_are_accepted():
    controleer({"A": (None, Decimal(50)), "B": (None, Decimal(50))}, 301)
    controleer({"A": (200, None), "B": (100, None)}, 300)
