"""Reads for the entry pages: the rows of a grid and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from opgaven.models import Opgave, Taakstelling, Uitruil
from realisatie.invoer.herstel import HERSTELBAAR
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)


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


def historie_peildatum(peildatum: Peildatum) -> list[Wijziging]:
    """Every saved version of every figure of the peildatum, newest first."""
    return _samen(
        OekraineTelling.history.filter(peildatum_id=peildatum.pk),
        AsielTelling.history.filter(peildatum_id=peildatum.pk),
    )


def historie_gemeente(gemeente: Gemeente) -> list[Wijziging]:
    """Every saved version of everything entered for the gemeente, newest first: its
    figures, statushouders, opgaven, taakstellingen, uitruil and locations."""
    locaties = Opvanglocatie.history.filter(gemeente_id=gemeente.pk).values("id")
    return _samen(
        OekraineTelling.history.filter(gemeente_id=gemeente.pk),
        AsielTelling.history.filter(gemeente_id=gemeente.pk),
        Huisvesting.history.filter(gemeente_id=gemeente.pk),
        Opgave.history.filter(gemeente_id=gemeente.pk).select_related("besluit"),
        Taakstelling.history.filter(gemeente_id=gemeente.pk).select_related("besluit"),
        Uitruil.history.filter(
            Q(van_gemeente_id=gemeente.pk) | Q(naar_gemeente_id=gemeente.pk)
        ).select_related("van_gemeente", "naar_gemeente"),
        Opvanglocatie.history.filter(gemeente_id=gemeente.pk),
        Capaciteitsperiode.history.filter(locatie_id__in=locaties).select_related("locatie"),
    )


@dataclass(frozen=True)
class Wijziging:
    soort: str
    record: object
    vorige: object | None

    VERBORGEN = ("id", "versie", "peildatum", "datum")

    @property
    def velden(self) -> list[tuple[str, object, object]]:
        """(label, old, new) of each field that changed; every field for a new figure."""
        model = self.record.instance_type
        namen = [
            f.name
            for f in model._meta.concrete_fields
            if f.name not in self.VERBORGEN and not f.is_relation
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

    @property
    def onderwerp(self) -> str:
        """What changed, as a person names it: the kind and which one."""
        record = self.record
        soort = capfirst(record.instance_type._meta.verbose_name)
        if self.soort in ("oekrainetelling", "asieltelling"):
            detail = _("reference date %(datum)s") % {"datum": _datum(record.peildatum.datum)}
        elif self.soort == "huisvesting":
            detail = date_format(record.van, "F Y")
        elif self.soort in ("opgave", "taakstelling"):
            detail = record.besluit.naam
        elif self.soort == "uitruil":
            detail = f"{record.van_gemeente.naam} → {record.naar_gemeente.naam}"
        elif self.soort == "opvanglocatie":
            detail = record.naam
        elif self.soort == "capaciteitsperiode":
            detail = _("%(locatie)s from %(datum)s") % {
                "locatie": record.locatie.naam,
                "datum": _datum(record.van),
            }
        else:
            detail = str(record)
        return f"{soort}: {detail}"

    @property
    def herstelbaar(self) -> bool:
        """An earlier value of a gemeente's own row can be written back; a deletion or
        a figure of a larger area (entered by the beheerder) cannot, here."""
        if self.soort not in HERSTELBAAR or self.record.history_type == "-":
            return False
        return getattr(self.record, "gemeente_id", None) is not None or self.soort in (
            "capaciteitsperiode",
        )


def _datum(datum) -> str:
    return f"{datum:%-d-%-m-%Y}"


def _samen(*querysets) -> list[Wijziging]:
    records = sorted(
        chain.from_iterable(qs.select_related("history_user") for qs in querysets),
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
