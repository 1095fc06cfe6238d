"""Numbers of the actielijst stay unique when secretaries save at the same moment: the
service takes the next number with the province row locked (PostgreSQL only: SQLite
serialises every write anyway)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from regietafel.models import Actie
from tests.regietafel.conftest import actie

GELIJKTIJDIG = 5


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_acties_krijgen_elk_een_eigen_nummer(vergadering, secretaris):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    start = threading.Barrier(GELIJKTIJDIG)
    fouten: list[BaseException] = []

    def opslaan(n: int) -> None:
        try:
            start.wait()
            actie(secretaris, vergadering, f"Actie {n}")
        except BaseException as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=opslaan, args=(n,)) for n in range(GELIJKTIJDIG)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert fouten == []
    assert sorted(Actie.objects.values_list("nummer", flat=True)) == list(
        range(1, GELIJKTIJDIG + 1)
    )
