from django.core.management.base import BaseCommand

from realisatie.demodata import DEMO_WACHTWOORD, demodata_laden


class Command(BaseCommand):
    help = "Laadt de democijfers uit de brondocumenten en maakt de demo-accounts aan."

    def handle(self, *args, **options):
        accounts = demodata_laden()
        self.stdout.write(self.style.SUCCESS("Democijfers geladen."))
        self.stdout.write("")
        self.stdout.write("Demo-logins (alleen voor de demo), wachtwoord: " + DEMO_WACHTWOORD)
        for account in accounts:
            self.stdout.write(f"  {account.gebruikersnaam:<24} {account.omschrijving}")
