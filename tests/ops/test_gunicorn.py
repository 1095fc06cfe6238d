"""gunicorn with prt/gunicorn.conf.py serves the app, writes its access log as JSON
(path without the query string), and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.ops.productie import BASE_DIR, productie_env


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_serves_logs_json_and_stops_gracefully(tmp_path):
    poort = _vrije_poort()
    env = productie_env(
        tmp_path,
        PRT_HTTPS="0",
        PRT_BIND=f"127.0.0.1:{poort}",
        WEB_CONCURRENCY="1",
        ALLOWED_HOSTS="127.0.0.1",
    )
    env.pop("LOG_FORMAT", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    proces = subprocess.Popen(
        [str(gunicorn), "--config", "prt/gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        antwoord, uiterlijk = None, time.monotonic() + 60
        while antwoord is None and time.monotonic() < uiterlijk:
            try:
                antwoord = urllib.request.urlopen(
                    f"http://127.0.0.1:{poort}/gezondheid?token=geheim", timeout=10
                )
            except urllib.error.HTTPError:
                raise
            except urllib.error.URLError:  # not listening yet
                time.sleep(0.2)
        assert antwoord is not None, "gunicorn antwoordt niet"
        assert antwoord.status == 200
        assert json.loads(antwoord.read()) == {"status": "ok", "database": "ok"}
    finally:
        proces.send_signal(signal.SIGTERM)
        stdout, stderr = proces.communicate(timeout=60)

    assert proces.returncode == 0, stderr
    [regel] = [json.loads(r) for r in stdout.splitlines() if '"gunicorn.access"' in r]
    assert (regel["method"], regel["path"], regel["status"]) == ("GET", "/gezondheid", 200)
    assert isinstance(regel["duration_ms"], int)
    assert "geheim" not in stdout
    fouten = [json.loads(r) for r in stderr.splitlines()]
    assert any(r["message"] == "Shutting down: Master" for r in fouten)
