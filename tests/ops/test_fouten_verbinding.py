"""After the database drops the app's connection (as in a PostgreSQL restart or a
failover), the app answers again without a restart of its own.

A real gunicorn (one sync worker, persistent connections: CONN_MAX_AGE=60 with
Django's health checks) serves the PostgreSQL test database. The test ends the worker's
connection server-side with pg_terminate_backend, only on its own test database, and
asks /gezondheid and the dashboard again. The full restart of PostgreSQL is a scripted
check: `make db-herstart`.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def _database_url() -> str:
    instellingen = connection.settings_dict
    gebruiker = urllib.parse.quote(instellingen["USER"] or "postgres")
    if instellingen["PASSWORD"]:
        gebruiker += ":" + urllib.parse.quote(instellingen["PASSWORD"])
    host = instellingen["HOST"] or "127.0.0.1"
    return f"postgres://{gebruiker}@{host}:{instellingen['PORT'] or 5432}/{instellingen['NAME']}"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _andere_backends() -> set[int]:
    """The connections to this test database other than the test's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return {pid for (pid,) in cursor.fetchall()}


class App:
    def __init__(self, poort: int, sessie: str):
        self.poort, self.sessie = poort, sessie

    def get(self, pad: str) -> tuple[int, str, str]:
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=30)
        try:
            verbinding.request("GET", pad, headers={"Cookie": f"sessionid={self.sessie}"})
            antwoord = verbinding.getresponse()
            return antwoord.status, antwoord.getheader("Location") or "", antwoord.read().decode()
        finally:
            verbinding.close()


@pytest.fixture
def gunicorn(demodata, client):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Alleen op PostgreSQL (zet DATABASE_URL): de test beëindigt de databaseverbinding "
            "van een gunicorn-proces aan de kant van de server."
        )
    client.force_login(get_user_model().objects.get(username="lid"))
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "prt.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "1",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "prt.settings",
            "DATABASE_URL": _database_url(),
            "CONN_MAX_AGE": "60",
            "SECRET_KEY": settings.SECRET_KEY,  # the session's auth hash depends on it
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    app = App(poort, client.cookies[settings.SESSION_COOKIE_NAME].value)
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                if app.get("/gezondheid")[0] == 200:
                    break
            except OSError:
                pass
            if proces.poll() is not None or time.monotonic() > einde:
                pytest.fail(f"gunicorn did not start:\n{proces.stderr.read()}")
            time.sleep(0.2)
        yield app, proces
    finally:
        proces.send_signal(signal.SIGTERM)
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()
        proces.stderr.close()


def _werkers(proces: subprocess.Popen) -> str:
    return Path(f"/proc/{proces.pid}/task/{proces.pid}/children").read_text().strip()


def test_app_answers_again_after_its_database_connection_was_killed(gunicorn):
    app, proces = gunicorn
    status, _, html = app.get("/provincies/PV23/")
    assert status == 200 and "Overijssel" in html
    werker = _werkers(proces)
    assert werker.isdigit()  # one worker
    verbonden = _andere_backends()
    assert verbonden, "the worker keeps its connection open (CONN_MAX_AGE)"

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] == len(verbonden)
    einde = time.monotonic() + 10
    while _andere_backends() & verbonden:
        assert time.monotonic() < einde, "the killed connections did not go away"
        time.sleep(0.1)

    status, _, body = app.get("/gezondheid")
    assert (status, body) == (200, '{"status": "ok", "database": "ok"}')
    status, locatie, html = app.get("/provincies/PV23/")
    assert (status, locatie) == (200, "")
    assert "Overijssel" in html
    assert _werkers(proces) == werker  # the same worker process: no restart of its own
    nieuw = _andere_backends()
    assert nieuw and not nieuw & verbonden  # it reconnected
