"""Reads for the entry pages: the rows of a grid and the audit trail."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import chain

from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from opgaven.models import Opgave, Opgavesoort, Taakstelling, Uitruil
from realisatie import achterstand
from realisatie.invoer.herstel import HERSTELBAAR
from realisatie.invoer.rijen import maandeinde
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


def beginwaarden(model, peildatum: Peildatum, gebieden, velden, *, datum=None) -> dict[str, dict]:
    """Per area code: this peildatum's figures, else those of the previous peildatum.

    `gebieden` are gemeenten or larger areas (`Gebiedsgebonden`); for asiel `datum` is
    the date a planned figure is for (default: the peildatum's realisation). A plan is
    not prefilled from an earlier peildatum. A prefilled row carries no versie: saving
    it creates this peildatum's figure.
    """
    per_veld: dict[str, list] = {}
    for gebied in gebieden:
        per_veld.setdefault(gebied._meta.model_name, []).append(gebied)
    huidig, vorig = {}, {}
    for veld, lijst in per_veld.items():
        deze = model.objects.filter(peildatum=peildatum, **{f"{veld}__in": lijst})
        eerder = model.objects.filter(
            **{f"{veld}__in": lijst},
            peildatum__provincie=peildatum.provincie,
            peildatum__datum__lt=peildatum.datum,
        )
        if model is AsielTelling:
            deze = deze.filter(datum=datum or peildatum.datum)
            eerder = eerder.filter(datum=F("peildatum__datum"))
        codes = {g.pk: g.code for g in lijst}
        for telling in deze:
            huidig[codes[getattr(telling, f"{veld}_id")]] = telling
        if datum is None or datum == peildatum.datum:
            for telling in eerder.order_by("peildatum__datum"):
                vorig[codes[getattr(telling, f"{veld}_id")]] = telling
    resultaat = {}
    for gebied in gebieden:
        telling = huidig.get(gebied.code)
        bron = telling or vorig.get(gebied.code)
        waarden = {veld: getattr(bron, veld) for veld in (*velden, "toelichting")} if bron else {}
        waarden["versie"] = telling.versie if telling else None
        waarden["_vooringevuld"] = telling is None and bron is not None
        resultaat[gebied.code] = waarden
    return resultaat


def geplande_data(peildatum: Peildatum) -> list:
    """The dates after the peildatum for which planned asiel figures were entered."""
    return list(
        AsielTelling.objects.filter(peildatum=peildatum, datum__gt=peildatum.datum)
        .order_by("datum")
        .values_list("datum", flat=True)
        .distinct()
    )


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
    huidig: bool = False  # the newest version: the value as it stands

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
            detail = _("reference date %(datum)s") % {"datum": _datum(_peildatum(record))}
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
    def verwijderd(self) -> bool:
        return self.record.history_type == "-"

    @property
    def herstelbaar(self) -> bool:
        """An earlier value of a gemeente's own row can be written back; the current
        value (nothing to restore), a deletion or a figure of a larger area cannot, here."""
        if self.soort not in HERSTELBAAR or self.verwijderd or self.huidig:
            return False
        return getattr(self.record, "gemeente_id", None) is not None or self.soort in (
            "capaciteitsperiode",
        )


def _datum(datum) -> str:
    return f"{datum:%-d-%-m-%Y}"


def _peildatum(record) -> datetime.date:
    """The date of a figure's peildatum, also after the peildatum was deleted."""
    try:
        return record.peildatum.datum
    except Peildatum.DoesNotExist:
        laatste = Peildatum.history.filter(id=record.peildatum_id).order_by("-history_date")
        return laatste.values_list("datum", flat=True).first()


def _samen(*querysets) -> list[Wijziging]:
    records = sorted(
        chain.from_iterable(qs.select_related("history_user") for qs in querysets),
        key=lambda r: (r.history_date, r.history_id),
        reverse=True,
    )
    gezien: set[tuple[str, int]] = set()
    wijzigingen = []
    for record in records:  # newest first: the first of an object is its current value
        soort = record.instance_type._meta.model_name
        wijzigingen.append(
            Wijziging(
                soort=soort,
                record=record,
                vorige=record.prev_record,
                huidig=(soort, record.id) not in gezien and record.history_type != "-",
            )
        )
        gezien.add((soort, record.id))
    return wijzigingen


@dataclass(frozen=True)
class Halfjaarrij:
    """A gemeente's row of the half-year statushouders table, as PRT secretaries keep it:
    the months as entered, and the derived figures of `realisatie.achterstand` over the
    months counted (all entered months, or those a peildatum counts)."""

    gemeente: Gemeente
    maanden: dict  # first day of the month -> its Huisvesting (month figures only)
    stand_begin: int | None
    taakstelling: int | None
    te_realiseren: int | None
    gehuisvest: int | None
    stand: int | None
    percentage: int | None


def statushouders_halfjaar(
    provincie, halfjaar, gemeenten, *, peildatum: datetime.date | None = None
) -> list[Halfjaarrij]:
    """Per gemeente its months of `halfjaar` and the figures the carry-over rule gives.

    Gehuisvest counts the months that end before `peildatum` (the months a peildatum
    counts: per 1-3-2024 January and February), or every month with a figure. Unknown
    stays None: no taakstelling, or no month entered, is not 0. Three queries.
    """
    taakstellingen = {
        t.gemeente_id: t
        for t in Taakstelling.objects.filter(
            gemeente__in=gemeenten,
            besluit__soort=Opgavesoort.STATUSHOUDERS,
            besluit__halfjaar=str(halfjaar),
        ).order_by("besluit__besluitdatum", "besluit_id")
    }
    tellingen: dict[int, list[Huisvesting]] = {}
    for telling in Huisvesting.objects.filter(
        gemeente__in=gemeenten, van__gte=halfjaar.begin, tot_en_met__lte=halfjaar.einde
    ).order_by("van"):
        tellingen.setdefault(telling.gemeente_id, []).append(telling)
    rijen = []
    for gemeente in gemeenten:
        eigen = tellingen.get(gemeente.pk, [])
        geteld = [
            t
            for t in eigen
            if t.gehuisvest is not None and (peildatum is None or t.tot_en_met < peildatum)
        ]
        gehuisvest = sum(t.gehuisvest for t in geteld) if geteld else None
        t = taakstellingen.get(gemeente.pk)
        te_realiseren = None
        if t is not None:
            te_realiseren = t.te_realiseren_gepubliceerd
            if te_realiseren is None and t.stand_begin is not None:
                te_realiseren = achterstand.te_realiseren(t.aantal, t.stand_begin)
        bekend = te_realiseren is not None and gehuisvest is not None
        rijen.append(
            Halfjaarrij(
                gemeente=gemeente,
                maanden={tel.van: tel for tel in eigen if tel.tot_en_met == maandeinde(tel.van)},
                stand_begin=t.stand_begin if t else None,
                taakstelling=t.aantal if t else None,
                te_realiseren=te_realiseren,
                gehuisvest=gehuisvest,
                stand=achterstand.stand(te_realiseren, gehuisvest) if bekend else None,
                percentage=(
                    achterstand.percentage_gerealiseerd(gehuisvest, te_realiseren)
                    if bekend
                    else None
                ),
            )
        )
    return rijen
