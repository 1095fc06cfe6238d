"""Production static files: after `collectstatic`, whitenoise serves the hashed name with
a year's cache (the name changes with the content), the plain name briefly."""

from __future__ import annotations

import json

from tests.ops.productie import django_script, manage, productie_env

OPVRAGEN = """
from django.templatetags.static import static
from django.test import Client
c = Client(HTTP_HOST="prt.example.nl", HTTP_X_FORWARDED_PROTO="https")
gehasht = static("css/prt.css")
r = c.get(gehasht)
gewoon = c.get("/static/css/prt.css")
print(json.dumps({"url": gehasht, "status": r.status_code,
                  "cache": r.get("Cache-Control"), "type": r.get("Content-Type"),
                  "inhoud": b"".join(r.streaming_content).decode(),
                  "gewoon_cache": gewoon.get("Cache-Control")}))
"""


def test_collectstatic_and_a_hashed_file_with_a_long_cache(tmp_path):
    env = productie_env(tmp_path, PRT_STATIC_MANIFEST="1")
    verzamelen = manage(env, "collectstatic", "--no-input")
    assert verzamelen.returncode == 0, verzamelen.stderr
    assert (tmp_path / "static" / "staticfiles.json").is_file()
    assert list((tmp_path / "static" / "vendor" / "echarts").glob("echarts.min.*.js.gz"))

    uitkomst = django_script(env, OPVRAGEN)
    assert uitkomst.returncode == 0, uitkomst.stderr
    antwoord = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    assert antwoord["url"].startswith("/static/css/prt.")
    assert antwoord["url"] != "/static/css/prt.css"
    assert antwoord["status"] == 200
    assert antwoord["type"].startswith("text/css")
    assert antwoord["cache"] == "max-age=315360000, public, immutable"
    bestand = tmp_path / antwoord["url"].removeprefix("/")
    assert antwoord["inhoud"] == bestand.read_text() != ""
    assert antwoord["gewoon_cache"] == "max-age=60, public"


def test_without_collectstatic_the_manifest_is_refused_clearly(tmp_path):
    """Production mode without `collectstatic` fails loudly, not with unstyled pages."""
    uitkomst = django_script(
        productie_env(tmp_path, PRT_STATIC_MANIFEST="1"),
        "from django.templatetags.static import static\nstatic('css/prt.css')\n",
    )
    assert uitkomst.returncode != 0
    assert "Missing staticfiles manifest entry for 'css/prt.css'" in uitkomst.stderr
