"""The area key of a figure row: the first area column that is set, in the order
provincie, veiligheidsregio, subregio, gemeente (a row belongs to one area)."""

from __future__ import annotations

import pytest

from realisatie.bronnen import gebiedsleutel


def test_the_area_column_that_is_set() -> None:
    assert gebiedsleutel([None, None, None, 150]) == ("gemeente", 150)
    assert gebiedsleutel((None, 7, None, None)) == ("veiligheidsregio", 7)
    assert gebiedsleutel(iter([25, None, None, None])) == ("provincie", 25)


def test_one_key_object_per_area() -> None:
    """Thousands of rows of the same gemeente share one key (read from a list, a tuple or
    the row's ids one by one)."""
    assert gebiedsleutel([None, None, None, 150]) is gebiedsleutel((None, None, None, 150))


def test_a_row_without_an_area_is_refused() -> None:
    with pytest.raises(ValueError, match="zonder gebied"):
        gebiedsleutel([None, None, None, None])
