"""Named actors of the dashboard tests: a regietafel member (reads Gelderland and
Overijssel) and the beheerder (everything, the national page too), each a logged-in
test client on the demo data."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def lid(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


@pytest.fixture
def beheerder(demodata, client):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    return client
