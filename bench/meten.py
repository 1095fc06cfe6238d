"""`make bench`: the pages of a meeting morning on a national-scale dataset (a script,
never a timed test).

Builds the dataset of `bench/dataset.py` once (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/prt_bench; `BENCH_SCHAAL=10`: ten times larger, in
prt_bench_x10), then requests every page through Django's
test client in this one process and prints one table: p50 and p95 time, query count and
peak memory (tracemalloc) per page, and the same for a trivial view (the login page) in
the same run, so that a figure reads as a ratio on a noisy machine. Then the cached
throughput (requests/s on a vastgestelde peildatum, cache warm: a member's dashboard, the
public page and the open API) against the trivial view's, without and with a login, and
which targets are met. Pages of an open peildatum are measured twice: right after a
change of the figures (computed) and while nothing changes (kept per state of the
figures, `realisatie.actueel`). A missed target is reported, not an error: the exit
status is non-zero only when something fails (a page that does not answer as expected).

Each scale's figures are kept in bench-results/schaal-<n>.json (not in git); a run at
scale 10 prints, per measurement, the ratio to the last run at scale 1 beside it, so
growth is visible. `BENCH_SCHAAL=1,10` measures both, one process per scale.

    make bench
    BENCH_SCHAAL=1,10 make bench
    BENCH_RONDES=50 .venv/bin/python bench/meten.py
    BENCH_SCHAAL=10 BENCH_OVERSLAAN=gemeentepagina make bench
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import dataset

RONDES = int(os.environ.get("BENCH_RONDES", "20"))
RONDES_BIJLAGE = int(os.environ.get("BENCH_RONDES_BIJLAGE", "5"))
DOORVOER_SECONDEN = float(os.environ.get("BENCH_DOORVOER_SECONDEN", "3"))
KLEINSTE = "PV24"  # Flevoland, 6 gemeenten: the query count must equal Gelderland's
RESULTATEN = Path(__file__).resolve().parent.parent / "bench-results"
DASHBOARD_P95_MS = 100  # an open dashboard at national scale (issue 12)
# The table a grid save of each opgave writes.
INVOERTABELLEN = (
    ("asiel", "realisatie_asieltelling"),
    ("oekraine", "realisatie_oekrainetelling"),
    ("statushouders", "realisatie_huisvesting"),
)
BIJLAGE_MS = 500  # every bijlage, p95
GRID_MS = 500
DOORVOER_VASTGESTELD = 0.5  # a vastgestelde dashboard: at least this × the trivial view
GROEI = 1.5  # dashboard and snapshot pages: 10× data, at most this × the time
VIJANDIG_MS = 2000  # a hostile upload is refused within this
VIJANDIG_MIB = 200  # and with at most this much memory


@dataclass
class Meting:
    sleutel: str  # the same at every scale (the name can say "51 gemeenten")
    naam: str
    tijden: list[float]  # ms
    queries: int
    piek: float  # MiB

    @property
    def p50(self) -> float:
        return statistics.median(self.tijden)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.tijden, n=100, method="inclusive")[94]


OVERSLAAN = {s for s in os.environ.get("BENCH_OVERSLAAN", "").split(",") if s}


def meten(
    sleutel: str, naam: str, verzoek: Callable[[], int], verwacht: int, rondes: int
) -> Meting | None:
    """Time `verzoek` (a request returning its status) `rondes` times after a warm-up,
    then count its queries and trace its peak memory on two more runs. None for a
    measurement in BENCH_OVERSLAAN (e.g. `gemeentepagina`, minutes per request at 10×)."""
    if sleutel in OVERSLAAN:
        return None
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def doen() -> None:
        status = verzoek()
        if status != verwacht:
            sys.exit(f"{naam}: status {status}, verwacht {verwacht}")

    doen()  # warm-up: templates, translations, imports
    tijden = []
    for _ronde in range(rondes):
        begin = time.perf_counter()
        doen()
        tijden.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as queries:
        doen()
    aantal_queries = len(queries)  # now: the next request's start empties the log
    tracemalloc.start()
    doen()
    _huidig, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Meting(sleutel, naam, tijden, aantal_queries, piek / 1024 / 1024)


def doorvoeren(verzoeken: dict[str, Callable[[], int]], verwacht: int) -> dict[str, float]:
    """Requests per second of each, one after the other, measured in turns: ten slices
    of a tenth of DOORVOER_SECONDEN each, so that a spell in which the shared machine is
    slower weighs on every figure alike and their ratios hold."""
    for verzoek in verzoeken.values():
        if verzoek() != verwacht:  # warm: the first one fills the cache
            sys.exit("doorvoer: onverwachte status")
    aantallen = dict.fromkeys(verzoeken, 0)
    tijden = dict.fromkeys(verzoeken, 0.0)
    plak = DOORVOER_SECONDEN / 10
    for _beurt in range(10):
        for naam, verzoek in verzoeken.items():
            begin = time.perf_counter()
            while (verstreken := time.perf_counter() - begin) < plak:
                if verzoek() != verwacht:
                    sys.exit("doorvoer: onverwachte status")
                aantallen[naam] += 1
            tijden[naam] += verstreken
    return {naam: aantallen[naam] / tijden[naam] for naam in verzoeken}


def na_wijziging(
    verzoek: Callable[[], int], tabel: str = "gemeenten_provincie"
) -> Callable[[], int]:
    """`verzoek` right after a change of `tabel`, so that a live page is computed anew
    (`realisatie.actueel`): a statement on a followed table moves the state even when it
    changes no row (the trigger is per statement). The default, reference data, is read
    by every part of a page; a grid save changes its opgave's table only, and the
    dashboard makes only that opgave's part anew (`realisatie.dashboard.delen`)."""
    from django.db import connection

    def doen() -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {tabel} SET id = id WHERE false")
        return verzoek()

    return doen


