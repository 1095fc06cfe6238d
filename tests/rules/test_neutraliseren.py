"""Exports are data, never code (OWASP CSV injection), without the database."""

from __future__ import annotations

import pytest
import tablib
from openpyxl import Workbook

from realisatie.exports.neutraliseren import als_tekst, csv_cel, csv_tabel, xlsx_tekst


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("- zie toelichting", "'- zie toelichting"),
        ("Azc Zwolle", "Azc Zwolle"),
        ("Azc\x0bZwolle", "AzcZwolle"),
        ("\x1f=1", "'=1"),  # stripped first, then neutralised
        ("-1.201", "-1.201"),  # only a number: stays as it is
        ("-12", "-12"),
        ("+5", "+5"),
        ("-43%", "-43%"),
        ("", ""),
        (-1201, -1201),  # numbers stay numbers
        (6325, 6325),
        (None, None),
    ],
)
def test_csv_cel(waarde, verwacht):
    assert csv_cel(waarde) == verwacht


def test_csv_tabel_neutralises_header_and_cells():
    data = tablib.Dataset(["=1+1", -3, None], headers=["@kop", "Getal", "Leeg"])
    schoon = csv_tabel(data)
    assert schoon.headers == ["'@kop", "Getal", "Leeg"]
    assert list(schoon[0]) == ["'=1+1", -3, None]


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("a\x00b\x08c\x7fd", "abcd"), ("regel\ttab\nnieuw", "regel\ttab\nnieuw"), (12, 12)],
)
def test_xlsx_tekst_strips_control_characters(waarde, verwacht):
    assert xlsx_tekst(waarde) == verwacht


@pytest.mark.parametrize("tekst", ["=1+1", "+cmd", "@SUM(A1)", "gewoon", "Azc\x0bZwolle"])
def test_als_tekst_writes_a_string_cell(tekst):
    cel = Workbook().active["A1"]
    als_tekst(cel, tekst)
    assert cel.data_type == "s"
    assert cel.value == tekst.replace("\x0b", "")


def test_als_tekst_leaves_empty_empty():
    cel = Workbook().active["A1"]
    als_tekst(cel, None)
    assert cel.value is None
