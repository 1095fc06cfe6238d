"""Writes of statushouders housing and of opvanglocaties with their capacity periods.

    GET  /api/v1/provincies/PV23/huisvestingen   -> ETag
    POST /api/v1/provincies/PV23/huisvestingen   (If-Match)
         {"huisvestingen": [{"gemeente": "GM0150", "van": "2024-01-01",
                             "totEnMet": "2024-01-31", "gehuisvest": 12}, ...]}

    POST /api/v1/provincies/PV23/opvanglocaties  (a new location, with its periods)
    PUT  /api/v1/opvanglocaties/12               (If-Match: the ETag of its GET)
         {"gemeente": "GM0150", "naam": "...", "soort": "RO", "beheerder": "coa",
          "perioden": [{"plaatsen": 200, "van": "2024-01-01", "status": "gerealiseerd"}]}

Housing rows are keyed by CBS code and month (`van`, `totEnMet`); rows not in the list
keep their figures. A location is written with its periods in one transaction: a period
with an `id` changes that period, one without is added, periods not listed stay as they
are. Everything goes through `realisatie.invoer.services` (permission policy,
validation, `versie` checks, audit trail with the API user as actor). All or nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api.basis import ApiBasis
from api.dienst import dienstfouten, resultaat_controleren
from api.etag import controleer_if_match, etag_van
from api.schrijven import IF_MATCH
from api.serializers import HuisvestingSerializer, OpvanglocatieSerializer
from api.velden import Aantal, aantal, naam, toelichting
from gemeenten.models import Gemeente, Provincie
from opgaven.models import Locatiesoort
from realisatie.invoer.rijen import HuisvestingRij
from realisatie.invoer.services import (
    capaciteitsperiode_opslaan,
    huisvesting_opslaan,
    opvanglocatie_opslaan,
)
from realisatie.models import Beheerder, Huisvesting, Opvanglocatie, Status
from toegang.beleid import mag_invoeren, mag_lezen

GEMEENTE_CODE = r"\AGM[0-9]{4}\Z"
MAXIMUM = 2_147_483_647  # PostgreSQL integer (ids, versions): larger is a 400, not a 500

# --- Housing of statushouders -----------------------------------------------------------


class HuisvestingItemSerializer(serializers.Serializer):
    gemeente = serializers.RegexField(GEMEENTE_CODE, help_text="CBS-code, bijv. GM0150.")
    van = serializers.DateField(help_text="Eerste dag van de maand (of van het halfjaar).")
    totEnMet = serializers.DateField(
        help_text="Laatste dag van dezelfde maand (of van het halfjaar); perioden van een "
        "gemeente overlappen niet."
    )
    gehuisvest = aantal()
    waarvanAmv = aantal()
    toelichting = toelichting()
    versie = serializers.IntegerField(
        min_value=1,
        max_value=MAXIMUM,
        allow_null=True,
        required=False,
        help_text="De versie die u las; standaard de huidige (If-Match bewaakt die al).",
    )


class HuisvestingenBulkSerializer(serializers.Serializer):
    huisvestingen = HuisvestingItemSerializer(many=True, allow_empty=False)
    bevestigd = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Bevestig cijfers die meer dan tien keer zo groot zijn als de vorige.",
    )


class HuisvestingMetVersieSerializer(HuisvestingSerializer):
    class Meta(HuisvestingSerializer.Meta):
        fields = [*HuisvestingSerializer.Meta.fields, "versie"]


class HuisvestingenSerializer(serializers.Serializer):
    provincie = serializers.CharField()
    huisvestingen = HuisvestingMetVersieSerializer(many=True)


class HuisvestingenVanProvincie(ApiBasis, APIView):
    """The statushouders housed per gemeente and month in a province, read and written as one."""

    @extend_schema(responses=HuisvestingenSerializer)
    def get(self, request, code: str):
        """The statushouders housed per gemeente and month in the province."""
        provincie = get_object_or_404(Provincie, code=code)
        if not mag_lezen(request.user, provincie):
            raise exceptions.PermissionDenied()
        return Response(_huisvestingen(provincie))

    @extend_schema(
        request=HuisvestingenBulkSerializer,
        responses=HuisvestingenSerializer,
        parameters=[IF_MATCH],
    )
    def post(self, request, code: str):
        """Bulk upsert of statushouders housed per gemeente and month: all are saved, or none."""
        provincie = get_object_or_404(Provincie, code=code)
        if not mag_invoeren(request.user, provincie):
            raise exceptions.PermissionDenied()
        invoer = HuisvestingenBulkSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            huidig = _huisvestingen(provincie)
            controleer_if_match(request, huidig)
            versies = {
                (h.gemeente.code, h.van, h.tot_en_met): h.versie
                for h in _huisvesting_rijen(provincie)
            }
            rijen = [
                HuisvestingRij(
                    gemeente=item["gemeente"],
                    van=item["van"],
                    tot_en_met=item["totEnMet"],
                    gehuisvest=item.get("gehuisvest"),
                    waarvan_amv=item.get("waarvanAmv"),
                    toelichting=item.get("toelichting", ""),
                    versie=item["versie"]
                    if item.get("versie") is not None
                    else versies.get((item["gemeente"], item["van"], item["totEnMet"])),
                )
                for item in invoer.validated_data["huisvestingen"]
            ]
            with dienstfouten():
                resultaat = huisvesting_opslaan(
                    provincie=provincie,
                    door=request.user,
                    rijen=rijen,
                    bevestigd=invoer.validated_data["bevestigd"],
                )
            resultaat_controleren("huisvestingen", rijen, resultaat)
        nieuw = _huisvestingen(provincie)
        response = Response(nieuw)
        response["ETag"] = etag_van(nieuw)
        return response


def _huisvesting_rijen(provincie: Provincie):
    return (
        Huisvesting.objects.filter(gemeente__provincie=provincie)
        .select_related("provincie", "veiligheidsregio", "subregio", "gemeente")
        .order_by("pk")
    )


def _huisvestingen(provincie: Provincie) -> dict:
    return HuisvestingenSerializer(
        {"provincie": provincie.code, "huisvestingen": list(_huisvesting_rijen(provincie))}
    ).data


# --- Opvanglocaties with their capacity periods ----------------------------------------


class PeriodeInvoerSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        min_value=1,
        max_value=MAXIMUM,
        required=False,
        help_text="Een bestaande periode van deze locatie.",
    )
    soort = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Locatiesoort.objects.all(),
        required=False,
        help_text="Code uit de lijst van soorten; zonder: de soort van de locatie.",
    )
    beheerder = serializers.ChoiceField(choices=Beheerder.choices, required=False)
    plaatsen = Aantal(allow_null=True, help_text="Leeg (null): nog onbekend, niet 0.")
    geschat = serializers.BooleanField(required=False, default=False)
    waarvanAmv = Aantal(required=False, default=0)
    van = serializers.DateField()
    totEnMet = serializers.DateField(required=False, allow_null=True, default=None)
    eindeOnbekend = serializers.BooleanField(required=False, default=False)
    verlengbaarTot = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Status.choices)
    pm = toelichting()


class OpvanglocatieInvoerSerializer(serializers.Serializer):
    gemeente = serializers.RegexField(GEMEENTE_CODE, help_text="CBS-code, bijv. GM0150.")
    naam = naam(max_length=200)
    soort = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Locatiesoort.objects.all(),
        required=False,
        help_text="De soort van perioden die er zelf geen noemen.",
    )
    beheerder = serializers.ChoiceField(
        choices=Beheerder.choices,
        required=False,
        help_text="De beheerder van perioden die er zelf geen noemen.",
    )
    opmerkingen = toelichting()
    perioden = PeriodeInvoerSerializer(many=True, required=False, default=list)


class OpvanglocatiesVanProvincie(ApiBasis, APIView):
    """New opvanglocaties of a province."""

    @extend_schema(
        request=OpvanglocatieInvoerSerializer,
        responses={201: OpvanglocatieSerializer},
    )
    def post(self, request, code: str):
        """A new location with its capacity periods: all are saved, or none."""
        provincie = get_object_or_404(Provincie, code=code)
        if not mag_invoeren(request.user, provincie):
            raise exceptions.PermissionDenied()
        invoer = OpvanglocatieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            locatie = locatie_opslaan(request.user, provincie, invoer.validated_data)
        nieuw = _locatie(locatie.pk)
        response = Response(nieuw, status=status.HTTP_201_CREATED)
        response["ETag"] = etag_van(nieuw)
        return response


def locatie_bijwerken(request, pk: str) -> Response:
    """PUT /opvanglocaties/{id}: the location and its periods, with If-Match."""
    if not str(pk).isdigit():
        raise exceptions.NotFound()
    locatie = get_object_or_404(Opvanglocatie.objects.select_related("gemeente"), pk=int(pk))
    provincie = locatie.gemeente.provincie
    if not mag_lezen(request.user, provincie):
        raise exceptions.NotFound()
    if not mag_invoeren(request.user, provincie):
        raise exceptions.PermissionDenied()
    invoer = OpvanglocatieInvoerSerializer(data=request.data)
    invoer.is_valid(raise_exception=True)
    with transaction.atomic():
        controleer_if_match(request, _locatie(locatie.pk))
        locatie_opslaan(request.user, provincie, invoer.validated_data, locatie)
    nieuw = _locatie(locatie.pk)
    response = Response(nieuw)
    response["ETag"] = etag_van(nieuw)
    return response


def locatie_opslaan(gebruiker, provincie, gegevens: dict, locatie=None) -> Opvanglocatie:
    """Save the location, then each period; raise (and so roll back) on the first problem."""
    gemeente = (
        Gemeente.objects.in_provincie(provincie)
        .filter_for_date(timezone.localdate())
        .filter(code=gegevens["gemeente"])
        .first()
    )
    if gemeente is None:
        raise exceptions.ValidationError(
            {
                "gemeente": [
                    _("%(code)s is not a municipality of %(provincie)s.")
                    % {"code": gegevens["gemeente"], "provincie": provincie.naam}
                ]
            }
        )
    with dienstfouten("naam"):
        locatie = opvanglocatie_opslaan(
            door=gebruiker,
            gemeente=gemeente,
            naam=gegevens["naam"],
            opmerkingen=gegevens["opmerkingen"],
            locatie=locatie,
            versie=locatie.versie if locatie else None,
        )
    bestaand = {p.pk: p for p in locatie.perioden.all()}
    fouten: list[dict] = [{} for _periode in gegevens["perioden"]]
    for index, periode in enumerate(gegevens["perioden"]):
        huidig = None
        if "id" in periode:
            huidig = bestaand.get(periode["id"])
            if huidig is None:
                fouten[index]["id"] = [_("This location has no capacity period with this id.")]
                continue

        def ongeldig(meldingen: list[str], index: int = index) -> None:
            fouten[index]["non_field_errors"] = meldingen

        soort = periode.get("soort") or gegevens.get("soort")

        with dienstfouten(ongeldig=ongeldig):
            capaciteitsperiode_opslaan(
                door=gebruiker,
                locatie=locatie,
                plaatsen=periode["plaatsen"],
                van=periode["van"],
                status=periode["status"],
                soort=soort.code if soort else "",
                beheerder=periode.get("beheerder") or gegevens.get("beheerder") or "",
                waarvan_amv=periode["waarvanAmv"],
                tot_en_met=periode["totEnMet"],
                geschat=periode["geschat"],
                einde_onbekend=periode["eindeOnbekend"],
                verlengbaar_tot=periode["verlengbaarTot"],
                pm=periode.get("pm", ""),
                periode=huidig,
                versie=huidig.versie if huidig else None,
            )
    if any(fouten):
        raise exceptions.ValidationError({"perioden": fouten})
    return locatie


def _locatie(pk: int) -> dict:
    locatie = Opvanglocatie.objects.select_related("gemeente").prefetch_related(
        "perioden", "aandelen__gemeente"
    )
    return OpvanglocatieSerializer(locatie.get(pk=pk)).data
