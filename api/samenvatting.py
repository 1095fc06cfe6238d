"""The `samenvatting` of a province on a date: `realisatie.overzicht.provincie_overzicht`
serialized as it is, block by block and row by row.

Every figure is `{"waarde": ..., "bron": ...}`; an unknown figure is `waarde: null`
(never 0) with `bron: "onbekend"`, a partial total says `bron: "onvolledig"`. Nothing is
added up here: the dashboard and this resource show the same numbers because they call
the same function.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gemeenten.models import Niveau
from opgaven.models import Opgavesoort
from realisatie.aggregatie import BRONNEN, HERKOMSTEN


class OuderCijferSerializer(serializers.Serializer):
    """An older figure of the area as a whole, shown as context only."""

    waarde = serializers.IntegerField()
    peildatum = serializers.DateField(allow_null=True)


class FiguurSerializer(serializers.Serializer):
    waarde = serializers.IntegerField(allow_null=True)
    bron = serializers.ChoiceField(choices=list(BRONNEN))
    peildatum = serializers.DateField(allow_null=True)
    herkomst = serializers.ListField(child=serializers.ChoiceField(choices=list(HERKOMSTEN)))
    ouder = OuderCijferSerializer(allow_null=True)


class KolomSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    label = serializers.CharField()
    uitleg = serializers.CharField(allow_blank=True)
    percentage = serializers.BooleanField()
    teken = serializers.CharField(
        allow_blank=True,
        help_text="verschil: negatief is een tekort; stand: positief is nog te huisvesten.",
    )


class RegelSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(source="knoop.niveau", choices=Niveau.choices)
    code = serializers.CharField(source="knoop.code")
    naam = serializers.CharField()
    diepte = serializers.IntegerField(source="knoop.diepte")
    peildata = serializers.SerializerMethodField()
    waarden = serializers.DictField(child=FiguurSerializer())

    @extend_schema_field(serializers.ListField(child=serializers.DateField()))
    def get_peildata(self, regel) -> list[str]:
        return [d.isoformat() for d in sorted(regel.peildata)]


class BesluitKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    streefdatum = serializers.DateField(allow_null=True)
    halfjaar = serializers.CharField(allow_blank=True)


class BlokSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=Opgavesoort.choices)
    titel = serializers.CharField()
    besluit = BesluitKortSerializer(allow_null=True)
    halfjaar = serializers.SerializerMethodField()
    peildata = serializers.ListField(child=serializers.DateField())
    kolommen = KolomSerializer(many=True)
    regels = RegelSerializer(many=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_halfjaar(self, blok) -> str | None:
        return str(blok.halfjaar) if blok.halfjaar is not None else None


class PeildatumKortSerializer(serializers.Serializer):
    datum = serializers.DateField()
    vastgesteld = serializers.BooleanField(source="is_vastgesteld")


class SamenvattingSerializer(serializers.Serializer):
    provincie = serializers.CharField(source="provincie.code")
    datum = serializers.DateField()
    peildata = PeildatumKortSerializer(many=True)
    blokken = BlokSerializer(many=True)
