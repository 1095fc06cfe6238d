"""Nothing lost: a JSON export of all figures and a pg_dump backup both restore to
identical figures."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
import uuid

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from gemeenten.models import Provincie
from realisatie.overzicht import provincie_overzicht

FIGUUR_APPS = ("gemeenten", "opgaven", "realisatie", "toegang")
PEIL = datetime.date(2026, 11, 22)


def _figuren() -> dict:
    """Every province's overview as plain values: what a member would read."""
    uitkomst = {}
    for provincie in Provincie.objects.order_by("code"):
        overzicht = provincie_overzicht(provincie, PEIL)
        for blok in overzicht.blokken:
            for regel in blok.regels:
                uitkomst[(provincie.code, blok.soort, regel.knoop.code)] = {
                    k: (v.waarde, v.bron) for k, v in regel.waarden.items()
                }
    return uitkomst


def _tellingen() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in FIGUUR_APPS
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db(transaction=True)
def test_json_export_restores_identical_figures(demodata):
    voor, aantallen = _figuren(), _tellingen()
    assert voor[("PV23", "asiel", "PV23")]["opgave"] == (6325, "gemeenten")

    export = io.StringIO()
    call_command("dumpdata", *FIGUUR_APPS, "auth.user", format="json", stdout=export)
    call_command("flush", interactive=False, verbosity=0)
    assert Provincie.objects.count() == 0

    pad = f"/tmp/prt-export-{uuid.uuid4().hex}.json"
    with open(pad, "w", encoding="utf-8") as bestand:
        bestand.write(export.getvalue())
    try:
        call_command("loaddata", pad, verbosity=0)
    finally:
        os.remove(pad)

    assert _tellingen() == aantallen
    assert _figuren() == voor


@pytest.mark.django_db(transaction=True)
def test_pg_dump_restores_identical_tables(demodata):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump-test draait alleen op PostgreSQL (zet DATABASE_URL).")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore niet gevonden.")
    instellingen = connection.settings_dict
    basis = ["-h", instellingen["HOST"] or "127.0.0.1", "-p", str(instellingen["PORT"] or 5432)]
    basis += ["-U", instellingen["USER"] or "postgres"]
    omgeving = {**os.environ, "PGPASSWORD": instellingen["PASSWORD"] or ""}
    bron, kopie = instellingen["NAME"], f"{instellingen['NAME']}_herstel"
    dump = f"/tmp/prt-{uuid.uuid4().hex}.dump"

    def psql(database: str, sql: str) -> str:
        return subprocess.run(
            ["psql", *basis, "-d", database, "-tAc", sql],
            check=True,
            capture_output=True,
            text=True,
            env=omgeving,
        ).stdout.strip()

    tabellen = [
        model._meta.db_table
        for app in FIGUUR_APPS
        for model in apps.get_app_config(app).get_models()
    ]
    controle = " UNION ALL ".join(
        f"SELECT '{t}', md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM {t} r"
        for t in tabellen
    )
    subprocess.run(["pg_dump", *basis, "-Fc", "-f", dump, bron], check=True, env=omgeving)
    try:
        psql("postgres", f'DROP DATABASE IF EXISTS "{kopie}"')
        psql("postgres", f'CREATE DATABASE "{kopie}"')
        subprocess.run(
            ["pg_restore", *basis, "--no-owner", "-d", kopie, dump], check=True, env=omgeving
        )
        assert psql(kopie, controle) == psql(bron, controle)
        assert psql(kopie, "SELECT count(*) FROM opgaven_opgave") != "0"
    finally:
        psql("postgres", f'DROP DATABASE IF EXISTS "{kopie}"')
        os.remove(dump)
