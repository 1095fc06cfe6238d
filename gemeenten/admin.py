from django.contrib import admin

from gemeenten.models import Gemeente, Opvolging, Provincie, Subregio, Veiligheidsregio


@admin.register(Provincie)
class ProvincieAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Veiligheidsregio)
class VeiligheidsregioAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "provincie"]
    list_filter = ["provincie"]
    search_fields = ["code", "naam"]


@admin.register(Subregio)
class SubregioAdmin(admin.ModelAdmin):
    list_display = ["naam", "provincie", "veiligheidsregio"]
    list_filter = ["provincie"]
    search_fields = ["naam"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "naam",
        "provincie",
        "veiligheidsregio",
        "subregio",
        "geldig_van",
        "geldig_tot_en_met",
    ]
    list_filter = ["provincie", "veiligheidsregio"]
    search_fields = ["code", "naam"]
    list_select_related = ["provincie", "veiligheidsregio", "subregio"]


@admin.register(Opvolging)
class OpvolgingAdmin(admin.ModelAdmin):
    list_display = ["voorganger", "opvolger", "datum", "aandeel"]
    autocomplete_fields = ["voorganger", "opvolger"]
