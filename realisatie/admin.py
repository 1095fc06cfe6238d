from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)

GEBIED = ["provincie", "veiligheidsregio", "subregio", "gemeente"]


@admin.register(Peildatum)
class PeildatumAdmin(SimpleHistoryAdmin):
    list_display = ["provincie", "datum", "omschrijving", "vastgesteld_op"]
    list_filter = ["provincie"]
    readonly_fields = ["vastgesteld_op", "vastgesteld_door"]


class CapaciteitsperiodeInline(admin.TabularInline):
    model = Capaciteitsperiode
    extra = 0


@admin.register(Opvanglocatie)
class OpvanglocatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "soort", "beheerder"]
    list_filter = ["soort", "beheerder", "gemeente__provincie"]
    search_fields = ["naam", "gemeente__naam"]
    autocomplete_fields = ["gemeente"]
    inlines = [CapaciteitsperiodeInline]


@admin.register(AsielTelling)
class AsielTellingAdmin(SimpleHistoryAdmin):
    list_display = ["peildatum", "datum", *GEBIED, "regulier", "noodopvang", "tgo", "waarvan_amv"]
    list_filter = ["peildatum__provincie"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["peildatum__provincie", *GEBIED]


@admin.register(OekraineTelling)
class OekraineTellingAdmin(SimpleHistoryAdmin):
    list_display = ["peildatum", *GEBIED, "goo_totaal", "goo_bezet", "goo_beschikbaar", "poo"]
    list_filter = ["peildatum__provincie"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["peildatum__provincie", *GEBIED]


@admin.register(Huisvesting)
class HuisvestingAdmin(SimpleHistoryAdmin):
    list_display = [*GEBIED, "van", "tot_en_met", "gehuisvest", "waarvan_amv"]
    autocomplete_fields = ["gemeente"]
    list_select_related = GEBIED
