"""Hostile workbooks, made the way an attacker would: small on disk, huge when opened."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from realisatie.exports.sjabloon import BLAD

MINIMAAL = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{BLAD}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def drie_miljoen_rijen(rijen: int = 3_000_000) -> bytes:
    """A few hundred KB zipped: a sheet of `rijen` rows without a <dimension>."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archief:
        for naam, tekst in MINIMAAL.items():
            archief.writestr(naam, tekst)
        with archief.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as blad:
            blad.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            rij = b'<row><c t="inlineStr"><is><t>GM0150</t></is></c><c><v>1</v></c></row>'
            blok = rij * 10_000
            for _ in range(rijen // 10_000):
                blad.write(blok)
            blad.write(b"</sheetData></worksheet>")
    return uit.getvalue()


def met_verre_cel(sjabloon: bytes) -> bytes:
    """The template with one value in the last row Excel has (A1048576)."""
    boek = load_workbook(io.BytesIO(sjabloon))
    boek[BLAD]["A1048576"] = 1
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def met_macro(sjabloon: bytes) -> bytes:
    """The template with a VBA project added, as Excel saves an .xlsm."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sjabloon)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for onderdeel in bron.infolist():
            inhoud = bron.read(onderdeel.filename)
            if onderdeel.filename == "[Content_Types].xml":
                inhoud = inhoud.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml").replace(
                    b"</Types>",
                    b'<Default Extension="bin" '
                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            doel.writestr(onderdeel, inhoud)
        doel.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 512)
    return uit.getvalue()


def met_celwaarde(sjabloon: bytes, oud: bytes, nieuw: bytes) -> bytes:
    """The template with the XML text `oud` of its sheet replaced by `nieuw`."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sjabloon)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for onderdeel in bron.infolist():
            inhoud = bron.read(onderdeel.filename)
            if onderdeel.filename.startswith("xl/worksheets/"):
                assert oud in inhoud
                inhoud = inhoud.replace(oud, nieuw)
            doel.writestr(onderdeel, inhoud)
    return uit.getvalue()
