"""Bulk upsert of realisatie: the Oekraïne or asiel figures of a province on a peildatum.

    GET  /api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen   -> ETag
    POST /api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen   (If-Match)
         {"tellingen": [{"gemeente": "GM0150", "gooTotaal": 120, ...}, ...]}

(and the same for `asiel-tellingen`, asiel places per soort for gemeenten without
location detail). Each item is keyed by the gemeente's CBS code; gemeenten not in the
list keep their figures. The write goes through the entry services
(`realisatie.invoer.services`), the same as the entry grid: the permission policy, the
vastgesteld check, per-row validation, conflict detection on `versie` and the audit trail
(the API user is the actor) live there. All or nothing: one bad item and nothing is
written, and the 400 lists every item's problems. A peildatum that does not exist yet is
created in the same transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.basis import ApiBasis
from api.dienst import dienstfouten, resultaat_controleren
from api.etag import controleer_if_match, etag_van
from api.fouten import Conflict
from api.serializers import AsielTellingSerializer, OekraineTellingSerializer
from api.velden import aantal, toelichting
from gemeenten.models import Provincie
from realisatie.invoer.rijen import AsielRij, OekraineRij, Opslagresultaat
from realisatie.invoer.services import (
    asieltellingen_opslaan,
    oekraine_tellingen_opslaan,
    peildatum_aanmaken,
)
from realisatie.models import AsielTelling, OekraineTelling, Peildatum
from toegang.beleid import mag_invoeren, mag_lezen

GEBIED_RELATIES = ("peildatum", "provincie", "veiligheidsregio", "subregio", "gemeente")


class ItemSerializer(serializers.Serializer):
    gemeente = serializers.RegexField(r"\AGM[0-9]{4}\Z", help_text="CBS-code, bijv. GM0150.")
    toelichting = toelichting()


class OekraineItemSerializer(ItemSerializer):
    gooTotaal = aantal()
    gooBezet = aantal()
    gooBeschikbaar = aantal()
    poo = aantal()


class AsielItemSerializer(ItemSerializer):
    regulier = aantal()
    noodopvang = aantal()
    tgo = aantal()
    crisisnoodopvang = aantal()
    overig = aantal()
    waarvanAmv = aantal()


def _bulk(item: type[serializers.Serializer], naam: str) -> type[serializers.Serializer]:
    return type(
        naam,
        (serializers.Serializer,),
        {
            "tellingen": item(many=True, allow_empty=False),
            "bevestigd": serializers.BooleanField(
                required=False,
                default=False,
                help_text="Bevestig cijfers die meer dan tien keer zo groot zijn als de vorige.",
            ),
        },
    )


def _weergave_serializer(telling, naam: str) -> type[serializers.Serializer]:
    return type(
        naam,
        (serializers.Serializer,),
        {
            "provincie": serializers.CharField(),
            "peildatum": serializers.DateField(),
            "vastgesteld": serializers.BooleanField(),
            "tellingen": telling(many=True),
        },
    )


@dataclass(frozen=True)
class Soort:
    """One kind of figure per gemeente and peildatum that the API writes in bulk."""

    model: type[models.Model]
    rij: type
    opslaan: Callable[..., Opslagresultaat]
    velden: dict[str, str]  # API name -> field of the row
    bulk: type[serializers.Serializer]
    weergave: type[serializers.Serializer]
    filter: Callable[[Peildatum], dict]


OEKRAINE = Soort(
    model=OekraineTelling,
    rij=OekraineRij,
    opslaan=oekraine_tellingen_opslaan,
    velden={
        "gooTotaal": "goo_totaal",
        "gooBezet": "goo_bezet",
        "gooBeschikbaar": "goo_beschikbaar",
        "poo": "poo",
    },
    bulk=_bulk(OekraineItemSerializer, "OekraineBulkSerializer"),
    weergave=_weergave_serializer(OekraineTellingSerializer, "OekraineTellingenSerializer"),
    filter=lambda peildatum: {"peildatum": peildatum},
)

ASIEL = Soort(
    model=AsielTelling,
    rij=AsielRij,
    opslaan=asieltellingen_opslaan,
    velden={
        "regulier": "regulier",
        "noodopvang": "noodopvang",
        "tgo": "tgo",
        "crisisnoodopvang": "crisisnoodopvang",
        "overig": "overig",
        "waarvanAmv": "waarvan_amv",
    },
    bulk=_bulk(AsielItemSerializer, "AsielBulkSerializer"),
    weergave=_weergave_serializer(AsielTellingSerializer, "AsielTellingenSerializer"),
    # The realisation on the peildatum itself; planned figures (later dates) are a plan.
    filter=lambda peildatum: {"peildatum": peildatum, "datum": peildatum.datum},
)

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="De ETag van de laatste GET van deze resource.",
)


class TellingenVanPeildatum(ApiBasis, APIView):
    """The figures of one kind of a province on a peildatum, read and written as one."""

    soort: Soort

    def lezen(self, request, code: str, datum: str):
        provincie, dag = _provincie_en_datum(code, datum)
        if not mag_lezen(request.user, provincie):
            raise exceptions.PermissionDenied()
        return Response(_weergave(self.soort, provincie, dag))

    def schrijven(self, request, code: str, datum: str):
        provincie, dag = _provincie_en_datum(code, datum)
        if not mag_invoeren(request.user, provincie):
            raise exceptions.PermissionDenied()
        invoer = self.soort.bulk(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            huidig = _weergave(self.soort, provincie, dag)
            controleer_if_match(request, huidig)
            if huidig["vastgesteld"]:
                raise Conflict(
                    _("This reference date has been adopted; its figures are read-only.")
                )
            versies = {t["gebied"]["code"]: t["versie"] for t in huidig["tellingen"]}
            rijen = [_rij(self.soort, item, versies) for item in invoer.validated_data["tellingen"]]
            _opslaan(self.soort, provincie, dag, request.user, rijen, invoer.validated_data)
        nieuw = _weergave(self.soort, provincie, dag)
        response = Response(nieuw)
        response["ETag"] = etag_van(nieuw)
        return response


class OekraineTellingenVanPeildatum(TellingenVanPeildatum):
    soort = OEKRAINE

    @extend_schema(responses=OEKRAINE.weergave)
    def get(self, request, code: str, datum: str):
        """The Oekraïne figures of the province on this peildatum."""
        return self.lezen(request, code, datum)

    @extend_schema(request=OEKRAINE.bulk, responses=OEKRAINE.weergave, parameters=[IF_MATCH])
    def post(self, request, code: str, datum: str):
        """Bulk upsert of Oekraïne figures per gemeente: all are saved, or none."""
        return self.schrijven(request, code, datum)


class AsielTellingenVanPeildatum(TellingenVanPeildatum):
    soort = ASIEL

    @extend_schema(responses=ASIEL.weergave)
    def get(self, request, code: str, datum: str):
        """The asiel figures per soort of the province on this peildatum."""
        return self.lezen(request, code, datum)

    @extend_schema(request=ASIEL.bulk, responses=ASIEL.weergave, parameters=[IF_MATCH])
    def post(self, request, code: str, datum: str):
        """Bulk upsert of asiel figures per gemeente and soort: all are saved, or none."""
        return self.schrijven(request, code, datum)


def _provincie_en_datum(code: str, datum: str) -> tuple[Provincie, datetime.date]:
    provincie = get_object_or_404(Provincie, code=code)
    try:
        return provincie, datetime.date.fromisoformat(datum)
    except ValueError:
        raise exceptions.NotFound() from None


def _weergave(soort: Soort, provincie: Provincie, dag: datetime.date) -> dict:
    peildatum = Peildatum.objects.filter(provincie=provincie, datum=dag).first()
    tellingen = (
        soort.model.objects.filter(**soort.filter(peildatum))
        .select_related(*GEBIED_RELATIES)
        .order_by("pk")
        if peildatum
        else soort.model.objects.none()
    )
    return soort.weergave(
        {
            "provincie": provincie.code,
            "peildatum": dag,
            "vastgesteld": bool(peildatum and peildatum.is_vastgesteld),
            "tellingen": list(tellingen),
        }
    ).data


def _rij(soort: Soort, item: dict, versies: dict[str, int]):
    # If-Match already proved the client saw these versions; the service re-checks
    # them under a row lock, so a write in between still becomes a conflict (412).
    return soort.rij(
        gemeente=item["gemeente"],
        toelichting=item.get("toelichting", ""),
        versie=versies.get(item["gemeente"]),
        **{veld: item.get(naam) for naam, veld in soort.velden.items()},
    )


def _opslaan(soort: Soort, provincie, dag, gebruiker, rijen, gegevens) -> None:
    """Create the peildatum if needed and save; roll everything back on any problem."""
    with dienstfouten("peildatum"):
        peildatum = Peildatum.objects.filter(provincie=provincie, datum=dag).first()
        if peildatum is None:
            peildatum = peildatum_aanmaken(provincie=provincie, datum=dag, door=gebruiker)
        resultaat = soort.opslaan(
            peildatum=peildatum, door=gebruiker, rijen=rijen, bevestigd=gegevens["bevestigd"]
        )
    resultaat_controleren("tellingen", rijen, resultaat)
