"""The OpenAPI contract: drf-spectacular's AutoSchema plus what every operation shares.

Every operation documents its problem+json errors (RFC 9457), so the contract matches
what the API really answers (schemathesis checks that in `tests/api/test_schemathesis.py`).
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from api.fouten import PROBLEM_JSON


class OngeldigeParameterSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ProbleemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    invalidParams = OngeldigeParameterSerializer(many=True, required=False)


FOUTEN_LEZEN = ("400", "401", "403", "404", "406", "429", "500")
FOUTEN_SCHRIJVEN = ("409", "412", "413", "415", "428")


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        codes = FOUTEN_LEZEN + (FOUTEN_SCHRIJVEN if self.method != "GET" else ())
        for code in codes:
            if code not in bodies:
                bodies[code] = self._get_response_for_code(
                    ProbleemSerializer, code, (PROBLEM_JSON,), direction
                )
        return bodies

    def _get_response_for_code(
        self, serializer, status_code, media_types=None, direction="response"
    ):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        headers = response.setdefault("headers", {})
        headers["API-Version"] = {
            "schema": {"type": "string", "example": "1.0.0"},
            "description": "Versie van de API (semver).",
        }
        if status_code == "200":
            headers["ETag"] = {
                "schema": {"type": "string"},
                "description": "Stuur deze waarde mee als If-Match bij een wijziging.",
            }
        return response
