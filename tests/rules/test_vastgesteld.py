"""Which vastgestelde peildata a change to the location register alters (no database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from realisatie.vastgesteld import gedekte_peildata, geraakte_peildata, stand_op

VASTGESTELD = [date(2024, 1, 1), date(2024, 7, 1)]


@dataclass(frozen=True)
class P:
    van: date
    tot_en_met: date | None = None
    plaatsen: int = 200
    waarvan_amv: int = 0
    status: str = "gerealiseerd"
    geschat: bool = False
    soort: str = "NO"
    beheerder: str = "coa"
    verlengbaar_tot: date | None = None
    pm: str = ""


HANZEWEG = P(van=date(2023, 10, 1), tot_en_met=date(2024, 12, 31))


def test_stand_op_covers_its_own_first_and_last_day():
    assert stand_op(HANZEWEG, date(2023, 10, 1)) == (200, False, 0, "gerealiseerd", "NO", "coa")
    assert stand_op(HANZEWEG, date(2024, 12, 31)) == (200, False, 0, "gerealiseerd", "NO", "coa")
    assert stand_op(HANZEWEG, date(2023, 9, 30)) is None
    assert stand_op(HANZEWEG, date(2025, 1, 1)) is None
    assert stand_op(P(van=date(2024, 1, 1)), date(2030, 1, 1)) is not None  # indefinite
    assert stand_op(None, date(2024, 1, 1)) is None


def test_changing_places_of_a_running_period_alters_both_peildata():
    assert geraakte_peildata(HANZEWEG, replace(HANZEWEG, plaatsen=250), VASTGESTELD) == VASTGESTELD


def test_status_and_amv_count_too():
    assert geraakte_peildata(HANZEWEG, replace(HANZEWEG, status="gepland"), VASTGESTELD)
    assert geraakte_peildata(HANZEWEG, replace(HANZEWEG, waarvan_amv=20), VASTGESTELD)


def test_a_later_end_or_an_end_after_the_last_peildatum_alters_nothing():
    assert geraakte_peildata(HANZEWEG, replace(HANZEWEG, tot_en_met=None), VASTGESTELD) == []
    eind = replace(HANZEWEG, tot_en_met=date(2024, 7, 1))
    assert geraakte_peildata(HANZEWEG, eind, VASTGESTELD) == []


def test_ending_before_a_peildatum_alters_it():
    eind = replace(HANZEWEG, tot_en_met=date(2024, 6, 30))
    assert geraakte_peildata(HANZEWEG, eind, VASTGESTELD) == [date(2024, 7, 1)]


def test_new_period_after_the_last_peildatum_is_free_before_it_is_not():
    assert geraakte_peildata(None, P(van=date(2024, 7, 2)), VASTGESTELD) == []
    assert geraakte_peildata(None, P(van=date(2024, 3, 1)), VASTGESTELD) == [date(2024, 7, 1)]


def test_deleting_a_period_alters_the_peildata_it_covered():
    assert geraakte_peildata(HANZEWEG, None, VASTGESTELD) == VASTGESTELD
    alleen_voorjaar = P(van=date(2024, 2, 1), tot_en_met=date(2024, 5, 31))
    assert geraakte_peildata(alleen_voorjaar, None, VASTGESTELD) == []


def test_gedekte_peildata_of_a_location():
    voorjaar = P(van=date(2024, 2, 1), tot_en_met=date(2024, 5, 31))
    assert gedekte_peildata([voorjaar], VASTGESTELD) == []
    assert gedekte_peildata([voorjaar, HANZEWEG], VASTGESTELD) == VASTGESTELD
    assert gedekte_peildata([], VASTGESTELD) == []


def test_kind_manager_estimate_and_unknown_places_count_too():
    """What the register said on a vastgestelde peildatum includes the kind (CNO → NO),
    the manager, whether the places were an estimate, and an unknown size."""
    for gewijzigd in (
        replace(HANZEWEG, soort="RO"),
        replace(HANZEWEG, beheerder="gemeente"),
        replace(HANZEWEG, geschat=True),
        replace(HANZEWEG, plaatsen=None),
    ):
        assert geraakte_peildata(HANZEWEG, gewijzigd, VASTGESTELD) == VASTGESTELD


def test_an_extension_option_or_pm_remark_alters_no_past_peildatum():
    verlengbaar = replace(HANZEWEG, verlengbaar_tot=date(2026, 12, 31), pm="pm: huur")
    assert geraakte_peildata(HANZEWEG, verlengbaar, VASTGESTELD) == []
