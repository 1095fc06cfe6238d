"""Import of statushouders housed per gemeente and month, with "waarvan amv (Nidos)".

Statushouders are not counted on a peildatum but per month, so this template is for a
period: a half year (2024-I: six months) or one month (2024-03). It has a row per
gemeente and month (CBS code, name, month), prefilled with what is registered; B5 says
the period. Reading refuses what `inlezen` refuses for the other subjects (another
template or period, unknown, duplicate or foreign CBS codes, text, fractions, negative
numbers, formulas, too large, more rows than gemeenten x months) plus a month outside
the period. Saving goes through `huisvesting_opslaan`, so the permission policy,
validation (amv <= housed), locked months and audit trail are the entry screen's.
Example: Deventer housed 20 in January 2024, of which 2 amv -> row GM0150, 1-1-2024, 20, 2.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from gemeenten.models import Gemeente, Provincie
from opgaven.halfjaar import Halfjaar
from realisatie.exports.inlezen import (
    MAX_BYTES,
    Inlezing,
    Probleem,
    Wijziging,
    _getal,
    _open,
    te_groot,
)
from realisatie.exports.sjabloon import BLAD, KOPREGEL, SJABLOONVERSIE
from realisatie.exports.werkboek import (
    Datum,
    Invoer,
    Kolom,
    Rij,
    Sjabloon,
    Tabel,
    Tekst,
    als_xlsx,
)
from realisatie.invoer import sprongen
from realisatie.invoer.rijen import HuisvestingRij, maandeinde
from realisatie.invoer.services import (
    huisvesting_opslaan,
    huisvesting_veld,
    huisvesting_vergrendeld,
)
from realisatie.models import Huisvesting

SLEUTEL = "statushouders"
NAAM = gettext_lazy("Status holders housed per month")


@dataclass(frozen=True)
class Keuze:
    """The subject as the import form lists it, next to `sjabloon.ONDERWERPEN`."""

    sleutel: str
    naam: object


KEUZE = Keuze(SLEUTEL, NAAM)
KOLOM_CODE, KOLOM_NAAM, KOLOM_MAAND = 1, 2, 3
VELDEN = HuisvestingRij.WAARDEN  # gehuisvest, waarvan_amv
EERSTE_WAARDEKOLOM = 4
KOLOM_TOELICHTING = EERSTE_WAARDEKOLOM + len(VELDEN)
KOLOM_VERSIE = KOLOM_TOELICHTING + 1


@dataclass(frozen=True)
class Periode:
    """A half year or one month, as typed: "2024-I" or "2024-03"."""

    tekst: str
    maanden: tuple[datetime.date, ...]  # first day of each month

    @classmethod
    def parse(cls, tekst: str) -> Periode:
        """Raises ValueError for anything else."""
        tekst = (tekst or "").strip()
        if maand := re.fullmatch(r"(\d{4})-(\d{2})", tekst):
            return cls(tekst, (datetime.date(int(maand[1]), int(maand[2]), 1),))
        halfjaar = Halfjaar.parse(tekst)
        begin = halfjaar.begin
        return cls(str(halfjaar), tuple(begin.replace(month=begin.month + i) for i in range(6)))

    @property
    def begin(self) -> datetime.date:
        return self.maanden[0]

    @property
    def einde(self) -> datetime.date:
        return maandeinde(self.maanden[-1])


def label(veld: str) -> str:
    return str(Huisvesting._meta.get_field(veld).verbose_name)


def gemeenten_van(provincie: Provincie, periode: Periode) -> list[Gemeente]:
    return list(
        Gemeente.objects.in_provincie(provincie).filter_for_date(periode.einde).order_by("naam")
    )


def huidige_maanden(provincie: Provincie, periode: Periode) -> dict[tuple, Huisvesting]:
    """Per (gemeente code, month), the figure registered for exactly that month."""
    rijen = Huisvesting.objects.filter(
        gemeente__in=Gemeente.objects.in_provincie(provincie),
        van__in=periode.maanden,
    ).select_related("gemeente")
    return {(h.gemeente.code, h.van): h for h in rijen if h.tot_en_met == maandeinde(h.van)}


def sjabloon(provincie: Provincie, periode: Periode) -> bytes:
    """The template as a workbook, written by the one writer (`werkboek`): a row per
    gemeente and month, prefilled with what is registered."""
    huidig = huidige_maanden(provincie, periode)
    rijen = []
    for gemeente in gemeenten_van(provincie, periode):
        for maand in periode.maanden:
            telling = huidig.get((gemeente.code, maand))
            rijen.append(
                Rij(
                    [
                        Tekst(gemeente.code),
                        Tekst(gemeente.naam),
                        Datum(maand),
                        *(Invoer(getattr(telling, v) if telling else None) for v in VELDEN),
                        Tekst(telling.toelichting) if telling and telling.toelichting else None,
                        Invoer(telling.versie if telling else None),
                    ]
                )
            )
    tabel = Tabel(
        blad=BLAD,
        titel=_("PRT Monitor import template: %(subject)s") % {"subject": NAAM},
        kolommen=[
            Kolom("code", _("CBS code")),
            Kolom("gemeente", _("Municipality")),
            Kolom("maand", _("Month")),
            *(Kolom(v, label(v)) for v in VELDEN),
            Kolom("toelichting", _("Explanation")),
            Kolom("versie", "versie"),
        ],
        rijen=rijen,
        sjabloon=Sjabloon(
            kenmerken=(
                (_("Template"), SJABLOONVERSIE),
                (_("Subject"), SLEUTEL),
                (_("Province"), provincie.code),
                (_("Period"), periode.tekst),
            ),
            kopregel=KOPREGEL,
            verborgen=("versie",),
            eerste_waardekolom=EERSTE_WAARDEKOLOM,
        ),
    )
    return als_xlsx([tabel], gemaakt=timezone.now())


def inlezen(*, inhoud: bytes, provincie: Provincie, periode: Periode) -> Inlezing:
    uitkomst = Inlezing()
    if len(inhoud) > MAX_BYTES:
        uitkomst.problemen.append(Probleem(te_groot()))
        return uitkomst
    blad = _open(inhoud, uitkomst)
    if blad is None:
        return uitkomst
    if blad["B2"].value != SJABLOONVERSIE:
        uitkomst.problemen.append(
            Probleem(_("This workbook is not the PRT Monitor import template."))
        )
        return uitkomst
    if (blad["B3"].value, blad["B4"].value, str(blad["B5"].value)) != (
        SLEUTEL,
        provincie.code,
        periode.tekst,
    ):
        uitkomst.problemen.append(
            Probleem(
                _(
                    "This is the template for %(subject)s, %(province)s, %(period)s; choose "
                    "that subject, province and period, or download the right template."
                )
                % {
                    "subject": blad["B3"].value,
                    "province": blad["B4"].value,
                    "period": blad["B5"].value,
                }
            )
        )
        return uitkomst
    gemeenten = {g.code: g for g in gemeenten_van(provincie, periode)}
    gegevensrijen = [
        r
        for r in range(KOPREGEL + 1, blad.max_row + 1)
        if any(
            blad.cell(row=r, column=k).value not in (None, "")
            for k in range(1, KOLOM_TOELICHTING + 1)
        )
    ]
    maximum = len(gemeenten) * len(periode.maanden)
    if len(gegevensrijen) > maximum:
        uitkomst.problemen.append(
            Probleem(
                _(
                    "The file has %(rows)s rows, more than the %(count)s municipalities of "
                    "%(name)s times %(months)s months."
                )
                % {
                    "rows": len(gegevensrijen),
                    "count": len(gemeenten),
                    "name": provincie,
                    "months": len(periode.maanden),
                }
            )
        )
        return uitkomst
    huidig = huidige_maanden(provincie, periode)
    gezien: set[tuple] = set()
    for r in gegevensrijen:
        _lees_rij(blad, r, provincie, periode, gemeenten, gezien, huidig, uitkomst)
    if not uitkomst.problemen:
        for melding in huisvesting_vergrendeld(provincie, uitkomst.rijen):
            uitkomst.problemen.append(Probleem(melding))
    if uitkomst.problemen:
        uitkomst.rijen = []
        return uitkomst
    lijst = [gemeenten[rij.gemeente] for rij in uitkomst.rijen]
    vorige = sprongen.vorige_maanden(list(set(lijst)), uitkomst.rijen)
    uitkomst.sprongen_markeren(
        {
            (rij.gemeente, huisvesting_veld(rij, veld)): melding
            for rij, gemeente in zip(uitkomst.rijen, lijst, strict=True)
            for veld, melding in sprongen.sprongen(
                rij, vorige.get((gemeente.pk, rij.van)), Huisvesting
            )
        }
    )
    return uitkomst


def _lees_rij(blad, r, provincie, periode, gemeenten, gezien, huidig, uitkomst) -> None:
    def probleem(melding: str, kolom: int) -> None:
        uitkomst.problemen.append(Probleem(melding, BLAD, r, get_column_letter(kolom)))

    code = str(blad.cell(row=r, column=KOLOM_CODE).value or "").strip().upper()
    gemeente = gemeenten.get(code)
    if gemeente is None:
        elders = Gemeente.objects.filter(code=code).first()
        if elders is not None:
            probleem(
                _("%(name)s (%(code)s) is not a municipality of this province.")
                % {"name": elders.naam, "code": code},
                KOLOM_CODE,
            )
        else:
            probleem(_("Unknown CBS code '%(code)s'.") % {"code": code}, KOLOM_CODE)
        return
    maand = blad.cell(row=r, column=KOLOM_MAAND).value
    maand = maand.date() if isinstance(maand, datetime.datetime) else maand
    if not isinstance(maand, datetime.date) or maand not in periode.maanden:
        probleem(
            _("'%(value)s' is not the first day of a month of %(period)s.")
            % {"value": maand, "period": periode.tekst},
            KOLOM_MAAND,
        )
        return
    if (code, maand) in gezien:
        probleem(
            _("%(code)s appears more than once for %(month)s.")
            % {"code": code, "month": f"{maand:%-m-%Y}"},
            KOLOM_CODE,
        )
        return
    gezien.add((code, maand))
    nieuw: dict[str, object] = {}
    for i, veld in enumerate(VELDEN):
        kolom = EERSTE_WAARDEKOLOM + i
        getal, melding = _getal(blad.cell(row=r, column=kolom).value)
        if melding:
            probleem(melding, kolom)
        nieuw[veld] = getal
    if nieuw["gehuisvest"] is not None and (nieuw["waarvan_amv"] or 0) > nieuw["gehuisvest"]:
        probleem(
            _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
            % {"amv": nieuw["waarvan_amv"], "totaal": nieuw["gehuisvest"]},
            EERSTE_WAARDEKOLOM + 1,
        )
    nieuw["toelichting"] = str(blad.cell(row=r, column=KOLOM_TOELICHTING).value or "").strip()
    versie = blad.cell(row=r, column=KOLOM_VERSIE).value
    telling = huidig.get((code, maand))
    oud = {v: getattr(telling, v) if telling else None for v in nieuw}
    oud["toelichting"] = oud["toelichting"] or ""
    for veld, waarde in nieuw.items():
        if waarde != oud[veld]:
            uitkomst.wijzigingen.append(
                Wijziging(
                    f"{gemeente.naam}, {maand:%-m-%Y}",
                    label(veld),
                    oud[veld],
                    waarde,
                    tekst=veld == "toelichting",
                    code=code,
                    sleutel=f"{veld}:{maand:%Y-%m}",
                )
            )
    if telling is None and all(v in (None, "") for v in nieuw.values()):
        return  # an empty month stays "not registered"
    uitkomst.rijen.append(
        HuisvestingRij(
            gemeente=code,
            van=maand,
            tot_en_met=maandeinde(maand),
            versie=versie if isinstance(versie, int) else None,
            **nieuw,
        )
    )


def vastleggen(*, provincie: Provincie, door, rijen, bevestigd):
    """All or nothing through `huisvesting_opslaan` (permission, checks, history)."""
    return huisvesting_opslaan(provincie=provincie, door=door, rijen=rijen, bevestigd=bevestigd)


def als_sessie(rij: HuisvestingRij) -> dict:
    return {**rij.__dict__, "van": rij.van.isoformat(), "tot_en_met": rij.tot_en_met.isoformat()}


def uit_sessie(gegevens: dict) -> HuisvestingRij:
    return HuisvestingRij(
        **{
            **gegevens,
            "van": datetime.date.fromisoformat(gegevens["van"]),
            "tot_en_met": datetime.date.fromisoformat(gegevens["tot_en_met"]),
        }
    )
