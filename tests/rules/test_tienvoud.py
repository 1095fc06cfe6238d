from __future__ import annotations

import pytest

from realisatie.tienvoud import tienvoud


@pytest.mark.parametrize(
    ("nieuw", "vorig", "verdacht"),
    [
        (5_200, 520, True),  # Deventer's 520 GOO places typed with a 0 too many
        (5_200, 519, True),
        (5_199, 520, False),
        (5_200, 521, False),
        (5_000, 520, False),
        (520, 520, False),
        (52, 520, False),  # a drop is not this check
        (5_200, None, False),  # the first peildatum: nothing to compare with
        (5_200, 0, False),  # ten times 0 says nothing
        (None, 520, False),  # unknown is not a jump
        (10, 1, True),
        (9, 1, False),
    ],
)
def test_tienvoud(nieuw, vorig, verdacht):
    assert tienvoud(nieuw, vorig) is verdacht
