"""Rows written under optimistic locking: the write step every entry service shares.

The editor's form (or the import template, or the API client) carries the `versie` it
loaded. If a row was saved by someone else since, nothing is written and the caller gets
a `Conflict` with both values; the caller then rolls the whole save back.

`rijen_schrijven` writes a whole grid in a bounded number of queries: one locking read
of every row, one bulk insert and one bulk update, each with one history record per row
(django-simple-history's `bulk_*_with_history`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from realisatie.invoer.rijen import Conflict, Opslagresultaat

Gebied = Gemeente | Subregio | Veiligheidsregio | Provincie


@dataclass(frozen=True)
class Schrijfrij:
    """One row of a bulk write: its area, the rest of its identity (`sleutel`: the
    peildatum, a month), the new values and the version the editor loaded."""

    gebied: Gebied
    sleutel: dict
    nieuw: dict[str, object]
    versie: int | None


def rijen_schrijven(
    model: type[models.Model], *, rijen: Sequence[Schrijfrij], door, resultaat: Opslagresultaat
) -> None:
    """Create or update many rows at once, each identified by its area and key, with the
    same rules per row: the version check, no all-empty new row (not delivered stays
    unknown), no new version and no history for an unchanged row.

    Must run inside a transaction: every row read is locked until it ends. On a
    conflict nothing is written (the caller rolls back); otherwise new rows are created
    and changed rows updated in one bulk write each, with a history record per row by
    `door`. (Bulk writes send no `post_save`; nothing listens for it on these models:
    a vastgestelde peildatum's pages read its record, open ones are computed live.)
    """
    bestaande = _vergrendeld_lezen(model, rijen)
    nieuwe, gewijzigd, velden = [], [], set()
    for rij in rijen:
        bestaand = bestaande.get(_identiteit(rij.gebied, rij.sleutel))
        huidige_versie = bestaand.versie if bestaand else None
        if huidige_versie != rij.versie:
            resultaat.conflicten.append(
                Conflict(
                    gemeente=rij.gebied.code,
                    gemeente_naam=rij.gebied.naam,
                    eigen=rij.nieuw,
                    opgeslagen=waarden(bestaand, rij.nieuw) if bestaand else {},
                    opgeslagen_versie=huidige_versie,
                    opgeslagen_door=laatste_gebruiker(bestaand) if bestaand else "-",
                    labels=labels(model, rij.nieuw),
                )
            )
            continue
        if bestaand is None:
            if all(waarde in (None, "") for waarde in rij.nieuw.values()):
                continue
            bestaand = model(**{rij.gebied._meta.model_name: rij.gebied}, **rij.sleutel)
            nieuwe.append(bestaand)
        elif waarden(bestaand, rij.nieuw) == rij.nieuw:
            continue
        else:
            bestaand.versie += 1
            gewijzigd.append(bestaand)
            velden.update(rij.nieuw)
        for veld, waarde in rij.nieuw.items():
            setattr(bestaand, veld, waarde)
        resultaat.opgeslagen.append(rij.gebied.code)
    if resultaat.conflicten:
        return
    if nieuwe:
        bulk_create_with_history(nieuwe, model, default_user=door)
    if gewijzigd:
        bulk_update_with_history(gewijzigd, model, [*sorted(velden), "versie"], default_user=door)


def _identiteit(gebied: Gebied, sleutel: dict) -> tuple:
    """A row's identity as plain values: area field and pk, then the key's fields (a
    model instance by its pk), in name order."""
    return (
        f"{gebied._meta.model_name}_id",
        gebied.pk,
        *(
            (veld, waarde.pk if isinstance(waarde, models.Model) else waarde)
            for veld, waarde in sorted(sleutel.items())
        ),
    )


def _vergrendeld_lezen(model, rijen: Sequence[Schrijfrij]) -> dict[tuple, models.Model]:
    """The stored rows of `rijen` by identity, locked, in one query: one condition per
    kind of area and key (a grid has one key, so one `IN` list per kind of area)."""
    groepen: dict[tuple, list[int]] = {}
    for rij in rijen:
        naam = rij.gebied._meta.model_name
        groepen.setdefault((naam, _identiteit(rij.gebied, rij.sleutel)[2:]), []).append(
            rij.gebied.pk
        )
    if not groepen:
        return {}
    filter_ = Q()
    for (naam, sleutel), pks in groepen.items():
        filter_ |= Q(**{f"{naam}_id__in": pks}, **dict(sleutel))
    namen = {naam for naam, _sleutel in groepen}
    velden = sorted(rijen[0].sleutel)  # every row of one save has the same key fields
    uit = {}
    for object_ in model.objects.select_for_update().filter(filter_):
        naam = next(n for n in namen if getattr(object_, f"{n}_id") is not None)
        identiteit = (f"{naam}_id", getattr(object_, f"{naam}_id"))
        uit[(*identiteit, *((veld, _waarde(object_, veld)) for veld in velden))] = object_
    return uit


def _waarde(object_: models.Model, veld: str):
    """A field's stored value, a foreign key by its pk."""
    field = object_._meta.get_field(veld)
    return getattr(object_, field.attname)


def waarden(object_: models.Model, velden: Sequence[str]) -> dict[str, object]:
    return {veld: getattr(object_, veld) for veld in velden}


def labels(model: type[models.Model], velden: Sequence[str]) -> dict[str, str]:
    """The fields' names as a person reads them (the model's verbose names)."""
    return {veld: capfirst(model._meta.get_field(veld).verbose_name) for veld in velden}


def laatste_gebruiker(object_: models.Model) -> str:
    laatste = object_.history.order_by("-history_date").select_related("history_user").first()
    gebruiker = getattr(laatste, "history_user", None)
    return gebruiker.get_username() if gebruiker else "-"
