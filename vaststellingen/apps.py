from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VaststellingenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "vaststellingen"
    verbose_name = _("Adoptions")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from vaststellingen.models import Publicatie, Vaststelling

        # Which record a province publishes changes with its publication and with every
        # vaststelling, heropening or removal of a record (vaststellingen.selectors).
        for model in (Publicatie, Vaststelling):
            post_save.connect(
                _openbaar_vergeten, sender=model, dispatch_uid=f"openbaar-{model.__name__}"
            )
            post_delete.connect(
                _openbaar_vergeten, sender=model, dispatch_uid=f"openbaar-weg-{model.__name__}"
            )


def _openbaar_vergeten(sender, instance, **kwargs):
    from vaststellingen.selectors import openbaar_vergeten

    openbaar_vergeten(instance.provincie)
