"""The Spreidingswet cycle's standard dates (Overijssel werkplan 2024, planning PRT 2024):
the regional plan "in potlood" by the end of Q2, the definitive one by 1 September, the
CdK's verslag by 1 November; the minister's verdeelbesluit has no fixed date."""

from __future__ import annotations

from datetime import date

import pytest

from regietafel.models import Mijlpaalsoort
from regietafel.services import standaard_termijnen


@pytest.mark.parametrize(
    ("cyclus", "soort", "verwacht"),
    [
        (2024, Mijlpaalsoort.REGIONAAL_PLAN_POTLOOD, date(2024, 6, 30)),
        (2024, Mijlpaalsoort.REGIONAAL_PLAN_DEFINITIEF, date(2024, 9, 1)),
        (2024, Mijlpaalsoort.VERSLAG_CDK, date(2024, 11, 1)),
        (2024, Mijlpaalsoort.VERDEELBESLUIT, None),
        (2026, Mijlpaalsoort.VERSLAG_CDK, date(2026, 11, 1)),
    ],
)
def test_standaard_termijnen(cyclus, soort, verwacht):
    assert standaard_termijnen(cyclus)[soort] == verwacht


def test_de_cyclus_volgt_de_volgorde_van_de_wet():
    assert list(standaard_termijnen(2024)) == list(Mijlpaalsoort.values)
