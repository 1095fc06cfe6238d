"""An uploaded workbook, opened within bounds before a single cell is read.

An xlsx is a zip of XML parts, and a small file can unpack into something huge: a 6 KB
workbook with one value in cell A1048576, or a 478 KB zip of three million rows. So
before parsing:

1. the upload itself is at most `MAX_BYTES` (checked by the view before reading);
2. the zip has at most `MAX_ONDERDELEN` parts, together at most `MAX_UITGEPAKT` bytes
   unpacked, none larger than `MAX_VERHOUDING` times its packed size (the sizes come from
   the zip's directory; reading never yields more than a part's stated size);
3. a macro project (`vbaProject.bin`, an .xlsm's content type) is refused;
4. the sheet is opened in openpyxl's read-only (streaming) mode, and its size from the
   sheet's metadata (`<dimension ref="A1:H60">`) must lie within `MAX_RIJEN` rows and
   `MAX_KOLOMMEN` columns; then at most that many rows and columns are read, within
   `TIJDBUDGET` seconds.

What is read is kept as a plain grid of values (`Blad`), a few hundred rows at most.
Every refusal is a `Geweigerd` with a Dutch message.
"""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

MAX_BYTES = 5 * 1024 * 1024
MAX_ONDERDELEN = 200
MAX_UITGEPAKT = 30 * 1024 * 1024
MAX_VERHOUDING = 100
MAX_RIJEN = 2_000
MAX_KOLOMMEN = 50
TIJDBUDGET = 10.0  # seconds


class Geweigerd(Exception):
    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


@dataclass(frozen=True)
class Cel:
    value: object = None


class Blad:
    """The values of one sheet as read, addressed like an openpyxl worksheet."""

    def __init__(self, cellen: dict[tuple[int, int], object]):
        self._cellen = cellen
        self.max_row = max((r for r, _k in cellen), default=0)

    def cell(self, row: int, column: int) -> Cel:
        return Cel(self._cellen.get((row, column)))

    def __getitem__(self, coordinaat: str) -> Cel:
        letter, rij = coordinate_from_string(coordinaat)
        return self.cell(row=rij, column=column_index_from_string(letter))


def te_groot() -> str:
    return _("The file is larger than %(mb)s MB; upload the filled template only.") % {
        "mb": MAX_BYTES // (1024 * 1024)
    }


def geen_werkboek() -> str:
    return _("This is not an Excel workbook (.xlsx); download the template and fill it.")


def blad_openen(inhoud: bytes, bladnaam: str) -> Blad:
    """The sheet `bladnaam` of the workbook in `inhoud`; raises Geweigerd."""
    if len(inhoud) > MAX_BYTES:
        raise Geweigerd(te_groot())
    begin = time.monotonic()
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Geweigerd(geen_werkboek()) from None
    with archief:
        _zip_controleren(archief)
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds for a broken or foreign zip
        raise Geweigerd(geen_werkboek()) from None
    try:
        if bladnaam not in boek.sheetnames:
            raise Geweigerd(_("This workbook is not the PRT Monitor import template."))
        return _lezen(boek[bladnaam], begin)
    finally:
        boek.close()


def _zip_controleren(archief: zipfile.ZipFile) -> None:
    onderdelen = archief.infolist()
    if len(onderdelen) > MAX_ONDERDELEN:
        raise Geweigerd(geen_werkboek())
    if any(o.filename.lower().endswith("vbaproject.bin") for o in onderdelen) or _met_macro(
        archief
    ):
        raise Geweigerd(
            _(
                "This workbook contains macros (.xlsm). Save it as an Excel workbook "
                "(.xlsx) without macros, or fill the downloaded template."
            )
        )
    uitgepakt = sum(o.file_size for o in onderdelen)
    opgeblazen = any(
        o.file_size > 1024 * 1024 and o.file_size > MAX_VERHOUDING * max(o.compress_size, 1)
        for o in onderdelen
    )
    if uitgepakt > MAX_UITGEPAKT or opgeblazen:
        raise Geweigerd(
            _(
                "This workbook unpacks to %(mb)s MB, far more than a filled template; "
                "upload the template with only the rows of the municipalities."
            )
            % {"mb": uitgepakt // (1024 * 1024)}
        )


def _met_macro(archief: zipfile.ZipFile) -> bool:
    try:
        soorten = archief.read("[Content_Types].xml")
    except KeyError:
        return False
    return b"macroenabled" in soorten.lower() or b"vbaproject" in soorten.lower()


def _lezen(werkblad, begin: float) -> Blad:
    rijen, kolommen = werkblad.max_row, werkblad.max_column
    if (rijen or 0) > MAX_RIJEN or (kolommen or 0) > MAX_KOLOMMEN:
        raise Geweigerd(_te_veel(rijen or 0, kolommen or 0))
    cellen: dict[tuple[int, int], object] = {}
    for nummer, rij in enumerate(
        werkblad.iter_rows(min_row=1, max_row=MAX_RIJEN + 1, max_col=MAX_KOLOMMEN), start=1
    ):
        if time.monotonic() - begin > TIJDBUDGET:
            raise Geweigerd(_("Reading this workbook takes too long; upload the template only."))
        for kolom, cel in enumerate(rij, start=1):
            waarde = getattr(cel, "value", None)
            if waarde is not None:
                if nummer > MAX_RIJEN:
                    raise Geweigerd(_te_veel(nummer, kolom))
                cellen[(nummer, kolom)] = waarde
    return Blad(cellen)


def _te_veel(rijen: int, kolommen: int) -> str:
    return _(
        "The sheet runs to row %(rows)s and column %(columns)s; the template has at most "
        "%(max_rows)s rows and %(max_columns)s columns. Delete what lies below or to the "
        "right of the figures."
    ) % {
        "rows": f"{rijen:,}".replace(",", "."),
        "columns": kolommen,
        "max_rows": f"{MAX_RIJEN:,}".replace(",", "."),
        "max_columns": MAX_KOLOMMEN,
    }
