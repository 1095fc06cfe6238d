"""Reads of vaststellingen. The stored parts of a record never change, so they are kept
without any invalidation (`Vastlegging`s are only ever added, with their record): in this
process's memory first (cache `vastgelegd`, Django's local-memory cache, bounded by its
MAX_ENTRIES), then in the shared Django cache under the record's id."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import QuerySet

from gemeenten.models import Provincie, provincie_code
from vaststellingen import codec
from vaststellingen.models import Vastlegging, Vaststelling

BEWAARTIJD = 24 * 60 * 60  # seconds; only to let the cache make room, never stale
AFWEZIG = b""  # a name the record has no part for, remembered as well
T = TypeVar("T")
LOKAAL = "vastgelegd"  # the process-local cache alias (settings.CACHES)
LOKAAL_GROOTSTE = 1024 * 1024  # a larger part (a big xlsx) stays in the shared cache only
# A public page may be kept this long by browsers and shared caches, and which record a
# province publishes is remembered this long at most: a published record never changes,
# only which one is the latest (after a new vaststelling).
OPENBAAR_BEWAARTIJD = 5 * 60  # seconds
# What the pages need of a record to find and key its parts (its content is read apart).
KERN = ("id", "provincie_id", "datum", "volgnummer", "vastgesteld_op")


def lokale_sleutel(vaststelling: Vaststelling, naam: str) -> str:
    """A record's key in this process: its id and the moment it was adopted (an id is
    never reused on PostgreSQL; the moment keeps a reused SQLite row id apart)."""
    return f"{vaststelling.pk}:{vaststelling.vastgesteld_op.isoformat()}:{naam}"


def lokaal_bewaard(vaststelling: Vaststelling, naam: str, maken: Callable[[], T]) -> T:
    """What `maken` makes of the record under `naam` (a rendered page or answer), made
    once per process and kept without invalidation: the record never changes."""
    sleutel = lokale_sleutel(vaststelling, naam)
    bewaard = caches[LOKAAL].get(sleutel)
    if bewaard is None:
        bewaard = maken()
        caches[LOKAAL].set(sleutel, bewaard, None)
    return bewaard


def vaststelling_in_kracht(provincie: Provincie, datum: datetime.date) -> Vaststelling | None:
    """The record of the vastgestelde peildatum `datum` of `provincie`, if any."""
    return (
        Vaststelling.objects.filter(provincie=provincie, datum=datum, heropend_op__isnull=True)
        .only(*KERN)
        .first()
    )


def vaststelling_met_provincie(code: str, datum: datetime.date) -> Vaststelling | None:
    """`vaststelling_in_kracht` for the province `code`, with its province: on a
    vastgestelde date one query finds both (None: look the province up yourself)."""
    return (
        Vaststelling.objects.filter(provincie__code=code, datum=datum, heropend_op__isnull=True)
        .select_related("provincie")
        .only(*KERN)
        .first()
    )


def vastgelegd(vaststelling: Vaststelling, naam: str) -> bytes | None:
    """The stored part `naam` of the record, or None when it has none."""
    lokaal = lokale_sleutel(vaststelling, naam)
    inhoud = caches[LOKAAL].get(lokaal)
    if inhoud is not None:
        return inhoud or None
    sleutel = f"prt:vastlegging:{vaststelling.pk}:{naam}"
    inhoud = cache.get(sleutel)
    if inhoud is None:
        inhoud = (
            Vastlegging.objects.filter(vaststelling=vaststelling, naam=naam)
            .values_list("inhoud", flat=True)
            .first()
        )
        inhoud = bytes(inhoud) if inhoud is not None else AFWEZIG
        cache.set(sleutel, inhoud, BEWAARTIJD)
    if len(inhoud) <= LOKAAL_GROOTSTE:
        caches[LOKAAL].set(lokaal, inhoud, None)
    return inhoud or None


def vastgelegd_xlsx(vaststelling: Vaststelling, soort: str, naam: str | None) -> bytes | None:
    """The stored Excel download `naam` (`namen.xlsx_naam`), or with `naam` None the one
    with the standard selection of the day it was vastgesteld (one per soort)."""
    if naam is not None:
        return vastgelegd(vaststelling, naam)
    sleutel = f"prt:vastlegging:{vaststelling.pk}:standaard:{soort}"
    gevonden = cache.get(sleutel)
    if gevonden is None:
        namen = Vastlegging.objects.filter(vaststelling=vaststelling).values_list("naam", flat=True)
        gevonden = next(
            (n for n in namen if n == f"xlsx:{soort}" or n.startswith(f"xlsx:{soort}:")), ""
        )
        cache.set(sleutel, gevonden, BEWAARTIJD)
    return vastgelegd(vaststelling, gevonden) if gevonden else None


def overzicht_van(vaststelling: Vaststelling) -> dict:
    """The decoded overview of the record (cached like its parts)."""
    sleutel = f"prt:vaststelling:{vaststelling.pk}:inhoud"
    tekst = cache.get(sleutel)
    if tekst is None:
        tekst = Vaststelling.objects.values_list("inhoud", flat=True).get(pk=vaststelling.pk)
        cache.set(sleutel, tekst, BEWAARTIJD)
    return codec.decoderen(tekst)


def vaststellingen_van(provincie: Provincie, datum: datetime.date) -> QuerySet[Vaststelling]:
    return (
        Vaststelling.objects.filter(provincie=provincie, datum=datum)
        .select_related("vastgesteld_door", "heropend_door")
        .defer("inhoud")
        .order_by("volgnummer")
    )


def gepubliceerd(code: str) -> Vaststelling | None:
    """The latest vastgestelde record of the province `code` when that province
    publishes; else None (also for an unknown code). Which one that is, is kept in the
    shared cache until a publication or record of the province changes
    (`openbaar_vergeten`), and never longer than a browser may keep the public page."""
    if not provincie_code.regex.search(code):
        return None  # no province has such a code (PV and two digits, a database rule)
    sleutel = openbaar_sleutel(code)
    gevonden = cache.get(sleutel)
    if gevonden is None:
        gevonden = (
            Vaststelling.objects.filter(
                provincie__code=code, provincie__publicatie__isnull=False, heropend_op__isnull=True
            )
            .only(*KERN)
            .order_by("-datum")
            .first()
        )
        # Only a province that publishes is kept: made-up codes cannot fill the cache.
        if gevonden is not None:
            cache.set(sleutel, gevonden, OPENBAAR_BEWAARTIJD)
    return gevonden


def openbaar_vergeten(provincie: Provincie) -> None:
    """Forget which record `provincie` publishes: at once, and again when the
    transaction commits (a request that read the old state in between cannot keep it)."""
    sleutel = openbaar_sleutel(provincie.code)
    cache.delete(sleutel)
    transaction.on_commit(lambda: cache.delete(sleutel))


def openbaar_sleutel(code: str) -> str:
    return f"prt:openbaar:{code}"


def vastgelegde_trend(provincie: Provincie) -> dict[datetime.date, list]:
    """Per vastgestelde peildatum of `provincie` with a record in force, the trend's
    figures of every area as the record stores them (`realisatie.trend.
    vastgelegde_blokken`). Kept per record in this process; at most two queries: the
    records, and the content of those not yet kept."""
    from realisatie.trend import vastgelegde_blokken

    records = list(
        Vaststelling.objects.filter(provincie=provincie, heropend_op__isnull=True).only(*KERN)
    )
    sleutels = {lokale_sleutel(v, "trend"): v for v in records}
    bewaard = caches[LOKAAL].get_many(sleutels)
    ontbrekend = {v.pk: sleutel for sleutel, v in sleutels.items() if sleutel not in bewaard}
    if ontbrekend:
        rijen = Vaststelling.objects.filter(pk__in=ontbrekend).values_list("pk", "inhoud")
        for pk, tekst in rijen.iterator(chunk_size=10):  # one record decoded at a time
            blokken = vastgelegde_blokken(codec.decoderen(tekst)["samenvatting"])
            caches[LOKAAL].set(ontbrekend[pk], blokken, None)
            bewaard[ontbrekend[pk]] = blokken
    return {v.datum: bewaard[sleutel] for sleutel, v in sleutels.items()}
