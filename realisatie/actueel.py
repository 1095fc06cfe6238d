"""Live pages rendered once per state of the figures.

The pages of an open peildatum (province dashboard and its print view, region page,
gemeente page, API samenvatting) are computed from the figures as they are now. Between
two changes every member asking for the same page gets the same HTML, so it is kept in
each process's own memory (the cache "actueel") under the state of the figures.

That state is a counter per table that PostgreSQL itself moves (`prt_tabelstand`): a
statement-level trigger on every table of the apps whose data a page shows (`GEVOLGD`:
reference data, opgaven, figures, register, records; not their history, sessions or the
regietafel's minutes) adds one to its table's counter in the same transaction as the
write. Whatever path a change takes (grid, import, API, admin, location register, a
queryset update, a management command, raw SQL, another app server), the counter moves
when it commits and not before, so a kept page is never stale and nothing has to be
invalidated: a change makes every key that counts that table new, and old entries age out
(MAX_ENTRIES, TIMEOUT). Not a query cache such as django-cachalot: that one invalidates per
table on ORM writes it sees and keeps every query; here only the rendered result is kept,
under the counters every write moves. Not PostgreSQL's snapshot either: that moves with
every session write, i.e. with nearly every request. There is no counter for all tables
together: its one row would make every writing transaction wait for the one before.

The trigger is installed after every `migrate` (`installeren`, from `post_migrate`), so a
table added later is followed without anyone remembering to. Nothing is kept where the
state cannot be told: on SQLite, and inside a transaction (its own uncommitted writes
have moved the counters for itself alone; tests run inside one). The state is read once
per request (`tabelstanden_van`). The key also holds the date of today, the language and
what the caller names (page, province, parameters), so a page that depends on today is
made anew each day.

A whole page is kept under every followed table (`bewaard`) but what is shown beside it
(`GEVOLGD_ERBIJ`). A part of a page is kept under only the tables it reads (`bewaard_bij`):
after a grid save of the Oekraïne counts, the asiel and statushouders parts of a dashboard
are still the ones kept. A part names the tables it does *not* read (`zonder`); every other
followed table counts, so a table added later is read by every part until someone shows
otherwise (a test runs each part and checks the SQL it sends,
`tests/realisatie/test_delen.py`).

What a page needs beside its figures is kept the same way, under the state of the few
tables it reads (`bewaard_van`): the record of a vastgestelde peildatum with the list of
dates (`vaststellingen.paginas.opzoeken`) and the open requests of the Rijk
(`regietafel`'s tag). So a vastgestelde page costs the queries of any member's page
(session, user, roles) plus the state.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from django.apps import apps
from django.core.cache import caches
from django.db import connection, connections
from django.utils import timezone, translation

CACHE = "actueel"
TABELSTAND = "prt_tabelstand"  # per followed table: how many statements changed it
# Until 2-12-2026 one counter for every table as well; dropped by `installeren`.
OUDE_TABEL = "prt_gegevensstand"
# The apps whose tables a live page reads.
GEVOLGD = ("gemeenten", "opgaven", "realisatie", "vaststellingen")
# Tables of other apps a live page shows beside the figures: the open requests of the
# Rijk on the province dashboard (not the regietafel's minutes, actions or meetings).
GEVOLGD_ERBIJ = ("regietafel_verzoek",)

T = TypeVar("T")


def tabelstanden() -> dict[str, int] | None:
    """Per followed table, the state of its rows as committed (a table never written
    since the trigger was installed is absent: 0), or None where it cannot be told."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tabel, versie FROM {TABELSTAND}")
        return dict(cursor.fetchall())


def tabelstanden_van(request) -> dict[str, int] | None:
    """`tabelstanden()` read once for `request` (a page asks for it for the figures and
    again for what it shows beside them; a GET writes nothing in between)."""
    if not hasattr(request, "_prt_tabelstanden"):
        request._prt_tabelstanden = tabelstanden()
    return request._prt_tabelstanden


