"""A gunicorn worker sets the garbage collector for requests once Django is loaded
(`prt.werker`), the way `make bench` measures it."""

from __future__ import annotations

import gc
import runpy
from types import SimpleNamespace

from django.core.signals import request_finished
from django.db import close_old_connections

from prt.werker import JONGSTE_GENERATIE, NA_VERZOEK
from tests.ops.productie import BASE_DIR


def _collecties(generaties: list[int]):
    def bijhouden(fase, info):
        if fase == "stop":
            generaties.append(info["generation"])

    return bijhouden


def test_post_worker_init_freezes_and_collects_the_youngest_less_often_and_after_a_response():
    conf = runpy.run_path(str(BASE_DIR / "prt" / "gunicorn.conf.py"))
    eerder = gc.get_threshold()
    generaties: list[int] = []
    bijhouden = _collecties(generaties)
    try:
        conf["post_worker_init"](SimpleNamespace())
        assert gc.get_freeze_count() > 0  # what was loaded is out of the collector's reach
        assert gc.get_threshold() == (JONGSTE_GENERATIE, *eerder[1:])
        assert gc.isenabled()

        # A response has gone out. Without the database (as Django's test client, which
        # keeps the connection of the test open).
        request_finished.disconnect(close_old_connections)
        gc.callbacks.append(bijhouden)
        try:
            request_finished.send(sender=None)
        finally:
            gc.callbacks.remove(bijhouden)
            request_finished.connect(close_old_connections)

        assert 0 in generaties  # the youngest generation collected then
    finally:
        request_finished.disconnect(dispatch_uid=NA_VERZOEK)
        gc.unfreeze()
        gc.set_threshold(*eerder)
