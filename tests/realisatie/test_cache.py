"""The cache of computed figures (`realisatie.cijfercache`): a vastgestelde peildatum is
computed once, every write to what feeds the figures invalidates, an open peildatum is
never cached.

The cache is only used outside a transaction, so these tests commit for real
(`transaction=True`), as requests in production do.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gemeenten.models import Gemeente, Opvolging, Provincie
from opgaven.models import Opgave, Opgavesoort, Uitruil
from realisatie import cijfercache
from realisatie.invoer.services import peildatum_heropenen, peildatum_vaststellen
from realisatie.models import (
    Capaciteitsperiode,
    Heropening,
    Locatieaandeel,
    Opvanglocatie,
    Peildatum,
)
from realisatie.overzicht import provincie_overzicht

pytestmark = pytest.mark.django_db(transaction=True)

VASTGESTELD = datetime.date(2024, 1, 1)  # Gelderland: asiel 9.274 of 7.590
OPEN = datetime.date(2024, 1, 8)  # Gelderland: Oekraïne 11.083


LOKAAL = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DATABASE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "prt_cache"}
}


@pytest.fixture(autouse=True)
def lege_cache(settings):
    """An in-memory cache, so the query counts below are the figures' own queries; the
    production backend (the database) has a test of its own at the end."""
    settings.CACHES = LOKAAL
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def beheerder(demodata):
    return get_user_model().objects.get(username="beheerder")


@pytest.fixture
def gelderland(beheerder):
    provincie = Provincie.objects.get(code="PV25")
    peildatum_vaststellen(
        peildatum=Peildatum.objects.get(provincie=provincie, datum=VASTGESTELD), door=beheerder
    )
    return provincie


def berekend(provincie, datum):
    """The overview and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        overzicht = provincie_overzicht(provincie, datum)
    return overzicht, len(queries)


def opgewarmd(provincie) -> int:
    """Fill the cache for the vastgestelde peildatum; the queries of a full computation."""
    _overzicht, volledig = berekend(provincie, VASTGESTELD)
    _overzicht, uit_cache = berekend(provincie, VASTGESTELD)
    assert uit_cache < volledig
    return volledig


def test_a_cache_hit_skips_the_computation_and_gives_the_same_figures(gelderland):
    eerste, volledig = berekend(gelderland, VASTGESTELD)
    tweede, uit_cache = berekend(gelderland, VASTGESTELD)
    assert eerste.blok("asiel").totaal.waarde("realisatie") == 9274
    assert tweede.blok("asiel").totaal.waarde("realisatie") == 9274
    assert tweede.blok("asiel").totaal.waarde("opgave") == 7590
    # Only the peildata are read (plus the cache itself, when it is a database).
    assert volledig >= 10 and uit_cache <= 3


def test_an_open_peildatum_is_never_cached(gelderland):
    _eerste, volledig = berekend(gelderland, OPEN)
    tweede, opnieuw = berekend(gelderland, OPEN)
    assert tweede.blok("oekraine").totaal.waarde("realisatie") == 11083
    assert opnieuw == volledig


def test_a_date_that_is_no_peildatum_is_never_cached(gelderland):
    _overzicht, volledig = berekend(gelderland, datetime.date(2024, 1, 2))
    _overzicht, opnieuw = berekend(gelderland, datetime.date(2024, 1, 2))
    assert opnieuw == volledig


def test_inside_a_transaction_the_cache_is_neither_read_nor_filled(gelderland):
    volledig = opgewarmd(gelderland)
    with transaction.atomic():
        _overzicht, binnen = berekend(gelderland, VASTGESTELD)
    assert binnen == volledig


def test_reopening_invalidates_and_the_reopened_date_is_no_longer_cached(gelderland, beheerder):
    volledig = opgewarmd(gelderland)
    peildatum = Peildatum.objects.get(provincie=gelderland, datum=VASTGESTELD)
    peildatum_heropenen(peildatum=peildatum, door=beheerder, reden="Correctie Arnhem")
    _overzicht, na_heropenen = berekend(gelderland, VASTGESTELD)
    _overzicht, nog_eens = berekend(gelderland, VASTGESTELD)
    assert na_heropenen == volledig and nog_eens == volledig


def test_a_changed_opgave_shows_at_once(gelderland):
    opgewarmd(gelderland)
    asiel = provincie_overzicht(gelderland, VASTGESTELD).blok("asiel")
    opgave = Opgave.objects.get(provincie=gelderland, besluit=asiel.besluit)  # COA 2023-I
    opgave.aantal += 100
    opgave.save()
    na = provincie_overzicht(gelderland, VASTGESTELD).blok("asiel")
    assert na.totaal.waarde("opgave") == 7590 + 100


def test_a_new_location_without_a_peildatum_shows_at_once(gelderland):
    opgewarmd(gelderland)
    voor = provincie_overzicht(gelderland, VASTGESTELD).blok("asiel")
    assert "GM0202" not in {r.knoop.code for r in voor.getoonde_regels}
    _locatie_met_plaatsen(Gemeente.objects.get(code="GM0202"), 40)  # Arnhem
    na = provincie_overzicht(gelderland, VASTGESTELD).blok("asiel")
    arnhem = next(r for r in na.regels if r.knoop.code == "GM0202")
    assert arnhem.waarde("realisatie") == 40


