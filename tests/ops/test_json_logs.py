"""Structured logs: an audit line is one JSON object with actor, actie, object and
resultaat as fields; a password, token or session id never reaches a log line."""

from __future__ import annotations

import io
import json
import logging

import pytest

from prt.logboek import GeenGeheimen, JsonFormatter
from tests.ops.productie import django_script, productie_env

WACHTWOORD = "Zeer-Geheim-Wachtwoord-42"


@pytest.fixture
def json_log():
    """The production handler (JSON, secret filter) on the root logger, into a buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(GeenGeheimen())
    root = logging.getLogger()
    oud_niveau = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(regel) for regel in buffer.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(oud_niveau)


AUDIT = f"""
import logging
from django.contrib.auth import get_user_model
from toegang.audit import log_audit
log_audit(get_user_model()(username="secretaris-overijssel"), "oekrainetelling_opslaan",
          "Deventer 1-9-2024", "ok")
logging.getLogger("prt.test").info(
    "inloggen",
    extra={{"password": "{WACHTWOORD}", "api_token": "abc", "sessionid": "s3ss", "n": 3}})
"""


def test_production_logs_are_json_with_audit_fields_and_no_secrets(tmp_path):
    """As configured in settings (LOG_FORMAT=json, the default without DEBUG)."""
    env = productie_env(tmp_path)
    env.pop("LOG_FORMAT", None)
    uitkomst = django_script(env, AUDIT)
    assert uitkomst.returncode == 0, uitkomst.stderr
    regels = [json.loads(regel) for regel in uitkomst.stderr.splitlines()]

    [audit] = [r for r in regels if r["logger"] == "prt.audit"]
    assert audit["level"] == "INFO"
    assert audit["actor"] == "secretaris-overijssel"
    assert audit["actie"] == "oekrainetelling_opslaan"
    assert audit["object"] == "Deventer 1-9-2024"
    assert audit["resultaat"] == "ok"
    assert audit["message"] == (
        "actor=secretaris-overijssel action=oekrainetelling_opslaan "
        "object=Deventer 1-9-2024 result=ok"
    )
    assert audit["time"][:2] == "20"

    [geheim] = [r for r in regels if r["logger"] == "prt.test"]
    assert geheim["password"] == geheim["api_token"] == geheim["sessionid"] == "[weggelaten]"
    assert geheim["n"] == 3
    assert WACHTWOORD not in uitkomst.stderr


@pytest.mark.django_db
def test_a_login_never_logs_the_password_or_session(demodata, client, json_log):
    client.post("/accounts/login/", {"username": "lid", "password": WACHTWOORD})
    client.post("/accounts/login/", {"username": "lid", "password": "demo-prt-2024"})
    sessie = client.cookies["sessionid"].value
    client.get("/bestaat-niet/?token=abc123")  # django.request logs a 404 with the request

    regels = json_log()
    assert any(r["logger"] == "django.request" for r in regels)
    tekst = json.dumps(regels)
    assert WACHTWOORD not in tekst
    assert "demo-prt-2024" not in tekst
    assert sessie not in tekst
    assert "abc123" not in tekst
