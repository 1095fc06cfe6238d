from django.urls import path

from realisatie import views
from realisatie.dashboard import views as dashboard

urlpatterns = [
    path("provincies/<str:code>/print/", views.provincie_print, name="provincie-print"),
    path("provincies/<str:code>/gebied/<slug:gebied>/", dashboard.gebied, name="gebied"),
    path("provincies/<str:code>/trend/", dashboard.trend, name="trend"),
    path("provincies/<str:code>/vooruitblik/", dashboard.vooruitblik, name="vooruitblik"),
    path("provincies/<str:code>/tijdlijn/", dashboard.tijdlijn, name="tijdlijn"),
    path("provincies/<str:code>/signalen/", dashboard.signalen, name="signalen"),
    path("gemeenten/<str:code>/", dashboard.gemeente, name="gemeente"),
    path("landelijk/", dashboard.landelijk, name="landelijk"),
]
