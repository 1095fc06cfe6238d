"""Writes of vaststellingen: record one when a peildatum is vastgesteld, close it when
the peildatum is reopened, and switch a province's publication on or off.

`vaststelling_vastleggen` and `vaststelling_heropenen` run inside the transaction of
`realisatie.invoer.services.peildatum_vaststellen` / `peildatum_heropenen`, after their
permission checks: the record and the state of the peildatum commit together.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gemeenten.models import Provincie
from realisatie.models import Peildatum
from toegang.audit import log_audit
from toegang.beleid import is_beheerder
from vaststellingen import inhoud
from vaststellingen.models import Publicatie, Vastlegging, Vaststelling


def vaststelling_vastleggen(*, peildatum: Peildatum, door) -> Vaststelling:
    """A new record of what the engine computes for the peildatum now (called with the
    peildatum locked and just marked vastgesteld)."""
    vorige = Vaststelling.objects.filter(
        provincie=peildatum.provincie, datum=peildatum.datum
    ).aggregate(hoogste=Max("volgnummer"))["hoogste"]
    tekst, delen = inhoud.berekenen(
        provincie=peildatum.provincie, datum=peildatum.datum, gemaakt=peildatum.vastgesteld_op
    )
    vaststelling = Vaststelling.objects.create(
        peildatum=peildatum,
        provincie=peildatum.provincie,
        datum=peildatum.datum,
        volgnummer=(vorige or 0) + 1,
        vastgesteld_op=peildatum.vastgesteld_op,
        vastgesteld_door=door,
        inhoud=tekst,
    )
    Vastlegging.objects.bulk_create(
        Vastlegging(vaststelling=vaststelling, naam=naam, inhoud=data)
        for naam, data in delen.items()
    )
    return vaststelling


def vastleggingen_aanvullen() -> int:
    """A record for every vastgestelde peildatum without one in force (vastgesteld before
    records were kept): the figures as computed now, with the original who and when."""
    aantal = 0
    for pk in Peildatum.objects.filter(vastgesteld_op__isnull=False).values_list("pk", flat=True):
        with transaction.atomic():
            peildatum = Peildatum.objects.select_for_update().get(pk=pk)
            if (
                not peildatum.is_vastgesteld
                or Vaststelling.objects.filter(
                    provincie=peildatum.provincie, datum=peildatum.datum, heropend_op__isnull=True
                ).exists()
            ):
                continue
            vaststelling_vastleggen(peildatum=peildatum, door=peildatum.vastgesteld_door)
            aantal += 1
    return aantal


def vaststelling_heropenen(*, peildatum: Peildatum, door, reden: str) -> Vaststelling | None:
    """Close the record in force (kept as history); None when there is none (a peildatum
    vastgesteld before records were kept)."""
    vaststelling = (
        Vaststelling.objects.select_for_update()
        .filter(provincie=peildatum.provincie, datum=peildatum.datum, heropend_op__isnull=True)
        .first()
    )
    if vaststelling is None:
        return None
    vaststelling.heropend_op = timezone.now()
    vaststelling.heropend_door = door
    vaststelling.heropend_reden = reden
    vaststelling.save(update_fields=["heropend_op", "heropend_door", "heropend_reden"])
    return vaststelling


@transaction.atomic
def publicatie_aanzetten(*, provincie: Provincie, door) -> Publicatie:
    if not is_beheerder(door):
        log_audit(door, "publicatie_aanzetten", provincie, "geweigerd")
        raise PermissionDenied
    publicatie, _nieuw = Publicatie.objects.get_or_create(
        provincie=provincie, defaults={"door": door}
    )
    log_audit(door, "publicatie_aanzetten", provincie, "ok")
    return publicatie


@transaction.atomic
def publicatie_uitzetten(*, provincie: Provincie, door) -> None:
    if not is_beheerder(door):
        log_audit(door, "publicatie_uitzetten", provincie, "geweigerd")
        raise PermissionDenied
    Publicatie.objects.filter(provincie=provincie).delete()
    log_audit(door, "publicatie_uitzetten", provincie, "ok")
