"""Exports are data, never code: what a cell of a CSV or an xlsx that we write holds.

Rule (OWASP, "CSV injection"): spreadsheet programs read a cell that starts with "=",
"+", "-", "@", a tab or a carriage return as a formula (`=HYPERLINK(...)`,
`+cmd|' /C calc'!A0`, `@SUM(...)`). In a CSV such a text cell gets a single quote in
front, so Excel shows it as text. In an xlsx every text cell is a string cell (data type
"s"), which Excel never evaluates, so the text itself stays as it was. Numbers stay
numbers (-1201 is a figure), and a text that is only a number ("-1.201", "-12") stays as
it is. Control characters (\\x00-\\x08, \\x0b, \\x0c, \\x0e-\\x1f, \\x7f) are removed from every
text cell: an xlsx cannot hold them, and input refuses them (`prt.tekstinvoer`); this
catches what came in before that rule.

Worked example: a location named `=HYPERLINK("http://x","klik")` becomes the CSV cell
`'=HYPERLINK("http://x","klik")` and the xlsx string cell `=HYPERLINK("http://x","klik")`;
"Azc\\x0bZwolle" becomes "AzcZwolle"; -1201 stays -1201; "- zie toelichting" becomes
"'- zie toelichting".
"""

from __future__ import annotations

import re

from prt.tekstinvoer import STUURTEKENS

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
_ALLEEN_GETAL = re.compile(r"\A[-+]?\d[\d.]*(,\d+)?%?\Z")


def zonder_stuurtekens(tekst: str) -> str:
    return STUURTEKENS.sub("", tekst)


def csv_cel(waarde: object) -> object:
    """A CSV cell: text neutralised, anything else (a number, None) as it is."""
    if not isinstance(waarde, str):
        return waarde
    tekst = zonder_stuurtekens(waarde)
    if tekst.startswith(FORMULETEKENS) and not _ALLEEN_GETAL.match(tekst):
        return "'" + tekst
    return tekst


def csv_tabel(dataset):
    """A copy of a tablib Dataset with every header and cell through `csv_cel`."""
    kop = [csv_cel(k) for k in dataset.headers] if dataset.headers else None
    return type(dataset)(*[[csv_cel(w) for w in rij] for rij in dataset], headers=kop)


def xlsx_tekst(waarde: object) -> object:
    """A text for an xlsx cell without control characters (openpyxl refuses them)."""
    return zonder_stuurtekens(waarde) if isinstance(waarde, str) else waarde


def als_tekst(cel, waarde: object):
    """Write `waarde` into the openpyxl cell `cel`; text as a string cell, never a formula."""
    cel.value = xlsx_tekst(waarde)
    if isinstance(cel.value, str):
        cel.data_type = "s"
    return cel
