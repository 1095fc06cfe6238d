"""Read representations: Dutch names, camelCase properties, CBS codes as identifiers.

Serializers only copy fields; no figure is computed here (the samenvatting comes from
`realisatie.overzicht`, see `api.samenvatting`).
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gemeenten.models import Gemeente, Niveau, Provincie, Subregio, Veiligheidsregio
from opgaven.models import Opgave, Opgavebesluit
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    Locatieaandeel,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)


class GebiedSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(choices=Niveau.choices)
    code = serializers.CharField()
    naam = serializers.CharField()


@extend_schema_field(GebiedSerializer)
class GebiedVeld(serializers.Field):
    """The one area a `Gebiedsgebonden` figure belongs to."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, rij):
        gebied = rij.gebied
        return {"niveau": rij.niveau.value, "code": gebied.code, "naam": gebied.naam}


class ProvincieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Provincie
        fields = ["code", "naam"]


class VeiligheidsregioSerializer(serializers.ModelSerializer):
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Veiligheidsregio
        fields = ["code", "naam", "provincie"]


class SubregioSerializer(serializers.ModelSerializer):
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    veiligheidsregio = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Subregio
        fields = ["code", "naam", "provincie", "veiligheidsregio"]


class GemeenteSerializer(serializers.ModelSerializer):
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    veiligheidsregio = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    subregio = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    geldigVan = serializers.DateField(source="geldig_van", read_only=True, allow_null=True)
    geldigTotEnMet = serializers.DateField(
        source="geldig_tot_en_met", read_only=True, allow_null=True
    )
    inwonersPeiljaar = serializers.IntegerField(
        source="inwoners_peiljaar", read_only=True, allow_null=True
    )

    class Meta:
        model = Gemeente
        fields = [
            "code",
            "naam",
            "provincie",
            "veiligheidsregio",
            "subregio",
            "geldigVan",
            "geldigTotEnMet",
            "inwoners",
            "inwonersPeiljaar",
        ]


class OpgavebesluitSerializer(serializers.ModelSerializer):
    bronUrl = serializers.CharField(source="bron_url", read_only=True)
    besluitdatum = serializers.DateField(read_only=True, allow_null=True)
    streefdatum = serializers.DateField(read_only=True, allow_null=True)
    landelijkTotaal = serializers.IntegerField(
        source="landelijk_totaal", read_only=True, allow_null=True
    )
    landelijkAmv = serializers.IntegerField(source="landelijk_amv", read_only=True, allow_null=True)

    class Meta:
        model = Opgavebesluit
        fields = [
            "id",
            "soort",
            "naam",
            "bron",
            "bronUrl",
            "besluitdatum",
            "streefdatum",
            "halfjaar",
            "landelijkTotaal",
            "landelijkAmv",
            "toelichting",
        ]


class OpgaveSerializer(serializers.ModelSerializer):
    gebied = GebiedVeld()
    waarvanAmv = serializers.IntegerField(source="waarvan_amv", read_only=True, allow_null=True)

    class Meta:
        model = Opgave
        fields = ["id", "besluit", "gebied", "aantal", "waarvanAmv", "indicatief", "toelichting"]


class PeildatumSerializer(serializers.ModelSerializer):
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    vastgesteldOp = serializers.DateTimeField(
        source="vastgesteld_op", read_only=True, allow_null=True
    )
    vastgesteld = serializers.BooleanField(source="is_vastgesteld", read_only=True)

    class Meta:
        model = Peildatum
        fields = ["id", "provincie", "datum", "omschrijving", "vastgesteld", "vastgesteldOp"]


class CapaciteitsperiodeSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="soort_id", read_only=True)
    plaatsen = serializers.IntegerField(read_only=True, allow_null=True)
    waarvanAmv = serializers.IntegerField(source="waarvan_amv", read_only=True)
    totEnMet = serializers.DateField(source="tot_en_met", read_only=True, allow_null=True)
    eindeOnbekend = serializers.BooleanField(source="einde_onbekend", read_only=True)
    verlengbaarTot = serializers.DateField(
        source="verlengbaar_tot", read_only=True, allow_null=True
    )

    class Meta:
        model = Capaciteitsperiode
        fields = [
            "id",
            "soort",
            "beheerder",
            "plaatsen",
            "geschat",
            "waarvanAmv",
            "van",
            "totEnMet",
            "eindeOnbekend",
            "verlengbaarTot",
            "status",
            "pm",
        ]


class LocatieaandeelSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Locatieaandeel
        fields = ["gemeente", "plaatsen", "percentage"]


class OpvanglocatieSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    perioden = CapaciteitsperiodeSerializer(many=True, read_only=True)
    aandelen = LocatieaandeelSerializer(many=True, read_only=True)

    class Meta:
        model = Opvanglocatie
        fields = ["id", "gemeente", "naam", "opmerkingen", "aandelen", "perioden"]


class OekraineTellingSerializer(serializers.ModelSerializer):
    gebied = GebiedVeld()
    peildatum = serializers.DateField(source="peildatum.datum", read_only=True)
    gooTotaal = serializers.IntegerField(source="goo_totaal", read_only=True, allow_null=True)
    gooBezet = serializers.IntegerField(source="goo_bezet", read_only=True, allow_null=True)
    gooBeschikbaar = serializers.IntegerField(
        source="goo_beschikbaar", read_only=True, allow_null=True
    )
    poo = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = OekraineTelling
        fields = [
            "id",
            "gebied",
            "peildatum",
            "gooTotaal",
            "gooBezet",
            "gooBeschikbaar",
            "poo",
            "toelichting",
            "versie",
        ]


class AsielTellingSerializer(serializers.ModelSerializer):
    gebied = GebiedVeld()
    peildatum = serializers.DateField(source="peildatum.datum", read_only=True)
    datum = serializers.DateField(read_only=True)
    regulier = serializers.IntegerField(read_only=True, allow_null=True)
    noodopvang = serializers.IntegerField(read_only=True, allow_null=True)
    tgo = serializers.IntegerField(read_only=True, allow_null=True)
    crisisnoodopvang = serializers.IntegerField(read_only=True, allow_null=True)
    overig = serializers.IntegerField(read_only=True, allow_null=True)
    waarvanAmv = serializers.IntegerField(source="waarvan_amv", read_only=True, allow_null=True)

    class Meta:
        model = AsielTelling
        fields = [
            "id",
            "gebied",
            "peildatum",
            "datum",
            "regulier",
            "noodopvang",
            "tgo",
            "crisisnoodopvang",
            "overig",
            "waarvanAmv",
            "toelichting",
            "versie",
        ]


class HuisvestingSerializer(serializers.ModelSerializer):
    gebied = GebiedVeld()
    totEnMet = serializers.DateField(source="tot_en_met", read_only=True)
    waarvanAmv = serializers.IntegerField(source="waarvan_amv", read_only=True, allow_null=True)

    class Meta:
        model = Huisvesting
        fields = ["id", "gebied", "van", "totEnMet", "gehuisvest", "waarvanAmv", "toelichting"]
