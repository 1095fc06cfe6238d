"""Computed figures of a province on a vastgestelde peildatum, kept in the Django cache.

On a meeting morning every member opens the same adopted figures; computing them once
is enough. What may be cached, and why it cannot go stale:

- Only a view *as of a vastgestelde peildatum* of the province (Gelderland on 1-1-2024,
  once the PRT adopted it). An open peildatum is being entered, its figures change by
  the minute: caching them would only add invalidations. A date that is no peildatum
  (the dashboard's "today") is never cached either.
- The figures as of that date also depend on things without a peildatum: opgaven and
  opgavebesluiten, taakstellingen, uitruil, opvanglocaties and their capaciteitsperioden,
  huisvesting per month, the gemeenten and their regions. So every key carries a
  *generation*: a random token in the cache, replaced after every committed write to any
  model of the apps that feed the overview (`gemeenten`, `opgaven`, `realisatie`, found
  through the app registry, so a new model is covered too). Reopening a peildatum is such
  a write (and its `vastgesteld_op` is in the key as well).
- A random token, not a counter: when the cache drops the token, a new one is drawn and
  no old entry can match it again.
- The token is replaced *after* the commit (`on_commit`): a reader takes the token
  before it reads any figure, so figures read before the commit are stored under the
  old token, which is dead by then.
- Nothing is read from or stored in the cache inside a transaction: figures computed
  there may include uncommitted writes (or writes that are rolled back). Pages run in
  autocommit; so, in the test suite, only tests with real transactions use the cache.
- Writes that bypass model signals (`QuerySet.update`, `bulk_create`, raw SQL) are not
  seen: the application does not use them on these models; code that does must call
  `vernieuwen()` itself.

The token lives in the Django cache, like the entries, so several app servers behind
a load balancer share both (production: a DatabaseCache). A process-local cache (the
default LocMemCache) is right for one process only (runserver, tests, `make bench`):
with several gunicorn workers a write in one would not reach the others' tokens, so
`check --deploy` warns about it.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

T = TypeVar("T")

GENERATIE = "prt:cijfers:generatie"
BEWAARTIJD = 6 * 60 * 60  # seconds; entries of an old generation are never read again
VOEDENDE_APPS = ("gemeenten", "opgaven", "realisatie")


def generatie() -> str:
    """The current generation; take it before reading any figure. Inside a transaction
    the cache is not used at all (see `sleutel`), so not even the token is read."""
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return ""
    token = cache.get(GENERATIE)
    if token is None:
        nieuw = uuid.uuid4().hex
        cache.add(GENERATIE, nieuw, timeout=None)
        token = cache.get(GENERATIE) or nieuw
    return token


def vernieuwen() -> None:
    """Every cached figure is stale from now on."""
    cache.set(GENERATIE, uuid.uuid4().hex, timeout=None)


def sleutel(naam: str, token: str, provincie, datum: datetime.date, peildata) -> str | None:
    """The key of `naam` for `provincie` as of `datum`, or None when it may not be
    cached: `datum` is not a vastgestelde peildatum of the province (`peildata`, all of
    them, read after `token`), or this connection is inside a transaction."""
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return None
    peildatum = next((p for p in peildata if p.datum == datum), None)
    if peildatum is None or peildatum.vastgesteld_op is None:
        return None
    return (
        f"prt:{naam}:{token}:{provincie.pk}:{datum.isoformat()}:"
        f"{peildatum.vastgesteld_op.isoformat()}:{get_language()}"
    )


def bewaard(sleutel: str | None, berekenen: Callable[[], T]) -> T:
    """The cached value under `sleutel`, else `berekenen()` (stored when there is a key)."""
    if sleutel is None:
        return berekenen()
    waarde = cache.get(sleutel)
    if waarde is None:
        waarde = berekenen()
        cache.set(sleutel, waarde, BEWAARTIJD)
    return waarde


def bewaarde(sleutels: list[str]) -> dict:
    """The cached values of these keys that are there, in one lookup (a page that shows
    many vastgestelde peildata at once)."""
    return cache.get_many(sleutels) if sleutels else {}


def _na_wijziging(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    verbinding = connections[using]
    # Once per transaction is enough (a grid save writes 51 rows).
    if any(callback is vernieuwen for _sids, callback, *_rest in verbinding.run_on_commit):
        return
    transaction.on_commit(vernieuwen, using=using)


def voedende_modellen() -> list[type]:
    """Every model of the apps that feed the overview (their history models excepted:
    each history row mirrors a save that already counts)."""
    return [
        model
        for app in VOEDENDE_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    ]


def verbinden() -> None:
    """Called from `RealisatieConfig.ready`: in every process, web or command."""
    for model in voedende_modellen():
        post_save.connect(_na_wijziging, sender=model, dispatch_uid=f"cijfercache-{model}")
        post_delete.connect(_na_wijziging, sender=model, dispatch_uid=f"cijfercache-{model}")


@checks.register(checks.Tags.caches, deploy=True)
def gedeelde_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith(("LocMemCache", "FileBasedCache")):
        return [
            checks.Warning(
                "The default cache is not shared between processes; the cached figures "
                "of vastgestelde peildata need one shared cache (DatabaseCache or Redis).",
                id="realisatie.W001",
            )
        ]
    return []
