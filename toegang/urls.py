from django.urls import path

from toegang import views

urlpatterns = [
    path("twee-stap/", views.twee_stap, name="twee_stap"),
    path("twee-stap/instellen/", views.twee_stap_instellen, name="twee_stap_instellen"),
]
