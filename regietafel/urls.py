from django.urls import path

from regietafel import exportviews, lijstviews, views

app_name = "regietafel"

urlpatterns = [
    path("", views.start, name="start"),
    path("<str:code>/", views.overzicht, name="overzicht"),
    path("<str:code>/vergaderingen/nieuw/", views.vergadering_nieuw, name="vergadering_nieuw"),
    path("<str:code>/vergaderingen/<int:pk>/", views.vergadering, name="vergadering"),
    path(
        "<str:code>/vergaderingen/<int:pk>/wijzigen/",
        views.vergadering_wijzigen,
        name="vergadering_wijzigen",
    ),
    path(
        "<str:code>/vergaderingen/<int:pk>/agendapunten/",
        views.agendapunt_toevoegen,
        name="agendapunt_toevoegen",
    ),
    path(
        "<str:code>/vergaderingen/<int:pk>/aanwezigen/",
        views.aanwezige_toevoegen,
        name="aanwezige_toevoegen",
    ),
    path(
        "<str:code>/vergaderingen/<int:pk>/besluiten/",
        views.besluit_toevoegen,
        name="besluit_toevoegen",
    ),
    path(
        "<str:code>/vergaderingen/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"
    ),
    path(
        "<str:code>/vergaderingen/<int:pk>/verslag-goedkeuren/",
        views.verslag_goedkeuren,
        name="verslag_goedkeuren",
    ),
    path(
        "<str:code>/agendapunten/<int:pk>/verwijderen/",
        views.agendapunt_verwijderen,
        name="agendapunt_verwijderen",
    ),
    path(
        "<str:code>/aanwezigen/<int:pk>/verwijderen/",
        views.aanwezige_verwijderen,
        name="aanwezige_verwijderen",
    ),
    path("<str:code>/acties/", lijstviews.actielijst, name="actielijst"),
    path("<str:code>/acties/print/", exportviews.actielijst_print, name="actielijst_print"),
    path("<str:code>/actielijst.xlsx", exportviews.actielijst_xlsx, name="actielijst_xlsx"),
    path("<str:code>/actielijst.csv", exportviews.actielijst_csv, name="actielijst_csv"),
    path("<str:code>/acties/<int:pk>/", lijstviews.actie_wijzigen, name="actie"),
    path("<str:code>/acties/<int:pk>/afronden/", lijstviews.actie_afronden, name="actie_afronden"),
    path("<str:code>/besluiten/<int:pk>/", lijstviews.besluit_wijzigen, name="besluit"),
    path("<str:code>/verzoeken/nieuw/", lijstviews.verzoek, name="verzoek_nieuw"),
    path("<str:code>/verzoeken/<int:pk>/", lijstviews.verzoek, name="verzoek"),
    path("<str:code>/verzoeken.xlsx", exportviews.verzoeken_xlsx, name="verzoeken_xlsx"),
    path("<str:code>/knelpunten/nieuw/", lijstviews.knelpunt, name="knelpunt_nieuw"),
    path("<str:code>/knelpunten/<int:pk>/", lijstviews.knelpunt, name="knelpunt"),
    path("<str:code>/toezicht/nieuw/", lijstviews.toezicht, name="toezicht_nieuw"),
    path("<str:code>/toezicht/<int:pk>/", lijstviews.toezicht, name="toezicht"),
    path(
        "<str:code>/toezicht/<int:pk>/afspraken/",
        lijstviews.toezicht_afspraken,
        name="toezicht_afspraken",
    ),
    path(
        "<str:code>/toezicht/<int:pk>/afspraken/<int:afspraak>/",
        lijstviews.toezicht_afspraken,
        name="toezicht_afspraak",
    ),
    path("<str:code>/spreidingswet/", lijstviews.cyclus_aanmaken, name="cyclus_aanmaken"),
    path("<str:code>/spreidingswet/<int:pk>/", lijstviews.mijlpaal, name="mijlpaal"),
    path("<str:code>/provinciaal-verslag/", exportviews.verslag, name="verslag"),
    path("<str:code>/provinciaal-verslag.xlsx", exportviews.verslag_xlsx, name="verslag_xlsx"),
]
