from __future__ import annotations

from datetime import date

import pytest

from opgaven.halfjaar import Halfjaar


@pytest.mark.parametrize(
    ("tekst", "halfjaar"),
    [("2024-I", Halfjaar(2024, 1)), ("2024-II", Halfjaar(2024, 2)), ("2023-II", Halfjaar(2023, 2))],
)
def test_parse_en_str(tekst: str, halfjaar: Halfjaar) -> None:
    assert Halfjaar.parse(tekst) == halfjaar
    assert str(halfjaar) == tekst


@pytest.mark.parametrize(
    "tekst", ["2024-III", "2024-1", "2024-i", "24-I", " 2024-I", "2024 I", "2024\u2013I", ""]
)
def test_parse_weigert_onbekende_schrijfwijze(tekst: str) -> None:
    with pytest.raises(ValueError, match="Onbekend halfjaar"):
        Halfjaar.parse(tekst)


@pytest.mark.parametrize("deel", [0, 3, -1])
def test_deel_is_1_of_2(deel: int) -> None:
    with pytest.raises(ValueError, match="deel van een halfjaar is 1 of 2"):
        Halfjaar(2024, deel)


def test_jaar_binnen_kalender() -> None:
    with pytest.raises(ValueError, match="jaar van een halfjaar"):
        Halfjaar(0, 1)


@pytest.mark.parametrize(
    ("halfjaar", "begin", "einde"),
    [
        (Halfjaar(2024, 1), date(2024, 1, 1), date(2024, 6, 30)),
        (Halfjaar(2024, 2), date(2024, 7, 1), date(2024, 12, 31)),
    ],
)
def test_begin_en_einde(halfjaar: Halfjaar, begin: date, einde: date) -> None:
    assert halfjaar.begin == begin
    assert halfjaar.einde == einde


def test_maanden() -> None:
    assert Halfjaar(2024, 2).maanden == [date(2024, m, 1) for m in range(7, 13)]
    assert Halfjaar(2024, 1).maanden == [date(2024, m, 1) for m in range(1, 7)]


@pytest.mark.parametrize(
    ("halfjaar", "volgende"),
    [
        (Halfjaar(2023, 1), Halfjaar(2023, 2)),
        (Halfjaar(2023, 2), Halfjaar(2024, 1)),
        (Halfjaar(2024, 1), Halfjaar(2024, 2)),
    ],
)
def test_volgende_en_vorige(halfjaar: Halfjaar, volgende: Halfjaar) -> None:
    assert halfjaar.volgende() == volgende
    assert volgende.vorige() == halfjaar


def test_volgorde() -> None:
    reeks = [Halfjaar(2024, 2), Halfjaar(2023, 2), Halfjaar(2024, 1), Halfjaar(2023, 1)]
    assert [str(h) for h in sorted(reeks)] == ["2023-I", "2023-II", "2024-I", "2024-II"]


@pytest.mark.parametrize(
    ("datum", "bevat"),
    [
        (date(2023, 12, 31), False),
        (date(2024, 1, 1), True),
        (date(2024, 6, 30), True),
        (date(2024, 7, 1), False),
    ],
)
def test_bevat_op_de_grenzen(datum: date, bevat: bool) -> None:
    assert Halfjaar(2024, 1).bevat(datum) is bevat


@pytest.mark.parametrize(
    ("datum", "halfjaar"),
    [
        (date(2024, 1, 1), "2024-I"),
        (date(2024, 6, 30), "2024-I"),
        (date(2024, 7, 1), "2024-II"),
        (date(2024, 12, 31), "2024-II"),
    ],
)
def test_voor_datum(datum: date, halfjaar: str) -> None:
    assert str(Halfjaar.voor_datum(datum)) == halfjaar


def test_voor_datum_gives_one_object_per_half_year() -> None:
    """Every month of a half year lands in the same object (a history groups thousands
    of months by their half year), equal to the half year made anew."""
    maart, juni, juli = (Halfjaar.voor_datum(date(2024, m, 1)) for m in (3, 6, 7))
    assert maart is juni
    assert maart == Halfjaar(2024, 1) and juli == Halfjaar(2024, 2)
    assert maart is not juli


@pytest.mark.parametrize(
    ("halfjaar", "datum", "maanden"),
    [
        ("2024-I", date(2023, 11, 15), 0),
        ("2024-I", date(2024, 1, 1), 0),
        ("2024-I", date(2024, 1, 31), 0),
        ("2024-I", date(2024, 2, 1), 1),
        ("2024-I", date(2024, 4, 1), 3),
        ("2024-I", date(2024, 4, 15), 3),
        ("2024-I", date(2024, 6, 30), 5),
        ("2024-I", date(2024, 7, 1), 6),
        ("2024-I", date(2025, 3, 1), 6),
        ("2024-II", date(2024, 6, 30), 0),
        ("2024-II", date(2024, 7, 1), 0),
        ("2024-II", date(2024, 10, 1), 3),
        ("2024-II", date(2024, 12, 31), 5),
        ("2024-II", date(2025, 1, 1), 6),
    ],
)
def test_maanden_verstreken(halfjaar: str, datum: date, maanden: int) -> None:
    assert Halfjaar.parse(halfjaar).maanden_verstreken(datum) == maanden


@pytest.mark.parametrize(
    ("peildatum", "halfjaar", "geteld"),
    [
        # A peildatum counts the months that end before it.
        (date(2024, 3, 1), Halfjaar(2024, 1), 2),  # January and February
        (date(2024, 3, 15), Halfjaar(2024, 1), 2),  # March has not ended
        (date(2024, 7, 1), Halfjaar(2024, 1), 6),
        (date(2024, 7, 2), Halfjaar(2024, 1), 6),  # July is not over: still 2024-I
        (date(2024, 8, 1), Halfjaar(2024, 2), 1),
        (date(2024, 1, 1), Halfjaar(2023, 2), 6),  # Overijssel's werkplan: up to December
        (date(2024, 1, 8), Halfjaar(2023, 2), 6),  # Gelderland's Oekraïne peildatum
        (date(2024, 2, 1), Halfjaar(2024, 1), 1),
    ],
)
def test_van_peildatum(peildatum: date, halfjaar: Halfjaar, geteld: int) -> None:
    assert Halfjaar.van_peildatum(peildatum) == halfjaar
    assert halfjaar.maanden_verstreken(peildatum) == geteld
