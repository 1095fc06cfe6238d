"""Served instantly: a vastgestelde peildatum's pages and downloads come from its record
(and after the first request from the cache under the record's id), without touching a
table of figures; an open peildatum stays live."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from realisatie import actueel
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.invoer.services import peildatum_heropenen
from realisatie.models import OekraineTelling, Peildatum
from tests.realisatie.test_actueel import buiten_transactie
from tests.realisatie.test_delen import tabellen
from tests.vaststellingen.conftest import VASTGESTELD, tabellen_van
from vaststellingen import paginas
from vaststellingen.selectors import LOKAAL

pytestmark = pytest.mark.django_db
__all__ = ["buiten_transactie"]  # a fixture, used by name

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
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
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


def test_the_dashboard_of_a_record_is_rendered_once(
    vastgesteld, lezer, django_assert_max_num_queries
):
    """The second request renders nothing of the record again: session, user, roles,
    the record with its province, the list of dates and the live requests beside the
    figures."""
    eerste = lezer.get(PAGINA).content.decode()
    with (
        django_assert_max_num_queries(6),
        mock.patch("vaststellingen.paginas.vastgelegd", side_effect=AssertionError("read")),
    ):
        tweede = lezer.get(PAGINA).content.decode()
    assert zonder_nonce(tweede) == zonder_nonce(eerste)
    caches[LOKAAL].clear()  # another process renders it anew: the same page
    derde = lezer.get(PAGINA).content.decode()
    assert zonder_nonce(derde) == zonder_nonce(eerste)


@pytest.mark.parametrize(
    ("url", "figuur"),
    [
        (f"/provincies/PV25/print/?peildatum={VASTGESTELD.isoformat()}", "9.274"),
        (f"/provincies/PV25/gebied/VR06/?peildatum={VASTGESTELD.isoformat()}", "Achterhoek"),
    ],
)
def test_the_print_and_region_pages_of_a_record_are_put_together_once(
    url, figuur, vastgesteld, lezer
):
    """Like the dashboard: the second request puts no stored part together again and
    shows the same page (the print view with Gelderland's asiel 9.274 realised on
    1-1-2024; the region Noord- en Oost-Gelderland with its subregio Achterhoek)."""
    eerste = lezer.get(url).content.decode()
    assert figuur in eerste
    opnieuw = AssertionError("put together again")
    with mock.patch("vaststellingen.paginas.Delen.__getattr__", side_effect=opnieuw):
        tweede = lezer.get(url).content.decode()
    assert zonder_nonce(tweede) == zonder_nonce(eerste)


def test_a_new_reference_date_shows_in_the_choice_of_a_rendered_record(
    vastgesteld, gelderland, lezer
):
    assert "1-2-2030" not in lezer.get(PAGINA).content.decode()
    Peildatum.objects.create(provincie=gelderland, datum=datetime.date(2030, 2, 1))
    tekst = lezer.get(PAGINA).content.decode()
    assert '<option value="2030-02-01">1-2-2030</option>' in tekst
    assert "9.274" in tekst  # the record's figures, as before


def test_the_date_choice_of_a_record_names_each_date_and_which_are_adopted(
    vastgesteld, gelderland, lezer
):
    """The choice of a record's page as the open pages have it: the date, its
    description, "(vastgesteld)" for an adopted one, the record's own date selected."""
    Peildatum.objects.create(
        provincie=gelderland, datum=datetime.date(2030, 2, 1), omschrijving="Extra telling"
    )
    tekst = lezer.get(PAGINA).content.decode()
    assert '<option value="2030-02-01">1-2-2030 – Extra telling</option>' in tekst
    optie = rf'<option value="{VASTGESTELD.isoformat()}" selected>([^<]*)</option>'
    gekozen = re.search(optie, tekst)
    assert gekozen and gekozen.group(1).endswith(" (vastgesteld)"), gekozen