def _locatie_met_plaatsen(gemeente, plaatsen: int) -> Capaciteitsperiode:
    locatie = Opvanglocatie.objects.create(
        gemeente=gemeente,
        naam="Pas geopend",
    )
    return Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=plaatsen,
        van=datetime.date(2023, 12, 1),
        status="gerealiseerd",
    )


def _nieuw_of_bestaand(model, beheerder):
    """A row of `model` to write: the demo data's, else a new one."""
    if model in (Opvanglocatie, Capaciteitsperiode, Locatieaandeel):
        periode = _locatie_met_plaatsen(Gemeente.objects.get(code="GM0202"), 40)
        cache.clear()  # the write to test is the one below, not this setup
        opgewarmd(periode.locatie.gemeente.provincie)
        if model is Locatieaandeel:
            return Locatieaandeel(
                locatie=periode.locatie, gemeente=periode.locatie.gemeente, percentage=100
            )
        return periode.locatie if model is Opvanglocatie else periode
    if model is Heropening:
        return Heropening(
            peildatum=Peildatum.objects.get(provincie__code="PV25", datum=VASTGESTELD),
            door=beheerder,
            reden="Correctie",
            vastgesteld_op=timezone.now(),
        )
    if model is Uitruil:
        van, naar = Gemeente.objects.filter(provincie__code="PV25").order_by("code")[:2]
        return Uitruil(
            soort=Opgavesoort.ASIEL,
            van_gemeente=van,
            naar_gemeente=naar,
            aantal=10,
            begin=datetime.date(2023, 6, 1),
        )
    if model is Opvolging:
        voorganger, opvolger = Gemeente.objects.filter(provincie__code="PV23").order_by("code")[:2]
        return Opvolging(
            voorganger=voorganger, opvolger=opvolger, datum=datetime.date(2023, 1, 1), aandeel=1
        )
    rij = model.objects.order_by("pk").first()
    assert rij is not None, f"no {model.__name__} in the demo data to write"
    return rij


@pytest.mark.parametrize("model", cijfercache.voedende_modellen(), ids=lambda model: model.__name__)
def test_a_write_to_any_feeding_model_invalidates(gelderland, beheerder, model):
    volledig = opgewarmd(gelderland)
    rij = _nieuw_of_bestaand(model, beheerder)
    rij.save()
    _overzicht, na_schrijven = berekend(gelderland, VASTGESTELD)
    assert na_schrijven == volledig


def test_a_delete_invalidates(gelderland):
    volledig = opgewarmd(gelderland)
    Opgave.objects.filter(provincie=gelderland).first().delete()
    _overzicht, na_verwijderen = berekend(gelderland, VASTGESTELD)
    assert na_verwijderen == volledig


def test_one_invalidation_per_transaction_after_the_commit(gelderland, monkeypatch):
    keren = []
    echt = cijfercache.vernieuwen
    monkeypatch.setattr(cijfercache, "vernieuwen", lambda: (keren.append(1), echt()))
    with transaction.atomic():
        for opgave in Opgave.objects.order_by("pk")[:5]:
            opgave.save()
        assert keren == []  # a reader elsewhere still sees the committed figures
    assert keren == [1]


def test_a_lost_generation_token_loses_every_entry(gelderland):
    volledig = opgewarmd(gelderland)
    cache.delete(cijfercache.GENERATIE)
    _overzicht, daarna = berekend(gelderland, VASTGESTELD)
    assert daarna == volledig


@pytest.mark.parametrize(
    ("backend", "waarschuwingen"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", ["realisatie.W001"]),
        ("django.core.cache.backends.db.DatabaseCache", []),
    ],
)
def test_deploy_check_asks_for_a_cache_shared_by_all_processes(
    monkeypatch, backend, waarschuwingen
):
    instellingen = SimpleNamespace(CACHES={"default": {"BACKEND": backend}})
    monkeypatch.setattr(cijfercache, "settings", instellingen)
    assert [w.id for w in cijfercache.gedeelde_cache(None)] == waarschuwingen


def test_the_database_cache_of_production_serves_the_same_figures(gelderland, settings):
    settings.CACHES = DATABASE
    cache.clear()
    _eerste, volledig = berekend(gelderland, VASTGESTELD)
    tweede, uit_cache = berekend(gelderland, VASTGESTELD)
    assert tweede.blok("asiel").totaal.waarde("realisatie") == 9274
    assert tweede.blok("asiel").totaal.waarde("opgave") == 7590
    assert uit_cache < volledig
    Opgave.objects.filter(besluit__soort=Opgavesoort.ASIEL).update(
        aantal=F("aantal") + 1
    )  # an update() without signals: the cache keeps what it had ...
    assert berekend(gelderland, VASTGESTELD)[0].blok("asiel").totaal.waarde("opgave") == 7590
    cijfercache.vernieuwen()  # ... until told
    assert berekend(gelderland, VASTGESTELD)[0].blok("asiel").totaal.waarde("opgave") != 7590
    cache.clear()
