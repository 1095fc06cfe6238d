"""Counts typed the Dutch way, and their upper bound, without the database."""

from __future__ import annotations

import pytest

from prt.aantallen import MAXIMUM_AANTAL, OngeldigAantal, aantal_lezen, aantal_uit_cel


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("7.882", 7882),  # Overijssel's Oekraïne opgave
        ("10.000", 10_000),
        ("1.020", 1020),
        ("96.000", 96_000),
        ("7882", 7882),
        (" 1.200 ", 1200),
        ("1 200", 1200),
        ("0", 0),
        ("", None),
        ("   ", None),
        (None, None),
        ("1.000.000", MAXIMUM_AANTAL),
    ],
)
def test_aantal_lezen(tekst, verwacht):
    assert aantal_lezen(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "reden"),
    [
        ("12,5", OngeldigAantal.DECIMALEN),
        ("7,882", OngeldigAantal.DECIMALEN),
        ("10.00", OngeldigAantal.DECIMALEN),
        ("1.5", OngeldigAantal.DECIMALEN),
        ("-3", OngeldigAantal.NEGATIEF),
        ("1.000.001", OngeldigAantal.TE_GROOT),
        (str(2**31), OngeldigAantal.TE_GROOT),
        ("78.820.000", OngeldigAantal.TE_GROOT),
        ("tien", OngeldigAantal.GEEN_GETAL),
        ("1e3", OngeldigAantal.GEEN_GETAL),
        ("1.2.3", OngeldigAantal.GEEN_GETAL),
        ("١٢", OngeldigAantal.GEEN_GETAL),  # Arabic-Indic digits are no Dutch number
    ],
)
def test_aantal_lezen_refuses(tekst, reden):
    with pytest.raises(OngeldigAantal) as fout:
        aantal_lezen(tekst)
    assert fout.value.reden == reden


@pytest.mark.parametrize(("tekst", "verwacht"), [("-13", -13), ("-1.201", -1201), ("19", 19)])
def test_a_carried_stand_may_be_negative(tekst, verwacht):
    assert aantal_lezen(tekst, negatief=True) == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(520, 520), (520.0, 520), ("1.020", 1020), (None, None), ("", None)],
)
def test_aantal_uit_cel(waarde, verwacht):
    assert aantal_uit_cel(waarde) == verwacht


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [
        (float("inf"), OngeldigAantal.TE_GROOT),  # a cell "1e999"
        (float("nan"), OngeldigAantal.TE_GROOT),
        (1e300, OngeldigAantal.TE_GROOT),
        (4.5, OngeldigAantal.DECIMALEN),
        (-4, OngeldigAantal.NEGATIEF),
        (2**31, OngeldigAantal.TE_GROOT),
        (True, OngeldigAantal.GEEN_GETAL),
    ],
)
def test_aantal_uit_cel_refuses(waarde, reden):
    with pytest.raises(OngeldigAantal) as fout:
        aantal_uit_cel(waarde)
    assert fout.value.reden == reden
