"""The regietafel's lists in API v1: read for whoever may read the province, write for its
secretary, through `regietafel.services` (the same validation, history and audit as the
pages).

    GET  /api/v1/acties?provincie=PV23&status=open
    POST /api/v1/acties            {"vergadering": 3, "tekst": "...", "eigenaar": "COA",
                                    "termijn": "2024-04-01"}
    PUT  /api/v1/acties/12         (If-Match: the ETag of its GET)

and the same for `vergaderingen`, `regietafelbesluiten`, `verzoeken` (with how far each
is met: `vervulling`), `knelpunten`, `toezichten`, `toezichtafspraken` and
`spreidingswet-mijlpalen` (read and change; a cycle's milestones are created on the
regietafel page). Rows of provinces the user may not read are not in the collections
(their detail is 404); a write for a province the user may not edit is 403.
"""

from __future__ import annotations

import datetime

import django_filters as filters
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response

from api import regietafel_serializers as s
from api.basis import ApiBasis
from api.dienst import dienstfouten
from api.etag import controleer_if_match, etag_van
from api.permissies import leesbaar
from api.schrijven import IF_MATCH
from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel import services
from regietafel.models import (
    Actie,
    Actiestatus,
    Knelpunt,
    Knelpuntstatus,
    Knelpuntthema,
    Mijlpaal,
    Mijlpaalstatus,
    Regietafelbesluit,
    Toezicht,
    Toezichtafspraak,
    Toezichtregime,
    Vergadering,
    Verzoek,
    Verzoeksoort,
    Verzoekstatus,
)
from regietafel.selectors import verzoekstanden
from toegang.beleid import mag_bewerken


