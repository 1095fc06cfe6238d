"""The province dashboard in parts (`realisatie.dashboard.delen`): each opgave's part is
kept under the state of the tables it reads, so a grid save makes only its own part anew;
the page joined from kept parts is the page computed now, byte for byte."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from opgaven.models import Opgavesoort
from realisatie import actueel, bronnen
from realisatie.dashboard import delen
from realisatie.models import AsielTelling, Capaciteitsperiode, Huisvesting, OekraineTelling
from realisatie.overzicht import provinciegebied
from tests.realisatie.test_actueel import (
    OVERIJSSEL,
    buiten_transactie,
    figuurqueries,
    lid_buiten,
    zonder_tokens,
)

__all__ = ["buiten_transactie", "lid_buiten"]  # fixtures, used by name

# The figures only each part reads: a test of what a part leaves out would pass
# vacuously if the part read nothing.
EIGEN = {
    Opgavesoort.ASIEL: {"realisatie_asieltelling", "realisatie_capaciteitsperiode"},
    Opgavesoort.OEKRAINE: {"realisatie_oekrainetelling"},
    Opgavesoort.STATUSHOUDERS: {"realisatie_huisvesting"},
}


def tabellen(queries) -> set[str]:
    return {naam for q in queries for naam in re.findall(r'(?:FROM|JOIN) "([a-z0-9_]+)"', q["sql"])}


# --- Rules, without the database ----------------------------------------------------


def test_every_part_leaves_out_only_followed_tables():
    """A name that is not a followed table (a typo) would leave nothing out."""
    gevolgd = set(actueel.gevolgde_tabellen())
    for soort, zonder in delen.NIET_GELEZEN.items():
        assert zonder <= gevolgd, zonder - gevolgd
        assert not zonder & EIGEN[soort]
    assert set(delen.NIET_GELEZEN) == set(Opgavesoort.values)


def test_a_part_is_kept_until_a_table_it_reads_changes():
    caches[actueel.CACHE].clear()
    gemaakt = []

    def maken():
        gemaakt.append(1)
        return len(gemaakt)

    standen = {"realisatie_oekrainetelling": 4, "realisatie_asieltelling": 7}
    zonder = delen.NIET_GELEZEN[Opgavesoort.ASIEL]
    assert actueel.bewaard_bij(standen, zonder, maken, "deel", "test") == 1
    assert actueel.bewaard_bij(dict(standen), zonder, maken, "deel", "test") == 1
    # A table the asiel part does not read: still the part kept.
    standen["realisatie_oekrainetelling"] = 5
    standen["realisatie_huisvesting"] = 1
    assert actueel.bewaard_bij(standen, zonder, maken, "deel", "test") == 1
    # One it reads: made anew.
    standen["realisatie_asieltelling"] = 8
    assert actueel.bewaard_bij(standen, zonder, maken, "deel", "test") == 2
    # Another part of the same state is another entry.
    assert actueel.bewaard_bij(standen, zonder, maken, "deel", "ander") == 3


# --- What each part reads, on either database ------------------------------------------


@pytest.mark.parametrize("soort", Opgavesoort.values)
@pytest.mark.parametrize("datum", [datetime.date(2024, 1, 1), datetime.date(2025, 3, 1)])
def test_a_part_reads_none_of_the_tables_it_leaves_out(demodata, soort, datum):
    provincie = Provincie.objects.get(code="PV23")
    request = RequestFactory().get("/", {"peildatum": datum.isoformat()})
    boom = provinciegebied(provincie, datum)
    with CaptureQueriesContext(connection) as queries:
        deel = delen.deel(provincie, datum, boom, soort, request)
    gelezen = tabellen(queries.captured_queries)
    assert EIGEN[soort] <= gelezen, gelezen
    if soort == Opgavesoort.STATUSHOUDERS:
        assert "opgaven_taakstelling" in gelezen
    assert not gelezen & delen.NIET_GELEZEN[soort], gelezen & delen.NIET_GELEZEN[soort]
    assert f'data-blok="{soort}"' in deel.sectie
    assert deel.blok.soort == soort and deel.blok.regels == []


def eerste_tabel(sql: str) -> str:
    """The table a query reads rows from (not one in a subquery of its WHERE)."""
    return re.search(r' FROM "([a-z0-9_]+)"', sql).group(1)


@pytest.mark.parametrize("datum", [datetime.date(2024, 7, 1), datetime.date(2025, 3, 1)])
def test_the_statushouders_block_takes_its_half_year_from_the_history_read(demodata, datum):
    """In the page's leesronde the half-year history reads every taakstelling and the
    housing up to the date once; the block takes its half year from those reads, and
    shows what it shows when it reads them itself."""
    provincie = Provincie.objects.get(code="PV25")
    request = RequestFactory().get("/")
    boom = provinciegebied(provincie, datum)
    apart = delen.deel(provincie, datum, boom, Opgavesoort.STATUSHOUDERS, request)
    with bronnen.leesronde(een_datum=True), CaptureQueriesContext(connection) as queries:
        gedeeld = delen.deel(provincie, datum, boom, Opgavesoort.STATUSHOUDERS, request)
    van = [eerste_tabel(q["sql"]) for q in queries.captured_queries]
    assert van.count("opgaven_taakstelling") == 1, van
    assert van.count("realisatie_huisvesting") == 1, van
    assert gedeeld == apart
    assert "data-halfjaar=" in gedeeld.plan  # the history is on it


# --- Kept on PostgreSQL, outside a transaction -------------------------------------------


def berekend(client, url=OVERIJSSEL, **vraag):
    with transaction.atomic():  # nothing is kept inside a transaction: computed now
        return zonder_tokens(client.get(url, vraag))


GELDERLAND = reverse("provincie", args=["PV25"])  # the demo figures of all three opgaven


def asiel_opslaan() -> int:
    return AsielTelling.objects.update(regulier=F("regulier") + 10) + (
        Capaciteitsperiode.objects.update(plaatsen=F("plaatsen") + 10)
    )


WIJZIGINGEN = {
    # A save of each opgave's figures, as a queryset update (no signal, nothing told).
    Opgavesoort.ASIEL: asiel_opslaan,
    Opgavesoort.OEKRAINE: lambda: OekraineTelling.objects.update(goo_totaal=F("goo_totaal") + 10),
    Opgavesoort.STATUSHOUDERS: lambda: Huisvesting.objects.update(gehuisvest=F("gehuisvest") + 10),
}


@pytest.mark.parametrize("soort", Opgavesoort.values)
def test_after_a_grid_save_only_its_part_is_made_and_the_page_is_as_computed(lid_buiten, soort):
    voor = zonder_tokens(lid_buiten.get(GELDERLAND, {"peildatum": "2024-07-01"}))
    assert WIJZIGINGEN[soort]() > 0
    with CaptureQueriesContext(connection) as queries:
        na = zonder_tokens(lid_buiten.get(GELDERLAND, {"peildatum": "2024-07-01"}))
    gelezen = tabellen(queries.captured_queries)
    assert na != voor  # the save shows
    # and the kept parts are the figures as they are now
    assert na == berekend(lid_buiten, GELDERLAND, peildatum="2024-07-01")
    assert EIGEN[soort] <= gelezen
    for ander in set(Opgavesoort.values) - {soort}:  # kept: their figures are not read
        assert not EIGEN[ander] & gelezen, (ander, gelezen)


def test_a_change_every_part_reads_makes_all_three_anew(lid_buiten):
    lid_buiten.get(OVERIJSSEL)
    Gemeente.objects.filter(code="GM0150").update(naam="Deventer (nieuw)")
    with CaptureQueriesContext(connection) as queries:
        na = zonder_tokens(lid_buiten.get(OVERIJSSEL))
    gelezen = tabellen(queries.captured_queries)
    assert set().union(*EIGEN.values()) <= gelezen
    assert na == berekend(lid_buiten)
    html = na.decode()
    for soort in Opgavesoort.values:
        blok = html[html.index(f'data-status-blok="{soort}"') :]
        assert "Deventer (nieuw)" in blok[: blok.index("</section>")], soort


def test_a_page_asked_again_reads_no_part(lid_buiten):
    lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"})
    # Another state of the figures (a table no part reads): the page is made anew from
    # the kept parts, with no figure read.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE vaststellingen_publicatie SET id = id WHERE false")
    with CaptureQueriesContext(connection) as queries:
        pagina = zonder_tokens(lid_buiten.get(OVERIJSSEL, {"peildatum": "2024-01-01"}))
    assert [q for q in figuurqueries(queries.captured_queries) if "peildatum" not in q] == []
    assert pagina == berekend(lid_buiten, OVERIJSSEL, peildatum="2024-01-01")
