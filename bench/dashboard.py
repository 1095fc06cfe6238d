"""Benchmark of the province dashboard on a national-scale dataset (a script, not a test).

Builds, once, in its own PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/prt_dashboard_bench): 12 provinces with ~342
gemeenten in subregio's and veiligheidsregio's, 36 monthly peildata, ~1.000 locations
with ~2.000 capacity periods, taakstellingen for 6 half years and monthly statushouders
and Oekraïne figures. Then requests the dashboard of every province N times through
Django's test client and prints p50/p95, the query count and peak memory, and the same
for a trivial view (the login page).

    make bench-dashboard                      # N=10 rounds over the 12 provinces
    BENCH_RONDES=30 .venv/bin/python bench/dashboard.py
"""

from __future__ import annotations

import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import psycopg

BASE = Path(__file__).resolve().parent.parent
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/prt_dashboard_bench")
RONDES = int(os.environ.get("BENCH_RONDES", "10"))
GEMEENTEN_PER_PROVINCIE = 28  # 12 x 28 = 336, plus what the reference data has: ~342
MAANDEN = 36
HALFJAREN = ("2023-I", "2023-II", "2024-I", "2024-II", "2025-I", "2025-II")


def database_aanmaken() -> None:
    naam = URL.rsplit("/", 1)[1]
    beheer = URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        bestaat = verbinding.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [naam]
        ).fetchone()
        if not bestaat:
            verbinding.execute(f'CREATE DATABASE "{naam}"')


def django_starten() -> None:
    sys.path.insert(0, str(BASE))
    os.environ["DATABASE_URL"] = URL
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["TWEE_STAP_VERPLICHT"] = "0"  # the bench user logs in without a second factor
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prt.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def dataset_bouwen() -> None:
    from django.db import transaction

    from gemeenten.models import Gemeente, Provincie, Subregio
    from gemeenten.services import referentiedata_laden
    from realisatie.models import Peildatum

    if Peildatum.objects.count() >= 12 * MAANDEN:
        print("Dataset bestaat al; opnieuw bouwen: verwijder de database.")
        return
    referentiedata_laden(map=BASE / "fixtures" / "referentie")
    start = time.perf_counter()
    with transaction.atomic():
        volgnummer = 9000
        for provincie in Provincie.objects.prefetch_related("veiligheidsregios"):
            regios = list(provincie.veiligheidsregios.all())
            aanwezig = Gemeente.objects.filter(provincie=provincie).count()
            for i in range(max(0, GEMEENTEN_PER_PROVINCIE - aanwezig)):
                regio = regios[i % len(regios)] if regios else None
                subregio, _ = Subregio.objects.get_or_create(
                    code=f"bench-{provincie.code.lower()}-{i % 3}",
                    defaults={
                        "naam": f"Bench {provincie.naam} {i % 3}",
                        "provincie": provincie,
                        "veiligheidsregio": regio,
                    },
                )
                Gemeente.objects.create(
                    code=f"GM{volgnummer}",
                    naam=f"Benchgemeente {volgnummer}",
                    provincie=provincie,
                    veiligheidsregio=regio,
                    subregio=subregio,
                )
                volgnummer += 1
        _cijfers()
    print(f"Dataset gebouwd in {time.perf_counter() - start:.0f} s.")


