"""The health endpoint answers for the database, without login."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_gezondheid_ok_without_login(client):
    response = client.get("/gezondheid")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_gezondheid_503_when_the_database_does_not_answer(client):
    with mock.patch("prt.gezondheid.connection.cursor", side_effect=OperationalError("weg")):
        response = client.get("/gezondheid")
    assert response.status_code == 503
    assert response.json()["database"] == "fout"


@pytest.mark.django_db
def test_gezondheid_only_get(client):
    assert client.post("/gezondheid").status_code == 405


@pytest.mark.django_db
def test_gezondheid_503_also_for_a_probe_with_a_session_cookie(client, django_user_model):
    """The session middleware must not reach the database first and answer 500."""
    client.force_login(django_user_model.objects.create_user("monitor", password="x-123-geheim"))
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("weg"),
    ):
        response = client.get("/gezondheid")
    assert response.status_code == 503
