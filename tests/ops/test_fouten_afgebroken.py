"""A request killed halfway through a grid save or an import commit leaves no partial
figures, and no lock: the next save goes through.

The request runs in a separate OS process (Django's test client against the same
PostgreSQL test database), patched in that process only so that it stops right after
the bulk writes (the new row of the last gemeente, then the changed rows, each with
its history records), inside the save's transaction, before it commits. The
test then kills it with SIGKILL, as the OOM killer or a pulled plug would, and reads
the database from its own connection.
"""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from gemeenten.models import Gemeente, Provincie
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import OekraineTelling, Peildatum

pytestmark = pytest.mark.django_db(transaction=True)

DATUM = datetime.date(2026, 6, 1)

# Runs in the child process and hangs after the bulk writes. argv: kind ("raster" or
# "import"), marker file, peildatum, {CBS code: new GOO total}.
KIND = r"""
import io, json, os, sys, time
from pathlib import Path

import django

django.setup()
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from openpyxl import load_workbook

from realisatie.exports.sjabloon import BLAD, EERSTE_WAARDEKOLOM, KOPREGEL
from realisatie.invoer import versies
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import OekraineTelling

soort, merkteken, datum, nieuw = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
van_peildatum = OekraineTelling.objects.filter(
    peildatum__provincie__code="PV23", peildatum__datum=datum
)
bijwerken = versies.bulk_update_with_history


def bijwerken_en_blijven_hangen(objecten, *args, **kwargs):
    bijwerken(objecten, *args, **kwargs)  # the changed rows and their history records
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    Path(merkteken + ".tmp").write_text(json.dumps({
        "pid": pid,
        "in_transactie": connection.in_atomic_block,
        "gemeenten": [o.gemeente.code for o in objecten],
        "nieuw_gezien": van_peildatum.filter(goo_totaal__in=list(nieuw.values())).count(),
    }))
    os.replace(merkteken + ".tmp", merkteken)
    time.sleep(600)  # until the parent kills this process


versies.bulk_update_with_history = bijwerken_en_blijven_hangen
client = Client()
client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
if soort == "raster":
    versie_per_gemeente = dict(van_peildatum.values_list("gemeente__code", "versie"))
    gegevens = {}
    for code, waarde in nieuw.items():
        gegevens[f"{code}-goo_totaal"] = waarde
        gegevens[f"{code}-versie"] = versie_per_gemeente.get(code, "")
        gegevens[f"{code}-bevestigd"] = "on"  # figures ten times the previous ones are meant
    antwoord = client.post(f"/invoer/PV23/{datum}/oekraine/", gegevens)
else:
    sjabloon = client.get(
        f"/invoer/PV23/import/sjabloon.xlsx?onderwerp=oekraine&peildatum={datum}"
    )
    boek = load_workbook(io.BytesIO(sjabloon.content))
    blad = boek[BLAD]
    kolom = EERSTE_WAARDEKOLOM + OekraineRij.WAARDEN.index("goo_totaal")
    for rij in range(KOPREGEL + 1, blad.max_row + 1):
        blad.cell(row=rij, column=kolom, value=nieuw[blad.cell(row=rij, column=1).value])
    bestand = io.BytesIO()
    boek.save(bestand)
    voorbeeld = client.post(
        "/invoer/PV23/import/",
        {
            "onderwerp": "oekraine",
            "peildatum": datum,
            "bestand": SimpleUploadedFile("sjabloon.xlsx", bestand.getvalue()),
        },
    )
    if voorbeeld.status_code != 200:
        sys.exit(f"voorbeeld van de import: {voorbeeld.status_code}")
    antwoord = client.post("/invoer/PV23/import/vastleggen/", {"bevestigd": list(nieuw)})
sys.exit(f"the save was never interrupted: {antwoord.status_code}")
"""


def _database_url() -> str:
    instellingen = connection.settings_dict
    gebruiker = urllib.parse.quote(instellingen["USER"] or "postgres")
    wachtwoord = instellingen["PASSWORD"] or ""
    if wachtwoord:
        gebruiker += ":" + urllib.parse.quote(wachtwoord)
    host = instellingen["HOST"] or "127.0.0.1"
    return f"postgres://{gebruiker}@{host}:{instellingen['PORT'] or 5432}/{instellingen['NAME']}"