def gebruikers():
    from django.contrib.auth import get_user_model

    from gemeenten.models import Provincie
    from toegang.models import Rol, Rolsoort

    model = get_user_model()
    lid, _ = model.objects.get_or_create(username="bench-lid")
    secretaris, _ = model.objects.get_or_create(username="bench-secretaris")
    for provincie in Provincie.objects.all():
        Rol.objects.get_or_create(gebruiker=lid, soort=Rolsoort.LID, provincie=provincie)
    Rol.objects.get_or_create(
        gebruiker=secretaris,
        soort=Rolsoort.SECRETARIS,
        provincie=Provincie.objects.get(code=dataset.GROOTSTE),
    )
    return lid, secretaris


def grid_opslaan(client, peildatum) -> tuple[Callable[[], int], int]:
    """A POST of the Oekraïne grid of all gemeenten of the province, every row changed
    (an unchanged row is skipped by the service, so it would measure nothing)."""
    from django.urls import reverse

    from realisatie.invoer.selectors import grid_gemeenten
    from realisatie.models import OekraineTelling

    url = reverse(
        "invoer:grid", args=[peildatum.provincie.code, peildatum.datum.isoformat(), "oekraine"]
    )
    gemeenten = grid_gemeenten(peildatum)
    keer = iter(range(10**9))

    def verzoek() -> int:
        ronde = next(keer)
        bestaand = {t.gemeente_id: t for t in OekraineTelling.objects.filter(peildatum=peildatum)}
        data = {}
        for g in gemeenten:
            telling = bestaand.get(g.pk)
            data[f"{g.code}-versie"] = telling.versie if telling else ""
            data[f"{g.code}-goo_totaal"] = 200 + g.pk % 50 + ronde % 2
            data[f"{g.code}-goo_bezet"] = 100 + g.pk % 50
            data[f"{g.code}-goo_beschikbaar"] = ""
            data[f"{g.code}-poo"] = ""
            data[f"{g.code}-toelichting"] = ""
            data[f"{g.code}-bevestigd"] = "on"  # figures ten times a previous one are meant
        return client.post(url, data).status_code

    return verzoek, len(gemeenten)


def vastleggen(peildatum, door) -> None:
    """The record of the measured vastgestelde peildatum, as vaststellen makes it (the
    dataset marks its peildata vastgesteld directly; the pages of one without a record
    are computed like an open one)."""
    from vaststellingen.selectors import vaststelling_in_kracht
    from vaststellingen.services import vaststelling_vastleggen

    if vaststelling_in_kracht(peildatum.provincie, peildatum.datum) is None:
        vaststelling_vastleggen(peildatum=peildatum, door=door)


def publiceren(provincie, door) -> None:
    """The measured province publishes: its public page shows the record above."""
    from vaststellingen.models import Publicatie

    Publicatie.objects.get_or_create(provincie=provincie, defaults={"door": door})


