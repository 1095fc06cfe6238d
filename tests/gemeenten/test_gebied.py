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
