"""Filtering figures that belong to an area at any level (see `Gebiedsgebonden`).

A figure table holds the rows of all twelve provinces, each row with one of four area
columns set. Inside a `gebiedsronde` (every request has one: `GebiedsrondeMiddleware`)
the ids of a province's areas are read once, and a filter is a list of ids per column,
which the database answers from the index of each column (a province's rows, not the
nation's). Outside one (a management command, a test calling a function directly) the
same filter is written with subqueries: the same rows, without the extra read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import F, IntegerField, Lookup, Q, Value
from django.db.models.lookups import In

_ids: ContextVar[dict[int, tuple[list[int], list[int], list[int]]] | None] = ContextVar(
    "gebied_ids", default=None
)


@contextmanager
def gebiedsronde() -> Iterator[None]:
    """Within this block each province's area ids are read once (a request)."""
    if _ids.get() is not None:
        yield
        return
    token = _ids.set({})
    try:
        yield
    finally:
        _ids.reset(token)


def gebieden_gewijzigd(**_kwargs) -> None:
    """An area was saved or deleted (a herindeling, reference data): read the ids anew."""
    if (ids := _ids.get()) is not None:
        ids.clear()


def in_provincie(provincie) -> Q:
    """Figures of the province itself or of any area inside it."""
    from gemeenten.models import Gemeente, Subregio, Veiligheidsregio

    ids = _ids.get()
    if ids is None:
        return (
            Q(provincie=provincie)
            | Q(veiligheidsregio__in=Veiligheidsregio.objects.filter(provincie=provincie))
            | Q(subregio__in=Subregio.objects.filter(provincie=provincie))
            | Q(gemeente__in=Gemeente.objects.filter(provincie=provincie))
        )
    if provincie.pk not in ids:
        ids[provincie.pk] = _gebied_ids(provincie)
    regios, subregios, gemeenten = ids[provincie.pk]
    return (
        Q(provincie=provincie)
        | Q(InLijst(F("veiligheidsregio"), regios))
        | Q(InLijst(F("subregio"), subregios))
        | Q(InLijst(F("gemeente"), gemeenten))
    )


class InLijst(Lookup):
    """`kolom IN (ids)`; on PostgreSQL `kolom = ANY(%s)` with the ids as one array: the
    same rows, in a query whose text and parameters do not grow with the number of ids
    (a province of 51 gemeenten would otherwise send 62 parameters, and psycopg parses
    a query of more than 50 anew every time)."""

    lookup_name = "in_lijst"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return In(self.lhs, self.rhs).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, list(self.rhs))


def _gebied_ids(provincie) -> tuple[list[int], list[int], list[int]]:
    """The ids of the province's veiligheidsregio's, subregio's and gemeenten (every
    gemeente that belongs to it, valid or not): one query."""
    from gemeenten.models import Gemeente, Subregio, Veiligheidsregio

    def van(model, niveau: int):
        return (
            model.objects.filter(provincie=provincie)
            .order_by()  # SQLite allows no ORDER BY inside a UNION
            .annotate(niveau=Value(niveau, output_field=IntegerField()))
            .values_list("niveau", "id")
        )

    uit: tuple[list[int], list[int], list[int]] = ([], [], [])
    for niveau, pk in van(Veiligheidsregio, 0).union(van(Subregio, 1), van(Gemeente, 2), all=True):
        uit[niveau].append(pk)
    return uit


class GebiedsrondeMiddleware:
    """Every request is one `gebiedsronde`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with gebiedsronde():
            return self.get_response(request)
