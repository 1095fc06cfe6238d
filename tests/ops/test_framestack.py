"""The request runs in a fresh chunk of CPython's frame stack (`prt.framestack`): the
middleware is first, passes request and response through unchanged, and its frame is
large enough for a 64 KB chunk with room for the request."""

from __future__ import annotations

import sys

import pytest
from django.conf import settings

from prt import framestack

WOORD = 8  # bytes per slot on a 64-bit build
KLEINSTE_CHUNK = 16 * 1024  # CPython's DATA_STACK_CHUNK_SIZE
MINIMUM_OVERHEAD = 1000  # words CPython adds when it sizes a new chunk


def chunkgrootte(woorden: int) -> int:
    """The size of the chunk CPython 3.11 maps for a frame of `woorden` slots."""
    grootte = KLEINSTE_CHUNK
    while grootte < WOORD * (woorden + MINIMUM_OVERHEAD):
        grootte *= 2
    return grootte


def test_it_is_the_first_middleware():
    assert settings.MIDDLEWARE[0] == "prt.framestack.FrameStackMiddleware"


def test_request_and_response_pass_unchanged():
    gezien = []

    def get_response(request):
        gezien.append(request)
        return "antwoord"

    verzoek = object()
    assert framestack.FrameStackMiddleware(get_response)(verzoek) == "antwoord"
    assert gezien == [verzoek]


@pytest.mark.skipif(not framestack.NEEDED, reason="CPython 3.13+ keeps a spare chunk")
def test_the_frame_gets_a_chunk_of_64_kb_with_room_for_the_request():
    middleware = framestack.FrameStackMiddleware(lambda request: None)
    code = middleware.pass_on.__code__
    # A frame's slots: its locals and its evaluation stack (and a few fixed ones).
    woorden = code.co_nlocals + code.co_stacksize
    assert woorden * WOORD > KLEINSTE_CHUNK  # never fits in an ordinary chunk
    assert chunkgrootte(woorden) == 64 * 1024
    assert chunkgrootte(woorden) - woorden * WOORD > 32 * 1024  # left for the request


def test_not_needed_from_python_3_13():
    assert framestack.NEEDED is (sys.version_info < (3, 13))


def _blad() -> int:
    return 1


def _heet() -> None:
    for _ in range(OPROEPEN):
        _blad()


def _diep(n: int, doe) -> None:
    if n:
        return _diep(n - 1, doe)
    return doe()


def _paginafouten() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


OPROEPEN = 2000


@pytest.mark.skipif(
    not framestack.NEEDED or not sys.platform.startswith("linux"),
    reason="the chunk thrashing of CPython 3.11/3.12 shows as page faults on Linux",
)
def test_a_hot_loop_at_any_depth_inside_it_maps_no_chunk_per_call():
    """Without the middleware a loop whose calls sit on a chunk border maps and unmaps
    a chunk per call, each a fresh page: about one page fault per call (2.000 for 2.000
    calls at one depth on this machine, 2026-11-30). Inside it, a loop at any depth up
    to 300 frames (~30 KB, more than a request with its templates) causes none."""
    slechtste = 0
    for diepte in range(300):
        voor = _paginafouten()
        framestack._pass_on_roomy(lambda _verzoek, d=diepte: _diep(d, _heet), None)
        slechtste = max(slechtste, _paginafouten() - voor)
    assert slechtste < OPROEPEN // 10
