"""The pages of an open peildatum are rendered once per state of the figures
(`realisatie.actueel`): a second request computes nothing, and any committed write,
whatever path it takes, shows on the next request.

The state is a counter per table that PostgreSQL's triggers move; tests normally run in a
transaction, where nothing is kept; the tests of keeping run outside one
(transaction=True) and on PostgreSQL only."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import F
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from opgaven.models import Opgave
from realisatie import actueel
from tests.realisatie.test_dashboard import cellen, rij, tabel

OVERIJSSEL = reverse("provincie", args=["PV23"])


# --- Rules, without the database ----------------------------------------------------


@pytest.mark.parametrize(
    ("vraag", "gewoon"),
    [
        ("", True),
        ("?peildatum=2024-01-01", True),
        ("?peildatum=2024-01-01&peildatum=2024-07-01", False),  # which one? not kept
        ("?sort=naam", False),
        ("?_export=csv&tabel=asiel", False),
        ("?peildatum=2024-01-01&x=1", False),
    ],
)
def test_only_the_page_itself_is_kept(vraag, gewoon):
    request = RequestFactory().get(f"/provincie/PV23/{vraag}")
    assert actueel.gewone_vraag(request, "peildatum") is gewoon


def test_the_key_holds_state_language_and_what_is_named():
    with translation.override("nl"):
        basis = actueel.sleutel(7, "provincie", "PV23", "")
        assert basis == actueel.sleutel(7, "provincie", "PV23", "")
        assert basis != actueel.sleutel(8, "provincie", "PV23", "")  # a commit
        assert basis != actueel.sleutel(7, "provincie", "PV25", "")
        assert basis != actueel.sleutel(7, "print", "PV23", "")
    with translation.override("en"):
        assert basis != actueel.sleutel(7, "provincie", "PV23", "")


# --- Inside a transaction nothing is kept ---------------------------------------------


@pytest.mark.django_db
def test_inside_a_transaction_the_state_is_unknown():
    assert connection.in_atomic_block
    assert actueel.tabelstanden() is None
    gemaakt = []
    for _ in range(2):
        actueel.bewaard(RequestFactory().get("/"), lambda: gemaakt.append(1) or "x", "proef")
    assert len(gemaakt) == 2


# --- Outside a transaction, on PostgreSQL ---------------------------------------------


@pytest.fixture
def buiten_transactie(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("De gegevensstand houdt PostgreSQL bij (trigger); zet DATABASE_URL.")


@pytest.fixture
def lid_buiten(buiten_transactie, demodata):
    client = Client()
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


def asielopgave(html: str) -> str:
    return cellen(rij(tabel(html, 'data-blok="asiel"'), "PV23"))[0]


def zonder_tokens(antwoord) -> bytes:
    """The page without what the frame makes anew per request (the logout form's CSRF
    token, the scripts' nonce); never in a kept part."""
    return re.sub(rb'(nonce|value)="[^"]*"', b"", antwoord.content)


def figuurqueries(queries) -> list[str]:
    """The queries that read figures (not session, user, roles or the state itself)."""
    return [
        q["sql"]
        for q in queries
        if any(f'FROM "{t}' in q["sql"] for t in ("opgaven_", "realisatie_", "gemeenten_gemeente"))
    ]


def test_state_moves_with_a_write_to_the_figures_only(buiten_transactie, demodata):
    voor = actueel.tabelstanden()
    assert voor and voor == actueel.tabelstanden()  # reading changes nothing
    # A session write (every member's, once a minute) leaves the pages kept.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_session")
    assert actueel.tabelstanden() == voor
    opgaven = voor.get("opgaven_opgave", 0)
    Opgave.objects.filter(gemeente__code="GM0150").update(toelichting="gewijzigd")
    assert actueel.tabelstanden() == {**voor, "opgaven_opgave": opgaven + 1}
    with transaction.atomic():
        Opgave.objects.filter(gemeente__code="GM0150").update(toelichting="")
        Opgave.objects.filter(gemeente__code="GM0150").update(toelichting="x")
    assert actueel.tabelstanden() == {**voor, "opgaven_opgave": opgaven + 3}


@pytest.mark.django_db
def test_every_followed_table_has_the_trigger():
    if connection.vendor != "postgresql":
        pytest.skip("De trigger bestaat alleen op PostgreSQL; zet DATABASE_URL.")
    tabellen = actueel.gevolgde_tabellen()
    assert {"opgaven_opgave", "realisatie_oekrainetelling", "gemeenten_gemeente"} <= set(tabellen)
    assert "vaststellingen_vaststelling" in tabellen
    assert not [t for t in tabellen if "historical" in t]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'prt_gegevensstand'"
        )
        met_trigger = {r[0] for r in cursor.fetchall()}
    assert set(tabellen) <= met_trigger
    assert "django_session" not in met_trigger


