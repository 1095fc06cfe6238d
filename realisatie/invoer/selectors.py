"""Reads for the entry pages: the rows of a grid and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from gemeenten.models import Gemeente
from realisatie.models import AsielTelling, OekraineTelling, Peildatum


def grid_gemeenten(peildatum: Peildatum, subregio_code: str | None = None):
    gemeenten = (
        Gemeente.objects.in_provincie(peildatum.provincie)
        .filter_for_date(peildatum.datum)
        .select_related("subregio", "provincie")  # the permission check reads provincie
        .order_by("naam")
    )
    if subregio_code:
        gemeenten = gemeenten.filter(subregio__code=subregio_code)
    return list(gemeenten)


def beginwaarden(model, peildatum: Peildatum, gemeenten, velden) -> dict[str, dict]:
    """Per gemeente code: this peildatum's figures, else those of the previous one.

    A prefilled row carries no versie: saving it creates this peildatum's figure.
    """
    huidig = {
        t.gemeente.code: t
        for t in model.objects.filter(peildatum=peildatum, gemeente__in=gemeenten).select_related(
            "gemeente"
        )
    }
    vorig = {}
    for telling in (
        model.objects.filter(
            gemeente__in=gemeenten,
            peildatum__provincie=peildatum.provincie,
            peildatum__datum__lt=peildatum.datum,
        )
        .select_related("gemeente")
        .order_by("peildatum__datum")
    ):
        vorig[telling.gemeente.code] = telling
    resultaat = {}
    for gemeente in gemeenten:
        telling = huidig.get(gemeente.code)
        bron = telling or vorig.get(gemeente.code)
        waarden = {veld: getattr(bron, veld) for veld in (*velden, "toelichting")} if bron else {}
        waarden["versie"] = telling.versie if telling else None
        waarden["_vooringevuld"] = telling is None and bron is not None
        resultaat[gemeente.code] = waarden
    return resultaat


def historie_peildatum(peildatum: Peildatum):
    """Every saved version of every figure of the peildatum, newest first."""
    return _samen(
        OekraineTelling.history.filter(peildatum_id=peildatum.pk),
        AsielTelling.history.filter(peildatum_id=peildatum.pk),
    )


def historie_gemeente(gemeente: Gemeente):
    return _samen(
        OekraineTelling.history.filter(gemeente_id=gemeente.pk),
        AsielTelling.history.filter(gemeente_id=gemeente.pk),
    )


@dataclass(frozen=True)
class Wijziging:
    soort: str
    record: object
    vorige: object | None

    @property
    def velden(self) -> list[tuple[str, object, object]]:
        """(label, old, new) of each field that changed; every field for a new figure."""
        model = self.record.instance_type
        namen = [
            f.name
            for f in model._meta.concrete_fields
            if f.name not in ("id", "versie", "peildatum", "datum") and not f.is_relation
        ]
        regels = []
        for naam in namen:
            oud = getattr(self.vorige, naam, None) if self.vorige else None
            nieuw = getattr(self.record, naam)
            if self.vorige is None or oud != nieuw:
                if self.vorige is None and nieuw in (None, ""):
                    continue
                regels.append((model._meta.get_field(naam).verbose_name, oud, nieuw))
        return regels


def _samen(*querysets) -> list[Wijziging]:
    records = sorted(
        chain.from_iterable(
            qs.select_related("history_user", "gemeente", "peildatum") for qs in querysets
        ),
        key=lambda r: r.history_date,
        reverse=True,
    )
    return [
        Wijziging(
            soort=record.instance_type._meta.model_name,
            record=record,
            vorige=record.prev_record,
        )
        for record in records
    ]
