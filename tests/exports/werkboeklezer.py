"""Read a produced workbook back and evaluate the few formula shapes the writer
produces (SUM over cells and ranges; IF(AND(ISNUMBER(..)..), expression, ""))."""

from __future__ import annotations

import io
import re

import openpyxl
from openpyxl.utils import column_index_from_string

SOM = re.compile(r"=SUM\((.*)\)")
ALS_BEGIN, ALS_EINDE = "=IF(AND(", ',"")'
CEL = re.compile(r"([A-Z]+)(\d+)")


def open_werkboek(inhoud: bytes):
    return openpyxl.load_workbook(io.BytesIO(inhoud))


def waarde(blad, ref: str):
    """The value Excel would show for a cell (None for empty)."""
    inhoud = blad[ref].value
    if not (isinstance(inhoud, str) and inhoud.startswith("=")):
        return inhoud
    if gevonden := SOM.fullmatch(inhoud):
        bekend = [w for deel in gevonden.group(1).split(",") for w in _bereik(blad, deel)]
        return sum(w for w in bekend if isinstance(w, int | float))
    if inhoud.startswith(ALS_BEGIN) and inhoud.endswith(ALS_EINDE):
        voorwaarde, expressie = _splits(inhoud[len(ALS_BEGIN) : -len(ALS_EINDE)])
        waarden = {f"{k}{r}": waarde(blad, f"{k}{r}") for k, r in CEL.findall(voorwaarde)}
        if any(not isinstance(w, int | float) for w in waarden.values()):
            return None
        if "<>0" in voorwaarde and waarden[voorwaarde.rsplit(",", 1)[1][:-3]] == 0:
            return None
        return eval(CEL.sub(lambda m: repr(waarden[m.group(0)]), expressie))
    raise AssertionError(f"Onbekende formule {inhoud}")


def _splits(tekst: str) -> tuple[str, str]:
    """'ISNUMBER(D8),ISNUMBER(C8)),D8-C8' -> ('ISNUMBER(D8),ISNUMBER(C8)', 'D8-C8')"""
    diepte = 0
    for i, teken in enumerate(tekst):
        diepte += {"(": 1, ")": -1}.get(teken, 0)
        if diepte < 0:
            return tekst[:i], tekst[i + 2 :]
    raise AssertionError(tekst)


def _bereik(blad, deel: str):
    if ":" not in deel:
        return [waarde(blad, deel)]
    begin, einde = deel.split(":")
    (kb, rb), (_ke, re_) = CEL.fullmatch(begin).groups(), CEL.fullmatch(einde).groups()
    return [waarde(blad, f"{kb}{r}") for r in range(int(rb), int(re_) + 1)]


def rij_van(blad, naam: str) -> int:
    """The row whose first cell (stripped) is `naam`."""
    for rij in blad.iter_rows(min_col=1, max_col=1):
        if isinstance(rij[0].value, str) and rij[0].value.strip() == naam:
            return rij[0].row
    raise AssertionError(f"{naam} niet gevonden")


def kolom_van(blad, titel: str, kop: int, groep: str = "") -> str:
    for cel in blad[kop]:
        if cel.value == titel and (not groep or _groep_boven(blad, kop - 1, cel.column) == groep):
            return cel.column_letter
    raise AssertionError(f"kolom {titel} niet gevonden")


def _groep_boven(blad, rij: int, kolom: int) -> str | None:
    for k in range(kolom, 0, -1):
        if blad.cell(row=rij, column=k).value:
            return blad.cell(row=rij, column=k).value
    return None


def kopregel(blad) -> int:
    return int(re.sub(r"[A-Z]+", "", blad.freeze_panes)) - 1


__all__ = [
    "column_index_from_string",
    "kolom_van",
    "kopregel",
    "open_werkboek",
    "rij_van",
    "waarde",
]
