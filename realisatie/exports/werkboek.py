"""The one writer of the Excel bijlagen: turns the tables an exporter yields into a
workbook (xlsx) or a CSV file.

Exporters say WHAT a cell is (a figure, a subtotal of some rows, a verschil, a
percentage, a date, an unknown); this module decides how it looks in Excel. Subtotals,
verschillen and percentages become live formulas, so a member who corrects a figure in
Excel sees the totals follow; an unknown figure is an empty cell with a note, never 0.

Worked example: Overijssel's bijlage 4 has the province on row 8, IJsselland on row 9
with its gemeenten on rows 10-20 and Twente on row 21; IJsselland's opgave is
``=SUM(C10:C20)``, the province total ``=SUM(C9,C21)`` (7.882), and the verschil of
each row ``=IF(AND(ISNUMBER(D8),ISNUMBER(C8)),D8-C8,"")`` (empty while GOO is unknown).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from prt.formaat import datum_kort, moment_kort
from realisatie.exports.neutraliseren import als_tekst

GETALNOTATIE = "#,##0"  # Dutch Excel shows 1.234
PROCENTNOTATIE = "0%"
DATUMNOTATIE = "d-m-yyyy"
AUTEUR = "PRT Monitor"


# --- What a cell is --------------------------------------------------------------


@dataclass(frozen=True)
class Tekst:
    waarde: str


@dataclass(frozen=True)
class Getal:
    waarde: int
    notitie: str = ""


@dataclass(frozen=True)
class Invoer:
    """A figure to fill in (an import template): the current value, or empty."""

    waarde: int | None = None


@dataclass(frozen=True)
class Onbekend:
    """Not registered: an empty cell with a note, never 0."""

    notitie: str = ""


@dataclass(frozen=True)
class Datum:
    waarde: datetime.date | None


@dataclass(frozen=True)
class Subtotaal:
    """The sum of the same column over other rows of the table (0-based indices)."""

    rijen: tuple[int, ...]
    notitie: str = ""
    waarde: int | None = None  # what the selector computed; for CSV only


@dataclass(frozen=True)
class Verschil:
    """Column `van` (or the sum of several columns) minus column `min` of the same
    row; keys of `Kolom`."""

    van: str | tuple[str, ...]
    min: str
    waarde: int | None = None
    notitie: str = ""


@dataclass(frozen=True)
class Optelling:
    """The sum of several columns of the same row (keys of `Kolom`): an opgave plus what
    an uitruil moves."""

    van: tuple[str, ...]
    waarde: int | None = None


@dataclass(frozen=True)
class Percentage:
    """Column `teller` / column `noemer` of the same row, shown as a whole percent."""

    teller: str
    noemer: str
    waarde: int | None = None  # whole percent
    notitie: str = ""


Cel = (
    Tekst | Getal | Invoer | Onbekend | Datum | Subtotaal | Verschil | Optelling | Percentage | None
)


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    titel: str
    groep: str = ""  # a heading above several columns (a quarter, a half year)


@dataclass
class Rij:
    cellen: list[Cel]
    vet: bool = False  # subtotal and total rows


@dataclass(frozen=True)
class Sjabloon:
    """What makes a sheet an import template: label/value cells below the title that
    the reader checks (A2:B5: template version, subject, province, peildatum or
    period), the header on a fixed row, the columns to hide (the row versions) and the
    first column of the values, where the panes freeze. No export moment: a template
    exported twice is the same template."""

    kenmerken: tuple[tuple[str, object], ...]
    kopregel: int
    verborgen: tuple[str, ...] = ()
    eerste_waardekolom: int = 2


@dataclass
class Tabel:
    """One sheet: title lines, columns and rows."""

    blad: str
    titel: str
    kolommen: list[Kolom]
    rijen: list[Rij]
    regels: list[str] = field(default_factory=list)  # province, peildatum, source …
    leeg: str = ""  # said in the sheet when there are no rows
    sjabloon: Sjabloon | None = None  # an import template rather than a report


def niet_geregistreerd() -> str:
    return _("not registered")


# --- Writing ---------------------------------------------------------------------


def als_xlsx(tabellen: Iterable[Tabel], *, gemaakt: datetime.datetime) -> bytes:
    boek = Workbook()
    boek.remove(boek.active)
    for tabel in tabellen:
        _schrijf_blad(boek.create_sheet(_bladnaam(tabel.blad)), tabel, gemaakt)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def als_csv(tabel: Tabel) -> str:
    """One table as CSV for Dutch Excel, as the dashboard's CSVs: `;` between cells, a
    BOM, figures as plain digits, dates as 1-1-2024, unknown as an empty cell. A formula
    cell becomes the figure the selector computed."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([kolom.titel for kolom in tabel.kolommen])
    for rij in tabel.rijen:
        schrijver.writerow([_csv_waarde(cel) for cel in rij.cellen])
    return "\ufeff" + uit.getvalue()


