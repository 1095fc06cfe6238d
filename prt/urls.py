from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from realisatie import views

admin.site.site_header = "PRT Monitor beheer"
admin.site.site_title = "PRT Monitor"
admin.site.index_title = "Beheer van referentiegegevens en opgaven"

urlpatterns = [
    path("", views.home, name="home"),
    path("provincies/<str:code>/", views.provincie, name="provincie"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
