from django.contrib import admin

from toegang.models import Rol


@admin.register(Rol)
class RolAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "soort", "provincie", "gemeente"]
    list_filter = ["soort", "provincie"]
    autocomplete_fields = ["gemeente"]