def zonder_nonce(html: str) -> str:
    """A page without its per-request parts: the CSP nonce and the masked CSRF token."""
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_the_samenvatting_of_a_record_is_rendered_once(vastgesteld, lezer):
    """The API's samenvatting of a vastgestelde peildatum: decoded and rendered on the
    first request; after that the same bytes and ETag without decoding the record."""
    url = DOWNLOADS[-1]
    eerste = lezer.get(url)
    assert eerste.status_code == 200
    with mock.patch("api.vastgelegd.overzicht_van", side_effect=AssertionError("decoded")):
        tweede = lezer.get(url)
    assert tweede.content == eerste.content and tweede["ETag"] == eerste["ETag"]
    assert tweede["Content-Type"] == "application/json"
    caches[LOKAAL].clear()  # another process: decoded and rendered anew, the same answer
    derde = lezer.get(url)
    assert derde.content == eerste.content and derde["ETag"] == eerste["ETag"]


def test_a_record_is_not_shown_to_who_may_not_read_the_province(vastgesteld, client, secretaris):
    client.force_login(secretaris)  # Overijssel's secretary reads Overijssel only
    for url in (PAGINA, f"{PAGINA}&_export=csv&tabel=asiel"):
        assert client.get(url).status_code == 403, url
    assert client.get("/provincies/XX99/?peildatum=2024-01-01").status_code == 404


# --- The record and its date choice, kept under the state of what they read -----------


def test_the_record_lookup_reads_only_the_tables_it_is_kept_under(vastgesteld):
    """`opzoeken` is kept under the state of `OPZOEKEN_LEEST`: it reads no other followed
    table (a write there would leave it stale), and each one it names is followed."""
    gevolgd = set(actueel.gevolgde_tabellen())
    assert gevolgd >= paginas.OPZOEKEN_LEEST, paginas.OPZOEKEN_LEEST - gevolgd
    request = RequestFactory().get(PAGINA)
    with CaptureQueriesContext(connection) as queries:
        vaststelling, overzicht = paginas.opzoeken(request, "PV25", VASTGESTELD)
    assert (vaststelling.provincie.naam, overzicht.datum) == ("Gelderland", VASTGESTELD)
    assert [p.is_vastgesteld for p in overzicht.peildata if p.datum == VASTGESTELD] == [True]
    gelezen = tabellen(queries.captured_queries)
    assert {"vaststellingen_vaststelling", "realisatie_peildatum"} <= gelezen
    assert gelezen & gevolgd <= paginas.OPZOEKEN_LEEST, (gelezen & gevolgd) - paginas.OPZOEKEN_LEEST
    assert paginas.opzoeken(request, "PV25", datetime.date(2024, 1, 8)) is None  # open
    assert paginas.opzoeken(request, "XX99", VASTGESTELD) is None


@pytest.mark.usefixtures("buiten_transactie")
def test_a_member_s_second_request_reads_only_the_state_beside_session_and_roles(
    vastgesteld, gelderland, secretaris_gelderland, lezer
):
    """Outside a transaction (PostgreSQL): the record, the dates and the open requests are
    kept under the state of their tables, so the page costs what any member's page costs
    (session, user, roles) plus the state; adding a date or heropenen shows at once."""
    eerste = lezer.get(PAGINA).content.decode()
    with CaptureQueriesContext(connection) as queries:
        tweede = lezer.get(PAGINA).content.decode()
    assert zonder_nonce(tweede) == zonder_nonce(eerste)
    # Session, user, the roles with their gemeente, and the state.
    assert tabellen(queries.captured_queries) == {
        "django_session",
        "auth_user",
        "toegang_rol",
        "gemeenten_gemeente",
    }
    assert f"SELECT tabel, versie FROM {actueel.TABELSTAND}" in [
        q["sql"] for q in queries.captured_queries
    ]
    assert len(queries.captured_queries) == 4
    Peildatum.objects.create(
        provincie=gelderland, datum=datetime.date(2030, 2, 1), omschrijving="Extra telling"
    )
    tekst = lezer.get(PAGINA).content.decode()
    assert '<option value="2030-02-01">1-2-2030 – Extra telling</option>' in tekst
    assert "9.274" in tekst
    peildatum = Peildatum.objects.get(provincie=gelderland, datum=VASTGESTELD)
    peildatum_heropenen(peildatum=peildatum, door=secretaris_gelderland, reden="Correctie COA")
    # Open again: computed from the figures, the record no longer put together.
    with mock.patch("vaststellingen.paginas.samengesteld", side_effect=AssertionError("record")):
        tekst = lezer.get(PAGINA).content.decode()
    assert "9.274" in tekst
    assert paginas.opzoeken(RequestFactory().get(PAGINA), "PV25", VASTGESTELD) is None
