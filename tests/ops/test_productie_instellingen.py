"""Production settings: `check --deploy` is clean, and a real request gets the security
headers, the Content Security Policy and HSTS."""

from __future__ import annotations

import json

from tests.ops.productie import django_script, manage, productie_env


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    uitkomst = manage(productie_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "System check identified no issues" in uitkomst.stdout
    assert "WARNING" not in uitkomst.stdout + uitkomst.stderr


def test_check_deploy_warns_without_https(tmp_path):
    uitkomst = manage(
        productie_env(tmp_path, PRT_HTTPS="0"), "check", "--deploy", "--fail-level", "WARNING"
    )
    assert uitkomst.returncode == 1
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in uitkomst.stderr


def test_check_deploy_refuses_a_short_secret_key(tmp_path):
    uitkomst = manage(productie_env(tmp_path, SECRET_KEY="kort"), "check", "--deploy")
    assert uitkomst.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in uitkomst.stderr


VERZOEKEN = """
from django.test import Client
c = Client(HTTP_HOST="prt.example.nl")
def kop(r):
    return {"status": r.status_code, "location": r.get("Location"),
            "headers": {k.lower(): v for k, v in r.headers.items()},
            "cookies": {n: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"])}
                        for n, m in r.cookies.items()}}
print(json.dumps({
    "http": kop(c.get("/accounts/login/")),
    "https": kop(c.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")),
    "gezondheid": kop(c.get("/gezondheid")),
}))
"""


def _verzoeken(tmp_path, **extra):
    uitkomst = django_script(productie_env(tmp_path, **extra), VERZOEKEN)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return json.loads(uitkomst.stdout.strip().splitlines()[-1])


def test_security_headers_and_csp_behind_a_tls_load_balancer(tmp_path):
    antwoord = _verzoeken(tmp_path)

    # Plain HTTP goes to HTTPS; behind the load balancer (X-Forwarded-Proto) it is served.
    assert antwoord["http"]["status"] == 301
    assert antwoord["http"]["location"] == "https://prt.example.nl/accounts/login/"
    https = antwoord["https"]
    assert https["status"] == 200
    koppen = https["headers"]
    assert koppen["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert koppen["x-frame-options"] == "DENY"
    assert koppen["x-content-type-options"] == "nosniff"
    assert koppen["referrer-policy"] == "same-origin"
    assert koppen["cross-origin-opener-policy"] == "same-origin"
    assert https["cookies"]["csrftoken"]["secure"] is True

    csp = dict(
        [*deel.split(" ", 1), ""][:2] for deel in koppen["content-security-policy"].split("; ")
    )
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert "unsafe" not in koppen["content-security-policy"]

    # The load balancer's health check over plain HTTP is not redirected.
    assert antwoord["gezondheid"]["status"] == 200


def test_without_https_no_hsts_and_no_redirect(tmp_path):
    antwoord = _verzoeken(tmp_path, PRT_HTTPS="0")
    assert antwoord["http"]["status"] == 200
    assert "strict-transport-security" not in antwoord["http"]["headers"]
    assert antwoord["http"]["cookies"]["csrftoken"]["secure"] is False
    assert "content-security-policy" in antwoord["http"]["headers"]


def test_hsts_preload_and_csp_report_only_are_switches(tmp_path):
    antwoord = _verzoeken(tmp_path, SECURE_HSTS_PRELOAD="1", CSP_REPORT_ONLY="1")
    koppen = antwoord["https"]["headers"]
    assert koppen["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert "content-security-policy" not in koppen
    assert "default-src 'self'" in koppen["content-security-policy-report-only"]
