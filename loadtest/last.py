"""Load test (`make load`; a script, not a test).

Prepares its own PostgreSQL database (LOAD_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/prt_last: migrate, createcachetable, reference and
demo data), starts gunicorn on 127.0.0.1 with production settings, and runs locust
headless (`loadtest/locustfile.py`): 50 regietafel members for LOAD_DUUR (60) seconds on the
dashboards, gemeente pages and Excel bijlagen, while one secretary saves the Overijssel
Oekraïne grid again and again on a new peildatum of this run.

Afterwards it checks the database against the secretary's log of confirmed saves:
one row per gemeente, each with the value of the last save and a version per save, and
exactly one history record per save with that save's value. It prints the p95 per page
group and exits non-zero on any failed request or mismatch. gunicorn is always stopped.

    make load
    LOAD_DUUR=20 LOAD_WORKERS=2 LOAD_DENKTIJD=2,8 .venv/bin/python loadtest/last.py

A member waits LOAD_DENKTIJD seconds (default 1,3) between two pages.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from omgeving import (
    BASE,
    WORKERS,
    database_naam,
    database_voorbereiden,
    django_starten,
    gunicorn,
    productie_omgeving,
)

LEDEN = 50
DUUR = int(os.environ.get("LOAD_DUUR", "60"))  # seconds of load after everyone logged in
LOCUST = str(Path(sys.executable).with_name("locust"))
BASIS_WAARDE = 1000  # as in locustfile.py: save n sets GOO total to 1000 + n


def main() -> int:
    omgeving = productie_omgeving()
    print(f"Database {database_naam()} voorbereiden (migrate, referentie- en demodata) ...")
    database_voorbereiden(omgeving)
    django_starten(omgeving)
    peildatum = _nieuwe_peildatum()
    werkmap = Path(tempfile.mkdtemp(prefix="prt-load-"))
    opslaglog = werkmap / "opslag.jsonl"
    fouten: list[str] = []

    with gunicorn(omgeving) as server:
        werkers = server.werkers()
        print(
            f"gunicorn op {server.basis} ({len(werkers)} workers); locust: {LEDEN} leden "
            f"(denktijd {os.environ.get('LOAD_DENKTIJD', '1,3')} s) + 1 secretaris, "
            f"{DUUR} s na het inloggen, peildatum {peildatum:%-d-%-m-%Y} ..."
        )
        locust = subprocess.run(
            [
                LOCUST,
                "-f",
                str(BASE / "loadtest" / "locustfile.py"),
                "--headless",
                "--users",
                str(LEDEN + 1),
                "--spawn-rate",
                str(LEDEN + 1),
                "--run-time",
                f"{DUUR + 600}s",  # a safety net: the locustfile stops DUUR s after the logins
                "--stop-timeout",
                "60",
                "--host",
                server.basis,
                "--csv",
                str(werkmap / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=BASE,
            env={
                **omgeving,
                "LOAD_DUUR_S": str(DUUR),
                "LOAD_PEILDATUM": peildatum.isoformat(),
                "LOAD_TWEE_STAP_CODE": _ongebruikte_code("secretaris-overijssel"),
                "LOAD_OPSLAGLOG": str(opslaglog),
            },
            capture_output=True,
            text=True,
        )
        if locust.returncode != 0:
            fouten.append(f"locust eindigde met code {locust.returncode}")
        if server.proces.poll() is not None:
            fouten.append("gunicorn is tijdens de test gestopt")
        elif server.werkers() != werkers:
            fouten.append(
                f"gunicorn-workers vervangen tijdens de test ({werkers} -> {server.werkers()}); "
                "zie de log"
            )
        serverlog = server.logtekst()

    groepen = _statistiek(werkmap / "locust_stats.csv")
    fouten += _mislukte_verzoeken(werkmap / "locust_failures.csv")
    opslagen, controle = _controleer_database(peildatum, opslaglog)
    fouten += controle
    geteld = sum(int(g["Request Count"]) for g in groepen if g["Name"] == "invoer opslaan")
    if geteld != opslagen:
        fouten.append(f"locust telde {geteld} opslagen, de secretaris deed er {opslagen}")

    _afdrukken(groepen, opslagen, peildatum)
    if fouten:
        if "Traceback" in serverlog or "WORKER TIMEOUT" in serverlog:
            print("\ngunicorn-log (staart):\n" + serverlog[-4000:])
        if locust.returncode != 0:
            print("\nlocust (staart):\n" + (locust.stdout + locust.stderr)[-4000:])
        print("\nFOUT:\n- " + "\n- ".join(fouten))
        return 1
    print("\nGeen mislukte verzoeken; elk opgeslagen cijfer staat precies één keer in de database.")
    return 0


def _nieuwe_peildatum() -> datetime.date:
    """A peildatum of Overijssel that no earlier run used: the day after the last one."""
    from realisatie.models import Peildatum

    laatste = Peildatum.objects.filter(provincie__code="PV23").order_by("-datum").first().datum
    return max(laatste, datetime.date(2025, 12, 31)) + datetime.timedelta(days=1)


def _ongebruikte_code(gebruikersnaam: str) -> str:
    from django_otp.plugins.otp_static.models import StaticToken

    code = (
        StaticToken.objects.filter(device__user__username=gebruikersnaam)
        .values_list("token", flat=True)
        .first()
    )
    if code is None:
        raise SystemExit(f"{gebruikersnaam} heeft geen reservecode meer (laad_demodata).")
    return code


def _statistiek(pad: Path) -> list[dict[str, str]]:
    if not pad.exists():
        return []
    with pad.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _mislukte_verzoeken(pad: Path) -> list[str]:
    if not pad.exists():
        return ["locust schreef geen foutenlijst"]
    with pad.open(encoding="utf-8") as f:
        return [
            f"{r['Occurrences']} x {r['Method']} {r['Name']}: {r['Error']}"
            for r in csv.DictReader(f)
        ]


def _controleer_database(peildatum: datetime.date, opslaglog: Path) -> tuple[int, list[str]]:
    """Compare the database with the secretary's log; returns (confirmed saves, errors)."""
    from realisatie.models import OekraineTelling, Peildatum

    tekst = opslaglog.read_text() if opslaglog.exists() else ""
    regels = [json.loads(r) for r in tekst.splitlines()]
    pogingen = {r["poging"]: r for r in regels if "poging" in r}
    bevestigd = [r["bevestigd"] for r in regels if "bevestigd" in r]
    fouten = []
    if not bevestigd:
        return 0, ["de secretaris heeft niets opgeslagen"]
    if bevestigd != list(range(1, len(bevestigd) + 1)) or set(pogingen) != set(bevestigd):
        onbevestigd = sorted(set(pogingen) - set(bevestigd))
        fouten.append(f"opslagen zonder bevestiging van de server: {onbevestigd}")
    laatste = bevestigd[-1]
    codes = set(pogingen[laatste]["gemeenten"])
    if len(codes) < 2:
        fouten.append(f"het invoerraster had {len(codes)} gemeenten; verwacht alle van Overijssel")

    peil = Peildatum.objects.get(provincie__code="PV23", datum=peildatum)
    rijen = list(OekraineTelling.objects.filter(peildatum=peil).select_related("gemeente"))
    per_gemeente = Counter(r.gemeente.code for r in rijen)
    if dubbel := {c: n for c, n in per_gemeente.items() if n > 1}:
        fouten.append(f"dubbele rijen: {dubbel}")
    if set(per_gemeente) != codes:
        fouten.append(f"rijen voor {sorted(set(per_gemeente) ^ codes)} kloppen niet met het raster")
    for rij in rijen:
        verwacht = (BASIS_WAARDE + laatste, laatste, f"belastingtest opslag {laatste}")
        if (rij.goo_totaal, rij.versie, rij.toelichting) != verwacht:
            fouten.append(
                f"{rij.gemeente.code}: (waarde, versie, toelichting) = "
                f"{(rij.goo_totaal, rij.versie, rij.toelichting)}, verwacht {verwacht}"
            )

    historie: dict[str, list[int]] = defaultdict(list)
    for code, waarde in OekraineTelling.history.filter(peildatum_id=peil.pk).values_list(
        "gemeente__code", "goo_totaal"
    ):
        historie[code].append(waarde)
    verwacht_historie = [BASIS_WAARDE + n for n in range(1, laatste + 1)]
    for code in sorted(codes):
        if sorted(historie.get(code, [])) != verwacht_historie:
            fouten.append(
                f"historie {code}: {len(historie.get(code, []))} records, "
                f"verwacht precies één per opslag ({laatste})"
            )
    return laatste, fouten


