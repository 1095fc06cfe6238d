"""A gunicorn worker sets the garbage collector for requests once Django is loaded
(`prt.werker`), the way `make bench` measures it."""

from __future__ import annotations

import gc
import runpy
from types import SimpleNamespace

from prt.werker import JONGSTE_GENERATIE
from tests.ops.productie import BASE_DIR


def test_post_worker_init_freezes_and_collects_the_youngest_less_often():
    conf = runpy.run_path(str(BASE_DIR / "prt" / "gunicorn.conf.py"))
    eerder = gc.get_threshold()
    try:
        conf["post_worker_init"](SimpleNamespace())
        assert gc.get_freeze_count() > 0  # what was loaded is out of the collector's reach
        assert gc.get_threshold() == (JONGSTE_GENERATIE, *eerder[1:])
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.set_threshold(*eerder)
