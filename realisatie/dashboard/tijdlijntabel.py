"""The timeline table, defined once (`realisatie.tabelbasis`): a row per location and a
total row, a column per step. The page shows it, its CSV link exports it and the xlsx
takes its rows, where each total is a live SUM of the location rows above it.

An unknown capacity is a dash (an empty cell, never 0) and makes its total incomplete;
an estimate shows as "≈ 150" and a total with estimates says how much of it is
estimated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from prt import formaat
from realisatie.aggregatie import Bron, Cijfer
from realisatie.dashboard.forms import STAPKEUZES
from realisatie.exports import werkboek
from realisatie.exports.views import XLSX
from realisatie.tabelbasis import GetalKolom, Kolom, Tabel, TekstKolom, Werkboekrij, tabel_van
from realisatie.tijdlijnbeeld import Gebiedstijdlijn

TABEL = "tijdlijn"


@dataclass(frozen=True)
class Tijdlijnrecord:
    naam: str
    gemeente: str
    soorten: str
    cijfers: tuple[Cijfer, ...]
    geschat: tuple[Cijfer | None, ...]  # per step: the estimated part (a row: all or none)
    aantal_locaties: int = 0  # on the total row: the rows it sums
    totaal: bool = False


class _Tekst(TekstKolom):
    kenmerk = "tekst"  # left-aligned, as a name reads


class StapKolom(GetalKolom):
    """The capacity on one step of the timeline."""

    def __init__(self, verbose_name, *, index: int, **kwargs):
        super().__init__(verbose_name, **kwargs)
        self.index = index

    def inhoud(self, record: Tijdlijnrecord):
        return record.cijfers[self.index].waarde

    def html(self, record: Tijdlijnrecord) -> SafeString:
        cijfer = record.cijfers[self.index]
        if cijfer.waarde is None:
            return super().html(record)  # a dash: not registered
        geschat = record.geschat[self.index]
        tekst = escape(formaat.aantal(cijfer.waarde))
        if geschat is not None and geschat.waarde:
            if record.totaal:
                tekst = format_html(
                    '≈ {} <span class="bron">({})</span>',
                    formaat.aantal(cijfer.waarde),
                    _("of which %(count)s estimated") % {"count": formaat.aantal(geschat.waarde)},
                )
            else:
                tekst = format_html(
                    '<span class="geschat" title="{}">≈ {}</span>',
                    _("estimate"),
                    formaat.aantal(cijfer.waarde),
                )
        if cijfer.bron == Bron.ONVOLLEDIG:
            tekst += format_html(
                ' <span class="bron" title="{}">({})</span>',
                _("Not every location has a known capacity."),
                _("incomplete"),
            )
        return tekst

    def werkboekcel(self, record: Tijdlijnrecord, context: Werkboekrij) -> werkboek.Cel:
        cijfer = record.cijfers[self.index]
        geschat = record.geschat[self.index]
        notitie = ""
        if geschat is not None and geschat.waarde:
            notitie = (
                _("of which %(count)s estimated") % {"count": formaat.aantal(geschat.waarde)}
                if record.totaal
                else _("estimate")
            )
        if cijfer.waarde is None:
            return werkboek.Onbekend()  # never a SUM of empty cells, which reads 0
        if record.totaal and record.aantal_locaties:
            if cijfer.bron == Bron.ONVOLLEDIG:
                notitie = " ".join(
                    filter(None, [notitie, _("Not every location has a known capacity.")])
                )
            return werkboek.Subtotaal(
                tuple(range(record.aantal_locaties)), notitie=notitie, waarde=cijfer.waarde
            )
        return werkboek.Getal(cijfer.waarde, notitie=notitie)


def records(beeld: Gebiedstijdlijn) -> list[Tijdlijnrecord]:
    lijn = beeld.tijdlijn
    uit = [
        Tijdlijnrecord(
            naam=rij.locatie.naam,
            gemeente=rij.locatie.gemeente,
            soorten=" → ".join(rij.locatie.soorten),
            cijfers=rij.cijfers,
            geschat=tuple(c if g else None for c, g in zip(rij.cijfers, rij.geschat, strict=True)),
        )
        for rij in lijn.rijen
    ]
    uit.append(
        Tijdlijnrecord(
            naam=_("Total"),
            gemeente="",
            soorten="",
            cijfers=lijn.totaal,
            geschat=lijn.totaal_geschat,
            aantal_locaties=len(lijn.rijen),
            totaal=True,
        )
    )
    return uit


def tijdlijnpagina(beeld: Gebiedstijdlijn) -> dict[str, Tabel]:
    kolommen: dict[str, Kolom] = {
        "locatie": _Tekst(_("Location"), accessor="naam"),
        "gemeente": _Tekst(_("Municipality"), accessor="gemeente"),
        "soort": _Tekst(
            _("Type"), accessor="soorten", uitleg=_("Type over time, in order of date.")
        ),
    }
    for i, dag in enumerate(beeld.tijdlijn.stappen):
        kolommen[dag.isoformat()] = StapKolom(formaat.datum_kort(dag), index=i)
    return {
        TABEL: tabel_van(
            TABEL,
            kolommen,
            records(beeld),
            titel=_("Places per location, %(area)s") % {"area": beeld.gebied.naam},
            rij_kenmerken=lambda r: {"class": "totaal"} if r.totaal else {},
        )
    }


def werkboektabel(beeld: Gebiedstijdlijn, tabel: Tabel) -> werkboek.Tabel:
    from realisatie.tabelbasis import als_werkboektabel

    blad = als_werkboektabel(
        tabel,
        blad=_("Timeline"),
        regels=[
            beeld.provincie.naam,
            _("Area: %(area)s") % {"area": beeld.gebied.naam},
            _("From %(from)s through %(to)s, per %(step)s")
            % {
                "from": formaat.datum_kort(beeld.tijdlijn.stappen[0]),
                "to": formaat.datum_kort(beeld.tijdlijn.stappen[-1]),
                "step": dict(STAPKEUZES)[beeld.stap],
            },
        ],
    )
    blad.rijen[-1].vet = True
    return blad


def xlsx_antwoord(beeld: Gebiedstijdlijn, tabel: Tabel) -> HttpResponse:
    inhoud = werkboek.als_xlsx([werkboektabel(beeld, tabel)], gemaakt=timezone.localtime())
    antwoord = HttpResponse(inhoud, content_type=XLSX)
    naam = f"tijdlijn-{beeld.gebied.code}-{beeld.tijdlijn.stappen[0]:%Y-%m-%d}.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
