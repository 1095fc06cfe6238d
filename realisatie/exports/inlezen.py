"""Reading a filled import template: every change (gemeente, field, old -> new) and
every problem (sheet, row, column, Dutch message). Nothing is written here; the
figures are saved by `vastleggen`, through the entry services of `realisatie.invoer`
(same validation, permission policy and audit trail as the forms).

Refused as a whole: another file type or template, a file over `MAX_BYTES`, more rows
than the province has gemeenten, a vastgestelde peildatum, and whatever
`xlsxbestand` refuses before a cell is read (a zip that unpacks too far, macros, a
sheet beyond its row, column or time bounds). Refused per cell: unknown
or duplicate CBS codes, a gemeente of another province, text, fractions or negative
numbers in number cells, formulas (a formula referring to another file is named).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from gemeenten.models import Gemeente
from prt.aantallen import OngeldigAantal, aantal_uit_cel
from prt.aantallen import melding as aantal_melding
from realisatie.exports.sjabloon import (
    BLAD,
    EERSTE_WAARDEKOLOM,
    KOLOM_CODE,
    KOPREGEL,
    SJABLOONVERSIE,
    Onderwerp,
    gemeenten_van,
    huidige_tellingen,
)
from realisatie.exports.xlsxbestand import MAX_BYTES, Geweigerd, blad_openen, te_groot
from realisatie.invoer import sprongen
from realisatie.models import Peildatum


@dataclass(frozen=True)
class Probleem:
    melding: str
    blad: str = ""
    rij: int | None = None
    kolom: str = ""


@dataclass(frozen=True)
class Wijziging:
    gemeente: str
    veld: str
    oud: object
    nieuw: object
    tekst: bool = False  # the explanation, not a figure
    code: str = ""  # the gemeente's CBS code
    sleutel: str = ""  # the field as the services name it ("goo_totaal", "gehuisvest:2024-03")
    waarschuwing: str = ""  # ten times the previous figure or more: to be confirmed
    bevestigen: bool = False  # the row that holds the gemeente's confirmation


@dataclass
class Inlezing:
    rijen: list = field(default_factory=list)  # OekraineRij / AsielRij, ready to save
    wijzigingen: list[Wijziging] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.problemen

    @property
    def te_bevestigen(self) -> list[str]:
        return [w.code for w in self.wijzigingen if w.bevestigen]

    def sprongen_markeren(self, waarschuwingen: dict[tuple[str, str], str]) -> None:
        """Put each (code, field) warning of the tienvoud check on its change; the first
        warned change of a gemeente holds its confirmation."""
        gezien: set[str] = set()
        gemarkeerd = []
        for wijziging in self.wijzigingen:
            melding = waarschuwingen.get((wijziging.code, wijziging.sleutel), "")
            eerste = bool(melding) and wijziging.code not in gezien
            if melding:
                gezien.add(wijziging.code)
            gemarkeerd.append(replace(wijziging, waarschuwing=melding, bevestigen=eerste))
        self.wijzigingen = gemarkeerd


def inlezen(*, inhoud: bytes, onderwerp: Onderwerp, peildatum: Peildatum) -> Inlezing:
    uitkomst = Inlezing()
    if peildatum.is_vastgesteld:
        return _geweigerd(
            uitkomst,
            _("The reference date %(date)s has been adopted; its figures cannot be imported.")
            % {"date": f"{peildatum.datum:%-d-%-m-%Y}"},
        )
    if len(inhoud) > MAX_BYTES:
        return _geweigerd(uitkomst, te_groot())
    blad = _open(inhoud, uitkomst)
    if blad is None:
        return uitkomst
    if not _juist_sjabloon(blad, onderwerp, peildatum, uitkomst):
        return uitkomst
    gemeenten = {g.code: g for g in gemeenten_van(peildatum)}
    gegevensrijen = [
        r for r in range(KOPREGEL + 1, blad.max_row + 1) if not _leeg(blad, r, onderwerp)
    ]
    if len(gegevensrijen) > len(gemeenten):
        return _geweigerd(
            uitkomst,
            _("The file has %(rows)s rows, more than the %(count)s municipalities of %(name)s.")
            % {"rows": len(gegevensrijen), "count": len(gemeenten), "name": peildatum.provincie},
        )
    huidig = huidige_tellingen(onderwerp, peildatum)
    gezien: set[str] = set()
    for r in gegevensrijen:
        _lees_rij(blad, r, onderwerp, gemeenten, gezien, huidig, uitkomst)
    if uitkomst.problemen:
        uitkomst.rijen = []
        return uitkomst
    sleutel = {"peildatum": peildatum, **onderwerp.sleutel_extra(peildatum)}
    lijst = [gemeenten[rij.gemeente] for rij in uitkomst.rijen]
    vorige = sprongen.vorige_tellingen(onderwerp.model, peildatum, sleutel, lijst)
    uitkomst.sprongen_markeren(
        {
            (rij.gemeente, veld): melding
            for rij, gemeente in zip(uitkomst.rijen, lijst, strict=True)
            for veld, melding in sprongen.sprongen(
                rij, vorige.get(("gemeente", gemeente.pk)), onderwerp.model
            )
        }
    )
    return uitkomst


@dataclass(frozen=True)
class Kop:
    """What the cells B3-B5 of a template say it is for."""

    onderwerp: str
    provincie: str
    waarde: object  # the peildatum (a date) or, for statushouders, the period ("2024-I")


def kop_lezen(inhoud: bytes) -> tuple[Kop | None, list[Probleem]]:
    """The subject, province and peildatum or period the uploaded template was made
    for, so the upload need not ask for them again; or why it is not a template."""
    uitkomst = Inlezing()
    blad = _open(inhoud, uitkomst)
    if blad is None:
        return None, uitkomst.problemen
    if blad["B2"].value != SJABLOONVERSIE:
        return None, [Probleem(_("This workbook is not the PRT Monitor import template."))]
    waarde = blad["B5"].value
    waarde = waarde.date() if hasattr(waarde, "date") else waarde
    return Kop(str(blad["B3"].value or ""), str(blad["B4"].value or ""), waarde), []


def _geweigerd(uitkomst: Inlezing, melding: str) -> Inlezing:
    uitkomst.problemen.append(Probleem(melding))
    return uitkomst


def _open(inhoud: bytes, uitkomst: Inlezing):
    """The template's sheet, formulas as written (a formula is refused, not evaluated),
    read within the bounds of `xlsxbestand` (size, zip, macros, rows, columns, time)."""
    try:
        return blad_openen(inhoud, BLAD)
    except Geweigerd as fout:
        _geweigerd(uitkomst, fout.melding)
        return None


def _juist_sjabloon(blad, onderwerp: Onderwerp, peildatum: Peildatum, uitkomst) -> bool:
    if blad["B2"].value != SJABLOONVERSIE:
        _geweigerd(uitkomst, _("This workbook is not the PRT Monitor import template."))
        return False
    datum = blad["B5"].value
    datum = datum.date() if hasattr(datum, "date") else datum
    verwacht = (onderwerp.sleutel, peildatum.provincie.code, peildatum.datum)
    if (blad["B3"].value, blad["B4"].value, datum) != verwacht:
        _geweigerd(
            uitkomst,
            _(
                "This is the template for %(subject)s, %(province)s on %(date)s; choose that "
                "subject, province and reference date, or download the right template."
            )
            % {
                "subject": blad["B3"].value,
                "province": blad["B4"].value,
                "date": f"{datum:%-d-%-m-%Y}" if hasattr(datum, "day") else datum,
            },
        )
        return False
    return True


def _leeg(blad, r: int, onderwerp: Onderwerp) -> bool:
    laatste = EERSTE_WAARDEKOLOM + len(onderwerp.velden)
    return all(blad.cell(row=r, column=k).value in (None, "") for k in range(1, laatste + 1))


def _lees_rij(blad, r, onderwerp, gemeenten, gezien, huidig, uitkomst) -> None:
    def probleem(melding: str, kolom: int) -> None:
        uitkomst.problemen.append(Probleem(melding, BLAD, r, get_column_letter(kolom)))

    code = str(blad.cell(row=r, column=KOLOM_CODE).value or "").strip().upper()
    gemeente = gemeenten.get(code)
    if gemeente is None:
        elders = Gemeente.objects.filter(code=code).select_related("provincie").first()
        if elders is not None:
            probleem(
                _("%(name)s (%(code)s) is not a municipality of this province.")
                % {"name": elders.naam, "code": code},
                KOLOM_CODE,
            )
        else:
            probleem(_("Unknown CBS code '%(code)s'.") % {"code": code}, KOLOM_CODE)
        return
    if code in gezien:
        probleem(_("%(code)s appears more than once.") % {"code": code}, KOLOM_CODE)
        return
    gezien.add(code)
    nieuw: dict[str, object] = {}
    for i, veld in enumerate(onderwerp.velden):
        kolom = EERSTE_WAARDEKOLOM + i
        getal, melding = _getal(blad.cell(row=r, column=kolom).value)
        if melding:
            probleem(melding, kolom)
        nieuw[veld] = getal
    toelichting_kolom = EERSTE_WAARDEKOLOM + len(onderwerp.velden)
    nieuw["toelichting"] = str(blad.cell(row=r, column=toelichting_kolom).value or "").strip()
    versie = blad.cell(row=r, column=toelichting_kolom + 1).value
    telling = huidig.get(code)
    oud = {v: getattr(telling, v) if telling else None for v in nieuw}
    oud["toelichting"] = oud["toelichting"] or ""
    for veld, waarde in nieuw.items():
        if waarde != oud[veld]:
            label = onderwerp.label(veld)
            uitkomst.wijzigingen.append(
                Wijziging(
                    gemeente.naam,
                    label,
                    oud[veld],
                    waarde,
                    tekst=veld == "toelichting",
                    code=code,
                    sleutel=veld,
                )
            )
    uitkomst.rijen.append(
        onderwerp.rij(gemeente=code, versie=versie if isinstance(versie, int) else None, **nieuw)
    )


def _getal(waarde) -> tuple[int | None, str]:
    """A whole number of 0 or more, or None for an empty cell; else a Dutch message."""
    if isinstance(waarde, str) and waarde.startswith("="):
        if "[" in waarde or ".xls" in waarde.lower():
            return None, _("The formula %(formula)s refers to another file; type the number.") % {
                "formula": waarde
            }
        return None, _("Type the number instead of the formula %(formula)s.") % {"formula": waarde}
    try:
        return aantal_uit_cel(waarde), ""
    except OngeldigAantal as fout:
        return None, aantal_melding(fout)


def vastleggen(*, onderwerp: Onderwerp, peildatum: Peildatum, door, rijen, bevestigd):
    """Save the rows of a checked import through the subject's entry service.

    All or nothing: the service checks the permission policy, the vastgesteld state,
    every row and the versions again, and writes the audit trail.
    """
    return onderwerp.opslaan(peildatum=peildatum, door=door, rijen=rijen, bevestigd=bevestigd)