def vijandige_uploads(client, peildatum) -> list[tuple[str, Callable[[], int]]]:
    """The two uploads of issue 13 that used to take 34 s and 1,7 GB, or kill the worker:
    the template with one value in A1048576, and a zip of three million rows."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
    from tests.security.bestanden import drie_miljoen_rijen, met_verre_cel

    url = reverse("invoer:import", args=[peildatum.provincie.code])
    bestanden = {
        "verre cel A1048576": met_verre_cel(sjabloon(ONDERWERPEN["oekraine"], peildatum)),
        "zip van 3 miljoen rijen": drie_miljoen_rijen(),
    }

    def verzoek(inhoud: bytes) -> Callable[[], int]:
        return lambda: (
            client.post(
                url,
                {
                    "onderwerp": "oekraine",
                    "peildatum": peildatum.datum.isoformat(),
                    "bestand": SimpleUploadedFile("sjabloon.xlsx", inhoud),
                },
            ).status_code
        )

    return [
        (f"upload-{i}", f"upload geweigerd: {naam} ({len(inhoud) // 1024} KB)", verzoek(inhoud))
        for i, (naam, inhoud) in enumerate(bestanden.items(), start=1)
    ]


def schalen() -> list[int]:
    tekst = os.environ.get("BENCH_SCHAAL", "1")
    try:
        gekozen = [int(deel) for deel in tekst.split(",")]
    except ValueError:
        gekozen = []
    if not gekozen or any(schaal not in dataset.SCHALEN for schaal in gekozen):
        sys.exit(f"BENCH_SCHAAL={tekst!r}: kies uit {', '.join(map(str, dataset.SCHALEN))}")
    return gekozen


def main() -> None:
    gekozen = schalen()
    if len(gekozen) == 1:
        schaal_meten(gekozen[0])
        return
    for schaal in gekozen:  # Django is set up once per process, on one database
        print(f"\n=== Schaal {schaal}× ===", flush=True)
        omgeving = {**os.environ, "BENCH_SCHAAL": str(schaal)}
        subprocess.run([sys.executable, __file__], env=omgeving, check=True)


def schaal_meten(schaal: int) -> None:
    dataset.database_aanmaken(schaal)
    dataset.django_starten(schaal)
    dataset.dataset_bouwen(schaal)

    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from gemeenten.models import Gemeente, Provincie
    from realisatie.models import Capaciteitsperiode, Opvanglocatie, Peildatum

    lid, secretaris = gebruikers()
    # As gunicorn's post_worker_init does in production (prt/gunicorn.conf.py): what is
    # loaded at start-up is no longer walked by the garbage collector, the youngest
    # generation is collected less often, and after every response. The test client
    # closes a response inside the request it times, so that collection is counted
    # here; in production the client already has the last byte.
    from prt.werker import klaar_voor_verzoeken

    klaar_voor_verzoeken()
    lezer, invoerder, anoniem = Client(), Client(), Client()
    lezer.force_login(lid)
    invoerder.force_login(secretaris)
    grootste = Provincie.objects.get(code=dataset.GROOTSTE)
    kleinste = Provincie.objects.get(code=KLEINSTE)
    peildata = Peildatum.objects.filter(provincie=grootste)
    vastgesteld = peildata.filter(vastgesteld_op__isnull=False).latest("datum")
    vastleggen(vastgesteld, secretaris)
    publiceren(grootste, secretaris)
    open_ = peildata.filter(vastgesteld_op__isnull=True).latest("datum")
    gemeente = Gemeente.objects.filter(provincie=grootste).order_by("code").first()
    n_gemeenten = Gemeente.objects.filter(provincie=grootste).count()
    laden = os.getloadavg()
    print(
        f"Dataset (schaal {schaal}×): {Provincie.objects.count()} provincies, "
        f"{Gemeente.objects.count()} gemeenten, {Peildatum.objects.count()} peildata, "
        f"{Opvanglocatie.objects.count()} locaties, {Capaciteitsperiode.objects.count()} "
        f"capaciteitsperioden. Grootste: {grootste.naam} ({n_gemeenten} gemeenten); "
        f"vandaag {datetime.date.today():%-d-%-m-%Y}."
    )
    cache.clear()

    def get(client, url, **extra):
        return lambda: client.get(url, **extra).status_code

    dashboard_url = reverse("provincie", args=[grootste.code])
    vastgesteld_url = f"{dashboard_url}?peildatum={vastgesteld.datum.isoformat()}"
    openbaar_url = reverse("openbaar", args=[grootste.code])
    openbaar_api = f"/api/v1/openbaar/provincies/{grootste.code}/samenvatting"
    metingen = [
        meten("triviaal", "triviaal (loginpagina)", get(anoniem, reverse("login")), 200, RONDES),
        # The same page for a logged-in member: what every page of a member costs at
        # least (session, user and roles read, the navigation rendered).
        meten(
            "triviaal-ingelogd",
            "triviaal ingelogd (loginpagina, lid)",
            get(lezer, reverse("login")),
            200,
            RONDES,
        ),
        # An open peildatum: once right after a change (computed), once again while
        # nothing changed (rendered once per state of the figures, realisatie.actueel).
        meten(
            "dashboard-koud",
            f"dashboard {grootste.naam} (open, na wijziging gemeenten)",
            na_wijziging(get(lezer, dashboard_url)),
            200,
            RONDES,
        ),
        # After a grid save of one opgave: its part made anew, the other two kept.
        *(
            meten(
                f"dashboard-na-{opgave}",
                f"dashboard {grootste.naam} (open, na invoer {opgave})",
                na_wijziging(get(lezer, dashboard_url), tabel),
                200,
                RONDES,
            )
            for opgave, tabel in INVOERTABELLEN
        ),
        meten(
            "dashboard",
            f"dashboard {grootste.naam} (open, ongewijzigd)",
            get(lezer, dashboard_url),
            200,
            RONDES,
        ),
        meten(
            "dashboard-klein",
            f"dashboard {kleinste.naam} (open, na wijziging)",
            na_wijziging(get(lezer, reverse("provincie", args=[kleinste.code]))),
            200,
            RONDES,
        ),
        meten(
            "dashboard-vastgesteld",
            f"dashboard vastgesteld {vastgesteld.datum:%-d-%-m-%Y}",
            get(lezer, vastgesteld_url),
            200,
            RONDES,
        ),
        meten(
            "openbaar",
            f"openbare pagina {grootste.naam} (anoniem)",
            get(anoniem, openbaar_url),
            200,
            RONDES,
        ),
        meten(
            "api-openbaar",
            "open API samenvatting (anoniem)",
            get(anoniem, openbaar_api),
            200,
            RONDES,
        ),
        meten(
            "gemeentepagina-koud",
            f"gemeentepagina {gemeente.naam} (na wijziging)",
            na_wijziging(get(lezer, reverse("gemeente", args=[gemeente.code]))),
            200,
            RONDES,
        ),
        meten(
            "gemeentepagina",
            f"gemeentepagina {gemeente.naam} (ongewijzigd)",
            get(lezer, reverse("gemeente", args=[gemeente.code])),
            200,
            RONDES,
        ),
        meten(
            "api-samenvatting-koud",
            "API samenvatting (open, na wijziging)",
            na_wijziging(get(lezer, f"/api/v1/provincies/{grootste.code}/samenvatting")),
            200,
            RONDES,
        ),
        meten(
            "api-samenvatting",
            "API samenvatting (open, ongewijzigd)",
            get(lezer, f"/api/v1/provincies/{grootste.code}/samenvatting"),
            200,
            RONDES,
        ),
    ]
    bijlagen = [
        meten(
            soort,
            f"export {soort}.xlsx",
            get(lezer, reverse("exports:bijlage", args=[grootste.code, soort])),
            200,
            RONDES_BIJLAGE,
        )
        for soort in ("bijlage-2", "bijlage-3", "bijlage-4", "stand-van-zaken")
    ]
    metingen += bijlagen
    opslaan, n_rijen = grid_opslaan(invoerder, open_)
    grid = meten("grid", f"grid opslaan Oekraïne ({n_rijen} gemeenten, POST)", opslaan, 302, RONDES)
    metingen.append(grid)
    vijandig = [
        meten(sleutel, naam, verzoek, 400, RONDES_BIJLAGE)
        for sleutel, naam, verzoek in vijandige_uploads(invoerder, open_)
    ]
    metingen += vijandig
    metingen = [m for m in metingen if m is not None]
    bijlagen = [m for m in bijlagen if m is not None]
    vijandig = [m for m in vijandig if m is not None]

    cache.clear()
    doorvoer = doorvoeren(
        {
            "triviaal": get(anoniem, reverse("login")),
            "triviaal-ingelogd": get(lezer, reverse("login")),
            "vastgesteld": get(lezer, vastgesteld_url),
            "openbaar": get(anoniem, openbaar_url),
            "api-openbaar": get(anoniem, openbaar_api),
            "open": get(lezer, dashboard_url),
            "open-koud": na_wijziging(get(lezer, dashboard_url)),
        },
        200,
    )
    gecached, openbaar, openbaar_api_doorvoer, open_doorvoer, ongecached = (
        doorvoer[naam] for naam in ("vastgesteld", "openbaar", "api-openbaar", "open", "open-koud")
    )
    triviaal_doorvoer, ingelogd_doorvoer = doorvoer["triviaal"], doorvoer["triviaal-ingelogd"]
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]

    resultaat = {
        "schaal": schaal,
        "datum": datetime.date.today().isoformat(),
        "metingen": {
            m.sleutel: {"naam": m.naam, "p50": m.p50, "p95": m.p95, "queries": m.queries,
                        "piek": m.piek}
            for m in metingen
        },
        "doorvoer": {
            "triviaal": triviaal_doorvoer,
            "triviaal-ingelogd": ingelogd_doorvoer,
            "vastgesteld": gecached,
            "openbaar": openbaar,
            "api-openbaar": openbaar_api_doorvoer,
            "open": open_doorvoer,
            "open-koud": ongecached,
        },
    }  # fmt: skip
    RESULTATEN.mkdir(exist_ok=True)
    (RESULTATEN / f"schaal-{schaal}.json").write_text(json.dumps(resultaat, indent=2))
    basis = _basis(schaal)

    triviaal = metingen[0]
    print()
    kop = (
        f"{'meting':<48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'piek MiB':>9}"
        f" {'p50 ×triv':>10} {'p95 ×triv':>10}"
    )
    if basis:
        kop += f" {'p50 10×/1×':>11} {'p95 10×/1×':>11}"
    print(kop)
    for m in metingen:
        regel = (
            f"{m.naam:<48} {m.p50:>8.1f} {m.p95:>8.1f} {m.queries:>8} {m.piek:>9.1f}"
            f" {m.p50 / triviaal.p50:>10.1f} {m.p95 / triviaal.p95:>10.1f}"
        )
        if basis and (een := basis["metingen"].get(m.sleutel)):
            regel += f" {m.p50 / een['p50']:>11.2f} {m.p95 / een['p95']:>11.2f}"
        print(regel)
    if basis:
        print(f"(10×/1×: tegen de meting op schaal 1 van {basis['datum']}.)")

    print()
    print(
        f"Doorvoer (requests/s, na elkaar, {DOORVOER_SECONDEN:.0f} s per meting in tien beurten "
        f"om en om; cache: {backend}):"
    )
    print(f"  triviaal (loginpagina)                         {triviaal_doorvoer:8.1f}")
    print(f"  triviaal ingelogd (loginpagina, lid)           {ingelogd_doorvoer:8.1f}")
    print(
        f"  dashboard vastgestelde peildatum {vastgesteld.datum:%-d-%-m-%Y}, cache warm "
        f"{gecached:8.1f}  = {gecached / triviaal_doorvoer:.2f} × triviaal, "
        f"{gecached / ingelogd_doorvoer:.2f} × triviaal ingelogd"
    )
    print(
        f"  openbare pagina {grootste.naam} (anoniem)            {openbaar:8.1f}"
        f"  = {openbaar / triviaal_doorvoer:.2f} × triviaal"
    )
    print(
        f"  open API samenvatting (anoniem)                {openbaar_api_doorvoer:8.1f}"
        f"  = {openbaar_api_doorvoer / triviaal_doorvoer:.2f} × triviaal"
    )
    print(
        f"  dashboard vandaag (open, ongewijzigd)          {open_doorvoer:8.1f}"
        f"  = {open_doorvoer / triviaal_doorvoer:.2f} × triviaal, "
        f"{open_doorvoer / ingelogd_doorvoer:.2f} × triviaal ingelogd"
    )
    print(
        f"  dashboard vandaag (open, elke keer gewijzigd)  {ongecached:8.1f}"
        f"  = {ongecached / triviaal_doorvoer:.2f} × triviaal"
    )

    per_sleutel = {m.sleutel: m for m in metingen}
    print()
    print("Doelen:")
    for tekst, gehaald, waarde in _doelen(schaal, per_sleutel, bijlagen, vijandig, resultaat,
                                          basis, n_rijen):  # fmt: skip
        print(f"  [{'gehaald' if gehaald else 'NIET gehaald'}] {tekst}: {waarde}")
    eind = os.getloadavg()
    print()
    print(
        f"Belasting van de machine (load average 1 min, {os.cpu_count()} cores): "
        f"{laden[0]:.2f} bij de start, {eind[0]:.2f} aan het eind."
    )


def _basis(schaal: int) -> dict | None:
    """The last figures at scale 1, for the ratios of a larger scale."""
    bestand = RESULTATEN / "schaal-1.json"
    if schaal == 1 or not bestand.exists():
        return None
    return json.loads(bestand.read_text())


def _doelen(schaal, per_sleutel, bijlagen, vijandig, resultaat, basis, n_rijen) -> list:
    """(target, met, measured value) for each target of issue 12 and the earlier ones."""
    dashboard, klein = per_sleutel["dashboard"], per_sleutel["dashboard-klein"]
    koud = per_sleutel["dashboard-koud"]
    grid = per_sleutel.get("grid")
    doorvoer_ = resultaat["doorvoer"]
    # Like with like: the public page against the trivial view without a login, a
    # member's page against the same trivial view for a logged-in member (every member
    # page reads session, user and roles; see README, "Snelheid").
    openbaar = doorvoer_["openbaar"] / doorvoer_["triviaal"]
    lid = doorvoer_["vastgesteld"] / doorvoer_["triviaal-ingelogd"]
    doelen = [
        *(
            (
                f"{m.naam}: p95 < {DASHBOARD_P95_MS} ms"
                + (" (landelijke schaal)" if schaal == 1 else f" (schaal {schaal}×)"),
                m.p95 < DASHBOARD_P95_MS,
                f"{m.p95:.0f} ms",
            )
            for m in (
                dashboard,
                *(
                    per_sleutel[f"dashboard-na-{o}"]
                    for o, _ in INVOERTABELLEN
                    if f"dashboard-na-{o}" in per_sleutel
                ),
                koud,
            )
        ),
        (
            "dashboard: aantal queries hangt niet af van het aantal gemeenten",
            koud.queries == klein.queries,
            f"{koud.naam} {koud.queries}, {klein.naam} {klein.queries}",
        ),
        *(
            (f"{m.naam}: p95 < {BIJLAGE_MS} ms", m.p95 < BIJLAGE_MS, f"p95 {m.p95:.0f} ms")
            for m in bijlagen
        ),
        (
            f"doorvoer openbaar vastgesteld dashboard ≥ {DOORVOER_VASTGESTELD:.1f} × triviaal",
            openbaar >= DOORVOER_VASTGESTELD,
            f"{openbaar:.2f} × ({doorvoer_['openbaar']:.0f}/s tegen {doorvoer_['triviaal']:.0f}/s)",
        ),
        (
            f"doorvoer vastgesteld dashboard lid ≥ {DOORVOER_VASTGESTELD:.1f} × triviaal ingelogd",
            lid >= DOORVOER_VASTGESTELD,
            f"{lid:.2f} × ({doorvoer_['vastgesteld']:.0f}/s tegen "
            f"{doorvoer_['triviaal-ingelogd']:.0f}/s; "
            f"{doorvoer_['vastgesteld'] / doorvoer_['triviaal']:.2f} × triviaal zonder login)",
        ),
        *(
            [
                (
                    f"grid opslaan van {n_rijen} gemeenten < {GRID_MS} ms",
                    grid.p95 < GRID_MS,
                    f"p95 {grid.p95:.0f} ms",
                )
            ]
            if grid
            else []
        ),
        *(
            (
                f"{m.naam}: < {VIJANDIG_MS / 1000:.0f} s en < {VIJANDIG_MIB} MiB",
                m.p95 < VIJANDIG_MS and m.piek < VIJANDIG_MIB,
                f"p95 {m.p95:.0f} ms, piek {m.piek:.1f} MiB",
            )
            for m in vijandig
        ),
    ]
    if basis:
        for sleutel in (
            "dashboard",
            "dashboard-koud",
            "dashboard-vastgesteld",
            "openbaar",
            "gemeentepagina",
            "gemeentepagina-koud",
        ):
            een, nu = basis["metingen"].get(sleutel), per_sleutel.get(sleutel)
            if een and nu:
                groei = nu.p50 / een["p50"]
                doelen.append(
                    (
                        f"{nu.naam}: p50 {schaal}×/1× ≤ {GROEI}",
                        groei <= GROEI,
                        f"{groei:.2f} ({een['p50']:.1f} → {nu.p50:.1f} ms)",
                    )
                )
    return doelen


if __name__ == "__main__":
    main()
