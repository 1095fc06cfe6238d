from django.urls import path, re_path
from django.views.generic import RedirectView

from realisatie.exports import views

app_name = "exports"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:code>/", views.overzicht, name="overzicht"),
    re_path(
        r"^(?P<code>[^/]+)/(?P<soort>bijlage-2|bijlage-3|bijlage-4|stand-van-zaken)\.xlsx$",
        views.bijlage,
        name="bijlage",
    ),
    # The import moved under "Invoer"; old links and bookmarks still arrive there.
    path(
        "<str:code>/invoer/",
        RedirectView.as_view(pattern_name="invoer:import", permanent=True),
        name="invoer",
    ),
]
