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
from realisatie.aggregatie import Regel
from realisatie.capaciteit import Kwartaal
from realisatie.dashboard.tables import bloktabel
from realisatie.exports import werkboek
from realisatie.exports.asiel import locaties, locatietabel
from realisatie.exports.bijlagen import bloksheet, oekraine_tabel
from realisatie.exports.exporter import Exporter, besluitbron, gebiedscel
from realisatie.exports.werkboek import Tabel
from realisatie.overzicht import Blok, provincie_overzicht, statushouders_per_maand
from realisatie.overzicht import Kolom as Blokkolom
from realisatie.tabelbasis import CijferKolom, als_werkboektabel
from realisatie.templatetags.cijfers import cijfer


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
        asiel = overzicht.blok(Opgavesoort.ASIEL)
        yield bloksheet(
            self,
            asiel,
            _("Unaccompanied minors COA"),
            "opgave_amv",
            "amv",
            "verschil_amv",
            titel=_("Unaccompanied minors (COA): target and realisation"),
        )
        yield oekraine_tabel(self, overzicht.blok(Opgavesoort.OEKRAINE), _("Ukraine"))
        statushouders = overzicht.blok(Opgavesoort.STATUSHOUDERS)
        yield self.statushouders(statushouders, overzicht.boom)
        yield bloksheet(
            self,
            statushouders,
            _("Unaccompanied minors Nidos"),
            "taakstelling_amv",
            "gehuisvest_amv",
            "stand_amv",
            titel=_("Unaccompanied minors via Nidos %(half_year)s")
            % {"half_year": statushouders.halfjaar or ""},
        )

    def statushouders(self, blok: Blok, boom) -> Tabel:
        """The dashboard's statushouders table with a column per month of the half year:
        housed per month where it was recorded per month; the total housed is the
        overview's figure (a source may give only a half-year total)."""
        halfjaar = blok.halfjaar
        per_maand = (
            statushouders_per_maand(self.provincie, boom, halfjaar, self.datum) if halfjaar else {}
        )
        kolommen = {k.sleutel: k for k in blok.kolommen}
        tabel = bloktabel(
            blok,
            blok.getoonde_regels if halfjaar else [],
            kolommen=[kolommen["taakstelling"], kolommen["te_realiseren"]],
            extra={
                f"maand_{m.month}": Maandkolom(m, per_maand.get(m))
                for m in (halfjaar.maanden if halfjaar else [])
            },
            na=[kolommen[s] for s in ("gehuisvest", "stand", "percentage")],
        )
        tabel.titel = _("Housing of status holders %(half_year)s") % {"half_year": halfjaar or ""}
        return als_werkboektabel(
            tabel,
            blad=_("Status holders"),
            regels=self.regels(besluitbron(blok.besluit)),
            leeg=_("No housing target for this half year."),
        )


class Maandkolom(CijferKolom):
    """What a row's area housed in one month; a month not ended yet has no figure."""

    def __init__(self, maand: datetime.date, regels: list[Regel] | None):
        super().__init__(Blokkolom(f"maand_{maand.month}", f"{MONTHS_3[maand.month]} {maand.year}"))
        self.per_code = {r.knoop.code: r for r in regels} if regels is not None else None

    def _regel(self, record: Regel) -> Regel | None:
        return self.per_code.get(record.knoop.code) if self.per_code is not None else None

    def inhoud(self, record: Regel):
        regel = self._regel(record)
        return regel.waarde("gehuisvest") if regel else None

    def html(self, record: Regel):
        regel = self._regel(record)
        return cijfer(regel, GEHUISVEST) if regel else ""

    def werkboekcel(self, record: Regel, context) -> werkboek.Cel:
        regel = self._regel(record)
        if regel is None:
            return werkboek.Onbekend(_("month not ended yet"))
        return gebiedscel(regel.cijfer("gehuisvest"), context.onder)


GEHUISVEST = Blokkolom("gehuisvest", "")
