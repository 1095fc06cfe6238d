"""Issue 13 (low): a worker killed for a timeout logs the path it was serving (gunicorn
itself says only "WORKER TIMEOUT"); the query string stays out of the log."""

from __future__ import annotations

import runpy
from types import SimpleNamespace
from unittest import mock

from tests.ops.productie import BASE_DIR


def test_worker_abort_logs_the_path_of_the_request():
    conf = runpy.run_path(str(BASE_DIR / "prt" / "gunicorn.conf.py"))
    worker = SimpleNamespace(log=mock.Mock())
    verzoek = SimpleNamespace(method="GET", path="/provincies/PV23/vooruitblik/")

    conf["pre_request"](worker, verzoek)
    conf["worker_abort"](worker)

    bericht, *argumenten = worker.log.error.call_args.args
    regel = bericht % tuple(argumenten)
    assert "GET /provincies/PV23/vooruitblik/" in regel
    assert "?" not in regel
    conf["post_request"](worker, verzoek, {}, None)
    assert worker.prt_verzoek is None
