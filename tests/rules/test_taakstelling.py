from __future__ import annotations

import pytest

from opgaven.taakstelling import taakstelling_gemeente


@pytest.mark.parametrize(
    ("landelijk", "inwoners_gemeente", "inwoners_land", "verwacht"),
    [
        # Illustrative: national 2024-I (18.750) for 100.000 of 17.800.000 inwoners.
        (18_750, 100_000, 17_800_000, 106),  # 105,34 rounded up
        (100, 1, 3, 34),  # 33,33 rounded up
        (100, 50, 100, 50),  # an exact share is not rounded up
        (18_750, 17_800_000, 17_800_000, 18_750),
        (18_750, 0, 17_800_000, 0),
        (0, 100_000, 17_800_000, 0),
        (1, 1, 17_800_000, 1),  # any share of a positive number is at least 1
        # Beyond float precision: 2**53 + 1 is not representable as a float.
        (2**53 + 1, 1, 1, 2**53 + 1),
    ],
)
def test_taakstelling_gemeente(
    landelijk: int, inwoners_gemeente: int, inwoners_land: int, verwacht: int
) -> None:
    assert taakstelling_gemeente(landelijk, inwoners_gemeente, inwoners_land) == verwacht


def test_afronden_naar_boven_maakt_de_som_groter_dan_landelijk() -> None:
    inwoners = [100_001, 200_003, 300_007]
    totaal = sum(inwoners)
    delen = [taakstelling_gemeente(1_000, n, totaal) for n in inwoners]
    assert delen == [167, 334, 501]
    assert sum(delen) == 1_002


@pytest.mark.parametrize("inwoners_land", [0, -1])
def test_inwoners_land_moet_positief_zijn(inwoners_land: int) -> None:
    with pytest.raises(ValueError, match="inwoners van het land moet groter dan 0"):
        taakstelling_gemeente(18_750, 0, inwoners_land)


@pytest.mark.parametrize(("landelijk", "inwoners_gemeente"), [(-1, 100), (18_750, -1)])
def test_negatieve_aantallen_geweigerd(landelijk: int, inwoners_gemeente: int) -> None:
    with pytest.raises(ValueError, match="kunnen niet negatief zijn"):
        taakstelling_gemeente(landelijk, inwoners_gemeente, 17_800_000)


def test_gemeente_groter_dan_land_geweigerd() -> None:
    with pytest.raises(ValueError, match="niet meer inwoners hebben dan het land"):
        taakstelling_gemeente(18_750, 17_800_001, 17_800_000)
