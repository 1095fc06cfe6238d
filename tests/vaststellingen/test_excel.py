"""The Excel downloads of a vastgestelde peildatum: the standard selection (with or
without its parameters; its horizon follows the peildatum) is the stored file; another
selection is refused with the reason, never computed past the record."""

from __future__ import annotations

import pytest

from realisatie.horizon import standaard_horizon
from tests.vaststellingen.conftest import VASTGESTELD

pytestmark = pytest.mark.django_db
URL = f"/exports/PV25/bijlage-2.xlsx?peildatum={VASTGESTELD.isoformat()}"


def test_standard_selection_with_or_without_parameters_is_the_stored_file(vastgesteld, lezer):
    # The standard horizon follows the peildatum: Q1 2024 through Q4 2026.
    eerste, laatste = standaard_horizon(VASTGESTELD)
    assert (eerste.code, laatste.code) == ("2024-Q1", "2026-Q4")
    zonder = lezer.get(URL)
    met = lezer.get(
        f"{URL}&van={eerste.jaar}-Q{eerste.nummer}&tot={laatste.jaar}-Q{laatste.nummer}"
    )
    assert zonder.status_code == met.status_code == 200
    assert zonder.content == met.content
    assert zonder["Content-Disposition"] == (
        'attachment; filename="bijlage-2-asiel-PV25-2024-01-01.xlsx"'
    )


def test_another_selection_is_refused_with_the_reason(vastgesteld, lezer):
    antwoord = lezer.get(f"{URL}&van=2025-Q1&tot=2025-Q4")
    assert antwoord.status_code == 400
    assert "vastgesteld" in antwoord.content.decode()