def _ms(waarde: str) -> str:
    return f"{float(waarde):,.0f}".replace(",", ".") if waarde not in ("", "N/A") else "-"


def _afdrukken(groepen: list[dict[str, str]], opslagen: int, peildatum: datetime.date) -> None:
    kop = f"{'Paginagroep':<40} {'verzoeken':>9} {'mislukt':>7}" + "".join(
        f" {k:>7}" for k in ("p50 ms", "p95 ms", "max ms")
    )
    print("\n" + kop + "\n" + "-" * len(kop))
    for groep in groepen:
        naam = (
            "Totaal (met inloggen)"
            if groep["Name"] == "Aggregated"
            else f"{groep['Type']} {groep['Name']}"
        )
        print(
            f"{naam:<40} {groep['Request Count']:>9} {groep['Failure Count']:>7} "
            f"{_ms(groep['50%']):>7} {_ms(groep['95%']):>7} {_ms(groep['Max Response Time']):>7}"
        )
    belasting = sum(
        int(g["Request Count"])
        for g in groepen
        if g["Name"] != "Aggregated" and not g["Name"].startswith("inloggen")
    )
    print(
        "\nInloggen (PBKDF2, alle 51 tegelijk) en de peildatum aanmaken gaan vooraf; de "
        f"overige groepen zijn de {DUUR} s daarna."
    )
    print(
        f"Doorvoer na het inloggen: {belasting / DUUR:.1f} verzoeken/s "
        f"({belasting} in {DUUR} s) met {WORKERS} gunicorn-workers."
    )
    print(
        f"Secretaris: {opslagen} keer het Oekraïne-raster van Overijssel opgeslagen "
        f"(peildatum {peildatum:%-d-%-m-%Y})."
    )


if __name__ == "__main__":
    sys.exit(main())
