"""The stand van zaken sent with every PRT meeting: one workbook, a sheet per subject
(asiel per location, amv COA, Oekraïne, statushouders per month, amv Nidos)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from opgaven.models import Opgavesoort
from realisatie.capaciteit import Kwartaal
from realisatie.exports.asiel import amv_tabel, gebiedsregels, locatietabel, optellen
from realisatie.exports.bijlagen import gebiedskolommen, oekraine_tabel
from realisatie.exports.exporter import (
    Exporter,
    besluitbron,
    gebiedscel,
    gebiedskop,
    is_totaalrij,
    kinderen,
)
from realisatie.exports.register import gehuisvest_per_maand, nidos_per_gemeente
from realisatie.exports.werkboek import Kolom, Onbekend, Percentage, Rij, Tabel, Verschil
from realisatie.overzicht import ONBEKEND, Blok, provincie_overzicht


class StandVanZaken(Exporter):
    bestandsnaam = "stand-van-zaken"

    def __init__(self, *, einde_vooruitblik: datetime.date | None = None, **kwargs):
        super().__init__(**kwargs)
        # The outlook runs to the end of the quarter a year ahead, unless chosen.
        self.einde = einde_vooruitblik or Kwartaal(self.datum.year + 1, 4).einde

    @property
    def titel(self) -> str:
        return _("State of affairs")

    def tabellen(self) -> Iterator[Tabel]:
        overzicht = provincie_overzicht(self.provincie, self.datum)
        yield locatietabel(self, self.einde)
        yield amv_tabel(self, overzicht.blok(Opgavesoort.ASIEL))
        yield oekraine_tabel(self, overzicht.blok(Opgavesoort.OEKRAINE), _("Ukraine"))
        statushouders = overzicht.blok(Opgavesoort.STATUSHOUDERS)
        yield self.statushouders(statushouders)
        yield self.nidos(statushouders)

    def statushouders(self, blok: Blok) -> Tabel:
        """Per gemeente: taakstelling, te realiseren, housed per month, % realised.

        Housed per month is shown where it was recorded per month; the total housed is
        the overview's figure (a source may give only a half-year total)."""
        halfjaar = blok.halfjaar
        maanden = halfjaar.maanden if halfjaar else []
        per_maand = gehuisvest_per_maand(self.provincie, halfjaar) if halfjaar else {}
        onder = kinderen(blok.regels)
        maand_per_knoop = (
            [
                optellen(
                    blok.regels[0].knoop,
                    {g: m.get(maand.month) for g, m in per_maand.items() if maand.month in m},
                )
                for maand in maanden
            ]
            if blok.regels
            else []
        )
        rijen = []
        for i, regel in enumerate(blok.regels):
            rijen.append(
                Rij(
                    [
                        *gebiedskop(regel),
                        gebiedscel(regel.waarden["taakstelling"], onder[i]),
                        gebiedscel(regel.waarden["te_realiseren"], onder[i]),
                        *(
                            gebiedscel(m.get(id(regel.knoop), ONBEKEND), onder[i])
                            if maand <= self.datum
                            else Onbekend(_("month not begun yet"))
                            for maand, m in zip(maanden, maand_per_knoop, strict=True)
                        ),
                        gebiedscel(regel.waarden["gehuisvest"], onder[i]),
                        Verschil("te_realiseren", "gehuisvest", regel.waarde("stand")),
                        Percentage("gehuisvest", "te_realiseren", regel.waarde("percentage")),
                    ],
                    vet=is_totaalrij(regel),
                )
            )
        return Tabel(
            blad=_("Status holders"),
            titel=_("Housing of status holders %(half_year)s") % {"half_year": halfjaar or ""},
            regels=self.regels(besluitbron(blok.besluit)),
            kolommen=[
                *gebiedskolommen(),
                Kolom("taakstelling", _("Housing target")),
                Kolom("te_realiseren", _("To be housed")),
                *(Kolom(f"maand_{m.month}", f"{MONTHS_3[m.month]} {m.year}") for m in maanden),
                Kolom("gehuisvest", _("Housed")),
                Kolom("stand", _("Balance")),
                Kolom("percentage", _("Percentage realised")),
            ],
            rijen=rijen,
            leeg=_("No housing target for this half year."),
        )

    def nidos(self, blok: Blok) -> Tabel:
        """Amv via Nidos: the amv part of the taakstelling and the amv housed."""
        rijen: list[Rij] = []
        if blok.halfjaar is not None:
            taak, gehuisvest = nidos_per_gemeente(self.provincie, blok.halfjaar, self.datum)
            regels = gebiedsregels(self.provincie, self.datum)
            onder = kinderen(regels)
            taak_per_knoop = optellen(regels[0].knoop, taak)
            gehuisvest_per_knoop = optellen(regels[0].knoop, gehuisvest)
            for i, regel in enumerate(regels):
                rijen.append(
                    Rij(
                        [
                            *gebiedskop(regel),
                            gebiedscel(taak_per_knoop[id(regel.knoop)], onder[i]),
                            gebiedscel(gehuisvest_per_knoop[id(regel.knoop)], onder[i]),
                            Verschil("gehuisvest", "taakstelling"),
                        ],
                        vet=is_totaalrij(regel),
                    )
                )
        return Tabel(
            blad=_("Unaccompanied minors Nidos"),
            titel=_("Unaccompanied minors via Nidos %(half_year)s")
            % {"half_year": blok.halfjaar or ""},
            regels=self.regels(besluitbron(blok.besluit)),
            kolommen=[
                *gebiedskolommen(),
                Kolom("taakstelling", _("of which unaccompanied minors (Nidos)")),
                Kolom("gehuisvest", _("Housed")),
                Kolom("verschil", _("Difference")),
            ],
            rijen=rijen,
            leeg=_("No housing target for this half year."),
        )
