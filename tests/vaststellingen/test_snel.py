"""Served instantly: a vastgestelde peildatum's pages and downloads come from its record
(and after the first request from the cache under the record's id), without touching a
table of figures; an open peildatum stays live."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import OekraineTelling, Peildatum
from tests.vaststellingen.conftest import VASTGESTELD, tabellen_van

pytestmark = pytest.mark.django_db

# Tables a figure is computed from; a vastgestelde page after the first request reads
# none of them, nor the stored parts (they are in the cache then).
CIJFERTABELLEN = (
    "realisatie_asieltelling",
    "realisatie_oekrainetelling",
    "realisatie_huisvesting",
    "realisatie_opvanglocatie",
    "realisatie_capaciteitsperiode",
    "opgaven_opgave",
    "opgaven_taakstelling",
    "vaststellingen_vastlegging",
)
PAGINA = f"/provincies/PV25/?peildatum={VASTGESTELD.isoformat()}"
DOWNLOADS = (
    PAGINA,
    f"{PAGINA}&_export=csv&tabel=asiel",
    f"/provincies/PV25/gebied/VR06/?peildatum={VASTGESTELD.isoformat()}",
    f"/exports/PV25/bijlage-4.xlsx?peildatum={VASTGESTELD.isoformat()}",
    f"/api/v1/provincies/PV25/samenvatting?peildatum={VASTGESTELD.isoformat()}",
)


@pytest.fixture(autouse=True)
def lege_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("url", DOWNLOADS)
def test_a_second_request_reads_no_figure_table(
    url, vastgesteld, lezer, django_assert_max_num_queries
):
    eerste = lezer.get(url)
    assert eerste.status_code == 200
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(12):
        tweede = lezer.get(url)
    # A page's frame has a fresh CSP nonce per request; its figures do not.
    if "/provincies/" in url and "_export" not in url:
        assert tabellen_van(tweede.content.decode()) == tabellen_van(eerste.content.decode())
    else:
        assert tweede.content == eerste.content
    gelezen = [q["sql"] for q in queries if any(t in q["sql"] for t in CIJFERTABELLEN)]
    assert gelezen == []


def test_the_vastgestelde_page_shows_the_stored_figures(vastgesteld, lezer):
    tekst = lezer.get(PAGINA).content.decode()
    assert "9.274" in tekst and "7.590" in tekst  # Gelderland asiel on 1-1-2024


def test_an_open_peildatum_reflects_a_change_at_once(
    vastgesteld, gelderland, secretaris_gelderland, lezer
):
    open_dag = datetime.date(2024, 1, 8)  # Oekraïne 4.436 + 3.343 + 3.304 = 11.083 GOO
    url = f"/provincies/PV25/?peildatum={open_dag.isoformat()}"
    assert "11.083" in lezer.get(url).content.decode()
    peildatum = Peildatum.objects.get(provincie=gelderland, datum=open_dag)
    vr06 = OekraineTelling.objects.get(peildatum=peildatum, veiligheidsregio__code="VR06")
    services.oekraine_gebiedstellingen_opslaan(
        peildatum=peildatum,
        door=secretaris_gelderland,
        rijen=[OekraineRij("VR06", goo_totaal=4_500, poo=931, versie=vr06.versie)],
    )
    tekst = lezer.get(url).content.decode()
    assert "11.147" in tekst and "11.083" not in tekst
