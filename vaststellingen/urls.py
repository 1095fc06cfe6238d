from django.urls import path

from vaststellingen import views

app_name = "vaststellingen"

urlpatterns = [
    path("publicatie/", views.publicatie, name="publicatie"),
    path("publicatie/<str:code>/", views.publicatie_wijzigen, name="publicatie-wijzigen"),
    path("<str:code>/<str:datum>/", views.geschiedenis, name="geschiedenis"),
    path("<str:code>/<str:datum>/verschil/", views.verschil, name="verschil"),
]
