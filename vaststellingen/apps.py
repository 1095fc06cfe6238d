from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VaststellingenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "vaststellingen"
    verbose_name = _("Adoptions")
