"""API v1: Dutch plural resource names, kebab-case paths, no trailing slashes."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from api import (
    documentatie,
    openbaar,
    opgaven_schrijven,
    overig_schrijven,
    regietafel,
    schrijven,
    views,
)

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False  # no `.json` variants of the paths
router.register("provincies", views.ProvincieViewSet)
router.register("veiligheidsregios", views.VeiligheidsregioViewSet)
router.register("subregios", views.SubregioViewSet)
router.register("gemeenten", views.GemeenteViewSet)
router.register("opgavebesluiten", views.OpgavebesluitViewSet)
router.register("opgaven", views.OpgaveViewSet)
router.register("peildata", views.PeildatumViewSet)
router.register("opvanglocaties", views.OpvanglocatieViewSet)
router.register("oekraine-tellingen", views.OekraineTellingViewSet)
router.register("asiel-tellingen", views.AsielTellingViewSet)
router.register("huisvestingen", views.HuisvestingViewSet)
router.register("vergaderingen", regietafel.VergaderingViewSet)
router.register("regietafelbesluiten", regietafel.RegietafelbesluitViewSet)
router.register("acties", regietafel.ActieViewSet)
router.register("verzoeken", regietafel.VerzoekViewSet)
router.register("knelpunten", regietafel.KnelpuntViewSet)
router.register("toezichten", regietafel.ToezichtViewSet)
router.register("toezichtafspraken", regietafel.ToezichtafspraakViewSet)
router.register("spreidingswet-mijlpalen", regietafel.MijlpaalViewSet)

urlpatterns = [
    path("openapi.json", documentatie.Contract.as_view(), name="api-contract"),
    path("documentatie", documentatie.documentatie, name="api-documentatie"),
    path(
        "provincies/<str:code>/peildata/<str:datum>/oekraine-tellingen",
        schrijven.OekraineTellingenVanPeildatum.as_view(),
        name="api-oekraine-tellingen-peildatum",
    ),
    path(
        "provincies/<str:code>/peildata/<str:datum>/asiel-tellingen",
        schrijven.AsielTellingenVanPeildatum.as_view(),
        name="api-asiel-tellingen-peildatum",
    ),
    path(
        "provincies/<str:code>/opgavebesluiten/<str:besluit>/opgaven",
        opgaven_schrijven.OpgavenVanBesluit.as_view(),
        name="api-opgaven-besluit",
    ),
    path(
        "provincies/<str:code>/huisvestingen",
        overig_schrijven.HuisvestingenVanProvincie.as_view(),
        name="api-huisvestingen-provincie",
    ),
    path(
        "provincies/<str:code>/opvanglocaties",
        overig_schrijven.OpvanglocatiesVanProvincie.as_view(),
        name="api-opvanglocaties-provincie",
    ),
    path(
        "openbaar/provincies/<str:code>/samenvatting",
        openbaar.OpenbareSamenvatting.as_view(),
        name="api-openbare-samenvatting",
    ),
    *router.urls,
    re_path(r"^.*$", documentatie.NietGevonden.as_view()),
]
