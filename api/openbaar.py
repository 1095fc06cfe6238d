"""The open API of a province that publishes (`vaststellingen.Publicatie`): the
samenvatting of its latest vastgestelde peildatum, for anyone, without a token. The same
record as the public page `/openbaar/<code>/`; 404 when the province does not publish or
never vastgesteld a peildatum."""

from __future__ import annotations

from django.utils.cache import patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from api.basis import ApiBasis
from api.samenvatting import SamenvattingSerializer
from api.vastgelegd import vastgelegde_samenvatting
from vaststellingen import selectors


class OpenbareSamenvatting(ApiBasis, APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses=SamenvattingSerializer,
        auth=[],
        summary="Vastgestelde samenvatting van een provincie die publiceert (open, zonder token)",
    )
    def get(self, request, code: str):
        vaststelling = selectors.gepubliceerd(code)
        if vaststelling is None:
            raise exceptions.NotFound()
        antwoord = vastgelegde_samenvatting(self, request, vaststelling)
        patch_cache_control(antwoord, public=True, max_age=selectors.OPENBAAR_BEWAARTIJD)
        return antwoord
