"""Read endpoints of API v1. Views only fetch with an access check and serialize."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api import filters, overig_schrijven, serializers, tijdlijn
from api.basis import ApiBasis
from api.permissies import leesbaar
from api.samenvatting import SamenvattingSerializer
from api.schrijven import IF_MATCH
from api.vastgelegd import actuele_samenvatting, vastgelegde_samenvatting
from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from opgaven.models import Opgave, Opgavebesluit
from realisatie import bronnen
from realisatie.dashboard.forms import TijdlijnForm, standaardkeuze
from realisatie.models import (
    AsielTelling,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from realisatie.tijdlijnbeeld import gebieden, gebiedstijdlijn
from toegang.beleid import mag_lezen
from vaststellingen.selectors import vaststelling_in_kracht

GEBIED_RELATIES = ("provincie", "veiligheidsregio", "subregio", "gemeente")


class LeesViewSet(ApiBasis, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"


class ProvincieViewSet(LeesViewSet):
    """Provincies (reference data, for every authenticated user)."""

    queryset = Provincie.objects.all()
    serializer_class = serializers.ProvincieSerializer
    lookup_field = "code"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "peildatum",
                OpenApiTypes.DATE,
                description="Stand per deze datum (standaard vandaag), bijv. 2024-01-01.",
            )
        ],
        responses=SamenvattingSerializer,
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def samenvatting(self, request, code=None):
        """Opgave, realisatie, verschil and % per opgave and area, as on the dashboard."""
        provincie = self.get_object()
        if not mag_lezen(request.user, provincie):
            raise exceptions.PermissionDenied()
        datum = _datum_parameter(request.query_params.get("peildatum"), "peildatum")
        if datum and (vaststelling := vaststelling_in_kracht(provincie, datum)):
            return vastgelegde_samenvatting(self, request, vaststelling)
        # Computed and rendered once per state of the figures (realisatie.actueel).
        return actuele_samenvatting(self, request, provincie, datum or timezone.localdate())

    @extend_schema(parameters=tijdlijn.PARAMETERS, responses=tijdlijn.TijdlijnSerializer)
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def tijdlijn(self, request, code=None):
        """Places per location and in total on every step of a range of dates, as on
        the timeline page (the same form checks the choice)."""
        provincie = self.get_object()
        if not mag_lezen(request.user, provincie):
            raise exceptions.PermissionDenied()
        vandaag = timezone.localdate()
        form = TijdlijnForm(
            request.query_params,
            gebieden=gebieden(provincie, vandaag),
            soorten=bronnen.soorten_in_register(provincie),
            standaard=standaardkeuze(provincie.code, vandaag),
        )
        if not form.is_valid():
            raise exceptions.ValidationError(
                {
                    (veld if veld != "__all__" else "tot"): [str(f) for f in fouten]
                    for veld, fouten in form.errors.items()
                }
            )
        beeld = gebiedstijdlijn(provincie, **form.keuze())
        if beeld is None:
            raise exceptions.NotFound()
        return Response(tijdlijn.TijdlijnSerializer(tijdlijn.als_data(beeld)).data)


class VeiligheidsregioViewSet(LeesViewSet):
    queryset = Veiligheidsregio.objects.select_related("provincie")
    serializer_class = serializers.VeiligheidsregioSerializer
    filterset_class = filters.VeiligheidsregioFilter
    lookup_field = "code"


class SubregioViewSet(LeesViewSet):
    queryset = Subregio.objects.select_related("provincie", "veiligheidsregio")
    serializer_class = serializers.SubregioSerializer
    filterset_class = filters.SubregioFilter
    lookup_field = "code"


class GemeenteViewSet(LeesViewSet):
    """Gemeenten by CBS code. A code can have several validity periods (a gemeente
    that moved province): the detail gives the one valid on `geldigOp` (default today),
    or the most recent one."""

    queryset = Gemeente.objects.select_related("provincie", "veiligheidsregio", "subregio")
    serializer_class = serializers.GemeenteSerializer
    filterset_class = filters.GemeenteFilter
    lookup_field = "code"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "geldigOp",
                OpenApiTypes.DATE,
                description="De gemeente met deze code die op deze datum bestond.",
            )
        ]
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_object(self):
        rijen = self.get_queryset().filter(code=self.kwargs["code"])
        datum = _datum_parameter(self.request.query_params.get("geldigOp"), "geldigOp")
        geldig = rijen.filter_for_date(datum or timezone.localdate()).first()
        gemeente = geldig or rijen.order_by("-geldig_van").first()
        if gemeente is None:
            raise exceptions.NotFound()
        return gemeente


class OpgavebesluitViewSet(LeesViewSet):
    queryset = Opgavebesluit.objects.all()
    serializer_class = serializers.OpgavebesluitSerializer
    filterset_class = filters.OpgavebesluitFilter


class GebiedsgebondenViewSet(LeesViewSet):
    """Figures of one area: only those of the provinces the user may read."""

    def get_queryset(self):
        return leesbaar(self.queryset.select_related(*GEBIED_RELATIES), self.request.user).order_by(
            "pk"
        )


class OpgaveViewSet(GebiedsgebondenViewSet):
    queryset = Opgave.objects.all()
    serializer_class = serializers.OpgaveSerializer
    filterset_class = filters.OpgaveFilter


class PeildatumViewSet(LeesViewSet):
    queryset = Peildatum.objects.select_related("provincie")
    serializer_class = serializers.PeildatumSerializer
    filterset_class = filters.PeildatumFilter

    def get_queryset(self):
        return leesbaar(self.queryset, self.request.user, "provincie")


class OpvanglocatieViewSet(LeesViewSet):
    queryset = Opvanglocatie.objects.select_related("gemeente").prefetch_related(
        "perioden", "aandelen__gemeente"
    )
    serializer_class = serializers.OpvanglocatieSerializer
    filterset_class = filters.OpvanglocatieFilter

    def get_queryset(self):
        return leesbaar(self.queryset, self.request.user, "gemeente__provincie").order_by("pk")

    @extend_schema(
        request=overig_schrijven.OpvanglocatieInvoerSerializer,
        responses=serializers.OpvanglocatieSerializer,
        parameters=[IF_MATCH],
    )
    def update(self, request, pk=None):
        """Change the location and its capacity periods: all are saved, or none."""
        return overig_schrijven.locatie_bijwerken(request, pk)


class OekraineTellingViewSet(GebiedsgebondenViewSet):
    queryset = OekraineTelling.objects.select_related("peildatum")
    serializer_class = serializers.OekraineTellingSerializer
    filterset_class = filters.OekraineTellingFilter


class AsielTellingViewSet(GebiedsgebondenViewSet):
    queryset = AsielTelling.objects.select_related("peildatum")
    serializer_class = serializers.AsielTellingSerializer
    filterset_class = filters.AsielTellingFilter


class HuisvestingViewSet(GebiedsgebondenViewSet):
    queryset = Huisvesting.objects.all()
    serializer_class = serializers.HuisvestingSerializer
    filterset_class = filters.HuisvestingFilter


def _datum_parameter(tekst: str | None, naam: str) -> datetime.date | None:
    if not tekst:
        return None
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise exceptions.ValidationError(
            {naam: [_("Enter a date as YYYY-MM-DD, e.g. 2024-01-01.")]}
        ) from None
