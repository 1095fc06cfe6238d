"""The stand van zaken sent with every PRT meeting: one workbook, a sheet per subject
(asiel per location, amv COA, Oekraïne, statushouders per month, amv Nidos).

Every figure is the overview's (`realisatie.overzicht`), the months included: a month
counts when it ends before the reference date, as everywhere."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from opgaven.models import Opgavesoort
from realisatie.capaciteit import Kwartaal
from realisatie.exports.asiel import amv_tabel, locaties, locatietabel
from realisatie.exports.bijlagen import gebiedskolommen, oekraine_tabel
from realisatie.exports.exporter import (
    Exporter,
    besluitbron,
    gebiedscel,
    gebiedskop,
    is_totaalrij,
    kinderen,
)
from realisatie.exports.werkboek import Kolom, Onbekend, Percentage, Rij, Tabel, Verschil
from realisatie.overzicht import Blok, provincie_overzicht, statushouders_per_maand


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
        yield locatietabel(self, self.einde, locaties(self.provincie))
        yield amv_tabel(self, overzicht.blok(Opgavesoort.ASIEL))
        yield oekraine_tabel(self, overzicht.blok(Opgavesoort.OEKRAINE), _("Ukraine"))
        statushouders = overzicht.blok(Opgavesoort.STATUSHOUDERS)
        yield self.statushouders(statushouders, overzicht.boom)
        yield self.nidos(statushouders)

    def statushouders(self, blok: Blok, boom) -> Tabel:
        """Per area: taakstelling, te realiseren, housed per month, housed, stand, %.

        Housed per month where it was recorded per month; the total housed is the
        overview's figure (a source may give only a half-year total)."""
        halfjaar = blok.halfjaar
        maanden = halfjaar.maanden if halfjaar else []
        per_maand = (
            statushouders_per_maand(self.provincie, boom, halfjaar, self.datum) if halfjaar else {}
        )
        regels = blok.getoonde_regels
        onder = kinderen(regels)
        rijen = []
        for i, regel in enumerate(regels):
            maandcellen = []
            for maand in maanden:
                if maand in per_maand:
                    maandregel = per_maand[maand][_index(per_maand[maand], regel)]
                    maandcellen.append(gebiedscel(maandregel.cijfer("gehuisvest"), onder[i]))
                else:
                    maandcellen.append(Onbekend(_("month not ended yet")))
            rijen.append(
                Rij(
                    [
                        *gebiedskop(regel),
                        gebiedscel(regel.cijfer("taakstelling"), onder[i]),
                        gebiedscel(regel.cijfer("te_realiseren"), onder[i]),
                        *maandcellen,
                        gebiedscel(regel.cijfer("gehuisvest"), onder[i]),
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
            rijen=rijen if halfjaar else [],
            leeg=_("No housing target for this half year."),
        )

    def nidos(self, blok: Blok) -> Tabel:
        """Amv via Nidos: the amv part of the taakstelling and the amv housed."""
        regels = blok.getoonde_regels if blok.halfjaar else []
        onder = kinderen(regels)
        rijen = [
            Rij(
                [
                    *gebiedskop(regel),
                    gebiedscel(regel.cijfer("taakstelling_amv"), onder[i]),
                    gebiedscel(regel.cijfer("gehuisvest_amv"), onder[i]),
                    Verschil("taakstelling", "gehuisvest", regel.waarde("stand_amv")),
                ],
                vet=is_totaalrij(regel),
            )
            for i, regel in enumerate(regels)
        ]
        return Tabel(
            blad=_("Unaccompanied minors Nidos"),
            titel=_("Unaccompanied minors via Nidos %(half_year)s")
            % {"half_year": blok.halfjaar or ""},
            regels=self.regels(besluitbron(blok.besluit)),
            kolommen=[
                *gebiedskolommen(),
                Kolom("taakstelling", _("of which unaccompanied minors (Nidos)")),
                Kolom("gehuisvest", _("Housed")),
                Kolom("stand", _("Still to house")),
            ],
            rijen=rijen,
            leeg=_("No housing target for this half year."),
        )


def _index(regels, regel) -> int:
    """The position of `regel`'s area among `regels` (both in tree order)."""
    return next(i for i, r in enumerate(regels) if r.knoop.code == regel.knoop.code)
