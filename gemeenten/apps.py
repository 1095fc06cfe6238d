from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gemeenten"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from gemeenten.gebied import gebieden_gewijzigd
        from gemeenten.models import Gemeente, Subregio, Veiligheidsregio

        # A herindeling or a change of reference data within a request: the area ids
        # of a province are read anew (`gemeenten.gebied`).
        for model in (Veiligheidsregio, Subregio, Gemeente):
            post_save.connect(gebieden_gewijzigd, sender=model, dispatch_uid=f"gebied-{model}")
            post_delete.connect(gebieden_gewijzigd, sender=model, dispatch_uid=f"gebied-{model}-")
