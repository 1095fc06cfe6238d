"""Representations and input of the regietafel's resources: Dutch names, camelCase.

Serializers only copy fields. How far a request is met comes from
`regietafel.selectors.verzoekstanden` (the view passes it in the context), whether an
action is past its deadline from `ActieQuerySet.met_over_termijn`.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regietafel.models import (
    Aanwezigheid,
    Actie,
    Actiestatus,
    Agendapunt,
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

MAXIMUM = 2_147_483_647  # PostgreSQL integer: larger is a 400, not a 500


def _provincie() -> serializers.RegexField:
    return serializers.RegexField(r"\APV[0-9]{2}\Z", help_text="CBS-code, bijv. PV23.")


def _code(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", read_only=True, **kwargs)


def _id(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAXIMUM, **kwargs)


def _tekst(max_length: int | None = None, **kwargs) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, **kwargs)


def _datum(**kwargs) -> serializers.DateField:
    return serializers.DateField(**kwargs)


# --- Representations --------------------------------------------------------------------------


class AgendapuntSerializer(serializers.ModelSerializer):
    peildatum = serializers.DateField(source="peildatum.datum", read_only=True, allow_null=True)

    class Meta:
        model = Agendapunt
        fields = ["volgorde", "onderwerp", "peildatum", "verzoek", "knelpunt", "signaal"]


class AanwezigheidSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aanwezigheid
        fields = ["naam", "organisatie", "rol"]


class VergaderingSerializer(serializers.ModelSerializer):
    provincie = _code()
    peildatum = serializers.DateField(source="peildatum.datum", read_only=True, allow_null=True)
    verslagGoedgekeurdIn = serializers.PrimaryKeyRelatedField(
        source="verslag_goedgekeurd_in", read_only=True, allow_null=True
    )
    agendapunten = AgendapuntSerializer(many=True, read_only=True)
    aanwezigen = AanwezigheidSerializer(many=True, read_only=True)

    class Meta:
        model = Vergadering
        fields = [
            "id",
            "provincie",
            "datum",
            "omschrijving",
            "peildatum",
            "verslag",
            "verslagGoedgekeurdIn",
            "agendapunten",
            "aanwezigen",
        ]


class RegietafelbesluitSerializer(serializers.ModelSerializer):
    provincie = _code()
    vergaderdatum = serializers.DateField(source="vergadering.datum", read_only=True)

    class Meta:
        model = Regietafelbesluit
        fields = ["id", "provincie", "nummer", "vergadering", "vergaderdatum", "tekst"]


class ActieSerializer(serializers.ModelSerializer):
    provincie = _code()
    vergaderdatum = serializers.DateField(source="vergadering.datum", read_only=True)
    statusOp = serializers.DateField(source="status_op", read_only=True, allow_null=True)
    overTermijn = serializers.BooleanField(
        source="is_over_termijn",
        read_only=True,
        help_text="Open en de termijn is voor vandaag verstreken (een signaal).",
    )

    class Meta:
        model = Actie
        fields = [
            "id",
            "provincie",
            "nummer",
            "vergadering",
            "vergaderdatum",
            "tekst",
            "eigenaar",
            "termijn",
            "status",
            "statusOp",
            "toelichting",
            "overTermijn",
        ]


class VervullingSerializer(serializers.Serializer):
    """See `regietafel.extra_plaatsen`; null where the register cannot tell."""

    gevraagd = serializers.IntegerField()
    bijVerzoek = serializers.IntegerField(source="bij_verzoek", allow_null=True)
    opTermijn = serializers.IntegerField(source="op_termijn", allow_null=True)
    extra = serializers.IntegerField(allow_null=True)
    extraMetPlannen = serializers.IntegerField(source="extra_met_plannen", allow_null=True)
    vervuld = serializers.BooleanField(allow_null=True)
    nogNodig = serializers.IntegerField(source="nog_nodig", allow_null=True)
    percentage = serializers.IntegerField(allow_null=True)


class VerzoekSerializer(serializers.ModelSerializer):
    provincie = _code()
    veiligheidsregio = _code(allow_null=True)
    ontvangenOp = serializers.DateField(source="ontvangen_op", read_only=True)
    beantwoordOp = serializers.DateField(source="beantwoord_op", read_only=True, allow_null=True)
    vervulling = serializers.SerializerMethodField()

    class Meta:
        model = Verzoek
        fields = [
            "id",
            "provincie",
            "veiligheidsregio",
            "omschrijving",
            "soort",
            "aantal",
            "ontvangenOp",
            "uiterlijk",
            "status",
            "antwoord",
            "beantwoordOp",
            "vervulling",
        ]

    @extend_schema_field(VervullingSerializer)
    def get_vervulling(self, verzoek) -> dict:
        return VervullingSerializer(self.context["vervullingen"][verzoek.pk]).data


class KnelpuntSerializer(serializers.ModelSerializer):
    provincie = _code()
    ingebrachtIn = serializers.PrimaryKeyRelatedField(source="ingebracht_in", read_only=True)
    geescaleerdNaar = serializers.CharField(source="geescaleerd_naar", read_only=True)
    geescaleerdOp = serializers.DateField(source="geescaleerd_op", read_only=True, allow_null=True)

    class Meta:
        model = Knelpunt
        fields = [
            "id",
            "provincie",
            "thema",
            "omschrijving",
            "ingebrachtIn",
            "geescaleerdNaar",
            "geescaleerdOp",
            "antwoord",
            "status",
        ]


class ToezichtafspraakSerializer(serializers.ModelSerializer):
    nagekomenOp = serializers.DateField(source="nagekomen_op", read_only=True, allow_null=True)

    class Meta:
        model = Toezichtafspraak
        fields = ["id", "toezicht", "omschrijving", "datum", "nagekomenOp"]


class ToezichtSerializer(serializers.ModelSerializer):
    gemeente = _code()
    planVanAanpak = serializers.CharField(source="plan_van_aanpak", read_only=True)
    afspraken = ToezichtafspraakSerializer(many=True, read_only=True)

    class Meta:
        model = Toezicht
        fields = [
            "id",
            "gemeente",
            "regime",
            "sinds",
            "planVanAanpak",
            "toelichting",
            "afspraken",
        ]


class MijlpaalSerializer(serializers.ModelSerializer):
    provincie = _code()
    gereedOp = serializers.DateField(source="gereed_op", read_only=True, allow_null=True)

    class Meta:
        model = Mijlpaal
        fields = [
            "id",
            "provincie",
            "cyclus",
            "soort",
            "uiterlijk",
            "status",
            "gereedOp",
            "toelichting",
        ]


# --- Input --------------------------------------------------------------------------------------


class VergaderingInvoer(serializers.Serializer):
    provincie = _provincie()
    datum = _datum()
    omschrijving = _tekst(200, allow_blank=True, required=False, default="")
    peildatum = _datum(
        required=False, allow_null=True, default=None, help_text="Een peildatum van de provincie."
    )


class VergaderingWijzigen(serializers.Serializer):
    datum = _datum()
    omschrijving = _tekst(200, allow_blank=True, required=False, default="")
    peildatum = _datum(required=False, allow_null=True, default=None)
    verslag = _tekst(allow_blank=True, required=False, default="")
    verslagGoedgekeurdIn = _id(
        required=False,
        allow_null=True,
        default=None,
        help_text="Keur het verslag goed in deze latere vergadering (eenmalig).",
    )


class BesluitInvoer(serializers.Serializer):
    vergadering = _id()
    tekst = _tekst()


class BesluitWijzigen(serializers.Serializer):
    tekst = _tekst()


class ActieInvoer(serializers.Serializer):
    vergadering = _id()
    tekst = _tekst()
    eigenaar = _tekst(200, help_text="Een organisatie of rol, bijv. COA.")
    termijn = _datum(required=False, allow_null=True, default=None)
    toelichting = _tekst(allow_blank=True, required=False, default="")


class ActieWijzigen(serializers.Serializer):
    tekst = _tekst()
    eigenaar = _tekst(200)
    termijn = _datum(required=False, allow_null=True, default=None)
    toelichting = _tekst(allow_blank=True, required=False, default="")
    status = serializers.ChoiceField(choices=Actiestatus.choices)
    statusOp = _datum(required=False, allow_null=True, default=None)


class VerzoekInvoer(serializers.Serializer):
    provincie = _provincie()
    veiligheidsregio = serializers.RegexField(
        r"\AVR[0-9]{2}\Z", required=False, allow_null=True, default=None
    )
    omschrijving = _tekst(300)
    soort = serializers.ChoiceField(choices=Verzoeksoort.choices)
    aantal = serializers.IntegerField(min_value=1, max_value=MAXIMUM)
    ontvangenOp = _datum()
    uiterlijk = _datum()


class VerzoekWijzigen(serializers.Serializer):
    veiligheidsregio = serializers.RegexField(
        r"\AVR[0-9]{2}\Z", required=False, allow_null=True, default=None
    )
    omschrijving = _tekst(300)
    soort = serializers.ChoiceField(choices=Verzoeksoort.choices)
    aantal = serializers.IntegerField(min_value=1, max_value=MAXIMUM)
    ontvangenOp = _datum()
    uiterlijk = _datum()
    status = serializers.ChoiceField(choices=Verzoekstatus.choices)
    antwoord = _tekst(allow_blank=True, required=False, default="")
    beantwoordOp = _datum(required=False, allow_null=True, default=None)


class KnelpuntInvoer(serializers.Serializer):
    ingebrachtIn = _id(help_text="De vergadering waarin het knelpunt is ingebracht.")
    thema = serializers.ChoiceField(choices=Knelpuntthema.choices)
    omschrijving = _tekst()


class KnelpuntWijzigen(serializers.Serializer):
    thema = serializers.ChoiceField(choices=Knelpuntthema.choices)
    omschrijving = _tekst()
    status = serializers.ChoiceField(choices=Knelpuntstatus.choices)
    geescaleerdNaar = _tekst(200, allow_blank=True, required=False, default="")
    geescaleerdOp = _datum(required=False, allow_null=True, default=None)
    antwoord = _tekst(allow_blank=True, required=False, default="")


class ToezichtInvoer(serializers.Serializer):
    gemeente = serializers.RegexField(r"\AGM[0-9]{4}\Z", help_text="CBS-code, bijv. GM0150.")
    regime = serializers.ChoiceField(choices=Toezichtregime.choices)
    sinds = _datum()
    planVanAanpak = _tekst(allow_blank=True, required=False, default="")
    toelichting = _tekst(allow_blank=True, required=False, default="")


class AfspraakInvoer(serializers.Serializer):
    toezicht = _id()
    omschrijving = _tekst(300)
    datum = _datum()
    nagekomenOp = _datum(required=False, allow_null=True, default=None)


class AfspraakWijzigen(serializers.Serializer):
    omschrijving = _tekst(300)
    datum = _datum()
    nagekomenOp = _datum(required=False, allow_null=True, default=None)


class MijlpaalWijzigen(serializers.Serializer):
    uiterlijk = _datum(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Mijlpaalstatus.choices)
    gereedOp = _datum(required=False, allow_null=True, default=None)
    toelichting = _tekst(allow_blank=True, required=False, default="")
