"""Bulk upsert of opgaven: the per-gemeente figures of one besluit in one province.

    GET  /api/v1/provincies/PV23/opgavebesluiten/12/opgaven   -> ETag
    POST /api/v1/provincies/PV23/opgavebesluiten/12/opgaven   (If-Match)
         {"opgaven": [{"gemeente": "GM0150", "aantal": 520, "waarvanAmv": 40}, ...]}

Through `opgaven.services.opgaven_opslaan`: the permission policy, per-row validation,
the `versie` check and the audit trail live there. All or nothing, as for realisatie.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.basis import ApiBasis
from api.dienst import dienstfouten, resultaat_controleren
from api.etag import controleer_if_match, etag_van
from api.schrijven import IF_MATCH
from api.serializers import OpgaveSerializer
from api.velden import Aantal
from gemeenten.models import Provincie
from opgaven.models import Opgave, Opgavebesluit
from opgaven.services import OpgaveRij, opgaven_opslaan
from toegang.beleid import mag_bewerken, mag_lezen


class OpgaveItemSerializer(serializers.Serializer):
    gemeente = serializers.RegexField(r"\AGM[0-9]{4}\Z", help_text="CBS-code, bijv. GM0150.")
    aantal = Aantal()
    waarvanAmv = Aantal(allow_null=True, required=False)


class OpgavenBulkSerializer(serializers.Serializer):
    opgaven = OpgaveItemSerializer(many=True, allow_empty=False)


class OpgavenVanBesluitSerializer(serializers.Serializer):
    provincie = serializers.CharField()
    besluit = serializers.IntegerField()
    opgaven = OpgaveSerializer(many=True)


class OpgavenVanBesluit(ApiBasis, APIView):
    """The opgaven per gemeente of a besluit in a province, read and written as one."""

    @extend_schema(responses=OpgavenVanBesluitSerializer)
    def get(self, request, code: str, besluit: str):
        provincie, opgavebesluit = _provincie_en_besluit(code, besluit)
        if not mag_lezen(request.user, provincie):
            raise exceptions.PermissionDenied()
        return Response(_weergave(provincie, opgavebesluit))

    @extend_schema(
        request=OpgavenBulkSerializer, responses=OpgavenVanBesluitSerializer, parameters=[IF_MATCH]
    )
    def post(self, request, code: str, besluit: str):
        """Bulk upsert of the opgave per gemeente: all are saved, or none."""
        provincie, opgavebesluit = _provincie_en_besluit(code, besluit)
        if not mag_bewerken(request.user, provincie):
            raise exceptions.PermissionDenied()
        invoer = OpgavenBulkSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            huidig = _weergave(provincie, opgavebesluit)
            controleer_if_match(request, huidig)
            versies = {
                o.gemeente.code: o.versie
                for o in _opgaven(provincie, opgavebesluit).filter(gemeente__isnull=False)
            }
            rijen = [
                OpgaveRij(
                    gemeente=item["gemeente"],
                    aantal=item["aantal"],
                    waarvan_amv=item.get("waarvanAmv"),
                    versie=versies.get(item["gemeente"]),
                )
                for item in invoer.validated_data["opgaven"]
            ]
            with dienstfouten("besluit"):
                resultaat = opgaven_opslaan(
                    besluit=opgavebesluit, provincie=provincie, door=request.user, rijen=rijen
                )
            resultaat_controleren("opgaven", rijen, resultaat)
        nieuw = _weergave(provincie, opgavebesluit)
        response = Response(nieuw)
        response["ETag"] = etag_van(nieuw)
        return response


def _provincie_en_besluit(code: str, besluit: str) -> tuple[Provincie, Opgavebesluit]:
    provincie = get_object_or_404(Provincie, code=code)
    if not besluit.isdigit():
        raise exceptions.NotFound()
    return provincie, get_object_or_404(Opgavebesluit, pk=int(besluit))


def _opgaven(provincie: Provincie, besluit: Opgavebesluit):
    return (
        Opgave.objects.filter(besluit=besluit, gemeente__provincie=provincie)
        .select_related("provincie", "veiligheidsregio", "subregio", "gemeente")
        .order_by("pk")
    )


def _weergave(provincie: Provincie, besluit: Opgavebesluit) -> dict:
    return OpgavenVanBesluitSerializer(
        {
            "provincie": provincie.code,
            "besluit": besluit.pk,
            "opgaven": list(_opgaven(provincie, besluit)),
        }
    ).data
