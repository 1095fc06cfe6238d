"""Fill an import template the way a secretary would in Excel."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from realisatie.exports.sjabloon import BLAD, KOPREGEL


def invullen(inhoud: bytes, waarden: dict[tuple[str, str], object], extra=None) -> bytes:
    """Set {(CBS code, column heading): value}; `extra` rows are appended as lists."""
    boek = load_workbook(io.BytesIO(inhoud))
    blad = boek[BLAD]
    koppen = {c.value: c.column for c in blad[KOPREGEL]}
    rijen = {blad.cell(row=r, column=1).value: r for r in range(KOPREGEL + 1, blad.max_row + 1)}
    for (code, kop), waarde in waarden.items():
        blad.cell(row=rijen[code], column=koppen[kop], value=waarde)
    for rij in extra or []:
        blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
