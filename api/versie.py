"""The API version: semver in the contract's `info.version` and in the `API-Version`
header of every response (API Design Rules, API-57)."""

from __future__ import annotations

from django.conf import settings

API_VERSIE: str = settings.SPECTACULAR_SETTINGS["VERSION"]


class ApiVersieMixin:
    """Put `API-Version` on every response of a DRF view, errors included."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSIE
        return response