@lru_cache(maxsize=1)
def gevolgde_tabellen() -> tuple[str, ...]:
    """The tables of `GEVOLGD`, without the history simple_history keeps beside them, and
    `GEVOLGD_ERBIJ`."""
    tabellen = set(GEVOLGD_ERBIJ)
    for label in GEVOLGD:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            meta = model._meta
            if meta.managed and not meta.proxy and not hasattr(model, "instance_type"):
                tabellen.add(meta.db_table)
    return tuple(sorted(tabellen))


def installeren(using: str = "default", **kwargs) -> None:
    """The counters, their trigger function and a trigger on every followed table (again
    after each migrate; every statement here may run any number of times, and none
    resets a counter: that would make keys of an earlier state valid again)."""
    verbinding = connections[using]
    if verbinding.vendor != "postgresql":
        return
    with verbinding.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABELSTAND} "
            "(tabel text PRIMARY KEY, versie bigint NOT NULL)"
        )
        cursor.execute(
            "CREATE OR REPLACE FUNCTION prt_gegevensstand_ophogen() RETURNS trigger AS $$ "
            f"BEGIN INSERT INTO {TABELSTAND} VALUES (TG_TABLE_NAME, 1) ON CONFLICT (tabel) "
            f"DO UPDATE SET versie = {TABELSTAND}.versie + 1; RETURN NULL; END "
            "$$ LANGUAGE plpgsql"
        )
        bestaand = set(verbinding.introspection.table_names(cursor))
        for tabel in gevolgde_tabellen():
            if tabel in bestaand:
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER prt_gegevensstand AFTER INSERT OR UPDATE OR DELETE "
                    f'OR TRUNCATE ON "{tabel}" FOR EACH STATEMENT '
                    "EXECUTE FUNCTION prt_gegevensstand_ophogen()"
                )
        cursor.execute(f"DROP TABLE IF EXISTS {OUDE_TABEL}")


def sleutel(staat: object, *delen: object) -> str:
    """The cache key of a result named by `delen` in state `staat` (hashed: the
    parameters of a page can be long)."""
    tekst = repr((staat, timezone.localdate(), translation.get_language(), *delen))
    return "actueel:" + hashlib.sha256(tekst.encode()).hexdigest()


def bewaard(request, maken: Callable[[], T], *delen: object) -> T:
    """What `maken` returns for `delen` (a whole page) in the current state of every
    followed table but what is shown beside the page (`GEVOLGD_ERBIJ`): made once per
    state and kept; made every time where the state cannot be told."""
    standen = tabelstanden_van(request)
    if standen is None:
        return maken()
    return bewaard_bij(standen, frozenset(GEVOLGD_ERBIJ), maken, *delen)


def bewaard_bij(
    standen: dict[str, int], zonder: frozenset[str], maken: Callable[[], T], *delen: object
) -> T:
    """What `maken` returns for `delen`, kept under `standen` (`tabelstanden()`) of every
    followed table except those in `zonder` (tables `maken` never reads): a write to one
    of those leaves it kept."""
    gelezen = tuple((t, standen.get(t, 0)) for t in gevolgde_tabellen() if t not in zonder)
    return _onder(gelezen, maken, delen)


def bewaard_van(
    standen: dict[str, int] | None, tabellen: frozenset[str], maken: Callable[[], T], *delen: object
) -> T:
    """What `maken` returns for `delen`, kept under `standen` of `tabellen`, the followed
    tables it reads: for a lookup of a few queries whose tables a test reads from its SQL
    (a part of a page names what it leaves out instead, `bewaard_bij`). Made every time
    where the state cannot be told (`standen` None)."""
    if standen is None:
        return maken()
    return _onder(tuple((t, standen.get(t, 0)) for t in sorted(tabellen)), maken, delen)


def _onder(staat: object, maken: Callable[[], T], delen: tuple) -> T:
    cache = caches[CACHE]
    naam = sleutel(staat, *delen)
    inhoud = cache.get(naam)
    if inhoud is None:
        inhoud = maken()
        cache.set(naam, inhoud)
    return inhoud


def gewone_vraag(request, *toegestaan: str) -> bool:
    """Whether the request asks for the page itself with only the parameters in
    `toegestaan` (a peildatum): sorting, an export or a made-up parameter is answered
    but not kept."""
    return set(request.GET) <= set(toegestaan) and all(
        len(request.GET.getlist(p)) == 1 for p in request.GET
    )
