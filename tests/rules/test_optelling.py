from __future__ import annotations

import pytest

from gemeenten.optelling import Som, optellen
from tests.rules.bronnen import OEKRAINE_IJSSELLAND, OEKRAINE_TWENTE


def test_poo_gelderland_8_januari_2024() -> None:
    # POO per veiligheidsregio: 931, "niet geregistreerd", "niet geregistreerd".
    som = optellen([931, None, None])
    assert som == Som(931, bekend=1, onbekend=2)
    assert not som.volledig
    assert not som.leeg


def test_goo_gelderland_8_januari_2024() -> None:
    som = optellen([4_436, 3_343, 3_304])
    assert som == Som(11_083, bekend=3, onbekend=0)
    assert som.volledig


def test_nul_is_bekend() -> None:
    som = optellen([0, None])
    assert som == Som(0, bekend=1, onbekend=1)
    assert not som.leeg


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [([None, None, None], Som(None, 0, 3)), ([], Som(None, 0, 0))],
)
def test_niets_bekend_is_onbekend(waarden: list[int | None], verwacht: Som) -> None:
    som = optellen(waarden)
    assert som == verwacht
    assert som.waarde is None
    assert som.leeg


def test_subtotalen_tellen_op_tot_provincie() -> None:
    ijsselland = optellen(OEKRAINE_IJSSELLAND.values())
    twente = optellen(OEKRAINE_TWENTE.values())
    assert ijsselland == Som(3_998, 11, 0)
    assert twente == Som(3_884, 14, 0)
    assert ijsselland + twente == Som(7_882, 25, 0)


def test_optellen_houdt_onbekende_bij() -> None:
    twente_met_gat = optellen([*OEKRAINE_TWENTE.values(), None])
    ijsselland = optellen(OEKRAINE_IJSSELLAND.values())
    assert ijsselland + twente_met_gat == Som(7_882, 25, 1)
    assert not (ijsselland + twente_met_gat).volledig


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        (Som(None, 0, 2), Som(931, 1, 0), Som(931, 1, 2)),
        (Som(931, 1, 0), Som(None, 0, 2), Som(931, 1, 2)),
        (Som(None, 0, 1), Som(None, 0, 1), Som(None, 0, 2)),
        (Som(0, 1, 0), Som(None, 0, 1), Som(0, 1, 1)),
    ],
)
def test_optellen_van_sommen(links: Som, rechts: Som, verwacht: Som) -> None:
    assert links + rechts == verwacht


def test_sum_met_beginwaarde() -> None:
    sommen = [optellen([931]), optellen([None]), optellen([None])]
    assert sum(sommen, Som(None, 0, 0)) == Som(931, 1, 2)


def test_optellen_met_een_getal_kan_niet() -> None:
    with pytest.raises(TypeError):
        Som(931, 1, 0) + 5  # type: ignore[operator]


@pytest.mark.parametrize(
    ("waarde", "bekend", "onbekend", "melding"),
    [
        (5, 0, 1, "zonder bekende waarden is onbekend"),
        (None, 1, 0, "zonder bekende waarden is onbekend"),
        (1, -1, 0, "kunnen niet negatief zijn"),
        (1, 1, -1, "kunnen niet negatief zijn"),
    ],
)
def test_som_weigert_tegenstrijdigheid(
    waarde: int | None, bekend: int, onbekend: int, melding: str
) -> None:
    with pytest.raises(ValueError, match=melding):
        Som(waarde, bekend, onbekend)
