from axes.utils import reset
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from toegang.audit import log_audit
from toegang.models import Rol


@admin.register(Rol)
class RolAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "soort", "provincie", "gemeente"]
    list_filter = ["soort", "provincie"]
    autocomplete_fields = ["gemeente"]


# --- API tokens: the beheerder lists and revokes, nobody makes one for someone else -----

admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class AuthTokenAdmin(admin.ModelAdmin):
    """Read-only, with delete (= revoke). A token is made by its owner on
    /accounts/tokens/, after the second login step."""

    list_display = ["begin", "user", "created", "expiry"]
    list_filter = ["user"]
    search_fields = ["user__username"]
    fields = ["begin", "user", "created", "expiry"]
    readonly_fields = fields

    @admin.display(description=_("Token"))
    def begin(self, token) -> str:
        return f"{token.token_key[:8]}…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Lockout (django-axes): the beheerder unlocks an account ---------------------------

admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerAdmin(UserAdmin):
    actions = [*UserAdmin.actions, "deblokkeren"]

    @admin.action(description=_("Unlock after failed logins"))
    def deblokkeren(self, request, queryset):
        for gebruiker in queryset:
            reset(username=gebruiker.get_username())
            log_audit(request.user, "deblokkeren", gebruiker.get_username(), "ok")
        self.message_user(
            request,
            _("%(count)s account(s) unlocked.") % {"count": queryset.count()},
            messages.SUCCESS,
        )
