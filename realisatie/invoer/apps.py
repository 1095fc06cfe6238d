from django.apps import AppConfig


class InvoerConfig(AppConfig):
    """Entry screens for PRT secretaries: peildata, grid entry, opgaven, locations."""

    name = "realisatie.invoer"
    label = "invoer"
