"""The entry tests' own setup; the named actors are in `tests/conftest.py`."""

from __future__ import annotations

import datetime

import pytest

from realisatie.models import Peildatum


@pytest.fixture
def peildatum(overijssel, secretaris):
    return Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 9, 1))
