"""Scripted check (`make db-herstart`; not a test): after PostgreSQL restarts, the app
answers again without a restart of its own.

Starts gunicorn (production settings, persistent connections: CONN_MAX_AGE=60 with
health checks) on the load-test database, logs in a member and opens the dashboard, then
restarts the local PostgreSQL cluster (`pg_ctlcluster ... main restart`) while a poller
asks /gezondheid every 50 ms. Passes when /gezondheid went 503 during the restart and
200 after it, the dashboard answers 200 in the same session, and gunicorn still runs
with the same worker processes.

THIS RESTARTS THE WHOLE POSTGRESQL SERVER, for every database on it. A dry run
(DROOG=1) instead ends only this database's connections (pg_terminate_backend), which
exercises the same reconnect path without touching anyone else:

    make db-herstart DROOG=1
    make db-herstart              # the real restart
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
from omgeving import (
    URL,
    Browser,
    database_naam,
    database_voorbereiden,
    gunicorn,
    productie_omgeving,
)

DROOG = os.environ.get("DROOG", "").strip().lower() in {"1", "ja", "true", "yes"}
WACHTWOORD = "demo-prt-2024"
DASHBOARD = "/provincies/PV23/"
MAX_HERSTEL_S = 60


class Peiler(threading.Thread):
    """Asks /gezondheid every 50 ms and keeps what it got (status or error name)."""

    def __init__(self, basis: str):
        super().__init__(daemon=True)
        self.browser = Browser(basis)
        self.uitkomsten: list[tuple[float, str]] = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                uitkomst = str(self.browser.status("/gezondheid", timeout=10))
            except OSError as fout:
                uitkomst = type(fout).__name__
            self.uitkomsten.append((time.monotonic(), uitkomst))
            time.sleep(0.05)


def herstarten() -> str:
    if DROOG:
        with psycopg.connect(URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as verbinding:
            beeindigd = verbinding.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [database_naam()],
            ).fetchone()[0]
        return f"droog: {beeindigd} verbindingen met {database_naam()} beëindigd"
    versies = sorted(os.listdir("/etc/postgresql"))
    if len(versies) != 1 or not Path(f"/etc/postgresql/{versies[0]}/main").is_dir():
        raise SystemExit(f"Geen eenduidig PostgreSQL-cluster in /etc/postgresql: {versies}")
    opdracht = ["pg_ctlcluster", "--skip-systemctl-redirect", versies[0], "main", "restart"]
    subprocess.run(opdracht, check=True)
    return " ".join(opdracht)


def main() -> int:
    omgeving = productie_omgeving()
    print(f"Database {database_naam()} voorbereiden ...")
    database_voorbereiden(omgeving)
    fouten: list[str] = []
    with gunicorn(omgeving, werkers=2) as server:
        werkers = server.werkers()
        lid = Browser(server.basis)
        lid.inloggen("lid", WACHTWOORD)
        for _ in range(4):  # every worker now holds a persistent connection
            if lid.status(DASHBOARD) != 200 or lid.status("/gezondheid") != 200:
                raise SystemExit("Het dashboard of /gezondheid antwoordt niet vóór de herstart.")

        peiler = Peiler(server.basis)
        peiler.start()
        time.sleep(0.5)
        begin = time.monotonic()
        wat = herstarten()
        klaar = begin + MAX_HERSTEL_S
        hersteld = None
        while hersteld is None and time.monotonic() < klaar:
            time.sleep(0.1)
            t, uitkomst = peiler.uitkomsten[-1]
            hersteld = t if t > begin and uitkomst == "200" else None
        time.sleep(0.5)
        peiler.stop.set()
        peiler.join()

        na = [lid.ophalen(DASHBOARD) for _ in range(4)]
        tijdens = Counter(u for t, u in peiler.uitkomsten if t > begin)
        if hersteld is None:
            fouten.append(f"/gezondheid niet binnen {MAX_HERSTEL_S} s weer 200")
        if set(tijdens) - {"200", "503"}:
            fouten.append(f"/gezondheid gaf iets anders dan 200/503: {dict(tijdens)}")
        if not DROOG and "503" not in tijdens:
            fouten.append("geen 503 gezien: de herstart is niet waargenomen")
        for status, url, _ in na:
            if status != 200 or "/accounts/login/" in url:
                fouten.append(f"dashboard na de herstart: {status} ({url})")
        werkers_na = server.werkers()
        if server.proces.poll() is not None:
            fouten.append("gunicorn is gestopt")
        elif werkers_na != werkers:
            fouten.append(f"gunicorn-workers vervangen: {werkers} -> {werkers_na}")

    print(f"\nHerstart: {wat}")
    print(f"/gezondheid tijdens en na de herstart: {dict(sorted(tijdens.items()))}")
    if hersteld is not None:
        print(f"Weer gezond na {hersteld - begin:.1f} s.")
    print(f"Dashboard daarna (zelfde sessie, 4 keer): {[s for s, _, _ in na]}")
    print(f"gunicorn-workers voor en na: {werkers} / {werkers_na}")
    if fouten:
        print("\nFOUT:\n- " + "\n- ".join(fouten))
        return 1
    print("\nDe app antwoordt weer zonder eigen herstart.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
