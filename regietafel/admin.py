"""The regietafel's lists in the admin: read-only, with their history. Changes go through
the regietafel pages or the API (`regietafel.services`), so audit and checks have one home."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from regietafel.models import (
    Actie,
    Knelpunt,
    Mijlpaal,
    Regietafelbesluit,
    Toezicht,
    Vergadering,
    Verzoek,
)


class AlleenLezen(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vergadering)
class VergaderingAdmin(AlleenLezen):
    list_display = ["provincie", "datum", "omschrijving", "verslag_goedgekeurd_in"]
    list_filter = ["provincie"]


@admin.register(Regietafelbesluit)
class RegietafelbesluitAdmin(AlleenLezen):
    list_display = ["provincie", "nummer", "vergadering"]
    list_filter = ["provincie"]


@admin.register(Actie)
class ActieAdmin(AlleenLezen):
    list_display = ["provincie", "nummer", "eigenaar", "termijn", "status", "status_op"]
    list_filter = ["provincie", "status"]


@admin.register(Verzoek)
class VerzoekAdmin(AlleenLezen):
    list_display = ["provincie", "omschrijving", "soort", "aantal", "uiterlijk", "status"]
    list_filter = ["provincie", "soort", "status"]


@admin.register(Knelpunt)
class KnelpuntAdmin(AlleenLezen):
    list_display = ["provincie", "thema", "status", "geescaleerd_naar", "geescaleerd_op"]
    list_filter = ["provincie", "thema", "status"]


@admin.register(Toezicht)
class ToezichtAdmin(AlleenLezen):
    list_display = ["gemeente", "regime", "sinds"]
    list_filter = ["regime", "gemeente__provincie"]


@admin.register(Mijlpaal)
class MijlpaalAdmin(AlleenLezen):
    list_display = ["provincie", "cyclus", "soort", "uiterlijk", "status", "gereed_op"]
    list_filter = ["provincie", "cyclus"]
