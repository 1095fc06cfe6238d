from django.apps import AppConfig


class RealisatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "realisatie"
