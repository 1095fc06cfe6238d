"""One row written under optimistic locking: the write step every entry service shares.

The editor's form (or the import template, or the API client) carries the `versie` it
loaded. If the row was saved by someone else since, nothing is written for it and the
caller gets a `Conflict` with both values; the caller then rolls the whole save back.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models
from django.utils.text import capfirst

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from realisatie.invoer.rijen import Conflict, Opslagresultaat


def rij_schrijven(
    model: type[models.Model],
    *,
    gebied: Gemeente | Subregio | Veiligheidsregio | Provincie,
    sleutel: dict,
    nieuw: dict[str, object],
    versie: int | None,
    door,
    resultaat: Opslagresultaat,
) -> None:
    """Create or update the row of `gebied` (a gemeente, or a larger area for a figure
    known only there) identified by `sleutel` with `nieuw`.

    Must run inside a transaction: the row is locked until it ends. An all-empty new
    row is not created (not delivered stays unknown), and an unchanged row gets no new
    version and no history entry.
    """
    gebiedsveld = {gebied._meta.model_name: gebied}
    bestaand = model.objects.select_for_update().filter(**gebiedsveld, **sleutel).first()
    huidige_versie = bestaand.versie if bestaand else None
    if huidige_versie != versie:
        resultaat.conflicten.append(
            Conflict(
                gemeente=gebied.code,
                gemeente_naam=gebied.naam,
                eigen=nieuw,
                opgeslagen=waarden(bestaand, nieuw) if bestaand else {},
                opgeslagen_versie=huidige_versie,
                opgeslagen_door=laatste_gebruiker(bestaand) if bestaand else "-",
                labels=labels(model, nieuw),
            )
        )
        return
    if bestaand is None:
        if all(waarde in (None, "") for waarde in nieuw.values()):
            return
        bestaand = model(**gebiedsveld, **sleutel)
    elif waarden(bestaand, nieuw) == nieuw:
        return
    else:
        bestaand.versie += 1
    for veld, waarde in nieuw.items():
        setattr(bestaand, veld, waarde)
    bestaand._history_user = door
    bestaand.save()
    resultaat.opgeslagen.append(gebied.code)


def waarden(object_: models.Model, velden: Sequence[str]) -> dict[str, object]:
    return {veld: getattr(object_, veld) for veld in velden}


def labels(model: type[models.Model], velden: Sequence[str]) -> dict[str, str]:
    """The fields' names as a person reads them (the model's verbose names)."""
    return {veld: capfirst(model._meta.get_field(veld).verbose_name) for veld in velden}


def laatste_gebruiker(object_: models.Model) -> str:
    laatste = object_.history.order_by("-history_date").select_related("history_user").first()
    gebruiker = getattr(laatste, "history_user", None)
    return gebruiker.get_username() if gebruiker else "-"
