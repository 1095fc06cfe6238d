"""Halfjaar: the period of a taakstelling huisvesting statushouders.

Rule: the Staatssecretaris sets a taakstelling per gemeente per half year. Half year
``2024-I`` runs from 1 January to 30 June 2024 inclusive, ``2024-II`` from 1 July to
31 December 2024 inclusive. Half years are ordered by year, then part.

A date is read as the start of that day, the way a peildatum is: "per 1 april 2024"
means January, February and March are complete. So for ``2024-I`` the number of
whole months elapsed is 3 on 1-4-2024 and still 3 on 15-4-2024; it reaches 6 on
1-7-2024, the first day of ``2024-II``.

Worked example (Overijssel werkplan 2024): the taakstelling "2024-I" of 1.249 for
the Overijsselse gemeenten covers 1-1-2024 up to and including 30-6-2024; the
half year before it is ``2023-II`` and the one after it ``2024-II``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_ROMEINS = {1: "I", 2: "II"}
_PATROON = re.compile(r"(\d{4})-(I{1,2})")


@dataclass(frozen=True, order=True)
class Halfjaar:
    jaar: int
    deel: int

    def __post_init__(self) -> None:
        if self.deel not in _ROMEINS:
            raise ValueError(f"Het deel van een halfjaar is 1 of 2, niet {self.deel!r}.")
        if not 1 <= self.jaar <= 9999:
            raise ValueError(
                f"Het jaar van een halfjaar ligt tussen 1 en 9999, niet {self.jaar!r}."
            )

    @classmethod
    def parse(cls, tekst: str) -> Halfjaar:
        """Read ``"2024-I"`` or ``"2024-II"``."""
        gevonden = _PATROON.fullmatch(tekst)
        if gevonden is None:
            raise ValueError(
                f"Onbekend halfjaar {tekst!r}; schrijf het als jaar-I of jaar-II, "
                f"bijvoorbeeld 2024-I."
            )
        return cls(int(gevonden.group(1)), len(gevonden.group(2)))

    @classmethod
    def voor_datum(cls, datum: date) -> Halfjaar:
        """The half year that contains ``datum`` (one object per half year: a province's
        history puts every month's figures in their half year)."""
        return _halfjaar(cls, datum.year, 1 if datum.month <= 6 else 2)

    @classmethod
    def van_peildatum(cls, peildatum: date) -> Halfjaar:
        """The half year of the last month a peildatum counts.

        A peildatum counts the months that end before it: per 1-3-2024 January and
        February (2024-I), per 15-3-2024 still those two, per 1-1-2024 up to December
        (2023-II).
        """
        laatste_maand = date.fromordinal(peildatum.replace(day=1).toordinal() - 1)
        return cls.voor_datum(laatste_maand)

    def __str__(self) -> str:
        return f"{self.jaar}-{_ROMEINS[self.deel]}"

    @property
    def begin(self) -> date:
        return date(self.jaar, 1 if self.deel == 1 else 7, 1)

    @property
    def einde(self) -> date:
        """The last day of the half year (inclusive)."""
        return date(self.jaar, 6, 30) if self.deel == 1 else date(self.jaar, 12, 31)

    @property
    def maanden(self) -> list[date]:
        """The first day of each of its six months."""
        return [date(self.jaar, self.begin.month + i, 1) for i in range(6)]

    def volgende(self) -> Halfjaar:
        return Halfjaar(self.jaar, 2) if self.deel == 1 else Halfjaar(self.jaar + 1, 1)

    def vorige(self) -> Halfjaar:
        return Halfjaar(self.jaar - 1, 2) if self.deel == 1 else Halfjaar(self.jaar, 1)

    def bevat(self, datum: date) -> bool:
        return self.begin <= datum <= self.einde

    def maanden_verstreken(self, datum: date) -> int:
        """Whole months of this half year completed at the start of ``datum``.

        0 on or before the first day, 6 from the first day after the half year on.
        """
        if datum <= self.begin:
            return 0
        if datum > self.einde:
            return 6
        return datum.month - self.begin.month


@lru_cache(maxsize=1024)
def _halfjaar(cls: type[Halfjaar], jaar: int, deel: int) -> Halfjaar:
    return cls(jaar, deel)