@pytest.mark.django_db
def test_installing_again_never_resets_the_state():
    """A reset would make keys of an earlier state valid again: stale pages."""
    if connection.vendor != "postgresql":
        pytest.skip("De trigger bestaat alleen op PostgreSQL; zet DATABASE_URL.")

    def standen() -> dict[str, int]:  # read directly: inside the test's transaction
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT tabel, versie FROM {actueel.TABELSTAND}")
            return dict(cursor.fetchall())

    Opgave.objects.update(toelichting="")  # some write: the state is not 0
    voor = standen()
    assert voor["opgaven_opgave"] > 0
    actueel.installeren()  # as after every migrate
    assert standen() == voor
    # No counter for all tables together: its one row would make writers wait in line.
    assert actueel.OUDE_TABEL not in connection.introspection.table_names()


def test_dashboard_is_computed_once_per_state(lid_buiten):
    eerste = lid_buiten.get(OVERIJSSEL)
    assert asielopgave(eerste.content.decode()) == "6.325"
    with CaptureQueriesContext(connection) as queries:
        tweede = lid_buiten.get(OVERIJSSEL)
        gelezen = figuurqueries(queries.captured_queries)
    assert zonder_tokens(tweede) == zonder_tokens(eerste)
    assert gelezen == [], gelezen
    assert tweede["Cache-Control"] == eerste["Cache-Control"]
    assert "private" in tweede["Cache-Control"]


def test_a_write_by_any_path_shows_on_the_next_request(lid_buiten):
    assert asielopgave(lid_buiten.get(OVERIJSSEL).content.decode()) == "6.325"
    lid_buiten.get(OVERIJSSEL)  # kept
    # A queryset update: no signal, no history, nothing told to any cache.
    deventer = Opgave.objects.filter(gemeente__code="GM0150", besluit__soort="asiel")
    assert deventer.update(aantal=F("aantal") + 100) == 1
    assert asielopgave(lid_buiten.get(OVERIJSSEL).content.decode()) == "6.425"
    # Raw SQL, committed by another connection's worth of code: shows as well.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE opgaven_opgave SET aantal = aantal - 100 WHERE id = %s",
            [deventer.get().id],
        )
    assert asielopgave(lid_buiten.get(OVERIJSSEL).content.decode()) == "6.325"


def test_a_write_inside_an_open_transaction_is_not_kept_as_the_page(lid_buiten):
    """A page read while a write is uncommitted shows the figures before it; the commit
    makes a new state, so the next request shows the write."""
    lid_buiten.get(OVERIJSSEL)
    with transaction.atomic():
        Opgave.objects.filter(gemeente__code="GM0150", besluit__soort="asiel").update(
            aantal=F("aantal") + 1
        )
    assert asielopgave(lid_buiten.get(OVERIJSSEL).content.decode()) == "6.326"


def test_kept_page_is_the_computed_page_byte_for_byte(lid_buiten):
    kept = lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"})
    kept = lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"})
    with transaction.atomic():  # nothing kept inside a transaction: computed now
        berekend = lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"})
    assert zonder_tokens(kept) == zonder_tokens(berekend)
    assert 'data-blok="asiel"' in kept.content.decode()


def test_print_page_and_dates_are_kept_apart(lid_buiten):
    print_url = reverse("provincie-print", args=["PV23"])
    pagina = lid_buiten.get(OVERIJSSEL).content.decode()
    afdruk = lid_buiten.get(print_url).content.decode()
    assert "data-print" in afdruk and "data-print" not in pagina
    op_datum = lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"}).content.decode()
    assert "?peildatum=2024-01-01&amp;_export=csv" in op_datum
    assert "?peildatum=2024-01-01" not in pagina


def test_sorted_or_csv_is_computed_and_not_kept(lid_buiten):
    lid_buiten.get(OVERIJSSEL)
    with CaptureQueriesContext(connection) as queries:
        csv = lid_buiten.get(OVERIJSSEL, {"_export": "csv", "tabel": "asiel"})
        gelezen = figuurqueries(queries.captured_queries)
    assert csv["Content-Type"].startswith("text/csv")
    assert "6325" in csv.content.decode("utf-8-sig")
    assert gelezen  # the CSV is made from the figures, not from a kept page


def test_another_province_is_still_refused(buiten_transactie, secretaris_gelderland):
    client = Client()
    client.force_login(secretaris_gelderland)
    assert client.get(reverse("provincie", args=["PV25"])).status_code == 200
    client.get(OVERIJSSEL)  # whatever a member of Overijssel had kept
    assert client.get(OVERIJSSEL).status_code == 403


DEVENTER = reverse("gemeente", args=["GM0150"])
SAMENVATTING = "/api/v1/provincies/PV23/samenvatting"


def deventer_opgaven(html: str) -> str:
    return tabel(html, 'data-tabel="opgaven"')


def asiel_in_api(body: dict) -> int:
    asiel = next(b for b in body["blokken"] if b["soort"] == "asiel")
    return asiel["regels"][0]["waarden"]["opgave"]["waarde"]


