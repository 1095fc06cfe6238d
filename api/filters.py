"""Query filters (django-filter) with camelCase keys: `?provincie=PV23&geldigOp=2024-01-01`."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Q

from gemeenten.models import Gemeente, Subregio, Veiligheidsregio
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort
from realisatie.models import (
    AsielTelling,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)


class ProvincieCodeFilter(filters.CharFilter):
    def __init__(self, field_name="provincie__code", **kwargs):
        kwargs.setdefault("help_text", "CBS-code van de provincie, bijv. PV23.")
        super().__init__(field_name=field_name, **kwargs)


def _in_provincie(queryset, name, code):
    return queryset.filter(
        Q(provincie__code=code)
        | Q(veiligheidsregio__provincie__code=code)
        | Q(subregio__provincie__code=code)
        | Q(gemeente__provincie__code=code)
    )


class VeiligheidsregioFilter(filters.FilterSet):
    provincie = ProvincieCodeFilter()

    class Meta:
        model = Veiligheidsregio
        fields = ["provincie"]


class SubregioFilter(filters.FilterSet):
    provincie = ProvincieCodeFilter()
    veiligheidsregio = filters.CharFilter(field_name="veiligheidsregio__code")

    class Meta:
        model = Subregio
        fields = ["provincie", "veiligheidsregio"]


class GemeenteFilter(filters.FilterSet):
    provincie = ProvincieCodeFilter()
    subregio = filters.CharFilter(field_name="subregio__code")
    veiligheidsregio = filters.CharFilter(field_name="veiligheidsregio__code")
    geldigOp = filters.DateFilter(
        method="geldig_op", help_text="Alleen gemeenten die op deze datum bestonden."
    )

    class Meta:
        model = Gemeente
        fields = ["provincie", "subregio", "veiligheidsregio", "geldigOp"]

    def geldig_op(self, queryset, name, datum):
        return queryset.filter_for_date(datum)


class OpgavebesluitFilter(filters.FilterSet):
    soort = filters.ChoiceFilter(choices=Opgavesoort.choices)
    halfjaar = filters.CharFilter()

    class Meta:
        model = Opgavebesluit
        fields = ["soort", "halfjaar"]


class OpgaveFilter(filters.FilterSet):
    besluit = filters.NumberFilter(field_name="besluit_id")
    soort = filters.ChoiceFilter(field_name="besluit__soort", choices=Opgavesoort.choices)
    provincie = filters.CharFilter(method=_in_provincie, help_text="CBS-code, bijv. PV23.")
    gemeente = filters.CharFilter(field_name="gemeente__code")

    class Meta:
        model = Opgave
        fields = ["besluit", "soort", "provincie", "gemeente"]


class PeildatumFilter(filters.FilterSet):
    provincie = ProvincieCodeFilter()
    datum = filters.DateFilter()
    datumVanaf = filters.DateFilter(field_name="datum", lookup_expr="gte")
    datumTotEnMet = filters.DateFilter(field_name="datum", lookup_expr="lte")
    vastgesteld = filters.BooleanFilter(
        field_name="vastgesteld_op", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Peildatum
        fields = ["provincie", "datum", "datumVanaf", "datumTotEnMet", "vastgesteld"]


class OpvanglocatieFilter(filters.FilterSet):
    provincie = ProvincieCodeFilter(field_name="gemeente__provincie__code")
    gemeente = filters.CharFilter(field_name="gemeente__code")
    soort = filters.CharFilter(
        field_name="perioden__soort",
        distinct=True,
        help_text="Locaties met een periode van deze soort.",
    )

    class Meta:
        model = Opvanglocatie
        fields = ["provincie", "gemeente", "soort"]


class TellingFilter(filters.FilterSet):
    provincie = filters.CharFilter(method=_in_provincie, help_text="CBS-code, bijv. PV23.")
    gemeente = filters.CharFilter(field_name="gemeente__code")
    peildatum = filters.DateFilter(field_name="peildatum__datum")


class OekraineTellingFilter(TellingFilter):
    class Meta:
        model = OekraineTelling
        fields = ["provincie", "gemeente", "peildatum"]


class AsielTellingFilter(TellingFilter):
    class Meta:
        model = AsielTelling
        fields = ["provincie", "gemeente", "peildatum"]


class HuisvestingFilter(filters.FilterSet):
    provincie = filters.CharFilter(method=_in_provincie, help_text="CBS-code, bijv. PV23.")
    gemeente = filters.CharFilter(field_name="gemeente__code")
    vanaf = filters.DateFilter(field_name="van", lookup_expr="gte")
    totEnMet = filters.DateFilter(field_name="tot_en_met", lookup_expr="lte")

    class Meta:
        model = Huisvesting
        fields = ["provincie", "gemeente", "vanaf", "totEnMet"]
