from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gemeenten.services import referentiedata_laden


class Command(BaseCommand):
    help = (
        "Laadt de provincies, veiligheidsregio's, subregio's en gemeenten uit de "
        "CSV-bestanden in fixtures/referentie/. Bestaande gegevens worden bijgewerkt op "
        "CBS-code; nogmaals laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--map",
            type=Path,
            default=settings.BASE_DIR / "fixtures" / "referentie",
            help="Map met provincies.csv, veiligheidsregios.csv, subregios.csv en "
            "gemeenten.csv (standaard: fixtures/referentie/).",
        )

    def handle(self, *args, map: Path, **options):
        try:
            rapport = referentiedata_laden(map=map)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        for titel, deel in (
            ("Provincies", rapport.provincies),
            ("Veiligheidsregio's", rapport.veiligheidsregios),
            ("Subregio's", rapport.subregios),
            ("Gemeenten", rapport.gemeenten),
        ):
            self.stdout.write(
                f"{titel}: {len(deel.toegevoegd)} toegevoegd, {len(deel.gewijzigd)} "
                f"gewijzigd, {len(deel.ongewijzigd)} ongewijzigd"
            )
            for regel in deel.gewijzigd:
                self.stdout.write(f"  gewijzigd: {regel}")
