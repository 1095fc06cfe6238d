from django.urls import path

from toegang import tokens, views

urlpatterns = [
    path("twee-stap/", views.twee_stap, name="twee_stap"),
    path("twee-stap/instellen/", views.twee_stap_instellen, name="twee_stap_instellen"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/nieuw/", tokens.token_maken, name="token_maken"),
    path("tokens/intrekken/", tokens.token_intrekken, name="token_intrekken"),
]
