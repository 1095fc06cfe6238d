import argparse
import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gemeenten.services import cbs_gemeenten_importeren


def peildatum(waarde: str) -> datetime.date:
    """`2025-01-01` or `1-1-2025`."""
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        _("'%(value)s' is not a date; use 2025-01-01 or 1-1-2025.") % {"value": waarde}
    )


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A property: argparse cannot format a lazy string.
        return _(
            "Updates the municipalities from a CBS list (CSV with code, name and province code; "
            "the CBS column names GemeentecodeGM, Gemeentenaam and ProvinciecodePV work too). "
            "Adds missing municipalities and corrects name and province; safety region and "
            "subregion stay as they are. Municipalities that are not in the file are reported, "
            "not deleted."
        )

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path, help=_("The CSV file (separator ; or ,)."))
        parser.add_argument(
            "--peildatum",
            type=peildatum,
            help=_(
                "Date on which the list applies (2025-01-01 or 1-1-2025); new municipalities "
                "are valid from that date. Default: today, without a start date."
            ),
        )

    def handle(self, *args, csv: Path, peildatum: datetime.date | None, **options):
        try:
            rapport = cbs_gemeenten_importeren(bestand=csv, peildatum=peildatum)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        for titel, regels in (
            (pgettext("import report", "Added"), rapport.toegevoegd),
            (pgettext("import report", "Changed"), rapport.gewijzigd),
            (pgettext("import report", "Not in the file (not deleted)"), rapport.niet_in_bestand),
        ):
            self.stdout.write(_aantal(titel, len(regels)))
            for regel in regels:
                self.stdout.write(f"  {regel}")
        self.stdout.write(_aantal(pgettext("import report", "Unchanged"), len(rapport.ongewijzigd)))
        if options["verbosity"] > 1:
            for regel in rapport.ongewijzigd:
                self.stdout.write(f"  {regel}")


def _aantal(titel: str, aantal: int) -> str:
    return _("%(title)s: %(count)d") % {"title": titel, "count": aantal}