def _onbekend(veld: str, melding: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({veld: [melding]})


def _provincie(code: str) -> Provincie:
    provincie = Provincie.objects.filter(code=code).first()
    if provincie is None:
        raise _onbekend("provincie", _("Unknown province."))
    return provincie


def _verwijzing(model, pk: int, gebruiker, pad: str, veld: str):
    """The row a write refers to: 400 when it does not exist, 403 when it belongs to a
    province the user may not read (and so may not edit either)."""
    rijen = model.objects.filter(pk=pk)
    gevonden = leesbaar(rijen, gebruiker, pad).first()
    if gevonden is None:
        if rijen.exists():
            raise exceptions.PermissionDenied()
        raise _onbekend(veld, _("Unknown."))
    return gevonden


def _peildatum(provincie: Provincie, datum: datetime.date | None) -> Peildatum | None:
    if datum is None:
        return None
    peildatum = Peildatum.objects.filter(provincie=provincie, datum=datum).first()
    if peildatum is None:
        raise _onbekend("peildatum", _("The province has no reference date on this date."))
    return peildatum


def _veiligheidsregio(code: str | None) -> Veiligheidsregio | None:
    if code is None:
        return None
    regio = Veiligheidsregio.objects.filter(code=code).first()
    if regio is None:
        raise _onbekend("veiligheidsregio", _("Unknown safety region."))
    return regio


class RegietafelViewSet(
    ApiBasis, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Read (the provinces the user may read) and change (PUT with If-Match, body
    `wijzigen_invoer`) through the services; `Aanmaken` adds POST (201, body `invoer`)."""

    lookup_value_regex = "[^/]+"
    provinciepad = "provincie"
    wijzigen_invoer: type[serializers.Serializer]

    def get_queryset(self):
        rijen = leesbaar(super().get_queryset(), self.request.user, self.provinciepad)
        return rijen.order_by("pk")

    def provincie_van(self, object_) -> Provincie:
        return object_.provincie

    def wijzigen(self, gebruiker, object_, gegevens: dict) -> None:
        raise NotImplementedError

    def weergave(self, pk: int) -> dict:
        return self.get_serializer(self.get_queryset().get(pk=pk)).data

    def update(self, request, *args, **kwargs):
        object_ = self.get_object()
        if not mag_bewerken(request.user, self.provincie_van(object_)):
            raise exceptions.PermissionDenied()
        invoer = self.wijzigen_invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            controleer_if_match(request, self.weergave(object_.pk))
            with dienstfouten():
                self.wijzigen(request.user, object_, invoer.validated_data)
        return self._antwoord(object_.pk, status.HTTP_200_OK)

    def _antwoord(self, pk: int, code: int) -> Response:
        data = self.weergave(pk)
        response = Response(data, status=code)
        response["ETag"] = etag_van(data)
        return response


class Aanmaken:
    """POST on the collection: a new row through the service, 201 with its representation."""

    invoer: type[serializers.Serializer]

    def aanmaken(self, gebruiker, gegevens: dict):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic(), dienstfouten():
            object_ = self.aanmaken(request.user, invoer.validated_data)
        return self._antwoord(object_.pk, status.HTTP_201_CREATED)


def _schrijfschema(viewset: type[RegietafelViewSet]) -> type[RegietafelViewSet]:
    """Document the request bodies and the If-Match header of a viewset's writes (on
    functions of its own: drf-spectacular keeps the annotation on the function)."""
    weergave = viewset.serializer_class

    def create(self, request, *args, **kwargs):
        return Aanmaken.create(self, request, *args, **kwargs)

    def update(self, request, *args, **kwargs):
        return RegietafelViewSet.update(self, request, *args, **kwargs)

    if issubclass(viewset, Aanmaken):
        viewset.create = extend_schema(request=viewset.invoer, responses={201: weergave})(create)
    viewset.update = extend_schema(
        request=viewset.wijzigen_invoer, responses=weergave, parameters=[IF_MATCH]
    )(update)
    return viewset


# --- Filters (camelCase keys) ------------------------------------------------------------------


def _provinciefilter(pad: str = "provincie__code") -> filters.CharFilter:
    return filters.CharFilter(field_name=pad, help_text="CBS-code van de provincie, bijv. PV23.")


class VergaderingFilter(filters.FilterSet):
    provincie = _provinciefilter()
    datumVanaf = filters.DateFilter(field_name="datum", lookup_expr="gte")
    datumTotEnMet = filters.DateFilter(field_name="datum", lookup_expr="lte")

    class Meta:
        model = Vergadering
        fields = ["provincie", "datumVanaf", "datumTotEnMet"]


class BesluitFilter(filters.FilterSet):
    provincie = _provinciefilter()
    vergadering = filters.NumberFilter(field_name="vergadering_id")

    class Meta:
        model = Regietafelbesluit
        fields = ["provincie", "vergadering"]


class ActieFilter(filters.FilterSet):
    provincie = _provinciefilter()
    vergadering = filters.NumberFilter(field_name="vergadering_id")
    status = filters.ChoiceFilter(choices=Actiestatus.choices)
    overTermijn = filters.BooleanFilter(
        field_name="is_over_termijn", help_text="Open en de termijn is verstreken."
    )

    class Meta:
        model = Actie
        fields = ["provincie", "vergadering", "status", "overTermijn"]


class VerzoekFilter(filters.FilterSet):
    provincie = _provinciefilter()
    soort = filters.ChoiceFilter(choices=Verzoeksoort.choices)
    status = filters.ChoiceFilter(choices=Verzoekstatus.choices)

    class Meta:
        model = Verzoek
        fields = ["provincie", "soort", "status"]


class KnelpuntFilter(filters.FilterSet):
    provincie = _provinciefilter()
    thema = filters.ChoiceFilter(choices=Knelpuntthema.choices)
    status = filters.ChoiceFilter(choices=Knelpuntstatus.choices)

    class Meta:
        model = Knelpunt
        fields = ["provincie", "thema", "status"]


class ToezichtFilter(filters.FilterSet):
    provincie = _provinciefilter("gemeente__provincie__code")
    gemeente = filters.CharFilter(field_name="gemeente__code")
    regime = filters.ChoiceFilter(choices=Toezichtregime.choices)

    class Meta:
        model = Toezicht
        fields = ["provincie", "gemeente", "regime"]


class AfspraakFilter(filters.FilterSet):
    toezicht = filters.NumberFilter(field_name="toezicht_id")

    class Meta:
        model = Toezichtafspraak
        fields = ["toezicht"]


class MijlpaalFilter(filters.FilterSet):
    provincie = _provinciefilter()
    cyclus = filters.NumberFilter()
    status = filters.ChoiceFilter(choices=Mijlpaalstatus.choices)

    class Meta:
        model = Mijlpaal
        fields = ["provincie", "cyclus", "status"]


# --- The resources -------------------------------------------------------------------------------


@_schrijfschema
class VergaderingViewSet(Aanmaken, RegietafelViewSet):
    """Meetings with their agenda and attendance (agenda and attendance are kept on the
    regietafel page); a PUT with `verslagGoedgekeurdIn` approves the minutes there."""

    queryset = Vergadering.objects.select_related("provincie", "peildatum").prefetch_related(
        "agendapunten__peildatum", "aanwezigen"
    )
    serializer_class = s.VergaderingSerializer
    filterset_class = VergaderingFilter
    invoer = s.VergaderingInvoer
    wijzigen_invoer = s.VergaderingWijzigen

    def aanmaken(self, gebruiker, gegevens):
        provincie = _provincie(gegevens["provincie"])
        return services.vergadering_aanmaken(
            door=gebruiker,
            provincie=provincie,
            datum=gegevens["datum"],
            omschrijving=gegevens["omschrijving"],
            peildatum=_peildatum(provincie, gegevens["peildatum"]),
        )

    def wijzigen(self, gebruiker, vergadering, gegevens):
        services.vergadering_wijzigen(
            door=gebruiker,
            vergadering=vergadering,
            datum=gegevens["datum"],
            omschrijving=gegevens["omschrijving"],
            peildatum=_peildatum(vergadering.provincie, gegevens["peildatum"]),
            verslag=gegevens["verslag"],
        )
        goedgekeurd_in = gegevens["verslagGoedgekeurdIn"]
        if goedgekeurd_in is not None and goedgekeurd_in != vergadering.verslag_goedgekeurd_in_id:
            services.verslag_goedkeuren(
                door=gebruiker,
                vergadering=vergadering,
                goedgekeurd_in=_verwijzing(
                    Vergadering, goedgekeurd_in, gebruiker, "provincie", "verslagGoedgekeurdIn"
                ),
            )


@_schrijfschema
class RegietafelbesluitViewSet(Aanmaken, RegietafelViewSet):
    queryset = Regietafelbesluit.objects.select_related("provincie", "vergadering")
    serializer_class = s.RegietafelbesluitSerializer
    filterset_class = BesluitFilter
    invoer = s.BesluitInvoer
    wijzigen_invoer = s.BesluitWijzigen

    def aanmaken(self, gebruiker, gegevens):
        vergadering = _verwijzing(
            Vergadering, gegevens["vergadering"], gebruiker, "provincie", "vergadering"
        )
        return services.regietafelbesluit_aanmaken(
            door=gebruiker, vergadering=vergadering, tekst=gegevens["tekst"]
        )

    def wijzigen(self, gebruiker, besluit, gegevens):
        services.regietafelbesluit_wijzigen(
            door=gebruiker, besluit=besluit, tekst=gegevens["tekst"]
        )


@_schrijfschema
class ActieViewSet(Aanmaken, RegietafelViewSet):
    """The actielijst; `overTermijn` is the signal (open, deadline passed before today)."""

    queryset = Actie.objects.select_related("provincie", "vergadering")
    serializer_class = s.ActieSerializer
    filterset_class = ActieFilter
    invoer = s.ActieInvoer
    wijzigen_invoer = s.ActieWijzigen

    def get_queryset(self):
        return super().get_queryset().met_over_termijn(timezone.localdate())

    def aanmaken(self, gebruiker, gegevens):
        vergadering = _verwijzing(
            Vergadering, gegevens["vergadering"], gebruiker, "provincie", "vergadering"
        )
        return services.actie_aanmaken(
            door=gebruiker,
            vergadering=vergadering,
            tekst=gegevens["tekst"],
            eigenaar=gegevens["eigenaar"],
            termijn=gegevens["termijn"],
            toelichting=gegevens["toelichting"],
        )

    def wijzigen(self, gebruiker, actie, gegevens):
        services.actie_wijzigen(
            door=gebruiker,
            actie=actie,
            tekst=gegevens["tekst"],
            eigenaar=gegevens["eigenaar"],
            termijn=gegevens["termijn"],
            toelichting=gegevens["toelichting"],
            status=gegevens["status"],
            status_op=gegevens["statusOp"],
        )


@_schrijfschema
class VerzoekViewSet(Aanmaken, RegietafelViewSet):
    """Requests of the Rijk with `vervulling`: how far each is met from the register,
    the same figure as on the regietafel page, the dashboard and the export."""

    queryset = Verzoek.objects.select_related("provincie", "veiligheidsregio")
    serializer_class = s.VerzoekSerializer
    filterset_class = VerzoekFilter
    invoer = s.VerzoekInvoer
    wijzigen_invoer = s.VerzoekWijzigen

    def get_serializer(self, *args, **kwargs):
        if args:
            verzoeken = list(args[0]) if kwargs.get("many") else [args[0]]
            kwargs["context"] = {
                **self.get_serializer_context(),
                "vervullingen": {v.verzoek.pk: v.vervulling for v in verzoekstanden(verzoeken)},
            }
        return super().get_serializer(*args, **kwargs)

    def aanmaken(self, gebruiker, gegevens):
        return services.verzoek_aanmaken(
            door=gebruiker,
            provincie=_provincie(gegevens["provincie"]),
            veiligheidsregio=_veiligheidsregio(gegevens["veiligheidsregio"]),
            omschrijving=gegevens["omschrijving"],
            soort=gegevens["soort"],
            aantal=gegevens["aantal"],
            ontvangen_op=gegevens["ontvangenOp"],
            uiterlijk=gegevens["uiterlijk"],
        )

    def wijzigen(self, gebruiker, verzoek, gegevens):
        services.verzoek_wijzigen(
            door=gebruiker,
            verzoek=verzoek,
            veiligheidsregio=_veiligheidsregio(gegevens["veiligheidsregio"]),
            omschrijving=gegevens["omschrijving"],
            soort=gegevens["soort"],
            aantal=gegevens["aantal"],
            ontvangen_op=gegevens["ontvangenOp"],
            uiterlijk=gegevens["uiterlijk"],
            status=gegevens["status"],
            antwoord=gegevens["antwoord"],
            beantwoord_op=gegevens["beantwoordOp"],
        )


@_schrijfschema
class KnelpuntViewSet(Aanmaken, RegietafelViewSet):
    queryset = Knelpunt.objects.select_related("provincie")
    serializer_class = s.KnelpuntSerializer
    filterset_class = KnelpuntFilter
    invoer = s.KnelpuntInvoer
    wijzigen_invoer = s.KnelpuntWijzigen

    def aanmaken(self, gebruiker, gegevens):
        vergadering = _verwijzing(
            Vergadering, gegevens["ingebrachtIn"], gebruiker, "provincie", "ingebrachtIn"
        )
        return services.knelpunt_aanmaken(
            door=gebruiker,
            ingebracht_in=vergadering,
            thema=gegevens["thema"],
            omschrijving=gegevens["omschrijving"],
        )

    def wijzigen(self, gebruiker, knelpunt, gegevens):
        services.knelpunt_wijzigen(
            door=gebruiker,
            knelpunt=knelpunt,
            thema=gegevens["thema"],
            omschrijving=gegevens["omschrijving"],
            status=gegevens["status"],
            geescaleerd_naar=gegevens["geescaleerdNaar"],
            geescaleerd_op=gegevens["geescaleerdOp"],
            antwoord=gegevens["antwoord"],
        )


@_schrijfschema
class ToezichtViewSet(Aanmaken, RegietafelViewSet):
    """Toezicht regimes per gemeente; a new regime from a later date is a new row."""

    queryset = Toezicht.objects.select_related("gemeente").prefetch_related("afspraken")
    serializer_class = s.ToezichtSerializer
    filterset_class = ToezichtFilter
    provinciepad = "gemeente__provincie"
    invoer = s.ToezichtInvoer
    wijzigen_invoer = s.ToezichtInvoer

    def provincie_van(self, toezicht):
        return toezicht.gemeente.provincie

    def _gemeente(self, code: str) -> Gemeente:
        gemeente = (
            Gemeente.objects.filter_for_date(timezone.localdate())
            .filter(code=code)
            .select_related("provincie")
            .first()
        )
        if gemeente is None:
            raise _onbekend("gemeente", _("Unknown municipality."))
        return gemeente

    def aanmaken(self, gebruiker, gegevens, toezicht=None):
        return services.toezicht_vastleggen(
            door=gebruiker,
            gemeente=self._gemeente(gegevens["gemeente"]),
            regime=gegevens["regime"],
            sinds=gegevens["sinds"],
            plan_van_aanpak=gegevens["planVanAanpak"],
            toelichting=gegevens["toelichting"],
            toezicht=toezicht,
        )

    def wijzigen(self, gebruiker, toezicht, gegevens):
        self.aanmaken(gebruiker, gegevens, toezicht=toezicht)


@_schrijfschema
class ToezichtafspraakViewSet(Aanmaken, RegietafelViewSet):
    queryset = Toezichtafspraak.objects.all()
    serializer_class = s.ToezichtafspraakSerializer
    filterset_class = AfspraakFilter
    provinciepad = "toezicht__gemeente__provincie"
    invoer = s.AfspraakInvoer
    wijzigen_invoer = s.AfspraakWijzigen

    def provincie_van(self, afspraak):
        return afspraak.toezicht.gemeente.provincie

    def aanmaken(self, gebruiker, gegevens):
        toezicht = _verwijzing(
            Toezicht, gegevens["toezicht"], gebruiker, "gemeente__provincie", "toezicht"
        )
        return services.toezichtafspraak_vastleggen(
            door=gebruiker,
            toezicht=toezicht,
            omschrijving=gegevens["omschrijving"],
            datum=gegevens["datum"],
            nagekomen_op=gegevens["nagekomenOp"],
        )

    def wijzigen(self, gebruiker, afspraak, gegevens):
        services.toezichtafspraak_vastleggen(
            door=gebruiker,
            toezicht=afspraak.toezicht,
            afspraak=afspraak,
            omschrijving=gegevens["omschrijving"],
            datum=gegevens["datum"],
            nagekomen_op=gegevens["nagekomenOp"],
        )


@_schrijfschema
class MijlpaalViewSet(RegietafelViewSet):
    """The Spreidingswet cycle's milestones per province: read, and change date and status."""

    queryset = Mijlpaal.objects.select_related("provincie")
    serializer_class = s.MijlpaalSerializer
    filterset_class = MijlpaalFilter
    wijzigen_invoer = s.MijlpaalWijzigen

    def wijzigen(self, gebruiker, mijlpaal, gegevens):
        services.mijlpaal_wijzigen(
            door=gebruiker,
            mijlpaal=mijlpaal,
            uiterlijk=gegevens["uiterlijk"],
            status=gegevens["status"],
            gereed_op=gegevens["gereedOp"],
            toelichting=gegevens["toelichting"],
        )
