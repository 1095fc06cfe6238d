from django.urls import path

from realisatie.exports import importeren
from realisatie.invoer import gridviews, locatieviews, peildatumviews, statushouderviews, views

app_name = "invoer"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:code>/", views.provincie, name="provincie"),
    path("<str:code>/peildata/", peildatumviews.peildatum_aanmaken, name="peildatum_aanmaken"),
    path(
        "<str:code>/statushouders/halfjaar/<str:halfjaar>/",
        statushouderviews.statushouders_halfjaar,
        name="statushouders_halfjaar",
    ),
    path(
        "<str:code>/statushouders/<str:maand>/",
        statushouderviews.statushouders,
        name="statushouders",
    ),
    path("<str:code>/opgaven/", views.opgaven_plakken, name="opgaven"),
    path(
        "<str:code>/opgavebesluiten/nieuw/",
        views.opgavebesluit_aanmaken,
        name="opgavebesluit_aanmaken",
    ),
    path(
        "<str:code>/taakstellingen/<str:halfjaar>/gebieden/",
        views.gebiedstaakstellingen,
        name="gebiedstaakstellingen",
    ),
    path("<str:code>/taakstellingen/<str:halfjaar>/", views.taakstellingen, name="taakstellingen"),
    path("<str:code>/uitruil/", views.uitruil, name="uitruil"),
    path("<str:code>/telregels/", views.telregels, name="telregels"),
    path(
        "<str:code>/uitruil/<int:pk>/bevestigen/",
        views.uitruil_bevestigen,
        name="uitruil_bevestigen",
    ),
    path("<str:code>/locaties/", locatieviews.locaties, name="locaties"),
    path("<str:code>/locaties/nieuw/", locatieviews.locatie, name="locatie_nieuw"),
    path("<str:code>/locaties/<int:pk>/", locatieviews.locatie, name="locatie"),
    path(
        "<str:code>/locaties/<int:pk>/perioden/",
        locatieviews.periode_toevoegen,
        name="periode_toevoegen",
    ),
    path("<str:code>/locaties/<int:pk>/beeindigen/", locatieviews.beeindigen, name="beeindigen"),
    path("<str:code>/locaties/<int:pk>/aandelen/", locatieviews.aandelen, name="aandelen"),
    path("<str:code>/import/", importeren.invoer, name="import"),
    path("<str:code>/import/sjabloon.xlsx", importeren.sjabloon_downloaden, name="sjabloon"),
    path("<str:code>/import/vastleggen/", importeren.vastleggen_view, name="vastleggen"),
    path("<str:code>/<str:datum>/vaststellen/", peildatumviews.vaststellen, name="vaststellen"),
    path("<str:code>/<str:datum>/heropenen/", peildatumviews.heropenen, name="heropenen"),
    path("<str:code>/<str:datum>/verwijderen/", peildatumviews.verwijderen, name="verwijderen"),
    path("<str:code>/<str:datum>/historie/", views.historie_peildatum, name="historie_peildatum"),
    path(
        "<str:code>/gemeenten/<str:gemeente>/historie/",
        views.historie_gemeente,
        name="historie_gemeente",
    ),
    path(
        "<str:code>/herstellen/<str:soort>/<int:history_id>/",
        views.herstellen,
        name="herstellen",
    ),
    path("<str:code>/<str:datum>/<str:soort>/gebieden/", gridviews.gebiedsgrid, name="gebiedsgrid"),
    path("<str:code>/<str:datum>/<str:soort>/", gridviews.grid, name="grid"),
]