def test_gemeente_page_is_computed_once_per_state(lid_buiten):
    eerste = lid_buiten.get(DEVENTER)
    assert "<title>Deventer – PRT Monitor</title>" in eerste.content.decode()
    assert ">529<" in deventer_opgaven(eerste.content.decode())
    with CaptureQueriesContext(connection) as queries:
        tweede = lid_buiten.get(DEVENTER)
        gelezen = figuurqueries(queries.captured_queries)
    assert zonder_tokens(tweede) == zonder_tokens(eerste)
    # Only which gemeente the code is (and so whose province and rights): no figures.
    assert len(gelezen) == 1 and "LIMIT 1" in gelezen[0], gelezen
    Opgave.objects.filter(gemeente__code="GM0150", besluit__soort="asiel").update(aantal=530)
    assert ">530<" in deventer_opgaven(lid_buiten.get(DEVENTER).content.decode())
    with transaction.atomic():  # computed now: the same page as kept
        berekend = lid_buiten.get(DEVENTER)
    assert zonder_tokens(berekend) == zonder_tokens(lid_buiten.get(DEVENTER))


def test_api_samenvatting_is_computed_once_per_state(lid_buiten):
    eerste = lid_buiten.get(SAMENVATTING)
    assert asiel_in_api(eerste.json()) == 6325
    with CaptureQueriesContext(connection) as queries:
        tweede = lid_buiten.get(SAMENVATTING)
        gelezen = figuurqueries(queries.captured_queries)
    assert tweede.content == eerste.content and tweede["ETag"] == eerste["ETag"]
    assert gelezen == [], gelezen
    with transaction.atomic():  # computed and rendered now: the same answer as kept
        berekend = lid_buiten.get(SAMENVATTING)
    assert berekend.content == eerste.content and berekend["ETag"] == eerste["ETag"]
    ingesprongen = lid_buiten.get(SAMENVATTING, HTTP_ACCEPT="application/json; indent=2")
    assert ingesprongen.content.startswith(b'{\n  "') and ingesprongen.json() == eerste.json()
    assert lid_buiten.get(SAMENVATTING).content == eerste.content  # kept apart
    Opgave.objects.filter(gemeente__code="GM0150", besluit__soort="asiel").update(aantal=629)
    derde = lid_buiten.get(SAMENVATTING)
    assert asiel_in_api(derde.json()) == 6425
    assert derde["ETag"] != eerste["ETag"]
    # Another date is another answer.
    op_datum = lid_buiten.get(SAMENVATTING, {"peildatum": "2024-06-30"}).json()
    assert asiel_in_api(op_datum) == 6425
    assert op_datum["datum"] != derde.json()["datum"]


IJSSELLAND = reverse("gebied", args=["PV23", "overijssel-ijsselland"])


def test_region_page_is_computed_once_per_state(lid_buiten):
    eerste = lid_buiten.get(IJSSELLAND)
    html = eerste.content.decode()
    assert "<title>IJsselland – Overijssel – PRT Monitor</title>" in html
    assert cellen(rij(tabel(html, 'data-blok="asiel"'), "overijssel-ijsselland"))[0] == "3.050"
    with CaptureQueriesContext(connection) as queries:
        tweede = lid_buiten.get(IJSSELLAND)
        gelezen = figuurqueries(queries.captured_queries)
    assert zonder_tokens(tweede) == zonder_tokens(eerste)
    assert gelezen == [], gelezen
    Opgave.objects.filter(gemeente__code="GM0150", besluit__soort="asiel").update(aantal=530)
    html = lid_buiten.get(IJSSELLAND).content.decode()
    assert cellen(rij(tabel(html, 'data-blok="asiel"'), "overijssel-ijsselland"))[0] == "3.051"
    with transaction.atomic():  # computed now: the same page as kept
        berekend = lid_buiten.get(IJSSELLAND)
    assert zonder_tokens(berekend) == zonder_tokens(lid_buiten.get(IJSSELLAND))
    # An unknown region is not found, kept or not.
    for _ in range(2):
        assert lid_buiten.get(reverse("gebied", args=["PV23", "bestaat-niet"])).status_code == 404


# --- The frame and the kept figures, joined as bytes ------------------------------------


@pytest.mark.django_db
def test_the_figures_are_joined_into_the_frame_byte_for_byte(demodata, rf):
    """`met_inhoud`: the frame rendered for the request, the figures copied in where the
    template says `{{ inhoud }}`, as they were encoded (ï and € stay what they were), and
    nothing of the seam is left; a text in the figures that looks like a seam is kept."""
    from gemeenten.models import Provincie
    from realisatie.views import Paginakop, met_inhoud

    request = rf.get(OVERIJSSEL)
    request.user = get_user_model().objects.get(username="lid")
    inhoud = "<p>Oekraïne € 1.201 <!--inhoud-0--></p>".encode()
    overijssel = Provincie.objects.get(code="PV23")
    antwoord = met_inhoud(
        request,
        "realisatie/provincie.html",
        {"overzicht": Paginakop(overijssel, actueel.timezone.localdate()), "gekozen": None},
        inhoud,
    )
    assert antwoord["Content-Type"] == "text/html; charset=utf-8"
    tekst = antwoord.content.decode()
    assert antwoord.content.count(inhoud) == 1
    assert tekst.count("<!--inhoud-") == 1  # only the one in the figures themselves
    assert tekst.index("<title>") < tekst.index("Oekraïne") < tekst.index("</main>")