def _csv_waarde(cel: Cel) -> str | int:
    if isinstance(cel, Datum):
        return datum_kort(cel.waarde)
    waarde = getattr(cel, "waarde", None)
    return "" if waarde is None else waarde


def _bladnaam(naam: str) -> str:
    for teken in "[]:*?/\\":
        naam = naam.replace(teken, "-")
    return naam[:31]


def _schrijf_blad(blad: Worksheet, tabel: Tabel, gemaakt: datetime.datetime) -> None:
    als_tekst(blad.cell(row=1, column=1), tabel.titel).font = Font(bold=True, size=14)
    sjabloon = tabel.sjabloon
    if sjabloon is not None:
        for i, (label, waarde) in enumerate(sjabloon.kenmerken, start=2):
            als_tekst(blad.cell(row=i, column=1), label)
            _schrijf_kenmerk(blad.cell(row=i, column=2), waarde)
        kop = sjabloon.kopregel
    else:
        moment = _("Exported: %(moment)s") % {"moment": moment_kort(gemaakt)}
        regels = [*tabel.regels, moment]
        for i, regel in enumerate(regels, start=2):
            als_tekst(blad.cell(row=i, column=1), regel)
        kop = len(regels) + 3  # one empty line below the title lines
    heeft_groepen = any(k.groep for k in tabel.kolommen)
    if heeft_groepen:
        _schrijf_groepen(blad, tabel.kolommen, kop - 1)
    for kolomnummer, kolom in enumerate(tabel.kolommen, start=1):
        cel = blad.cell(row=kop, column=kolomnummer, value=kolom.titel)
        cel.font = Font(bold=True)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
    eerste = kop + 1
    letters = {k.sleutel: get_column_letter(i) for i, k in enumerate(tabel.kolommen, start=1)}
    for index, rij in enumerate(tabel.rijen):
        rijnummer = eerste + index
        for kolomnummer, cel in enumerate(rij.cellen, start=1):
            _schrijf_cel(blad, rijnummer, kolomnummer, cel, letters, eerste)
            if rij.vet:
                blad.cell(row=rijnummer, column=kolomnummer).font = Font(bold=True)
    if not tabel.rijen and tabel.leeg:
        blad.cell(row=eerste, column=1, value=tabel.leeg)
    blad.freeze_panes = blad.cell(row=eerste, column=sjabloon.eerste_waardekolom if sjabloon else 2)
    if sjabloon is not None:
        for sleutel in sjabloon.verborgen:
            blad.column_dimensions[letters[sleutel]].hidden = True
    blad.print_title_rows = f"{kop - 1 if heeft_groepen else kop}:{kop}"
    blad.page_setup.orientation = "landscape"
    blad.page_setup.fitToWidth = 1
    blad.page_setup.fitToHeight = 0
    blad.sheet_properties.pageSetUpPr.fitToPage = True
    _kolombreedtes(blad, tabel)


def _schrijf_kenmerk(cel, waarde: object) -> None:
    """A template's label/value cell: a date as a date, text as text, a number as is."""
    if isinstance(waarde, datetime.date):
        cel.value = waarde
        cel.number_format = DATUMNOTATIE
    else:
        als_tekst(cel, waarde)


