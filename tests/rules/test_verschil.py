from __future__ import annotations

import pytest

from opgaven.verschil import percentage, verschil


@pytest.mark.parametrize(
    ("realisatie", "opgave", "verwacht"),
    [
        # Gelderland, Oekraïne, peildatum 8-1-2024: GOO against the opgave per 1-2-2024.
        (11_083, 12_284, -1_201),
        (4_436, 5_045, -609),  # VR Noord- en Oost-Gelderland
        (3_343, 3_768, -425),  # VR Gelderland-Midden
        (3_304, 3_471, -167),  # VR Gelderland-Zuid
        # Gelderland, asiel: planned realisatie Q1 2024 against the opgave per 1-1-2024.
        (10_238, 7_590, 2_648),
        (0, 5, -5),
        (5, 5, 0),
    ],
)
def test_verschil(realisatie: int, opgave: int, verwacht: int) -> None:
    assert verschil(realisatie, opgave) == verwacht


@pytest.mark.parametrize(("realisatie", "opgave"), [(None, 12_284), (11_083, None), (None, None)])
def test_verschil_met_onbekende_is_onbekend(realisatie: int | None, opgave: int | None) -> None:
    assert verschil(realisatie, opgave) is None


@pytest.mark.parametrize(
    ("realisatie", "opgave", "verwacht"),
    [
        (11_083, 12_284, 90),  # 90,22%
        (4_436, 5_045, 88),  # 87,93%
        (3_343, 3_768, 89),  # 88,72%
        (3_304, 3_471, 95),  # 95,19%
        (10_238, 7_590, 135),  # 134,89%
        (9_274, 7_590, 122),  # 122,19%: realisatie on 1-1-2024 itself
        (0, 7_590, 0),
        (7_590, 7_590, 100),
        # Exact halves round up, where Python's round() would round to even.
        (1, 8, 13),  # 12,5%
        (5, 200, 3),  # 2,5%
        (1, 3, 33),
        (2, 3, 67),
    ],
)
def test_percentage(realisatie: int, opgave: int, verwacht: int) -> None:
    assert percentage(realisatie, opgave) == verwacht


@pytest.mark.parametrize(
    ("realisatie", "opgave"), [(None, 7_590), (9_274, None), (None, None), (5, 0), (0, 0)]
)
def test_percentage_onbekend(realisatie: int | None, opgave: int | None) -> None:
    assert percentage(realisatie, opgave) is None


@pytest.mark.parametrize(("realisatie", "opgave"), [(-1, 10), (10, -1)])
def test_percentage_van_negatief_aantal_geweigerd(realisatie: int, opgave: int) -> None:
    with pytest.raises(ValueError, match="alleen voor aantallen van 0 of meer"):
        percentage(realisatie, opgave)
