"""What a secretary sees before fixing (vaststellen) a peildatum: what becomes read-only,
which areas delivered per opgave, and the open signals: figures ten times the previous
peildatum's (`realisatie.tienvoud`) and gemeenten whose entered asiel total differs from
their location register. Completeness and disagreeing sources are those of
`realisatie.signalen`, the one place they are counted.

Also what deleting an open peildatum removes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F

from gemeenten.models import GEBIED_VELDEN
from realisatie.invoer import sprongen
from realisatie.models import (
    AsielTelling,
    Huisvesting,
    OekraineTelling,
    Peildatum,
)
from realisatie.signalen import Bronverschil, Volledigheid
from realisatie.signalen import signalen as signalen_op

# How far ahead the signals of contracts ending soon look; not shown here.
MAANDEN_VOORUIT = 3


@dataclass(frozen=True)
class Sprong:
    gebied: str
    melding: str


@dataclass
class Vaststelbeeld:
    peildatum: Peildatum
    oekraine: int  # figures entered for this peildatum
    asiel: int
    asiel_gepland: int
    statushouders_maanden: int  # months of housed figures this peildatum counts
    volledigheid: list[Volledigheid] = field(default_factory=list)
    sprongen: list[Sprong] = field(default_factory=list)
    afwijkende_bronnen: list[Bronverschil] = field(default_factory=list)

    @property
    def signalen(self) -> bool:
        return bool(self.sprongen or self.afwijkende_bronnen)


def vaststelbeeld(peildatum: Peildatum) -> Vaststelbeeld:
    provincie = peildatum.provincie
    asiel = AsielTelling.objects.filter(peildatum=peildatum)
    signalen = signalen_op(provincie, peildatum.datum, MAANDEN_VOORUIT)
    return Vaststelbeeld(
        peildatum=peildatum,
        oekraine=OekraineTelling.objects.filter(peildatum=peildatum).count(),
        asiel=asiel.filter(datum=peildatum.datum).count(),
        asiel_gepland=asiel.filter(datum__gt=peildatum.datum).count(),
        statushouders_maanden=Huisvesting.objects.in_provincie(provincie)
        .filter(tot_en_met__lt=peildatum.datum)
        .count(),
        volledigheid=signalen.volledigheid,
        sprongen=_sprongen(peildatum),
        afwijkende_bronnen=signalen.bronnen_wijken_af,
    )


def _sprongen(peildatum: Peildatum) -> list[Sprong]:
    """Figures of this peildatum ten times those of the latest earlier one or more."""
    uit = []
    for model, velden in (
        (OekraineTelling, ("goo_totaal", "goo_bezet", "goo_beschikbaar", "poo")),
        (AsielTelling, (*AsielTelling.SOORT_VELDEN, "waarvan_amv")),
    ):
        tellingen = model.objects.filter(peildatum=peildatum)
        if model is AsielTelling:
            tellingen = tellingen.filter(datum=F("peildatum__datum"))
        tellingen = list(tellingen.select_related(*GEBIED_VELDEN))
        gebieden = [t.gebied for t in tellingen]
        vorige = sprongen.vorige_tellingen(model, peildatum, None, gebieden)
        for telling in tellingen:
            vorig = vorige.get((sprongen.gebiedsveld(telling.gebied), telling.gebied.pk))
            for _veld, melding in sprongen.sprongen(telling, vorig, model, velden):
                uit.append(Sprong(telling.gebied.naam, melding))
    return sorted(uit, key=lambda s: s.gebied)


def te_verwijderen(peildatum: Peildatum) -> dict[str, list[tuple[str, int]]]:
    """What deleting the peildatum removes: per kind, (area, number of figures)."""
    uit = {}
    for soort, model in (("oekraine", OekraineTelling), ("asiel", AsielTelling)):
        per_gebied = []
        for telling in model.objects.filter(peildatum=peildatum).select_related(*GEBIED_VELDEN):
            per_gebied.append(telling.gebied.naam)
        tellingen = defaultdict(int)
        for naam in per_gebied:
            tellingen[naam] += 1
        uit[soort] = sorted(tellingen.items())
    return uit
