from django.urls import path, re_path

from realisatie.exports import importeren, views

app_name = "exports"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:code>/", views.overzicht, name="overzicht"),
    re_path(
        r"^(?P<code>[^/]+)/(?P<soort>bijlage-2|bijlage-3|bijlage-4|stand-van-zaken)\.xlsx$",
        views.bijlage,
        name="bijlage",
    ),
    path("<str:code>/invoer/", importeren.invoer, name="invoer"),
    path("<str:code>/invoer/sjabloon.xlsx", importeren.sjabloon_downloaden, name="sjabloon"),
    path("<str:code>/invoer/vastleggen/", importeren.vastleggen_view, name="vastleggen"),
]
