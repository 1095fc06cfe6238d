"""Issue 13 (low): signalen/?peildatum=9999-12-31 and the statushouders month 9999-12
gave a 500 (a date past the year 9999 in the rules); now a clear "not found"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "pad",
    [
        "/provincies/PV23/signalen/?peildatum=9999-12-31",
        "/provincies/PV23/?peildatum=9999-12-31",
        "/gemeenten/GM0150/?peildatum=0001-01-01",
    ],
)
def test_dashboard_dates_far_away(lid, pad):
    assert lid.get(pad).status_code == 404


def test_statushouders_month_far_away(secretaris):
    assert secretaris.get("/invoer/PV23/statushouders/9999-12/").status_code == 404
    assert secretaris.get("/invoer/PV23/statushouders/2024-03/").status_code == 200
