from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from realisatie.demodata import DEMO_CODES, DEMO_WACHTWOORD, demodata_laden
from regietafel.demodata import regietafel_demodata_laden


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A property: argparse cannot format a lazy string.
        return _("Loads the demo figures from the source documents and creates the demo accounts.")

    def handle(self, *args, **options):
        accounts = demodata_laden()
        regietafel_demodata_laden()
        self.stdout.write(self.style.SUCCESS(_("Demo figures loaded.")))
        self.stdout.write("")
        self.stdout.write(
            _("Demo logins (for the demo only), password: %(password)s")
            % {"password": DEMO_WACHTWOORD}
        )
        for account in accounts:
            self.stdout.write(f"  {account.gebruikersnaam:<24} {account.omschrijving}")
        self.stdout.write(
            _("Two-step codes for secretaries and the beheerder (each works once): %(codes)s")
            % {"codes": ", ".join(DEMO_CODES)}
        )
