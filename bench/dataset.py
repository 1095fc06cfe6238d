"""The national-scale dataset of `make bench`, built once in its own PostgreSQL database.

Scale 1 (the default): 12 provinces with 342 gemeenten (the real counts per province,
the largest capped at Gelderland's 51, the size the grid-save target is about) in
subregio's and veiligheidsregio's, 36 monthly peildata per province (all but the last
three vastgesteld), ~1.000 locations with ~2.000 capacity periods, taakstellingen for 6
half years, monthly statushouders and Oekraïne figures.

Scale 10 (`BENCH_SCHAAL=10`): ten times as many gemeenten per province (3.500, Gelderland
590), ten years of monthly peildata (120, ending on the same month as scale 1, so "today"
sees the same open peildata), 20 half years and three locations per gemeente (10.500),
in its own database (`prt_bench_x10` next to `prt_bench`), so both stay built.

Building is idempotent: it runs in one transaction and is skipped when the dataset is
there (a `bench` opgavebesluit marks it). To rebuild, drop the database.
"""

from __future__ import annotations

import datetime
import itertools
import os
import sys
import time
from pathlib import Path

import psycopg

BASE = Path(__file__).resolve().parent.parent
SCHALEN = (1, 10)
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/prt_bench"
OPEN_MAANDEN = 3  # the last three peildata are still being entered
LAATSTE_MAAND = datetime.date(2025, 12, 1)
EXTRA_GROOTSTE = {1: 0, 10: 80}  # scale 10: 3.420 + 80 = 3.500 gemeenten, Gelderland 590
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


def url(schaal: int) -> str:
    """The database of a scale: BENCH_DATABASE_URL (default prt_bench) for scale 1, the
    same name with `_x10` for scale 10."""
    basis = os.environ.get("BENCH_DATABASE_URL", STANDAARD_URL)
    return basis if schaal == 1 else f"{basis}_x{schaal}"


def maanden(schaal: int) -> list[datetime.date]:
    """36 months (scale 1) or 120 (scale 10), ending with LAATSTE_MAAND."""
    aantal = 36 if schaal == 1 else 120
    eerste = LAATSTE_MAAND.year * 12 + LAATSTE_MAAND.month - 1 - (aantal - 1)
    return [datetime.date(m // 12, m % 12 + 1, 1) for m in range(eerste, eerste + aantal)]


def halfjaren(schaal: int) -> list[str]:
    jaren = sorted({m.year for m in maanden(schaal)})
    return [f"{jaar}-{deel}" for jaar in jaren for deel in ("I", "II")]


def aantal_gemeenten(code: str, schaal: int) -> int:
    return GEMEENTEN[code] * schaal + (EXTRA_GROOTSTE[schaal] if code == GROOTSTE else 0)


def database_aanmaken(schaal: int) -> None:
    naam = url(schaal).rsplit("/", 1)[1]
    beheer = url(schaal).rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        bestaat = verbinding.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [naam]
        ).fetchone()
        if not bestaat:
            verbinding.execute(f'CREATE DATABASE "{naam}"')


def django_starten(schaal: int) -> None:
    sys.path.insert(0, str(BASE))
    os.environ["DATABASE_URL"] = url(schaal)
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


def dataset_bouwen(schaal: int) -> None:
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
        volgnummer = 2000  # above the real CBS codes, four digits up to 3.500 more
        for provincie in Provincie.objects.prefetch_related("veiligheidsregios"):
            regios = list(provincie.veiligheidsregios.all())
            aanwezig = Gemeente.objects.filter(provincie=provincie).count()
            for i in range(max(0, aantal_gemeenten(provincie.code, schaal) - aanwezig)):
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
        _cijfers(schaal)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a database in use has them
    print(f"Dataset gebouwd in {time.perf_counter() - start:.0f} s.")


def _in_porties(model, objecten, grootte: int = 20_000) -> None:
    """bulk_create in portions: at scale 10 a list of 420.000 instances would take
    gigabytes of memory."""
    objecten = iter(objecten)
    while portie := list(itertools.islice(objecten, grootte)):
        model.objects.bulk_create(portie)


def _cijfers(schaal: int) -> None:
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
        for h in halfjaren(schaal)
    }
    alle_maanden = maanden(schaal)
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
        for i, maand in enumerate(alle_maanden):
            peildata[(provincie.pk, maand)] = Peildatum(
                provincie=provincie,
                datum=maand,
                vastgesteld_op=vastgesteld if i < len(alle_maanden) - OPEN_MAANDEN else None,
            )
    Peildatum.objects.bulk_create(peildata.values())
    _in_porties(
        OekraineTelling,
        (
            OekraineTelling(
                gemeente=g,
                peildatum=peildata[(g.provincie_id, maand)],
                goo_totaal=150 + g.pk % 200,
                goo_bezet=100 + g.pk % 100,
            )
            for g in gemeenten
            for maand in alle_maanden
        ),
    )
    _in_porties(
        Huisvesting,
        (
            Huisvesting(
                gemeente=g,
                van=maand,
                tot_en_met=Halfjaar.voor_datum(maand).einde
                if maand.month in (6, 12)
                else datetime.date(maand.year, maand.month + 1, 1) - datetime.timedelta(days=1),
                gehuisvest=5 + (g.pk + maand.month) % 9,
            )
            for g in gemeenten
            for maand in alle_maanden
        ),
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
