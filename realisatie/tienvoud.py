"""Tienvoud: a figure more than ten times the previous one is asked to be confirmed.

Rule: a new figure is suspicious when the previous figure of the same thing is known
and above 0, and the new one is ten times it or more: a 0 typed too many (4.800 for
480) gives exactly ten times, so "more than" would miss the commonest slip. The
previous figure is the one saved for the same row (an edit within the same peildatum
or month) or, for a new row, the last earlier one: the same gemeente's figure on the
latest earlier peildatum, or its latest earlier month for statushouders. Without a
previous figure (the first peildatum of a province) there is nothing to compare. It
is a warning, not an error: after confirmation the figure is saved as typed.

Worked example (Overijssel): Deventer has 520 GOO places. Typing 5.200 on the next
peildatum asks for confirmation (5.200 = 10 x 520); 5.199 does not, nor does 5.200
when the previous figure is unknown or 0.
"""

from __future__ import annotations

FACTOR = 10


def tienvoud(nieuw: int | None, vorig: int | None) -> bool:
    """True when `nieuw` is at least ten times a known, positive `vorig`."""
    if nieuw is None or vorig is None or vorig <= 0:
        return False
    return nieuw >= FACTOR * vorig
