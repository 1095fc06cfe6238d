from __future__ import annotations

from datetime import date

import pytest

from opgaven.halfjaar import Halfjaar
from realisatie.op_schema import achter_op_schema, op_schema


@pytest.mark.parametrize(
    ("te_realiseren", "gehuisvest", "maanden", "op_tijd", "achter"),
    [
        # Deventer 2024-I: te realiseren 95; after 3 months the schedule asks 47,5 -> 48.
        (95, 47, 3, False, 1),
        (95, 48, 3, True, 0),
        (95, 15, 1, False, 1),  # 15,83 -> 16
        (95, 16, 1, True, 0),
        (95, 94, 6, False, 1),
        (95, 95, 6, True, 0),
        (95, 0, 0, True, 0),  # nothing is due before the first month is over
        # Overijssel 2024-I: 1.693 in total; halfway the schedule asks 846,5 -> 847.
        (1_693, 846, 3, False, 1),
        (1_693, 847, 3, True, 0),
        (1_693, 0, 3, False, 847),
        (0, 0, 6, True, 0),  # Staphorst: nothing to realise
        (90, 45, 3, True, 0),  # exactly on the line is on schedule
        (90, 44, 3, False, 1),
        (30, 40, 2, True, 0),  # ahead of schedule is not negative
    ],
)
def test_op_schema(
    te_realiseren: int, gehuisvest: int, maanden: int, op_tijd: bool, achter: int
) -> None:
    assert op_schema(te_realiseren, gehuisvest, maanden) is op_tijd
    assert achter_op_schema(te_realiseren, gehuisvest, maanden) == achter


def test_op_schema_en_achter_zijn_consistent() -> None:
    for te_realiseren in range(0, 40):
        for gehuisvest in range(0, 45):
            for maanden in range(0, 7):
                achter = achter_op_schema(te_realiseren, gehuisvest, maanden)
                assert op_schema(te_realiseren, gehuisvest, maanden) is (achter == 0)


def test_met_verstreken_maanden_van_het_halfjaar() -> None:
    maanden = Halfjaar.parse("2024-I").maanden_verstreken(date(2024, 4, 15))
    assert achter_op_schema(95, 40, maanden) == 8


@pytest.mark.parametrize("maanden", [-1, 7, 12])
def test_maanden_buiten_het_halfjaar_geweigerd(maanden: int) -> None:
    with pytest.raises(ValueError, match="ligt tussen 0 en 6, niet"):
        op_schema(95, 40, maanden)
    with pytest.raises(ValueError, match="ligt tussen 0 en 6, niet"):
        achter_op_schema(95, 40, maanden)


@pytest.mark.parametrize(("te_realiseren", "gehuisvest"), [(-1, 0), (10, -1)])
def test_negatieve_aantallen_geweigerd(te_realiseren: int, gehuisvest: int) -> None:
    with pytest.raises(ValueError, match="kunnen niet negatief zijn"):
        op_schema(te_realiseren, gehuisvest, 3)
