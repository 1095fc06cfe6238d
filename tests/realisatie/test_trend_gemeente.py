"""Property: a gemeente's trend, computed over a tree of that gemeente alone
(`overzicht.gemeente_overzicht`), is the trend computed over the whole province.

The same random Overijssel figures as the one-truth property (register locations of
every kind, entered places, Oekraïne counts, statushouders per month, uitruil between
gemeenten, a counting rule), plus a location shared between two gemeenten and a second
peildatum, on top of the demo's opgaven."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from gemeenten.models import Gemeente, Provincie
from realisatie import trend as trendmodule
from realisatie.models import Capaciteitsperiode, Locatieaandeel, Opvanglocatie, Peildatum
from realisatie.trend import trend
from tests.realisatie.test_een_waarheid_eigenschap import VOORBEELDEN, inrichten, scenario

pytestmark = pytest.mark.django_db


def test_a_gemeentes_trend_needs_no_other_gemeente(demodata):
    overijssel = Provincie.objects.get(code="PV23")
    gemeenten = list(Gemeente.objects.filter(provincie=overijssel).order_by("code"))

    @settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(figuren=scenario)
    def eigenschap(figuren):
        with transaction.atomic():
            inrichten(figuren)
            gedeeld(gemeenten[0], gemeenten[1])
            Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2025, 4, 1))
            for gemeente in gemeenten:
                snel = trend(overijssel, gemeente.code)
                with mock.patch.object(trendmodule, "gemeente_overzicht", return_value=None):
                    heel = trend(overijssel, gemeente.code)
                assert snel == heel, gemeente.naam
                assert any(r.heeft_cijfers for r in snel[1]), gemeente.naam
            transaction.set_rollback(True)

    eigenschap()


def gedeeld(eigenaar: Gemeente, deelnemer: Gemeente) -> None:
    """A location of `eigenaar` with 120 of its 400 places counted in `deelnemer`."""
    locatie = Opvanglocatie.objects.create(gemeente=eigenaar, naam="gedeelde locatie")
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=400,
        van=datetime.date(2024, 1, 1),
        status="gerealiseerd",
    )
    Locatieaandeel.objects.create(locatie=locatie, gemeente=deelnemer, plaatsen=120)
    Locatieaandeel.objects.create(locatie=locatie, gemeente=eigenaar, plaatsen=280)
