"""The timeline of an area (`realisatie.tijdlijnbeeld.gebiedstijdlijn`) as the page
shows it: the same choice (the page's form), the same figures. Every figure is
`{"waarde": ..., "bron": ...}`; an unknown capacity is `waarde: null`, never 0, and a
total over it says `bron: "onvolledig"`."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api.samenvatting import FiguurSerializer
from gemeenten.models import Niveau
from realisatie.capaciteit import STATUSSEN
from realisatie.tijdlijn import STAPPEN

PARAMETERS = [
    OpenApiParameter(
        "gebied",
        OpenApiTypes.STR,
        description="Code van de provincie (standaard), een veiligheidsregio of subregio in "
        "de provincie.",
    ),
    OpenApiParameter("van", OpenApiTypes.DATE, description="Eerste dag, bijv. 2024-10-15."),
    OpenApiParameter("tot", OpenApiTypes.DATE, description="Laatste dag (tot en met)."),
    OpenApiParameter("stap", OpenApiTypes.STR, enum=list(STAPPEN), description="Standaard maand."),
    OpenApiParameter(
        "status",
        OpenApiTypes.STR,
        enum=list(STATUSSEN),
        many=True,
        description="Alleen perioden met deze status (herhaalbaar); standaard alle.",
    ),
    OpenApiParameter(
        "soort",
        OpenApiTypes.STR,
        many=True,
        description="Alleen perioden van deze soort, bijv. CNO (herhaalbaar); standaard alle.",
    ),
    OpenApiParameter(
        "verlenging",
        OpenApiTypes.BOOL,
        description="Met verlengingsopties: elke periode loopt tot het einde van haar optie.",
    ),
]


class StapcijferSerializer(FiguurSerializer):
    geschat = serializers.BooleanField(help_text="Het cijfer is (deels) een schatting.")


class TijdlijnlocatieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    gemeente = serializers.CharField()
    soorten = serializers.ListField(child=serializers.CharField())
    waarden = StapcijferSerializer(many=True)


class TijdlijngebiedSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    niveau = serializers.ChoiceField(choices=Niveau.choices)


class TijdlijnSerializer(serializers.Serializer):
    provincie = serializers.CharField()
    gebied = TijdlijngebiedSerializer()
    stap = serializers.ChoiceField(choices=list(STAPPEN))
    statussen = serializers.ListField(child=serializers.ChoiceField(choices=list(STATUSSEN)))
    metVerlenging = serializers.BooleanField()
    soorten = serializers.ListField(
        child=serializers.CharField(), help_text="De gekozen soorten; leeg: alle."
    )
    stappen = serializers.ListField(child=serializers.DateField())
    locaties = TijdlijnlocatieSerializer(many=True)
    totaal = FiguurSerializer(many=True)
    totaalGeschat = FiguurSerializer(
        many=True, help_text="Per stap het geschatte deel van het totaal."
    )


def als_data(beeld) -> dict:
    """The timeline as the serializer reads it."""
    lijn = beeld.tijdlijn
    return {
        "provincie": beeld.provincie.code,
        "gebied": {
            "code": beeld.gebied.code,
            "naam": beeld.gebied.naam,
            "niveau": beeld.gebied.niveau,
        },
        "stap": beeld.stap,
        "statussen": list(beeld.statussen),
        "soorten": list(beeld.soorten),
        "metVerlenging": beeld.met_verlenging,
        "stappen": list(lijn.stappen),
        "locaties": [
            {
                "id": rij.locatie.sleutel,
                "naam": rij.locatie.naam,
                "gemeente": rij.locatie.gemeente,
                "soorten": list(rij.locatie.soorten),
                "waarden": [
                    {**_figuur(c), "geschat": g}
                    for c, g in zip(rij.cijfers, rij.geschat, strict=True)
                ],
            }
            for rij in lijn.rijen
        ],
        "totaal": [_figuur(c) for c in lijn.totaal],
        "totaalGeschat": [_figuur(c) for c in lijn.totaal_geschat],
    }


def _figuur(cijfer) -> dict:
    return {
        "waarde": cijfer.waarde,
        "bron": cijfer.bron,
        "peildatum": cijfer.peildatum,
        "herkomst": list(cijfer.herkomst),
        "ouder": cijfer.ouder,
    }
