from django.apps import AppConfig


class RealisatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "realisatie"

    def ready(self):
        from django.db.models.signals import post_migrate

        from realisatie import actueel

        # After every migrate: the trigger that moves the state of the figures
        # (realisatie.actueel), also on a table a later migration adds.
        post_migrate.connect(actueel.installeren, sender=self, dispatch_uid="gegevensstand")
