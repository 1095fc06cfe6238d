"""Issue 13 (low): a too large upload is refused on its stated size, before Django reads
the body (a 300 MB upload was read in full, to disk, before the size check)."""

from __future__ import annotations

from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

MAX_BYTES = 5 * 1024 * 1024  # realisatie.exports.xlsxbestand.MAX_BYTES


def test_oversized_upload_is_refused_unread(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    with mock.patch(
        "django.http.multipartparser.MultiPartParser.parse",
        side_effect=AssertionError("the body was read"),
    ):
        antwoord = client.post(
            "/invoer/PV23/import/",
            {
                "onderwerp": "oekraine",
                "peildatum": "2023-04-01",
                "bestand": SimpleUploadedFile("groot.xlsx", b"0" * (MAX_BYTES + 128 * 1024)),
            },
        )
    assert antwoord.status_code == 413
    assert "Het bestand is groter dan 5 MB" in antwoord.content.decode()
