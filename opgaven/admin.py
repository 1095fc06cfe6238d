from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from opgaven.models import Locatiesoort, Opgave, Opgavebesluit, Taakstelling, Uitruil

GEBIED = ["provincie", "veiligheidsregio", "subregio", "gemeente"]


class VersieOphogen(SimpleHistoryAdmin):
    """Every save raises `versie`, so an open entry form sees the change as a conflict."""

    def save_model(self, request, obj, form, change):
        if change:
            obj.versie = type(obj).objects.filter(pk=obj.pk).values_list("versie", flat=True)[0] + 1
        super().save_model(request, obj, form, change)


class OpgaveInline(admin.TabularInline):
    model = Opgave
    extra = 0
    autocomplete_fields = ["gemeente"]


@admin.register(Opgavebesluit)
class OpgavebesluitAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "streefdatum", "halfjaar", "landelijk_totaal"]
    list_filter = ["soort"]
    search_fields = ["naam", "bron"]
    inlines = [OpgaveInline]


@admin.register(Opgave)
class OpgaveAdmin(VersieOphogen):
    list_display = ["besluit", *GEBIED, "aantal", "waarvan_amv"]
    list_filter = ["besluit__soort", "besluit"]
    search_fields = ["gemeente__naam", "provincie__naam"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["besluit", *GEBIED]


@admin.register(Taakstelling)
class TaakstellingAdmin(VersieOphogen):
    list_display = ["besluit", *GEBIED, "aantal", "stand_begin", "te_realiseren_gepubliceerd"]
    list_filter = ["besluit"]
    search_fields = ["gemeente__naam", "provincie__naam"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["besluit", *GEBIED]


@admin.register(Uitruil)
class UitruilAdmin(SimpleHistoryAdmin):
    list_display = ["soort", "van_gemeente", "naar_gemeente", "aantal", "begin", "einde"]
    list_filter = ["soort"]
    autocomplete_fields = ["van_gemeente", "naar_gemeente"]


@admin.register(Locatiesoort)
class LocatiesoortAdmin(SimpleHistoryAdmin):
    """The reference list of kinds of location, maintained by the beheerder. A code in
    use by a capacity period cannot be deleted (PROTECT)."""

    list_display = ["code", "naam", "opgave", "telt_standaard_mee", "volgorde"]
    list_filter = ["opgave", "telt_standaard_mee"]
    search_fields = ["code", "naam"]

    def get_readonly_fields(self, request, obj=None):
        # Periods refer to the code: changing it would orphan them.
        return ["code"] if obj is not None else []
