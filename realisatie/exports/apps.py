from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Excel bijlagen, the stand van zaken and the import of figures."""

    name = "realisatie.exports"
    label = "exports"
