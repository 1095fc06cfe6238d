"""Bijlage 3 (statushouders over half years) and bijlage 4 (Oekraïne) of a provinciaal
plan. The figures come from `realisatie.overzicht.provincie_overzicht`; these
exporters only lay them out.

Worked example (Overijssel werkplan 2024, 2024-I): Deventer 108 / -13 / 95,
Staphorst 19 / (not registered) / 0, IJsselland 766 and Twente 927 to be housed,
the province 1.249 / 1.693.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavesoort
from realisatie import bronnen
from realisatie.aggregatie import ONBEKEND, Cijfer, Regel
from realisatie.dashboard.tables import bloktabel
from realisatie.exports.exporter import (
    Exporter,
    besluitbron,
    gebiedscel,
    gebiedskop,
    is_totaalrij,
    kinderen,
)
from realisatie.exports.werkboek import Kolom, Onbekend, Percentage, Rij, Tabel, Verschil
from realisatie.overzicht import (
    Blok,
    provincie_overzicht,
    provinciegebied,
    statushoudersblok,
)
from realisatie.tabelbasis import als_werkboektabel


def gebiedskolommen() -> list[Kolom]:
    return [Kolom("gebied", _("Area")), Kolom("code", _("CBS code"))]


def bloksheet(exporter: Exporter, blok: Blok, blad: str, *sleutels: str, titel: str = "") -> Tabel:
    """A sheet of a block: the dashboard's own table of the block
    (`realisatie.dashboard.tables.bloktabel`) with the columns of `sleutels` (the
    block's visible ones when none are named), each area once, live subtotals."""
    kolommen = (
        [next(k for k in blok.kolommen if k.sleutel == s) for s in sleutels]
        if sleutels
        else blok.zichtbare_kolommen
    )
    tabel = bloktabel(blok, blok.getoonde_regels, kolommen=kolommen)
    tabel.titel = titel or tabel.titel
    return als_werkboektabel(
        tabel,
        blad=blad,
        regels=exporter.regels(besluitbron(blok.besluit), peildata=blok.peildata),
    )


def oekraine_tabel(exporter: Exporter, blok: Blok, blad: str) -> Tabel:
    return bloksheet(
        exporter,
        blok,
        blad,
        titel=_("Reception of displaced persons from Ukraine per municipality"),
    )


class Bijlage4(Exporter):
    """Oekraïne per gemeente: opgave, GOO, verschil, bezet, beschikbaar, POO."""

    bestandsnaam = "bijlage-4-oekraine"

    @property
    def titel(self) -> str:
        return _("Annex 4: Ukraine")

    def tabellen(self) -> Iterator[Tabel]:
        blok = provincie_overzicht(self.provincie, self.datum).blok(Opgavesoort.OEKRAINE)
        yield oekraine_tabel(self, blok, _("Ukraine"))


STATUSHOUDER_KOLOMMEN = (
    ("taakstelling", gettext_lazy("Housing target")),
    ("stand_begin", gettext_lazy("Lead/backlog at the start")),
    ("te_realiseren", gettext_lazy("To be housed")),
    ("gehuisvest", gettext_lazy("Housed")),
    ("stand", gettext_lazy("Balance at the end")),
    ("percentage", gettext_lazy("Percentage realised")),
)


class Bijlage3(Exporter):
    """Statushouders per gemeente over the chosen half years.

    Each half year is read as of its last day, so "housed" is the whole half year and
    the balance is the stand at its end.
    """

    bestandsnaam = "bijlage-3-statushouders"

    def __init__(self, *, halfjaren: list[Halfjaar], **kwargs):
        super().__init__(**kwargs)
        self.halfjaren = halfjaren

    @property
    def titel(self) -> str:
        return _("Annex 3: status holders")

    def blokken(self) -> list[tuple[Halfjaar, Blok | None]]:
        with bronnen.leesronde():  # one read per kind of figure, however many half years
            return self._blokken()

    def _blokken(self) -> list[tuple[Halfjaar, Blok | None]]:
        uit = []
        for halfjaar in self.halfjaren:
            # The whole half year: the months that end before the first day of the next.
            boom = provinciegebied(self.provincie, halfjaar.einde)
            blok = statushoudersblok(
                self.provincie, boom, halfjaar.volgende().begin, halfjaar=halfjaar
            )
            uit.append((halfjaar, blok if blok.besluit is not None else None))
        return uit

    def tabellen(self) -> Iterator[Tabel]:
        blokken = self.blokken()
        bekend = [b for _h, b in blokken if b is not None]
        # The rows: the deepest table of the half years (a source may give only totals).
        skelet = max(bekend, key=lambda b: len(b.regels)).regels if bekend else []
        onder = kinderen(skelet)
        per_halfjaar = [
            {_sleutel(r): r for r in blok.regels} if blok else {} for _h, blok in blokken
        ]
        kolommen = gebiedskolommen()
        for halfjaar, _blok in blokken:
            kolommen += [
                Kolom(f"{sleutel}_{halfjaar}", str(label), groep=str(halfjaar))
                for sleutel, label in STATUSHOUDER_KOLOMMEN
            ]
        rijen = []
        for i, regel in enumerate(skelet):
            cellen = gebiedskop(regel)
            for (halfjaar, _blok), regels in zip(blokken, per_halfjaar, strict=True):
                eigen = regels.get(_sleutel(regel))
                cellen += _statushouder_cellen(eigen, str(halfjaar), onder[i])
            rijen.append(Rij(cellen, vet=is_totaalrij(regel)))
        yield Tabel(
            blad=_("Status holders"),
            titel=_("Housing of status holders per municipality"),
            regels=self.regels(*sorted({besluitbron(b.besluit) for b in bekend})),
            kolommen=kolommen,
            rijen=rijen,
            leeg=_("No housing targets for the chosen half years."),
        )


def _sleutel(regel: Regel) -> tuple[str, str]:
    return (regel.knoop.niveau, regel.knoop.code)


def _statushouder_cellen(regel: Regel | None, halfjaar: str, onder: tuple[int, ...]) -> list:
    def waarde(sleutel: str) -> Cijfer:
        return regel.waarden.get(sleutel, ONBEKEND) if regel else ONBEKEND

    if regel is None:
        return [Onbekend() for _k in STATUSHOUDER_KOLOMMEN]
    return [
        gebiedscel(waarde("taakstelling"), onder),
        gebiedscel(waarde("stand_begin"), onder),
        gebiedscel(waarde("te_realiseren"), onder),
        gebiedscel(waarde("gehuisvest"), onder),
        Verschil(f"te_realiseren_{halfjaar}", f"gehuisvest_{halfjaar}", regel.waarde("stand")),
        Percentage(
            f"gehuisvest_{halfjaar}", f"te_realiseren_{halfjaar}", regel.waarde("percentage")
        ),
    ]
