"""What a worker process does once Django is loaded, before its first request:
gunicorn's `post_worker_init` (prt/gunicorn.conf.py) calls it, and `make bench` too, so
that the benchmark measures what production runs."""

from __future__ import annotations

import gc

from django.core.signals import request_finished

# A dashboard computed anew makes some hundred thousand short-lived objects (figures,
# rows, cells). With Python's default of a collection every 700 allocations that is a
# few hundred collections per request, about 6 % of its time (`make bench`); objects
# that die young are freed by reference counting anyway, and a collection every 50.000
# still finds every cycle.
JONGSTE_GENERATIE = 50_000
NA_VERZOEK = "prt.werker.na_verzoek"  # the dispatch_uid of `na_verzoek`


def klaar_voor_verzoeken() -> None:
    """Move everything loaded so far (modules, URL patterns, settings, translations) out
    of the garbage collector's reach: its full collections otherwise walk all of it
    during requests (on the province dashboard that was most of the difference between
    p50 and p95). Collect the youngest generation less often during a request, and
    after every response (`na_verzoek`)."""
    gc.freeze()
    _, tweede, oudste = gc.get_threshold()
    gc.set_threshold(JONGSTE_GENERATIE, tweede, oudste)
    request_finished.connect(na_verzoek, dispatch_uid=NA_VERZOEK)


def na_verzoek(**kwargs) -> None:
    """Collect the youngest generation once a response has gone out (Django's
    `request_finished`: the server closes a response after its last byte).

    A page leaves a thousand or two objects in reference cycles (django-tables2's rows
    and columns point back at their table, and the figures hang from them), which only
    the collector frees. Left to the threshold they pile up and are collected at once in
    the middle of some request every twenty or so: 75 ms on the dashboard, its p95 in
    `make bench`. Here it is a millisecond or two for what one request left, and no
    request waits for it."""
    gc.collect(0)
