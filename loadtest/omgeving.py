"""What `make load` and `make db-herstart` share: their own PostgreSQL database, the
production-like environment, and a gunicorn on 127.0.0.1 that is always stopped again.

Nothing here is a test; the scripts print what they measured and exit non-zero on an
error.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

BASE = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/prt_last")
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))


def database_naam() -> str:
    return urllib.parse.urlsplit(URL).path.lstrip("/")


def database_aanmaken() -> None:
    """Create the load-test database if it does not exist (never another one)."""
    naam = database_naam()
    beheer = URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        bestaat = verbinding.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam])
        if not bestaat.fetchone():
            verbinding.execute(f'CREATE DATABASE "{naam}"')


def productie_omgeving() -> dict[str, str]:
    """Environment of a production deployment behind a TLS proxy, on plain HTTP here:
    DEBUG off, a fresh secret key, only 127.0.0.1 as host, persistent connections with
    health checks. PRT_HTTPS=0 turns off the HTTPS redirect and secure cookies (the
    proxy terminates TLS); the two-step login stays on."""
    omgeving = {
        k: v for k, v in os.environ.items() if k not in {"TWEE_STAP_VERPLICHT", "AXES_ENABLED"}
    }
    omgeving.update(
        DATABASE_URL=URL,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        PRT_HTTPS="0",
        CONN_MAX_AGE=os.environ.get("CONN_MAX_AGE", "60"),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="prt.settings",
        PYTHONUNBUFFERED="1",
    )
    return omgeving


def beheren(omgeving: dict[str, str], *argumenten: str) -> None:
    """Run a management command; its output is shown only when it fails."""
    uitkomst = subprocess.run(
        [PY, "manage.py", *argumenten], cwd=BASE, env=omgeving, capture_output=True, text=True
    )
    if uitkomst.returncode != 0:
        sys.stderr.write(uitkomst.stdout + uitkomst.stderr)
        raise SystemExit(f"manage.py {' '.join(argumenten)} mislukt ({uitkomst.returncode}).")


def database_voorbereiden(omgeving: dict[str, str]) -> None:
    database_aanmaken()
    beheren(omgeving, "migrate", "--no-input", "-v", "0")
    beheren(omgeving, "createcachetable")
    beheren(omgeving, "laad_referentiedata")
    beheren(omgeving, "laad_demodata")  # also resets the demo backup codes
    beheren(omgeving, "axes_reset")  # a lockout left by an earlier, failed run
    beheren(omgeving, "collectstatic", "--no-input", "-v", "0")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    basis: str
    proces: subprocess.Popen
    log: Path

    def werkers(self) -> list[int]:
        """The pids of the gunicorn workers (children of the master)."""
        kinderen = Path(f"/proc/{self.proces.pid}/task/{self.proces.pid}/children")
        return sorted(int(p) for p in kinderen.read_text().split()) if kinderen.exists() else []

    def logtekst(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def gunicorn(omgeving: dict[str, str], *, werkers: int = WORKERS) -> Iterator[Server]:
    """gunicorn on a free port of 127.0.0.1; stopped (TERM, then KILL) on leaving,
    also when the block fails."""
    poort = vrije_poort()
    logmap = Path(tempfile.mkdtemp(prefix="prt-last-"))
    log = logmap / "gunicorn.log"
    with log.open("w") as uit:
        proces = subprocess.Popen(
            [
                GUNICORN,
                "prt.wsgi:application",
                "--bind",
                f"127.0.0.1:{poort}",
                "--workers",
                str(werkers),
                "--timeout",
                "120",
                "--graceful-timeout",
                "10",
            ],
            cwd=BASE,
            env=omgeving,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{poort}", proces, log)
    try:
        _wachten_op(server)
        yield server
    finally:
        if proces.poll() is None:
            proces.send_signal(signal.SIGTERM)
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


def _wachten_op(server: Server, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if server.proces.poll() is not None:
            sys.stderr.write(server.logtekst())
            raise SystemExit("gunicorn stopte bij het starten (zie de log hierboven).")
        with contextlib.suppress(OSError):
            if Browser(server.basis).status("/gezondheid") == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"gunicorn antwoordde niet binnen {seconden:.0f} s op /gezondheid.")


class _OokOverHttp(http.cookiejar.DefaultCookiePolicy):
    """Send cookies marked Secure over plain HTTP too: we talk to 127.0.0.1 directly,
    where a deployment's TLS proxy would sit (harmless once PRT_HTTPS=0 is honoured)."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    """A tiny stdlib HTTP client with cookies and the login forms (for db-herstart)."""

    def __init__(self, basis: str):
        self.basis = basis
        self.koekjes = http.cookiejar.CookieJar(policy=_OokOverHttp())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.koekjes))

    def ophalen(self, pad: str, data: dict | None = None, timeout: float = 30):
        verzoek = urllib.request.Request(
            self.basis + pad,
            data=urllib.parse.urlencode(data).encode() if data is not None else None,
            headers={"Referer": self.basis + pad},
        )
        try:
            with self.opener.open(verzoek, timeout=timeout) as antwoord:
                return antwoord.status, antwoord.geturl(), antwoord.read().decode(errors="replace")
        except urllib.error.HTTPError as fout:
            return fout.code, fout.geturl(), fout.read().decode(errors="replace")

    def status(self, pad: str, timeout: float = 30) -> int:
        return self.ophalen(pad, timeout=timeout)[0]

    def inloggen(self, gebruikersnaam: str, wachtwoord: str) -> None:
        _, _, html = self.ophalen("/accounts/login/")
        status, url, _ = self.ophalen(
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": csrf_token(html),
                "username": gebruikersnaam,
                "password": wachtwoord,
            },
        )
        if status != 200 or url.split("?")[0].endswith("/accounts/login/"):
            raise SystemExit(f"Inloggen als {gebruikersnaam} mislukt ({status}, {url}).")


def csrf_token(html: str) -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not gevonden:
        raise ValueError("geen CSRF-token in het formulier")
    return gevonden.group(1)


def django_starten(omgeving: dict[str, str]) -> None:
    """Django in this process (for reading and checking the database directly)."""
    os.environ.update(omgeving)
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
