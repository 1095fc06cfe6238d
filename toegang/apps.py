from django.apps import AppConfig


class ToegangConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "toegang"