def _stand(peildatum: Peildatum) -> tuple[dict, int]:
    rijen = OekraineTelling.objects.filter(peildatum=peildatum).values_list(
        "gemeente__code", "goo_totaal", "versie", "toelichting"
    )
    historie = OekraineTelling.history.filter(peildatum_id=peildatum.pk).count()
    return {code: rest for code, *rest in rijen}, historie


def _backend(pid: int) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", [pid])
        rij = cursor.fetchone()
    return rij[0] if rij else None


def _wachten(voorwaarde, seconden: float, kind: subprocess.Popen | None = None):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if (uitkomst := voorwaarde()) is not None:
            return uitkomst
        if kind is not None and kind.poll() is not None:
            pytest.fail(f"The child process ended by itself:\n{kind.stderr.read()}")
        time.sleep(0.1)
    pytest.fail(f"Waited {seconden:.0f} s in vain.")


@pytest.mark.parametrize("soort", ["raster", "import"])
def test_killed_save_leaves_no_partial_figures_and_no_lock(demodata, soort, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Alleen op PostgreSQL (zet DATABASE_URL): een tweede proces moet de "
            "testdatabase naast deze test kunnen gebruiken."
        )
    secretaris = get_user_model().objects.get(username="secretaris-overijssel")
    overijssel = Provincie.objects.get(code="PV23")
    peildatum = services.peildatum_aanmaken(provincie=overijssel, datum=DATUM, door=secretaris)
    codes = sorted(
        Gemeente.objects.in_provincie(overijssel)
        .filter_for_date(DATUM)
        .values_list("code", flat=True)
    )
    # Figures of an earlier save: every gemeente but the last, which stays undelivered.
    eerder = services.oekraine_tellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[OekraineRij(gemeente=c, goo_totaal=100 + i) for i, c in enumerate(codes[:-1])],
    )
    assert len(codes) == 25  # Overijssel
    assert eerder.gelukt and len(eerder.opgeslagen) == 24
    voor = _stand(peildatum)
    assert voor[0][codes[0]] == [100, 1, ""] and voor[1] == 24

    nieuw = {code: 900 + i for i, code in enumerate(codes)}
    merkteken = tmp_path / "halverwege.json"
    kind = subprocess.Popen(
        [sys.executable, "-c", KIND, soort, str(merkteken), DATUM.isoformat(), json.dumps(nieuw)],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "PYTHONPATH": str(settings.BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "prt.settings",
            "DATABASE_URL": _database_url(),
            "SECRET_KEY": settings.SECRET_KEY,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver",
            "TWEE_STAP_VERPLICHT": "0",
            "LOG_LEVEL": "WARNING",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        halverwege = json.loads(
            _wachten(lambda: (merkteken.exists() and merkteken.read_text()) or None, 60, kind)
        )
        # Inside its transaction the child has written all 25 rows (24 changed, 1 new);
        # nobody else sees them.
        assert halverwege["in_transactie"] is True
        assert halverwege["nieuw_gezien"] == 25
        assert sorted(halverwege["gemeenten"]) == codes[:-1]
        assert _backend(halverwege["pid"]) == "idle in transaction"
        assert _stand(peildatum) == voor
    finally:
        kind.send_signal(signal.SIGKILL)
        kind.wait(timeout=10)
        kind.stderr.close()
    assert kind.returncode == -signal.SIGKILL

    # PostgreSQL notices the dead client, rolls its transaction back and frees its locks.
    _wachten(lambda: True if _backend(halverwege["pid"]) is None else None, 30)
    assert _stand(peildatum) == voor
    assert not OekraineTelling.objects.filter(peildatum=peildatum, gemeente__code=codes[-1])

    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '5s'")  # a lock left behind fails, not hangs
    try:
        daarna = services.oekraine_tellingen_opslaan(
            peildatum=peildatum,
            door=secretaris,
            rijen=[
                OekraineRij(
                    gemeente=c, goo_totaal=nieuw[c], versie=voor[0][c][1] if c in voor[0] else None
                )
                for c in codes
            ],
            bevestigd=True,
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    assert daarna.gelukt and len(daarna.opgeslagen) == 25
    figuren, historie = _stand(peildatum)
    assert figuren[codes[0]] == [900, 2, ""]
    assert figuren[codes[-1]] == [924, 1, ""]
    assert historie == 24 + 25
