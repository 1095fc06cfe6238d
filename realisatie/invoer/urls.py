from django.urls import path

from realisatie.invoer import locatieviews, views

app_name = "invoer"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:code>/", views.provincie, name="provincie"),
    path("<str:code>/peildata/", views.peildatum_aanmaken, name="peildatum_aanmaken"),
    path("<str:code>/statushouders/<str:maand>/", views.statushouders, name="statushouders"),
    path("<str:code>/opgaven/", views.opgaven_plakken, name="opgaven"),
    path(
        "<str:code>/opgavebesluiten/nieuw/",
        views.opgavebesluit_aanmaken,
        name="opgavebesluit_aanmaken",
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
    path("<str:code>/<str:datum>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<str:code>/<str:datum>/heropenen/", views.heropenen, name="heropenen"),
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
    path("<str:code>/<str:datum>/<str:soort>/", views.grid, name="grid"),
]
