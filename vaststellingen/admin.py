"""Vaststellingen in the admin: read-only (a record is never changed; reopening goes
through the entry pages, publication through the beheerder's page)."""

from django.contrib import admin

from vaststellingen.models import Publicatie, Vaststelling


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vaststelling)
class VaststellingAdmin(AlleenLezen):
    list_display = ["provincie", "datum", "volgnummer", "vastgesteld_op", "heropend_op"]
    list_filter = ["provincie"]
    exclude = ["inhoud"]


@admin.register(Publicatie)
class PublicatieAdmin(AlleenLezen):
    list_display = ["provincie", "sinds", "door"]
