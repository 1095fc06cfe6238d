"""Issue 13 (medium): /provincies/PV23/vooruitblik/?van=0001-Q1&tot=9999-Q4 took 4,4 s
for any member, growing with the locations. The horizon is bounded (2000-2100, at most
40 quarters): such a request gets the default quarters with a Dutch message (400)."""

from __future__ import annotations

import html

import pytest


@pytest.mark.parametrize(
    ("van", "tot", "melding"),
    [
        ("0001-Q1", "9999-Q4", "Kies kwartalen tussen 2000 en 2100."),
        ("2024-Q1", "2040-Q1", "Kies hoogstens 40 kwartalen (tien jaar)."),
        ("2026-Q1", "2024-Q1", "Het laatste kwartaal ligt voor het eerste."),
    ],
)
def test_horizon_is_bounded(lid, van, tot, melding):
    antwoord = lid.get(f"/provincies/PV23/vooruitblik/?van={van}&tot={tot}")
    assert antwoord.status_code == 400
    assert melding in html.unescape(antwoord.content.decode())
    kwartalen = antwoord.context["beeld"].kwartalen
    assert (str(kwartalen[0].kwartaal), len(kwartalen)) == ("Q1 2024", 12)


def test_ten_years_are_allowed(lid):
    antwoord = lid.get("/provincies/PV23/vooruitblik/?van=2024-Q1&tot=2033-Q4")
    assert antwoord.status_code == 200
    assert len(antwoord.context["beeld"].kwartalen) == 40