def _cijfers() -> None:
    from gemeenten.models import Gemeente, Provincie
    from opgaven.halfjaar import Halfjaar
    from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling
    from realisatie.models import (
        Capaciteitsperiode,
        Huisvesting,
        OekraineTelling,
        Opvanglocatie,
        Peildatum,
    )

    asiel = Opgavebesluit.objects.create(
        soort=Opgavesoort.ASIEL, naam="Bench asiel", bron="bench",
        streefdatum=datetime.date(2025, 1, 1),
    )  # fmt: skip
    oekraine = Opgavebesluit.objects.create(
        soort=Opgavesoort.OEKRAINE, naam="Bench Oekraïne", bron="bench",
        streefdatum=datetime.date(2024, 2, 1),
    )  # fmt: skip
    taak = {
        h: Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam=f"Bench {h}", bron="bench", halfjaar=h
        )
        for h in HALFJAREN
    }
    maanden = [datetime.date(2023 + m // 12, m % 12 + 1, 1) for m in range(MAANDEN)]
    gemeenten = list(Gemeente.objects.all())
    Opgave.objects.bulk_create(
        [Opgave(gemeente=g, besluit=asiel, aantal=200 + g.pk % 300) for g in gemeenten]
        + [Opgave(gemeente=g, besluit=oekraine, aantal=150 + g.pk % 200) for g in gemeenten]
    )
    Taakstelling.objects.bulk_create(
        Taakstelling(gemeente=g, besluit=b, aantal=40 + g.pk % 60, stand_begin=g.pk % 21 - 10)
        for g in gemeenten
        for b in taak.values()
    )
    peildata = {}
    for provincie in Provincie.objects.all():
        for maand in maanden:
            peildata[(provincie.pk, maand)] = Peildatum(provincie=provincie, datum=maand)
    Peildatum.objects.bulk_create(peildata.values())
    OekraineTelling.objects.bulk_create(
        OekraineTelling(
            gemeente=g,
            peildatum=peildata[(g.provincie_id, maand)],
            goo_totaal=150 + g.pk % 200,
            goo_bezet=100 + g.pk % 100,
        )
        for g in gemeenten
        for maand in maanden
    )
    Huisvesting.objects.bulk_create(
        Huisvesting(
            gemeente=g,
            van=maand,
            tot_en_met=Halfjaar.voor_datum(maand).einde
            if maand.month in (6, 12)
            else datetime.date(maand.year, maand.month + 1, 1) - datetime.timedelta(days=1),
            gehuisvest=5 + (g.pk + maand.month) % 9,
        )
        for g in gemeenten
        for maand in maanden
    )
    locaties = Opvanglocatie.objects.bulk_create(
        Opvanglocatie(gemeente=g, naam=f"Locatie {i}", soort=soort, beheerder="coa")
        for g in gemeenten
        for i, soort in enumerate(("RO", "NO", "TGO"))
    )
    Capaciteitsperiode.objects.bulk_create(
        Capaciteitsperiode(
            locatie=locatie,
            plaatsen=50 + locatie.pk % 150,
            van=datetime.date(2023, 1, 1) if deel == 0 else datetime.date(2025, 7, 1),
            tot_en_met=datetime.date(2025, 6, 30) if deel == 0 else None,
            status=("gerealiseerd", "gepland", "voorgenomen")[(locatie.pk + deel) % 3],
        )
        for locatie in locaties
        for deel in range(2)
    )


def meten() -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from gemeenten.models import Gemeente, Provincie
    from realisatie.models import Capaciteitsperiode, Opvanglocatie

    gebruiker, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(gebruiker)
    provincies = list(Provincie.objects.order_by("code"))
    print(
        f"Dataset: {len(provincies)} provincies, {Gemeente.objects.count()} gemeenten, "
        f"{Opvanglocatie.objects.count()} locaties, "
        f"{Capaciteitsperiode.objects.count()} capaciteitsperioden."
    )
    dashboard = [reverse("provincie", args=[p.code]) for p in provincies]
    meting = CaptureQueriesContext
    _rapport("dashboard (/provincies/<code>/)", client, dashboard, connection, meting)
    login = [reverse("login")] * len(dashboard)
    _rapport("triviaal (/accounts/login/)", Client(), login, connection, meting)


def _rapport(naam, client, urls, connection, capture) -> None:
    for url in urls:  # warm up: template and translation caches
        antwoord = client.get(url)
        if antwoord.status_code != 200:
            sys.exit(f"{url}: status {antwoord.status_code}\n{antwoord.content[:2000]!r}")
    tijden = []
    for _ronde in range(RONDES):
        for url in urls:
            begin = time.perf_counter()
            status = client.get(url).status_code
            tijden.append((time.perf_counter() - begin) * 1000)
            if status != 200:
                sys.exit(f"{url}: status {status}")
    connection.queries_log.clear()  # a full log (maxlen 9000) would hide new queries
    with capture(connection) as queries:
        status = client.get(urls[-1]).status_code
    aantal_queries = len(queries.captured_queries)  # before the next request resets the log
    tracemalloc.start()
    status = client.get(urls[-1]).status_code
    if status != 200:
        sys.exit(f"{urls[-1]}: status {status}")
    _huidig, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    kwantielen = statistics.quantiles(tijden, n=100)
    print(
        f"{naam}: {len(tijden)} requests, p50 {statistics.median(tijden):.1f} ms, "
        f"p95 {kwantielen[94]:.1f} ms, {aantal_queries} queries, "
        f"piekgeheugen {piek / 1024 / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    database_aanmaken()
    django_starten()
    dataset_bouwen()
    meten()
