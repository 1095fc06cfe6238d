"""Issue 13 (medium): /provincies/PV23/vooruitblik/?van=0001-Q1&tot=9999-Q4 took 4,4 s
for any member, growing with the locations. The horizon is bounded (2000-2100, at most
20 quarters, `realisatie.horizon`): such a request gets the default quarters (Q1 of this
year through Q4 of the year after next) with a Dutch message (400)."""

from __future__ import annotations

import html

import pytest
from django.utils import timezone


@pytest.mark.parametrize(
    ("van", "tot", "melding"),
    [
        ("0001-Q1", "9999-Q4", "Kies kwartalen tussen 2000 en 2100."),
        ("2024-Q1", "2029-Q1", "Kies hoogstens 20 kwartalen (vijf jaar)."),
        ("2026-Q1", "2024-Q1", "Het laatste kwartaal ligt voor het eerste."),
    ],
)
def test_horizon_is_bounded(lid, van, tot, melding):
    antwoord = lid.get(f"/provincies/PV23/vooruitblik/?van={van}&tot={tot}")
    assert antwoord.status_code == 400
    assert melding in html.unescape(antwoord.content.decode())
    kwartalen = antwoord.context["beeld"].kwartalen
    jaar = timezone.localdate().year
    assert (str(kwartalen[0].kwartaal), len(kwartalen)) == (f"Q1 {jaar}", 12)


def test_five_years_are_allowed(lid):
    antwoord = lid.get("/provincies/PV23/vooruitblik/?van=2024-Q1&tot=2028-Q4")
    assert antwoord.status_code == 200
    assert len(antwoord.context["beeld"].kwartalen) == 20
