"""Publication: the beheerder switches it on per province; anyone then reads the latest
vastgestelde figures of that province (page, CSV, open API), cacheable by the public;
without publication, or without any vaststelling, there is nothing (404)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from api.etag import etag_van
from api.samenvatting import SamenvattingSerializer
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import Peildatum
from realisatie.overzicht import provincie_overzicht
from tests.api.conftest import contract
from vaststellingen import selectors, views
from vaststellingen.models import Publicatie

pytestmark = pytest.mark.django_db

SEPTEMBER = datetime.date(2024, 9, 1)
PAGINA = "/openbaar/PV23/"
CSV = f"{PAGINA}?_export=csv&tabel=oekraine"
API = "/api/v1/openbaar/provincies/PV23/samenvatting"
NOTITIE = "Interne notitie: locatie Zandweerd telt nog niet mee"


@pytest.fixture
def vastgesteld(overijssel, secretaris):
    """Overijssel on 1-9-2024: Deventer 500 GOO places, with a toelichting."""
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=SEPTEMBER)
    services.oekraine_tellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[OekraineRij("GM0150", goo_totaal=500, toelichting=NOTITIE)],
    )
    return services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)


@pytest.fixture
def beheerder(demodata, client):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    return client


def publiceren(beheerder, ja: bool = True):
    antwoord = beheerder.post(
        "/vaststellingen/publicatie/PV23/", {"publiceren": "ja" if ja else "nee"}
    )
    assert antwoord.status_code == 302


def test_nothing_is_public_before_the_beheerder_publishes(vastgesteld):
    anoniem = Client()
    for url in (PAGINA, CSV, API):
        assert anoniem.get(url).status_code == 404, url


def test_published_without_a_vaststelling_is_404(overijssel, beheerder):
    publiceren(beheerder)
    assert Publicatie.objects.filter(provincie=overijssel).exists()
    for url in (PAGINA, CSV, API):
        assert Client().get(url).status_code == 404, url


def test_anyone_reads_the_published_figures_and_nothing_else(vastgesteld, beheerder, secretaris):
    publiceren(beheerder)
    anoniem = Client()
    pagina = anoniem.get(PAGINA)
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Overijssel" in tekst and "1 september 2024" in tekst
    assert "6.325" in tekst  # the Spreidingswet asiel opgave of Overijssel
    assert NOTITIE not in tekst and secretaris.username not in tekst
    assert "/gemeenten/GM0150/" not in tekst  # no links to the members' pages
    assert {"public", "max-age=300"} <= {w.strip() for w in pagina["Cache-Control"].split(",")}

    csv = anoniem.get(CSV)
    assert csv.status_code == 200 and "public" in csv["Cache-Control"]
    assert "500" in csv.content.decode("utf-8-sig")

    api = anoniem.get(API)
    assert api.status_code == 200 and "public" in api["Cache-Control"]
    verwacht = SamenvattingSerializer(provincie_overzicht(vastgesteld.provincie, SEPTEMBER)).data
    assert json.loads(api.content)["blokken"] == json.loads(json.dumps(verwacht["blokken"]))


def test_logged_in_pages_stay_private(vastgesteld, beheerder):
    publiceren(beheerder)
    for url in ("/provincies/PV23/?peildatum=2024-09-01", "/vaststellingen/publicatie/"):
        waarden = {w.strip() for w in beheerder.get(url)["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= waarden and "public" not in waarden


def test_unpublishing_removes_the_page(vastgesteld, beheerder):
    publiceren(beheerder)
    assert Client().get(PAGINA).status_code == 200
    publiceren(beheerder, ja=False)
    for url in (PAGINA, CSV, API):
        assert Client().get(url).status_code == 404, url


def test_only_the_beheerder_publishes(vastgesteld, client, secretaris):
    client.force_login(secretaris)
    assert client.get("/vaststellingen/publicatie/").status_code == 403
    antwoord = client.post("/vaststellingen/publicatie/PV23/", {"publiceren": "ja"})
    assert antwoord.status_code == 403
    assert not Publicatie.objects.exists()


def test_the_open_endpoint_is_in_the_contract(demodata):
    operatie = contract()["paths"]["/api/v1/openbaar/provincies/{code}/samenvatting"]["get"]
    assert operatie.get("security", []) in ([], [{}])  # no token asked
    schema = operatie["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/Samenvatting")


OKTOBER = datetime.date(2024, 10, 1)


@pytest.fixture
def renders(monkeypatch):
    """How often the public page is rendered (not served from the per-view cache)."""
    aantal = []
    echt = views.render

    def tellen(*args, **kwargs):
        aantal.append(1)
        return echt(*args, **kwargs)

    monkeypatch.setattr(views, "render", tellen)
    return aantal


def test_the_public_page_is_rendered_once_per_record(
    vastgesteld, beheerder, secretaris, renders, django_assert_num_queries
):
    publiceren(beheerder)
    eerste = Client().get(PAGINA)
    assert len(renders) == 1
    with CaptureQueriesContext(connection) as queries:
        tweede = Client().get(PAGINA)
    # The shared cache (a table here, one query) says which record is the latest
    # published one; no record, publication or figure is read.
    assert len(queries) <= 1 and not [q for q in queries if "vaststellingen_" in q["sql"]]
    assert len(renders) == 1 and tweede.content == eerste.content
    assert {"public", "max-age=300"} <= {w.strip() for w in tweede["Cache-Control"].split(",")}
    Client().get(CSV)
    with django_assert_num_queries(1):
        csv = Client().get(CSV)
    assert "500" in csv.content.decode("utf-8-sig") and "public" in csv["Cache-Control"]

    # A later vaststelling is the page at once; heropenen it brings back the one before.
    oktober = Peildatum.objects.create(provincie=vastgesteld.provincie, datum=OKTOBER)
    services.peildatum_vaststellen(peildatum=oktober, door=secretaris)
    assert "1 oktober 2024" in Client().get(PAGINA).content.decode()
    services.peildatum_heropenen(peildatum=oktober, door=secretaris, reden="Correctie")
    tekst = Client().get(PAGINA).content.decode()
    assert "1 september 2024" in tekst and "1 oktober 2024" not in tekst
    assert len(renders) == 2  # September's page was still kept


def test_a_made_up_query_string_is_not_kept(vastgesteld, beheerder, renders):
    publiceren(beheerder)
    for _ in range(2):
        assert Client().get(f"{PAGINA}?x=1").status_code == 200
    assert len(renders) == 2
    assert Client().get(f"{PAGINA}?_export=csv&tabel=bestaat-niet").status_code == 404


def test_a_logged_in_visitor_gets_the_page_with_the_navigation(vastgesteld, beheerder):
    publiceren(beheerder)
    assert "beheerder" not in Client().get(PAGINA).content.decode()  # kept for anyone
    ingelogd = beheerder.get(PAGINA)
    assert ">beheerder<" in ingelogd.content.decode()
    assert "private" in ingelogd["Cache-Control"]
    assert ">beheerder<" not in Client().get(PAGINA).content.decode()


def test_the_open_api_is_rendered_once_per_record(vastgesteld, beheerder):
    publiceren(beheerder)
    eerste = Client().get(API)
    with CaptureQueriesContext(connection) as queries:
        tweede = Client().get(API)
    assert len(queries) <= 1 and not [q for q in queries if "vaststellingen_" in q["sql"]]
    assert tweede.content == eerste.content and tweede["Content-Type"] == "application/json"
    data = selectors.overzicht_van(vastgesteld_record(vastgesteld))["samenvatting"]
    assert json.loads(tweede.content) == json.loads(json.dumps(data))
    assert tweede["ETag"] == eerste["ETag"] == etag_van(data)
    assert tweede["API-Version"] and "public" in tweede["Cache-Control"]
    # Another media type (indented JSON) is rendered for itself, not served the compact one.
    ingesprongen = Client().get(API, HTTP_ACCEPT="application/json; indent=2")
    assert ingesprongen.content.startswith(b'{\n  "') and b'{\n  "' not in eerste.content
    assert json.loads(ingesprongen.content) == json.loads(eerste.content)
    assert Client().get(API, HTTP_ACCEPT="text/html").status_code == 406


def vastgesteld_record(peildatum):
    return selectors.vaststelling_in_kracht(peildatum.provincie, peildatum.datum)


def test_what_was_read_before_the_commit_is_forgotten_after_it(
    vastgesteld, beheerder, django_capture_on_commit_callbacks
):
    publiceren(beheerder)
    record = selectors.gepubliceerd("PV23")
    with django_capture_on_commit_callbacks() as na_commit:
        publiceren(beheerder, ja=False)
        # A request that read "published" while the transaction was still open.
        cache.set(selectors.openbaar_sleutel("PV23"), record)
    assert Client().get(PAGINA).status_code == 200
    for terugroep in na_commit:
        terugroep()
    assert Client().get(PAGINA).status_code == 404


def test_a_made_up_code_is_not_kept(overijssel, django_assert_num_queries):
    with django_assert_num_queries(0):  # not a province code: not even the cache is asked
        assert Client().get("/openbaar/¡Y%19/").status_code == 404
    for _ in range(2):  # a province that does not publish: asked, and not kept
        assert Client().get(PAGINA).status_code == 404
    assert cache.get(selectors.openbaar_sleutel("PV23")) is None
