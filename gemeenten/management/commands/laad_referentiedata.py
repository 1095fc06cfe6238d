from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gemeenten.services import referentiedata_laden


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A property: argparse cannot format a lazy string.
        return _(
            "Loads the provinces, safety regions, subregions and municipalities from the "
            "CSV files in fixtures/referentie/. Existing records are updated by CBS code; "
            "loading again changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--map",
            type=Path,
            default=settings.BASE_DIR / "fixtures" / "referentie",
            help=_(
                "Folder with provincies.csv, veiligheidsregios.csv, subregios.csv and "
                "gemeenten.csv (default: fixtures/referentie/)."
            ),
        )

    def handle(self, *args, map: Path, **options):
        try:
            rapport = referentiedata_laden(map=map)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        for titel, deel in (
            (_("Provinces"), rapport.provincies),
            (_("Safety regions"), rapport.veiligheidsregios),
            (_("Subregions"), rapport.subregios),
            (_("Municipalities"), rapport.gemeenten),
        ):
            self.stdout.write(
                _("%(level)s: %(added)d added, %(changed)d changed, %(unchanged)d unchanged")
                % {
                    "level": titel,
                    "added": len(deel.toegevoegd),
                    "changed": len(deel.gewijzigd),
                    "unchanged": len(deel.ongewijzigd),
                }
            )
            for regel in deel.gewijzigd:
                self.stdout.write("  " + _("changed: %(item)s") % {"item": regel})
