from django.apps import AppConfig


class OpgavenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "opgaven"
