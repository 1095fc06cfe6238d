"""The contract (`/api/v1/openapi.json`, public, CORS open) and a documentation page
rendered on the server from the same contract, without third-party scripts."""

from __future__ import annotations

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from api.versie import API_VERSIE, ApiVersieMixin

METHODEN = ("get", "post", "put", "patch", "delete")


class Contract(ApiVersieMixin, SpectacularJSONAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
        response["Access-Control-Expose-Headers"] = "API-Version"
        return response


def documentatie(request):
    contract = SchemaGenerator().get_schema(request=None, public=True)
    operaties = [
        {
            "methode": methode.upper(),
            "pad": pad,
            "samenvatting": operatie.get("summary") or operatie.get("description", ""),
            "parameters": [p["name"] for p in operatie.get("parameters", [])],
        }
        for pad, item in contract["paths"].items()
        for methode in METHODEN
        if (operatie := item.get(methode))
    ]
    response = render(
        request, "api/documentatie.html", {"contract": contract, "operaties": operaties}
    )
    response["API-Version"] = API_VERSIE
    return response


class NietGevonden(ApiVersieMixin, APIView):
    """Everything else under /api/v1, including a path with a trailing slash: a 404
    problem, never a redirect (API Design Rules: no trailing slashes)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    schema = None

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound()
