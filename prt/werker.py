"""What a worker process does once Django is loaded, before its first request:
gunicorn's `post_worker_init` (prt/gunicorn.conf.py) calls it, and `make bench` too, so
that the benchmark measures what production runs."""

from __future__ import annotations

import gc

# A dashboard computed anew makes some hundred thousand short-lived objects (figures,
# rows, cells). With Python's default of a collection every 700 allocations that is a
# few hundred collections per request, about 6 % of its time (`make bench`); objects
# that die young are freed by reference counting anyway, and a collection every 50.000
# still finds every cycle.
JONGSTE_GENERATIE = 50_000


def klaar_voor_verzoeken() -> None:
    """Move everything loaded so far (modules, URL patterns, settings, translations) out
    of the garbage collector's reach: its full collections otherwise walk all of it
    during requests (on the province dashboard that was most of the difference between
    p50 and p95). And collect the youngest generation less often."""
    gc.freeze()
    _, tweede, oudste = gc.get_threshold()
    gc.set_threshold(JONGSTE_GENERATIE, tweede, oudste)
