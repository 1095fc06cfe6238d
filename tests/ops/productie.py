"""Run manage.py or a snippet of Django in a fresh process with production environment
variables: settings are read once at start-up, so a subprocess is the honest way to test
what a production deployment gets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# Test settings from pyproject's pytest-env that a production server would not have.
TESTINSTELLINGEN = ("PRT_HTTPS", "PRT_STATIC_MANIFEST", "LOG_FORMAT", "DEBUG", "SECRET_KEY")


def productie_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in TESTINSTELLINGEN}
    env.update(
        DEBUG="0",
        SECRET_KEY="productie-sleutel-" + "k7Qz9vX2pL4mN8wR" * 3,
        ALLOWED_HOSTS="prt.example.nl",
        CSRF_TRUSTED_ORIGINS="https://prt.example.nl",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        DATABASE_URL=f"sqlite:///{tmp_path / 'productie.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        PRT_STATIC_MANIFEST="0",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def django_script(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    """Run `code` after django.setup(); it prints its result as JSON on the last line."""
    voorwerk = (
        "import os, json, django\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'prt.settings')\n"
        "django.setup()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", voorwerk + code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
