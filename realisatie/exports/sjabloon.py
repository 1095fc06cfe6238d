"""The import template: a workbook prefilled with the province's gemeenten (CBS code,
name) and their current figures of one subject on one peildatum.

The cells B2-B5 say which template this is (version, subject, province, peildatum);
`inlezen` refuses a file whose cells say something else. The hidden last column keeps
the version of each figure, so an upload over figures someone changed since the
download becomes a conflict instead of a lost update. Exporting and importing the
same template unchanged changes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from gemeenten.models import Gemeente
from realisatie.exports.neutraliseren import als_tekst
from realisatie.exports.werkboek import DATUMNOTATIE, GETALNOTATIE
from realisatie.invoer.rijen import AsielRij, OekraineRij
from realisatie.invoer.services import asieltellingen_opslaan, oekraine_tellingen_opslaan
from realisatie.models import AsielTelling, OekraineTelling, Peildatum

SJABLOONVERSIE = "prt-invoer-1"
BLAD = "Invoer"
KOPREGEL = 7
KOLOM_CODE, KOLOM_NAAM = 1, 2
EERSTE_WAARDEKOLOM = 3


@dataclass(frozen=True)
class Onderwerp:
    sleutel: str
    naam: object
    model: type
    rij: type
    opslaan: Callable

    @property
    def velden(self) -> tuple[str, ...]:
        return self.rij.WAARDEN

    def label(self, veld: str) -> str:
        return str(self.model._meta.get_field(veld).verbose_name)

    def sleutel_extra(self, peildatum: Peildatum) -> dict:
        """What identifies the figure besides the peildatum: an asiel realisation is the
        one for the peildatum's own date (a later date is a plan)."""
        return {"datum": peildatum.datum} if self.model is AsielTelling else {}


ONDERWERPEN = {
    "oekraine": Onderwerp(
        "oekraine",
        gettext_lazy("Ukraine"),
        OekraineTelling,
        OekraineRij,
        oekraine_tellingen_opslaan,
    ),
    "asiel": Onderwerp(
        "asiel",
        gettext_lazy("Asylum totals per type"),
        AsielTelling,
        AsielRij,
        asieltellingen_opslaan,
    ),
}


def gemeenten_van(peildatum: Peildatum) -> list[Gemeente]:
    return list(
        Gemeente.objects.in_provincie(peildatum.provincie)
        .filter_for_date(peildatum.datum)
        .order_by("naam")
    )


def huidige_tellingen(onderwerp: Onderwerp, peildatum: Peildatum) -> dict[str, object]:
    """Per gemeente code, its figure of this peildatum (not an earlier one)."""
    tellingen = onderwerp.model.objects.filter(
        peildatum=peildatum, gemeente__isnull=False
    ).select_related("gemeente")
    if onderwerp.model is AsielTelling:
        tellingen = tellingen.filter(datum=peildatum.datum)
    return {t.gemeente.code: t for t in tellingen}


def sjabloon(onderwerp: Onderwerp, peildatum: Peildatum) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD
    blad["A1"] = _("PRT Monitor import template: %(subject)s") % {"subject": onderwerp.naam}
    blad["A1"].font = Font(bold=True, size=14)
    for rij, (label, waarde) in enumerate(
        (
            (_("Template"), SJABLOONVERSIE),
            (_("Subject"), onderwerp.sleutel),
            (_("Province"), peildatum.provincie.code),
            (_("Reference date"), peildatum.datum),
        ),
        start=2,
    ):
        blad.cell(row=rij, column=1, value=label)
        blad.cell(row=rij, column=2, value=waarde)
    blad["B5"].number_format = DATUMNOTATIE
    koppen = [
        _("CBS code"),
        _("Municipality"),
        *(onderwerp.label(v) for v in onderwerp.velden),
        _("Explanation"),
        "versie",
    ]
    for kolom, kop in enumerate(koppen, start=1):
        blad.cell(row=KOPREGEL, column=kolom, value=kop).font = Font(bold=True)
    tellingen = huidige_tellingen(onderwerp, peildatum)
    for rij, gemeente in enumerate(gemeenten_van(peildatum), start=KOPREGEL + 1):
        telling = tellingen.get(gemeente.code)
        blad.cell(row=rij, column=KOLOM_CODE, value=gemeente.code)
        als_tekst(blad.cell(row=rij, column=KOLOM_NAAM), gemeente.naam)
        for i, veld in enumerate(onderwerp.velden):
            cel = blad.cell(row=rij, column=EERSTE_WAARDEKOLOM + i)
            cel.value = getattr(telling, veld) if telling else None
            cel.number_format = GETALNOTATIE
        toelichting = EERSTE_WAARDEKOLOM + len(onderwerp.velden)
        als_tekst(blad.cell(row=rij, column=toelichting), telling.toelichting if telling else None)
        blad.cell(row=rij, column=toelichting + 1, value=telling.versie if telling else None)
    versiekolom = blad.cell(row=KOPREGEL, column=len(koppen)).column_letter
    blad.column_dimensions[versiekolom].hidden = True
    blad.column_dimensions["A"].width = 12
    blad.column_dimensions["B"].width = 28
    blad.freeze_panes = blad.cell(row=KOPREGEL + 1, column=EERSTE_WAARDEKOLOM)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
