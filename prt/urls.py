from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from prt.gezondheid import gezondheid
from realisatie import views
from vaststellingen import views as vaststellingen_views

admin.site.site_header = _("PRT Monitor administration")
admin.site.site_title = "PRT Monitor"
admin.site.index_title = _("Administration of reference data and targets")

urlpatterns = [
    path("", views.home, name="home"),
    path("provincies/<str:code>/", views.provincie, name="provincie"),
    path("", include("realisatie.dashboard.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("toegang.urls")),
    path("invoer/", include("realisatie.invoer.urls")),
    path("exports/", include("realisatie.exports.urls")),
    path("regietafel/", include("regietafel.urls")),
    path("vaststellingen/", include("vaststellingen.urls")),
    path("openbaar/<str:code>/", vaststellingen_views.openbaar, name="openbaar"),
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
    path("gezondheid", gezondheid, name="gezondheid"),
]

# API errors outside the views (a body Django refuses, a crash in middleware) are
# problem+json too; other paths keep Django's pages.
handler400 = "api.fouten.ongeldig_verzoek"
handler500 = "api.fouten.serverfout"
