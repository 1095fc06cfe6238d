"""The national-scale dataset of `make bench`, built once in its own PostgreSQL database.

12 provinces with 342 gemeenten (the real counts per province, the largest capped at
Gelderland's 51, the size the grid-save target is about) in subregio's and
veiligheidsregio's, 36 monthly peildata per province (all but the last three
vastgesteld), ~1.000 locations with ~2.000 capacity periods, taakstellingen for 6 half
years, monthly statushouders and Oekraïne figures.

Building is idempotent: it runs in one transaction and is skipped when the dataset is
there (a `bench` opgavebesluit marks it). To rebuild, drop the database.
"""

from __future__ import annotations

import datetime
import os
import sys
import time
from pathlib import Path

import psycopg

BASE = Path(__file__).resolve().parent.parent
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/prt_bench")
MAANDEN = 36
OPEN_MAANDEN = 3  # the last three peildata are still being entered
HALFJAREN = ("2023-I", "2023-II", "2024-I", "2024-II", "2025-I", "2025-II")
GROOTSTE = "PV25"  # Gelderland, 51 gemeenten
# Gemeenten per province: the real counts (2024), Noord-Brabant capped at 50 and
# Noord-Holland raised to 50 so that Gelderland is the largest and the total is 342.
GEMEENTEN = {
    "PV20": 10,
    "PV21": 18,
    "PV22": 12,
    "PV23": 25,
    "PV24": 6,
    "PV25": 51,
    "PV26": 26,
    "PV27": 50,
    "PV28": 50,
    "PV29": 13,
    "PV30": 50,
    "PV31": 31,
}
MERKTEKEN = "bench"  # `bron` of the dataset's opgavebesluiten


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
    # Production settings otherwise, but the test client speaks plain HTTP (no TLS proxy)
    # and static files come from the source folders (no collectstatic needed).
    os.environ["PRT_HTTPS"] = "0"
    os.environ["PRT_STATIC_MANIFEST"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prt.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", verbosity=0)


def dataset_bouwen() -> None:
    from django.db import connection, transaction

    from gemeenten.models import Gemeente, Provincie, Subregio
    from gemeenten.services import referentiedata_laden
    from opgaven.models import Opgavebesluit

    if Opgavebesluit.objects.filter(bron=MERKTEKEN).exists():
        print("Dataset bestaat al (opnieuw bouwen: verwijder de database).")
        return
    start = time.perf_counter()
    with transaction.atomic():
        referentiedata_laden(map=BASE / "fixtures" / "referentie")
        volgnummer = 9000
        for provincie in Provincie.objects.prefetch_related("veiligheidsregios"):
            regios = list(provincie.veiligheidsregios.all())
            aanwezig = Gemeente.objects.filter(provincie=provincie).count()
            for i in range(max(0, GEMEENTEN[provincie.code] - aanwezig)):
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
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a database in use has them
    print(f"Dataset gebouwd in {time.perf_counter() - start:.0f} s.")


def _cijfers() -> None:
    from django.utils import timezone

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
        soort=Opgavesoort.ASIEL, naam="Bench asiel", bron=MERKTEKEN,
        streefdatum=datetime.date(2025, 1, 1),
    )  # fmt: skip
    oekraine = Opgavebesluit.objects.create(
        soort=Opgavesoort.OEKRAINE, naam="Bench Oekraïne", bron=MERKTEKEN,
        streefdatum=datetime.date(2024, 2, 1),
    )  # fmt: skip
    taak = {
        h: Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam=f"Bench {h}", bron=MERKTEKEN, halfjaar=h
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
    vastgesteld = timezone.now()
    for provincie in Provincie.objects.all():
        for i, maand in enumerate(maanden):
            peildata[(provincie.pk, maand)] = Peildatum(
                provincie=provincie,
                datum=maand,
                vastgesteld_op=vastgesteld if i < MAANDEN - OPEN_MAANDEN else None,
            )
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
        Opvanglocatie(gemeente=g, naam=f"Locatie {i}") for g in gemeenten for i in range(3)
    )
    Capaciteitsperiode.objects.bulk_create(
        Capaciteitsperiode(
            locatie=locatie,
            soort_id=("RO", "NO", "TGO")[locatie.pk % 3],
            beheerder="coa",
            plaatsen=50 + locatie.pk % 150,
            van=datetime.date(2023, 1, 1) if deel == 0 else datetime.date(2025, 7, 1),
            tot_en_met=datetime.date(2025, 6, 30) if deel == 0 else None,
            status=("gerealiseerd", "gepland", "voorgenomen")[(locatie.pk + deel) % 3],
        )
        for locatie in locaties
        for deel in range(2)
    )
