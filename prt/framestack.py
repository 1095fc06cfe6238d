"""Room on CPython's frame stack for the whole request (a workaround for CPython 3.11/3.12).

Since 3.11 CPython keeps the frames of Python functions on a per-thread data stack made
of chunks. When a frame does not fit in the current chunk, a new chunk is mapped
(mmap), and it is unmapped again as soon as the frame at its base returns. A loop whose
calls happen to cross that border maps and unmaps a chunk on every call: CPython issue
gh-142183, fixed in 3.13 and later by keeping one spare chunk, not in 3.11 or 3.12.

Where the border falls depends on how deep the request is when the loop runs, so the
cost came and went with the middleware list: measured with `make bench`'s dataset, the
rows of the Gelderland dashboard took 15 ms with one middleware fewer and 60–85 ms with
it, and the whole open dashboard went from about 235 ms to 120 ms (p50) with this
middleware first.

The middleware calls the rest of the request through a function with a large frame
(`SPARE_SLOTS` unused local variables). That frame never fits in an ordinary 16 KB
chunk, so CPython maps a chunk of 64 KB for it; the frame takes 25 KB and everything the
request calls runs in the other 39 KB without crossing a border (a Django request with
its templates stays well within that). One map and one unmap per request: measured on
the login page, 0,07 ms (1.039 → 971 requests/s); a larger frame (a 256 KB chunk) cost
twice that and gained nothing measurable, a smaller one (a 32 KB chunk) left the
dashboard as slow as without.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

# Words: CPython sizes the new chunk as the smallest power of two × 16 KB that holds the
# frame plus 1.000 words; 3.100 locals (25 KB) is just enough for a 64 KB chunk.
SPARE_SLOTS = 3_100
NEEDED = sys.version_info < (3, 13)  # 3.13 and later keep a spare chunk (gh-142183)


def _pass_on(get_response, request):
    return get_response(request)


def _with_large_frame(function: Callable) -> Callable:
    """`function` with `SPARE_SLOTS` extra local variables that it never uses."""
    code = function.__code__
    extra = tuple(f"_spare{i}" for i in range(SPARE_SLOTS))
    large = code.replace(
        co_varnames=code.co_varnames + extra, co_nlocals=code.co_nlocals + SPARE_SLOTS
    )
    return types.FunctionType(large, function.__globals__, function.__name__)


_pass_on_roomy = _with_large_frame(_pass_on)


class FrameStackMiddleware:
    """First in MIDDLEWARE: the rest of the request runs in a fresh chunk of CPython's
    frame stack with room to spare (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.pass_on = _pass_on_roomy if NEEDED else _pass_on

    def __call__(self, request):
        return self.pass_on(self.get_response, request)