def _schrijf_groepen(blad: Worksheet, kolommen: list[Kolom], rij: int) -> None:
    vorige = None
    for kolomnummer, kolom in enumerate(kolommen, start=1):
        if kolom.groep and kolom.groep != vorige:
            blad.cell(row=rij, column=kolomnummer, value=kolom.groep).font = Font(bold=True)
        vorige = kolom.groep


def _schrijf_cel(blad, rij: int, kolom: int, cel: Cel, letters: dict[str, str], eerste: int):
    doel = blad.cell(row=rij, column=kolom)
    letter = get_column_letter(kolom)
    notitie = ""
    if isinstance(cel, Tekst):
        als_tekst(doel, cel.waarde)
    elif isinstance(cel, Getal):
        doel.value = cel.waarde
        doel.number_format = GETALNOTATIE
        notitie = cel.notitie
    elif isinstance(cel, Invoer):
        doel.value = cel.waarde
        doel.number_format = GETALNOTATIE
    elif isinstance(cel, Onbekend):
        notitie = cel.notitie or niet_geregistreerd()
    elif isinstance(cel, Datum):
        doel.value = cel.waarde
        doel.number_format = DATUMNOTATIE
    elif isinstance(cel, Subtotaal):
        doel.value = f"=SUM({_bereiken(letter, [eerste + r for r in cel.rijen])})"
        doel.number_format = GETALNOTATIE
        notitie = cel.notitie
    elif isinstance(cel, Verschil):
        van = (cel.van,) if isinstance(cel.van, str) else cel.van
        delen = [f"{letters[k]}{rij}" for k in (*van, cel.min)]
        controle = ",".join(f"ISNUMBER({d})" for d in delen)
        som = "+".join(delen[:-1])
        som = f"({som})" if len(van) > 1 else som
        doel.value = f'=IF(AND({controle}),{som}-{delen[-1]},"")'
        doel.number_format = GETALNOTATIE
        notitie = cel.notitie
    elif isinstance(cel, Optelling):
        delen = [f"{letters[k]}{rij}" for k in cel.van]
        controle = ",".join(f"ISNUMBER({d})" for d in delen)
        doel.value = f'=IF(AND({controle}),{"+".join(delen)},"")'
        doel.number_format = GETALNOTATIE
    elif isinstance(cel, Percentage):
        t, n = f"{letters[cel.teller]}{rij}", f"{letters[cel.noemer]}{rij}"
        doel.value = f'=IF(AND(ISNUMBER({t}),ISNUMBER({n}),{n}<>0),{t}/{n},"")'
        doel.number_format = PROCENTNOTATIE
        notitie = cel.notitie
    if notitie:
        doel.comment = Comment(notitie, AUTEUR, width=240, height=60)


def _bereiken(letter: str, rijen: list[int]) -> str:
    """C9,C10,C11,C15 -> C9:C11,C15"""
    delen: list[str] = []
    begin = vorige = None
    for rij in sorted(rijen):
        if begin is None:
            begin = vorige = rij
        elif rij == vorige + 1:
            vorige = rij
        else:
            delen.append(_bereik(letter, begin, vorige))
            begin = vorige = rij
    if begin is not None:
        delen.append(_bereik(letter, begin, vorige))
    return ",".join(delen)


def _bereik(letter: str, begin: int, einde: int) -> str:
    return f"{letter}{begin}" if begin == einde else f"{letter}{begin}:{letter}{einde}"


def _kolombreedtes(blad: Worksheet, tabel: Tabel) -> None:
    for kolomnummer, kolom in enumerate(tabel.kolommen, start=1):
        teksten = [kolom.titel] + [
            c.waarde
            for rij in tabel.rijen
            if len(rij.cellen) >= kolomnummer
            and isinstance(c := rij.cellen[kolomnummer - 1], Tekst)
        ]
        langste = max((len(t) for t in teksten), default=8)
        breedte = min(max(langste + 2, 10), 45 if kolomnummer == 1 else 30)
        blad.column_dimensions[get_column_letter(kolomnummer)].width = breedte
