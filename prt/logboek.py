"""Structured logs: one JSON object per line, for the log collector of the platform.

Every record carries `time`, `level`, `logger` and `message`; fields passed with
`extra=` become fields of their own, e.g. the audit line of `log_audit`:

    {"time": "2026-11-22T23:01:02+0000", "level": "INFO", "logger": "prt.audit",
     "message": "actor=secretaris-overijssel action=... ", "actor": "secretaris-overijssel",
     "actie": "oekrainetelling_opslaan", "object": "...", "resultaat": "ok"}

Secrets never reach a log line: `GeenGeheimen` blanks every extra field whose name
suggests a password, token, code, cookie or session, and a request object is reduced to
its method and path (never the query string, headers or cookies).
"""

from __future__ import annotations

import logging
import re

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

GEHEIM = re.compile(
    r"pass(word)?|wachtwoord|secret|geheim|token|otp|code|cookie|session|sessie|authori",
    re.IGNORECASE,
)
NIET_GEHEIM = {"status_code"}  # django.request's HTTP status
WEGGELATEN = "[weggelaten]"

# Attributes every LogRecord has; only the others came in through `extra=`.
_STANDAARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class GeenGeheimen(logging.Filter):
    """Blank extra fields that may hold a secret; reduce a request to method and path."""

    def filter(self, record: logging.LogRecord) -> bool:
        for naam in set(vars(record)) - _STANDAARD:
            if naam == "request":
                request = record.request
                record.request = (
                    f"{getattr(request, 'method', '-')} {getattr(request, 'path', '-')}"
                )
            elif GEHEIM.search(naam) and naam not in NIET_GEHEIM:
                setattr(record, naam, WEGGELATEN)
        return True


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)


class GunicornToegangFormatter(JsonFormatter):
    """gunicorn's access log as JSON: method, path, status, duration; no query string,
    headers or cookies (gunicorn hands every header to the record; we pick)."""

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        atoms = record.args if isinstance(record.args, dict) else {}
        for veld, atom in (
            ("method", "m"),
            ("path", "U"),
            ("status", "s"),
            ("bytes", "B"),
            ("duration_ms", "M"),
            ("remote_addr", "h"),
            ("user_agent", "a"),
        ):
            if atom in atoms:
                waarde = atoms[atom]
                log_data[veld] = int(waarde) if str(waarde).isdigit() else waarde
