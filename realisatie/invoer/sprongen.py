"""The tienvoud check of the entry services (`realisatie.tienvoud`): which previous figure
each row is compared with, and the warning a person confirms.

The previous figure of a row is the one saved under the same key (an edit of this
peildatum's or this month's figure), else the area's last earlier one: for Oekraïne
and asiel the realisation on the latest earlier peildatum of the province, for
statushouders the latest earlier month. Read in one or two queries for all rows.
Used by the save itself and by the import preview, which warns before anything is
saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db.models import F
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from prt.formaat import aantal, datum_kort
from realisatie.invoer.rijen import HuisvestingRij
from realisatie.models import AsielTelling, Huisvesting, Peildatum
from realisatie.tienvoud import tienvoud


def gebiedsveld(gebied) -> str:
    """The field of a `Gebiedsgebonden` figure that names this area ("gemeente", ...)."""
    return gebied._meta.model_name


def vorige_tellingen(
    model, peildatum: Peildatum, sleutel: dict | None, gebieden: Sequence
) -> dict[tuple[str, int], object]:
    """Per (area field, area pk): the figure to compare a new one of `sleutel` with;
    without `sleutel` the realisation on the latest earlier peildatum only."""
    uit: dict[tuple[str, int], object] = {}
    per_veld: dict[str, list] = {}
    for gebied in gebieden:
        per_veld.setdefault(gebiedsveld(gebied), []).append(gebied)
    for veld, lijst in per_veld.items():
        eerder = model.objects.filter(
            **{f"{veld}__in": lijst},
            peildatum__provincie=peildatum.provincie,
            peildatum__datum__lt=peildatum.datum,
        ).select_related("peildatum")
        if model is AsielTelling:
            eerder = eerder.filter(datum=F("peildatum__datum"))  # realisations, not plans
        for telling in eerder.order_by("peildatum__datum"):
            uit[(veld, getattr(telling, f"{veld}_id"))] = telling
        if sleutel is None:
            continue
        huidig = model.objects.filter(**{f"{veld}__in": lijst}, **sleutel).select_related(
            "peildatum"
        )
        for telling in huidig:
            uit[(veld, getattr(telling, f"{veld}_id"))] = telling
    return uit


def vorige_maanden(gemeenten: Sequence, rijen: Sequence) -> dict[tuple[int, datetime.date], object]:
    """Per (gemeente pk, first day of the row's month): the housed figure to compare with.

    That is the figure saved for the same month, else the latest earlier month, counting
    the months entered in the same save (January 3 and February 30 typed together make
    February a jump)."""
    if not rijen:
        return {}
    codes = {gemeente.code: gemeente.pk for gemeente in gemeenten}
    laatste = max(rij.van for rij in rijen)
    per_gemeente: dict[int, list] = {}
    for telling in Huisvesting.objects.filter(gemeente__in=gemeenten, van__lte=laatste):
        per_gemeente.setdefault(telling.gemeente_id, []).append(telling)
    uit = {}
    for rij in rijen:
        pk = codes.get(rij.gemeente)
        opgeslagen = per_gemeente.get(pk, [])
        zelfde = [t for t in opgeslagen if (t.van, t.tot_en_met) == (rij.van, rij.tot_en_met)]
        if zelfde:
            uit[(pk, rij.van)] = zelfde[0]
            continue
        eerder = {t.van: t for t in opgeslagen if t.tot_en_met < rij.van}
        eerder.update(
            {
                r.van: r
                for r in rijen
                if r.gemeente == rij.gemeente
                and r.tot_en_met < rij.van
                and r.gehuisvest is not None
            }
        )
        uit[(pk, rij.van)] = eerder[max(eerder)] if eerder else None
    return uit


def sprongen(rij, vorig, model, velden: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(field, warning) for each figure of `rij` (a service row, or a saved figure with
    its `velden`) ten times `vorig`'s or more."""
    if vorig is None:
        return []
    uit = []
    for veld in velden or rij.WAARDEN:
        nieuw, oud = getattr(rij, veld), getattr(vorig, veld, None)
        if tienvoud(nieuw, oud):
            uit.append((veld, _melding(model, veld, nieuw, oud, vorig)))
    return uit


def _melding(model, veld, nieuw, oud, vorig) -> str:
    return _(
        "%(veld)s: %(nieuw)s is ten times the figure of %(wanneer)s (%(oud)s) or more; "
        "confirm that it is correct."
    ) % {
        "veld": capfirst(model._meta.get_field(veld).verbose_name),
        "nieuw": aantal(nieuw),
        "oud": aantal(oud),
        "wanneer": _wanneer(vorig),
    }


def _wanneer(vorig) -> str:
    if isinstance(vorig, Huisvesting | HuisvestingRij):
        return date_format(vorig.van, "F Y")
    return _("reference date %(datum)s") % {"datum": datum_kort(vorig.peildatum.datum)}
