"""Uitruil: gemeenten exchanging part of an opgave for a period.

Rule: under an uitruil ``van_gemeente`` hands ``plaatsen`` of its opgave to
``naar_gemeente`` from ``begin`` up to and including ``einde`` (open-ended when
``einde`` is None). On a date, a gemeente's effectieve opgave is its own opgave minus
what it handed over plus what it took over under the agreements active that day.
The decision's own figure never changes; the effectieve opgave is shown next to it.
An effectieve opgave below 0 means the agreements do not add up, and is refused.

Worked example: Deventer (Overijssel) has an asiel opgave of 529 per 1-1-2025
(Overijssel werkplan 2024). Suppose its azc leans on the facilities of a neighbour
across the provincial border, which hands 200 of its opgave (say 250) to Deventer
for 2025 and 2026. From 1-1-2025 up to and including 31-12-2026 Deventer's
effectieve opgave is 729 and the neighbour's 50; from 1-1-2027 they are 529 and 250
again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from prt.formaat import datum_kort


@dataclass(frozen=True)
class Uitruil:
    van_gemeente: str
    naar_gemeente: str
    plaatsen: int
    begin: date
    einde: date | None

    def __post_init__(self) -> None:
        if self.van_gemeente == self.naar_gemeente:
            raise ValueError(f"Een gemeente ({self.van_gemeente}) kan niet met zichzelf uitruilen.")
        if self.plaatsen <= 0:
            raise ValueError(
                f"Bij een uitruil gaat een positief aantal plaatsen over, niet {self.plaatsen}."
            )
        if self.einde is not None and self.einde < self.begin:
            raise ValueError(
                f"De einddatum {datum_kort(self.einde)} ligt voor de begindatum "
                f"{datum_kort(self.begin)}."
            )

    def actief_op(self, datum: date) -> bool:
        return self.begin <= datum and (self.einde is None or datum <= self.einde)


def saldo(gemeente: str, uitruilen: Iterable[Uitruil], datum: date) -> int:
    """What ``gemeente`` took over (+) minus what it handed over (−) on ``datum``."""
    totaal = 0
    for uitruil in uitruilen:
        if not uitruil.actief_op(datum):
            continue
        if uitruil.van_gemeente == gemeente:
            totaal -= uitruil.plaatsen
        elif uitruil.naar_gemeente == gemeente:
            totaal += uitruil.plaatsen
    return totaal


def effectieve_opgave(opgave: int, gemeente: str, uitruilen: Iterable[Uitruil], datum: date) -> int:
    """The opgave of ``gemeente`` on ``datum`` after the active uitruilen."""
    effectief = opgave + saldo(gemeente, uitruilen, datum)
    if effectief < 0:
        raise ValueError(
            f"De effectieve opgave van {gemeente} op {datum_kort(datum)} zou negatief worden "
            f"({effectief}): er is meer uitgeruild dan de opgave ({opgave})."
        )
    return effectief
