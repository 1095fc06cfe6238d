"""gunicorn settings for PRT Monitor: `gunicorn -c prt/gunicorn.conf.py prt.wsgi`.

Every value can be set from the environment (README, "Productie"). gunicorn itself also
reads GUNICORN_CMD_ARGS, which wins over this file.
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "prt.wsgi:application"
bind = os.environ.get("PRT_BIND", "127.0.0.1:8000")

# Sync workers: the pages are short database reads; a worker per request keeps a slow
# export from holding up others. (2 x CPU) + 1 is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A worker that has not answered in `timeout` seconds is killed and replaced (a large
# Excel import stays well below a minute). On SIGTERM (deploy, scale-in) running requests
# get `graceful_timeout` seconds to finish before the workers stop.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5

# Replace a worker now and then, so a slow leak never grows; jitter keeps them from all
# restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100

# The heartbeat file on tmpfs: a container's disk may be slow or read-only.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Logs to stdout (access) and stderr (errors). With LOG_FORMAT=json (the default when
# DEBUG is off, as in prt/settings.py) one JSON object per line; the access line has
# method, path, status and duration, never the query string, headers or cookies.
accesslog = "-"
errorlog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(M)sms"

_debug = os.environ.get("DEBUG", "0").strip().lower() in {"1", "true", "yes", "on", "ja"}
if os.environ.get("LOG_FORMAT", "plain" if _debug else "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "prt.logboek.JsonFormatter"},
            "toegang": {"()": "prt.logboek.GunicornToegangFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
            "toegang": {
                "class": "logging.StreamHandler",
                "formatter": "toegang",
                "stream": "ext://sys.stdout",
            },
        },
        "root": {"level": "INFO", "handlers": ["console"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["toegang"], "propagate": False},
        },
    }


def post_worker_init(worker):
    """Once the worker has loaded Django: the garbage collector set for requests
    (`prt.werker`; `make bench` does the same)."""
    from prt.werker import klaar_voor_verzoeken

    klaar_voor_verzoeken()


# A worker killed for taking longer than `timeout` logs which request it was serving:
# gunicorn itself only says "WORKER TIMEOUT (pid ...)". Path only, never the query string.
def pre_request(worker, req):
    worker.prt_verzoek = f"{req.method} {req.path}"


def post_request(worker, req, environ, resp):
    worker.prt_verzoek = None


def worker_abort(worker):
    verzoek = getattr(worker, "prt_verzoek", None) or "-"
    worker.log.error(
        "Worker timeout after %ss while serving %s", timeout, verzoek, extra={"path": verzoek}
    )
