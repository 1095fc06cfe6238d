"""`in_provincie` gives the same rows inside a gebiedsronde (area ids read once, a list
per column) as outside one (subqueries), and a herindeling within the round counts."""

from __future__ import annotations

import pytest

from gemeenten.gebied import gebiedsronde, in_provincie
from gemeenten.models import Gemeente, Provincie
from opgaven.models import Opgave, Taakstelling
from realisatie.models import AsielTelling, Huisvesting, OekraineTelling

pytestmark = pytest.mark.django_db

TABELLEN = (AsielTelling, OekraineTelling, Huisvesting, Opgave, Taakstelling)


def rijen(model, provincie) -> set[int]:
    return set(model.objects.filter(in_provincie(provincie)).values_list("pk", flat=True))


def test_the_same_rows_inside_and_outside_a_round(demodata):
    for provincie in Provincie.objects.all():
        buiten = {model: rijen(model, provincie) for model in TABELLEN}
        with gebiedsronde():
            binnen = {model: rijen(model, provincie) for model in TABELLEN}
        assert binnen == buiten, provincie.naam
    assert buiten  # Gelderland and Overijssel have figures in the demo
    assert any(rijen(OekraineTelling, p) for p in Provincie.objects.all())


def test_a_herindeling_within_the_round_counts(demodata, django_assert_num_queries):
    gelderland = Provincie.objects.get(code="PV25")
    deventer = Gemeente.objects.get(code="GM0150")
    van_deventer = set(Opgave.objects.filter(gemeente=deventer).values_list("pk", flat=True))
    assert van_deventer
    with gebiedsronde():
        assert not van_deventer & rijen(Opgave, gelderland)
        with django_assert_num_queries(1):  # the ids are not read again
            rijen(Opgave, gelderland)
        deventer.provincie = gelderland
        deventer.veiligheidsregio = None
        deventer.subregio = None
        deventer.save()
        assert van_deventer <= rijen(Opgave, gelderland)


def test_a_request_reads_a_provinces_area_ids_once(demodata, client):
    """The dashboard filters several figure tables by province: one read of the ids."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(get_user_model().objects.get(username="lid"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/provincies/PV25/").status_code == 200
    ids = [q["sql"] for q in queries if "UNION ALL" in q["sql"]]
    assert len(ids) == 1
    gefilterd = [q["sql"] for q in queries if "realisatie_oekrainetelling" in q["sql"]]
    assert gefilterd and all("gemeenten_gemeente" not in sql for sql in gefilterd)


def test_an_empty_list_of_ids_selects_nothing(demodata):
    """A province without subregio's: its empty list matches no row, on either database;
    a list matches what `__in` matches."""
    from django.db.models import F

    from gemeenten.gebied import InLijst

    assert not Opgave.objects.filter(InLijst(F("gemeente"), [])).exists()
    gemeenten = list(Gemeente.objects.filter(provincie__code="PV23").values_list("pk", flat=True))
    gekozen = set(
        Opgave.objects.filter(InLijst(F("gemeente"), gemeenten)).values_list("pk", flat=True)
    )
    assert gekozen == set(
        Opgave.objects.filter(gemeente__in=gemeenten).values_list("pk", flat=True)
    )
    assert gekozen  # Deventer's opgave of 529 among them


def test_the_ids_are_one_parameter_on_postgresql(demodata):
    """The query's text and parameters do not grow with the number of gemeenten (psycopg
    parses a query of more than 50 parameters anew every time)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("Alleen PostgreSQL kent = ANY(array); SQLite krijgt IN (...).")
    gelderland = Provincie.objects.get(code="PV25")
    assert Gemeente.objects.filter(provincie=gelderland).count() > 50
    with gebiedsronde():
        rijen(OekraineTelling, gelderland)
        with CaptureQueriesContext(connection) as queries:
            rijen(OekraineTelling, gelderland)
    (sql,) = [q["sql"] for q in queries]
    assert '"gemeente_id" = ANY(' in sql
    assert " IN (" not in sql
