"""The import template: a workbook prefilled with the province's gemeenten (CBS code,
name) and their current figures of one subject on one peildatum.

The cells B2-B5 say which template this is (version, subject, province, peildatum);
`inlezen` refuses a file whose cells say something else. The hidden last column keeps
the version of each figure, so an upload over figures someone changed since the
download becomes a conflict instead of a lost update. Exporting and importing the
same template unchanged changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.models import Gemeente
from realisatie.exports.werkboek import (
    Invoer,
    Kolom,
    Rij,
    Sjabloon,
    Tabel,
    Tekst,
    als_xlsx,
)
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
    """The template as a workbook, written by the one writer (`werkboek`)."""
    tellingen = huidige_tellingen(onderwerp, peildatum)
    rijen = []
    for gemeente in gemeenten_van(peildatum):
        telling = tellingen.get(gemeente.code)
        rijen.append(
            Rij(
                [
                    Tekst(gemeente.code),
                    Tekst(gemeente.naam),
                    *(Invoer(getattr(telling, v) if telling else None) for v in onderwerp.velden),
                    Tekst(telling.toelichting) if telling and telling.toelichting else None,
                    Invoer(telling.versie if telling else None),
                ]
            )
        )
    tabel = Tabel(
        blad=BLAD,
        titel=_("PRT Monitor import template: %(subject)s") % {"subject": onderwerp.naam},
        kolommen=[
            Kolom("code", _("CBS code")),
            Kolom("gemeente", _("Municipality")),
            *(Kolom(v, onderwerp.label(v)) for v in onderwerp.velden),
            Kolom("toelichting", _("Explanation")),
            Kolom("versie", "versie"),
        ],
        rijen=rijen,
        sjabloon=Sjabloon(
            kenmerken=(
                (_("Template"), SJABLOONVERSIE),
                (_("Subject"), onderwerp.sleutel),
                (_("Province"), peildatum.provincie.code),
                (_("Reference date"), peildatum.datum),
            ),
            kopregel=KOPREGEL,
            verborgen=("versie",),
            eerste_waardekolom=EERSTE_WAARDEKOLOM,
        ),
    )
    return als_xlsx([tabel], gemaakt=timezone.now())
