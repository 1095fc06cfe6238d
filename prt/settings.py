"""Settings for PRT Monitor, read from the environment.

One module, no `import *` chains. Every value a deployment may change comes from an
environment variable through a small typed helper that fails loudly on a bad value.
"""

from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    # Before staticfiles: `runserver` then serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "simple_history",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "gemeenten",
    "opgaven",
    "realisatie",
    "realisatie.invoer",
    "realisatie.exports",
    "toegang",
    "api",
    "regietafel",
    "vaststellingen",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "csp",
]

MIDDLEWARE = [
    # First: the whole request in a fresh chunk of CPython's frame stack (3.11's
    # chunk thrashing made the dashboard twice as slow; see prt/framestack.py).
    "prt.framestack.FrameStackMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as whitenoise requires: static files skip the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A province's area ids read once per request (gemeenten/gebied.py).
    "gemeenten.gebied.GebiedsrondeMiddleware",
    # Pages of a logged-in user carry figures: never in a shared cache (private, no-store).
    "toegang.middleware.GeenCacheMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "toegang.middleware.SessieTimeoutMiddleware",
    "toegang.middleware.TweeStapMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "prt.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "prt.wsgi.application"

# SQLite is only the embedded default that lets `make run` work on a laptop with
# nothing installed; production runs on PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Reuse a connection for a minute in production, checked before each reuse
        # (conn_health_checks); in development every request opens its own.
        conn_max_age=env_int("CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Off: Django would group every integer a template prints, years, codes and ids too
# ("2.024-Q1", data-id="1.234"). Figures are grouped explicitly by `prt.formaat.aantal`
# (the `aantal` filter), which forces grouping: 9.274, -1.201.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end assets from the npm registry (package-lock.json), never copied into the repo.
    ("vendor/echarts", BASE_DIR / "node_modules/echarts/dist"),
    ("vendor/utrecht", BASE_DIR / "node_modules/@utrecht/component-library-css/dist"),
]

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True

# Request bodies: forms and JSON at most 2,5 MB (Django's default, stated here on purpose;
# the API's parser applies it too), an uploaded file at most 5 MB + the form around it and
# kept in memory (the import refuses larger ones on Content-Length before reading).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024 + 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 2

# --- Login: brute-force protection, session timeout, two-factor (toegang/) ----------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username/address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
# Per account (a password guessed from many addresses) and per address (one password
# sprayed over many accounts); a successful login resets the address's count, so an office
# behind one address is not locked by a few typos. Unlock: admin action or axes_reset_*.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "toegang/geblokkeerd.html"
# The client's address behind PRT_PROXY_AANTAL trusted proxies (X-Forwarded-For); without
# it every login through the load balancer would share the load balancer's address.
AXES_CLIENT_IP_CALLABLE = "toegang.adres.client_adres"
PRT_PROXY_AANTAL = env_int("PRT_PROXY_AANTAL", 0)
# Idle timeout: the session ends after SESSION_IDLE_SECONDS without a request, and
# always when the browser closes; SESSION_COOKIE_AGE above is the hard maximum.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Two-factor (BIO): secretaries and beheerders confirm each login with a code.
OTP_TOTP_ISSUER = "PRT Monitor"
TWEE_STAP_VERPLICHT = env_bool("TWEE_STAP_VERPLICHT", True)

# REST API v1 (api/): Dutch API Design Rules. Errors are application/problem+json,
# every page is paginated, and only JSON is spoken.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parser.BegrensdeJsonParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.paginering.Paginering",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.fouten.problem_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "PAGE_SIZE": 100,
}

# API tokens (django-rest-knox): stored as a hash, expiring, revocable, listed per user on
# /accounts/tokens/, made there only after the second login step (toegang/tokens.py).
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=env_int("API_TOKEN_DAGEN", 90)),
    "TOKEN_LIMIT_PER_USER": env_int("API_TOKENS_PER_GEBRUIKER", 5),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "PRT Monitor API",
    "DESCRIPTION": "Cijfers van de provinciale regietafels Migratie & Integratie.",
    "VERSION": "1.0.0",
    "CONTACT": {
        "name": "Beheer PRT Monitor",
        "email": env_str("API_CONTACT_EMAIL", "prt-monitor@example.nl"),
        "url": env_str("API_CONTACT_URL", "https://prt-monitor.example.nl"),
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "CAMELIZE_NAMES": False,
    "ENUM_NAME_OVERRIDES": {
        "OpgavesoortEnum": "opgaven.models.Opgavesoort",
        "OpvangsoortEnum": "realisatie.models.Opvangsoort",
        "NiveauEnum": "gemeenten.models.Niveau",
        "StatusEnum": "realisatie.models.Status",
        "ActiestatusEnum": "regietafel.models.Actiestatus",
        "VerzoekstatusEnum": "regietafel.models.Verzoekstatus",
        "VerzoeksoortEnum": "regietafel.models.Verzoeksoort",
        "KnelpuntstatusEnum": "regietafel.models.Knelpuntstatus",
        "MijlpaalstatusEnum": "regietafel.models.Mijlpaalstatus",
        "MijlpaalsoortEnum": "regietafel.models.Mijlpaalsoort",
    },
}


