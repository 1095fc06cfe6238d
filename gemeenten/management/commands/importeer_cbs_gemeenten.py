import argparse
import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gemeenten.services import cbs_gemeenten_importeren


def peildatum(waarde: str) -> datetime.date:
    """`2025-01-01` or `1-1-2025`."""
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{waarde}' is geen datum; gebruik 2025-01-01 of 1-1-2025.")


class Command(BaseCommand):
    help = (
        "Werkt de gemeenten bij met een CBS-lijst (CSV met code, naam en provinciecode; "
        "ook de CBS-kolomnamen GemeentecodeGM, Gemeentenaam en ProvinciecodePV). Voegt "
        "ontbrekende gemeenten toe en corrigeert naam en provincie; veiligheidsregio en "
        "subregio blijven staan. Gemeenten die niet in het bestand staan worden gemeld, "
        "niet verwijderd."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path, help="Het CSV-bestand (scheidingsteken ; of ,).")
        parser.add_argument(
            "--peildatum",
            type=peildatum,
            help="Datum waarop de lijst geldt (2025-01-01 of 1-1-2025); nieuwe gemeenten "
            "zijn geldig vanaf die datum. Standaard: vandaag, zonder begindatum.",
        )

    def handle(self, *args, csv: Path, peildatum: datetime.date | None, **options):
        try:
            rapport = cbs_gemeenten_importeren(bestand=csv, peildatum=peildatum)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        for titel, regels in (
            ("Toegevoegd", rapport.toegevoegd),
            ("Gewijzigd", rapport.gewijzigd),
            ("Niet in het bestand (niet verwijderd)", rapport.niet_in_bestand),
        ):
            self.stdout.write(f"{titel}: {len(regels)}")
            for regel in regels:
                self.stdout.write(f"  {regel}")
        self.stdout.write(f"Ongewijzigd: {len(rapport.ongewijzigd)}")
        if options["verbosity"] > 1:
            for regel in rapport.ongewijzigd:
                self.stdout.write(f"  {regel}")
