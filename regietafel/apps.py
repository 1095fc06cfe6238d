from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegietafelConfig(AppConfig):
    """The regietafel's cycle: meetings, decisions, actions, requests of the Rijk,
    knelpunten, toezicht statushouders and the Spreidingswet cycle."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "regietafel"
    verbose_name = _("Regietafel")