# --- Production: HTTPS, security headers, static files, cache, logs ------------------
# Together these pass `manage.py check --deploy` with DEBUG=0 (README, "Productie").

# One switch for everything that needs the site on HTTPS: redirect, secure cookies, HSTS.
# On by default in production; tests and the local load test speak plain HTTP (PRT_HTTPS=0).
PRT_HTTPS = env_bool("PRT_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = PRT_HTTPS
SESSION_COOKIE_SECURE = PRT_HTTPS
CSRF_COOKIE_SECURE = PRT_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60) if PRT_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a decision for the owner of the parent domain (it binds every
    # subdomain for months), not for one application: off unless asked for.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# The load balancer terminates TLS and tells the app in a header, e.g. X-Forwarded-Proto.
# Only set this when the load balancer overwrites that header on every request.
_PROXY_SSL_HEADER = env_str("SECURE_PROXY_SSL_HEADER", "")
if _PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _PROXY_SSL_HEADER.strip().upper().replace("-", "_"),
        "https",
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The load balancer's health check speaks plain HTTP to the app server itself.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid$"]

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (django-csp): only our own scripts, styles and images, no inline
# code. The two-step QR code is inline SVG markup, which needs no img-src. Set
# CSP_REPORT_ONLY=1 to try a change in production: the browser then reports, not blocks.
_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _CSP

# Static files through whitenoise. With PRT_STATIC_MANIFEST (default: on when DEBUG is off)
# they come from `collectstatic` with hashed names and a year's cache; without it, straight
# from the source folders (development, tests: no collectstatic needed).
PRT_STATIC_MANIFEST = env_bool("PRT_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRT_STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRT_STATIC_MANIFEST

# Nothing that can change lives on the app server between requests: sessions are in the
# database (Django's default backend), the cache too (`createcachetable`), or in Redis with
# REDIS_URL (needs the redis package). So several app servers can run behind one load
# balancer. Only what never changes is also kept per process: records (the cache
# "vastgelegd") and live pages under the state of the figures PostgreSQL keeps ("actueel").
_REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
        if _REDIS_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "prt_cache"}
    ),
    # What a vaststelling stored, and the page fragments rendered from it, in each
    # process's own memory: keyed by the record, never changed, so never invalidated
    # (vaststellingen.selectors). MAX_ENTRIES bounds it: 200 entries (a record's page
    # parts, its rendered dashboard, its trend figures), each a few hundred KB for a
    # real province (a few MB at ten times national scale); Django drops a third of them
    # when it is full.
    "vastgelegd": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "prt-vastgelegd",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": env_int("VASTGELEGD_MAX_ENTRIES", 200)},
    },
    # The pages of open peildata, per process, keyed by the state of the figures as
    # committed (realisatie.actueel), and the parts of a dashboard per state of the
    # tables they read (realisatie.dashboard.delen): a write makes a new key, nothing is
    # invalidated; an entry goes after an hour, or with a third of them when 150 are kept
    # (a page or its three parts: about 200 KB for Gelderland).
    "actueel": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "prt-actueel",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("ACTUEEL_MAX_ENTRIES", 150)},
    },
}

# Logs go to stdout/stderr, one JSON object per line in production (LOG_FORMAT=json), for
# the platform's log collector; plain text in development. See prt/logboek.py.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"geen_geheimen": {"()": "prt.logboek.GeenGeheimen"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "prt.logboek.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["geen_geheimen"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
if LOG_FORMAT == "json":
    # Python warnings too, as JSON lines (logger py.warnings), not loose text on stderr.
    logging.captureWarnings(True)
