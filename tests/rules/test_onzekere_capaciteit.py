"""Uncertain register values: an estimate marks its total, an unknown capacity makes the
total incomplete (not smaller), an extension option counts only when asked."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from prt.formaat import plaatsentotaal
from realisatie.asielbron import uit_register
from realisatie.capaciteit import (
    GEREALISEERD,
    Kwartaal,
    Plaatsenperiode,
    Plaatsentotaal,
    capaciteit_op,
    capaciteit_per_kwartaal,
    plaatsen_op,
)

DAG = date(2025, 1, 1)
AZC = Plaatsenperiode(3_600, 0, date(2020, 1, 1), None, GEREALISEERD, "RO")
SPORTHAL = Plaatsenperiode(100, 0, date(2024, 10, 1), None, GEREALISEERD, "NO", geschat=True)
ONBEKEND = Plaatsenperiode(None, 0, date(2024, 12, 1), None, GEREALISEERD, "CNO")
NOODOPVANG = Plaatsenperiode(
    300,
    0,
    date(2024, 1, 1),
    date(2025, 6, 30),
    GEREALISEERD,
    "NO",
    verlengbaar_tot=date(2027, 6, 30),
)


def test_an_estimate_marks_its_total():
    totaal = plaatsen_op([AZC, SPORTHAL], DAG)
    assert totaal == Plaatsentotaal(3_700, geschat=100)
    with translation.override("nl"):  # as issue 15 writes it
        assert plaatsentotaal(totaal) == "≈ 3.700, waarvan 100 geschat"


def test_an_unknown_capacity_makes_the_total_incomplete_not_smaller():
    totaal = plaatsen_op([AZC, ONBEKEND], DAG)
    assert not totaal.volledig and totaal.onbekend == 1 and totaal.bekend == 3_600
    with translation.override("nl"):
        assert plaatsentotaal(totaal) == "3.600 + 1 locatie met onbekende omvang"
    assert plaatsen_op([ONBEKEND], DAG).waarde is None  # nothing known: unknown, not 0
    stand = uit_register([AZC, ONBEKEND, SPORTHAL], DAG)
    assert stand.onvolledig and stand.geschat == 100


def test_an_extension_option_changes_the_outlook_only_when_asked():
    later = date(2026, 1, 1)
    assert capaciteit_op([AZC, NOODOPVANG], later) == 3_600
    assert capaciteit_op([AZC, NOODOPVANG], later, met_verlenging=True) == 3_900
    zonder = capaciteit_per_kwartaal([NOODOPVANG], Kwartaal(2025, 3), Kwartaal(2025, 3))
    met = capaciteit_per_kwartaal(
        [NOODOPVANG], Kwartaal(2025, 3), Kwartaal(2025, 3), met_verlenging=True
    )
    assert zonder[0][1][GEREALISEERD] == 0 and met[0][1][GEREALISEERD] == 300


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"plaatsen": None, "geschat": True}, "schatting"),
        ({"tot_en_met": date(2025, 1, 1), "verlengbaar_tot": date(2024, 1, 1)}, "verlenging"),
        ({"tot_en_met": None, "verlengbaar_tot": date(2027, 1, 1)}, "verlenging"),
    ],
)
def test_impossible_uncertain_values_are_refused(velden, melding):
    waarden = {
        "plaatsen": 100,
        "amv": 0,
        "van": date(2024, 1, 1),
        "tot_en_met": None,
        "status": GEREALISEERD,
        "soort": "NO",
        **velden,
    }
    with pytest.raises(ValueError, match=melding):
        Plaatsenperiode(**waarden)
