"""What a secretary sees before fixing (vaststellen) a peildatum: what becomes read-only,
which gemeenten delivered per opgave (`realisatie.signalen`, the one place completeness
is counted), and the open signals: figures ten times the previous peildatum's
(`realisatie.tienvoud`) and gemeenten whose asiel total differs from their location
register.

Also what deleting an open peildatum removes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F

from gemeenten.models import GEBIED_VELDEN
from realisatie.capaciteit import Capaciteitsperiode as Periode
from realisatie.capaciteit import Status, capaciteit_op
from realisatie.invoer import sprongen
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Peildatum,
)
from realisatie.signalen import Volledigheid, signalen

# How far ahead the signals of contracts ending soon look; not shown here.
MAANDEN_VOORUIT = 3


@dataclass(frozen=True)
class Sprong:
    gebied: str
    melding: str


@dataclass(frozen=True)
class AfwijkendeBron:
    gemeente: str
    register: int
    telling: int


@dataclass
class Vaststelbeeld:
    peildatum: Peildatum
    oekraine: int  # figures entered for this peildatum
    asiel: int
    asiel_gepland: int
    statushouders_maanden: int  # months of housed figures this peildatum counts
    volledigheid: list[Volledigheid] = field(default_factory=list)
    sprongen: list[Sprong] = field(default_factory=list)
    afwijkende_bronnen: list[AfwijkendeBron] = field(default_factory=list)

    @property
    def signalen(self) -> bool:
        return bool(self.sprongen or self.afwijkende_bronnen)


def vaststelbeeld(peildatum: Peildatum) -> Vaststelbeeld:
    provincie = peildatum.provincie
    asiel = AsielTelling.objects.filter(peildatum=peildatum)
    return Vaststelbeeld(
        peildatum=peildatum,
        oekraine=OekraineTelling.objects.filter(peildatum=peildatum).count(),
        asiel=asiel.filter(datum=peildatum.datum).count(),
        asiel_gepland=asiel.filter(datum__gt=peildatum.datum).count(),
        statushouders_maanden=Huisvesting.objects.in_provincie(provincie)
        .filter(tot_en_met__lt=peildatum.datum)
        .count(),
        volledigheid=signalen(provincie, peildatum.datum, MAANDEN_VOORUIT).volledigheid,
        sprongen=_sprongen(peildatum),
        afwijkende_bronnen=_afwijkende_bronnen(peildatum),
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


def _afwijkende_bronnen(peildatum: Peildatum) -> list[AfwijkendeBron]:
    """Gemeenten with both an asiel total for this peildatum and locations in the
    register whose realised capacity on that day differs from it."""
    tellingen = {
        t.gemeente_id: t
        for t in AsielTelling.objects.filter(
            peildatum=peildatum, datum=peildatum.datum, gemeente__isnull=False
        ).select_related("gemeente")
    }
    if not tellingen:
        return []
    perioden: dict[int, list[Periode]] = defaultdict(list)
    for gemeente_id, *velden in Capaciteitsperiode.objects.filter(
        locatie__gemeente_id__in=tellingen
    ).values_list(
        "locatie__gemeente_id",
        "plaatsen",
        "waarvan_amv",
        "van",
        "tot_en_met",
        "status",
        "locatie__soort",
    ):
        perioden[gemeente_id].append(Periode(*velden))
    uit = []
    for gemeente_id, lijst in perioden.items():
        telling = tellingen[gemeente_id]
        register = capaciteit_op(lijst, peildatum.datum, statussen=[Status.GEREALISEERD])
        if telling.totaal is not None and register != telling.totaal:
            uit.append(AfwijkendeBron(telling.gemeente.naam, register, telling.totaal))
    return sorted(uit, key=lambda a: a.gemeente)


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
