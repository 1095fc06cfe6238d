"""The users of `make load` (run by `loadtest/last.py`, never on its own).

- 50 regietafel members (the demo account `lid`, each with its own session) read the
  dashboards of Gelderland and Overijssel, their regions, gemeente pages, and download
  the Excel bijlagen and CSV tables.
- One PRT secretary (`secretaris-overijssel`, logged in with password and a demo backup
  code) saves the Oekraïne figures of every Overijssel gemeente through the real grid
  form on the run's own peildatum, again and again. Save n sets GOO total to
  1000 + n in every row. Each save is written to LOAD_OPSLAGLOG (one JSON line) before
  the POST ("poging") and after the server confirmed it ("bevestigd"), so the script
  can check the database against exactly what was saved.
"""

from __future__ import annotations

import csv
import html.parser
import http.cookiejar
import json
import os
import random
import re
from pathlib import Path

import gevent
import gevent.event
from locust import HttpUser, between, events, task
from locust.exception import StopUser

BASE = Path(__file__).resolve().parent.parent
WACHTWOORD = os.environ.get("LOAD_WACHTWOORD", "demo-prt-2024")
PEILDATUM = os.environ.get("LOAD_PEILDATUM", "")
CODE = os.environ.get("LOAD_TWEE_STAP_CODE", "")
OPSLAGLOG = os.environ.get("LOAD_OPSLAGLOG", "")
PROVINCIES = ("PV25", "PV23")
BIJLAGEN = ("bijlage-2", "bijlage-3", "bijlage-4", "stand-van-zaken")
BASIS_WAARDE = 1000
LEDEN = 50
DUUR = float(os.environ.get("LOAD_DUUR_S", "60"))
# A member's think time between two pages, in seconds (min,max).
DENKTIJD = tuple(float(s) for s in os.environ.get("LOAD_DENKTIJD", "1,3").split(","))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _referentie(bestand: str) -> list[dict[str, str]]:
    with (BASE / "fixtures" / "referentie" / bestand).open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter=";") if r["provincie_code"] in PROVINCIES]


GEMEENTEN = [r["code"] for r in _referentie("gemeenten.csv")]
GEBIEDEN = [(r["provincie_code"], r["code"]) for r in _referentie("subregios.csv")]


# Cookies marked Secure go over plain HTTP too: the load test talks to 127.0.0.1
# directly, where a deployment's TLS proxy would sit. (requests copies the session's
# cookies into a new jar with the default policy for every request, so the policy is
# changed for this locust process as a whole; with PRT_HTTPS=0 nothing is marked Secure.)
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True


class _Invoervelden(html.parser.HTMLParser):
    """name -> value of every <input> of a page (enough for the grid form)."""

    def __init__(self):
        super().__init__()
        self.velden: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        if tag == "input" and attributen.get("name") and attributen.get("type") != "checkbox":
            self.velden[attributen["name"]] = attributen.get("value") or ""


def invoervelden(html_tekst: str) -> dict[str, str]:
    lezer = _Invoervelden()
    lezer.feed(html_tekst)
    return lezer.velden


def _csrf(html_tekst: str) -> str:
    return invoervelden(html_tekst)["csrfmiddlewaretoken"]


# The load starts when every user has logged in (logging in costs a PBKDF2 hash each,
# which would otherwise eat the first seconds) and stops DUUR seconds later.
_ingelogd = 0
_start = gevent.event.Event()


def _klaar_met_inloggen(environment) -> None:
    global _ingelogd
    _ingelogd += 1
    if _ingelogd == LEDEN + 1:
        _start.set()
        gevent.spawn_later(DUUR, _stoppen, environment)


def _stoppen(environment) -> None:
    # stop() lets every user finish its task (--stop-timeout), so each request that was
    # sent is also counted; the CSV writer (once a second) then writes the final figures
    # before quit() ends the run.
    environment.runner.stop()
    gevent.sleep(2.5)
    environment.runner.quit()


class _Ingelogd(HttpUser):
    abstract = True

    def on_start(self):
        try:
            self.inloggen_en_voorbereiden()
        finally:
            _klaar_met_inloggen(self.environment)
        _start.wait()

    def inloggen(self, gebruikersnaam: str) -> str:
        with self.client.get("/accounts/login/", name="inloggen", catch_response=True) as r:
            token = _csrf(r.text)
        with self.client.post(
            "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": gebruikersnaam, "password": WACHTWOORD},
            name="inloggen",
            catch_response=True,
        ) as r:
            if r.url.split("?")[0].endswith("/accounts/login/"):
                r.failure(f"inloggen als {gebruikersnaam} geweigerd")
                raise StopUser
        return r.text


class Regietafellid(_Ingelogd):
    fixed_count = LEDEN
    wait_time = between(*DENKTIJD)

    def inloggen_en_voorbereiden(self):
        self.inloggen("lid")

    def _pagina(self, pad: str, naam: str, moet_bevatten: str = "</html>"):
        with self.client.get(pad, name=naam, catch_response=True) as r:
            if r.status_code == 200 and moet_bevatten not in r.text:
                r.failure(f"{pad}: {moet_bevatten!r} ontbreekt")
            elif r.status_code == 200 and "/accounts/login/" in r.url:
                r.failure(f"{pad}: uitgelogd")

    @task(6)
    def dashboard(self):
        self._pagina(f"/provincies/{random.choice(PROVINCIES)}/", "dashboard provincie")

    @task(3)
    def dashboard_deelpagina(self):
        provincie = random.choice(PROVINCIES)
        deel = random.choice(("trend", "vooruitblik", "signalen"))
        self._pagina(f"/provincies/{provincie}/{deel}/", "dashboard trend/vooruitblik/signalen")

    @task(2)
    def gebied(self):
        provincie, gebied = random.choice(GEBIEDEN)
        self._pagina(f"/provincies/{provincie}/gebied/{gebied}/", "dashboard subregio")

    @task(4)
    def gemeente(self):
        self._pagina(f"/gemeenten/{random.choice(GEMEENTEN)}/", "gemeentepagina")

    @task(2)
    def bijlage(self):
        pad = f"/exports/{random.choice(PROVINCIES)}/{random.choice(BIJLAGEN)}.xlsx"
        with self.client.get(pad, name="bijlage (xlsx)", catch_response=True) as r:
            if r.status_code == 200 and (
                r.headers.get("Content-Type") != XLSX or not r.content.startswith(b"PK")
            ):
                r.failure(f"{pad}: geen Excel-werkboek")

    @task(1)
    def csv_tabel(self):
        # A table of the province page as CSV (django-tables2 export); its header row
        # starts with the area column.
        soort = random.choice(("asiel", "oekraine", "statushouders"))
        pad = f"/provincies/{random.choice(PROVINCIES)}/?_export=csv&tabel={soort}"
        self._pagina(pad, "tabel (csv)", ";")


class Secretaris(_Ingelogd):
    fixed_count = 1
    wait_time = between(0.2, 0.5)

    def inloggen_en_voorbereiden(self):
        self.n = 0
        self.log = open(OPSLAGLOG, "a", encoding="utf-8")  # noqa: SIM115 (closed on stop)
        html_tekst = self.inloggen("secretaris-overijssel")
        with self.client.post(
            "/accounts/twee-stap/?next=/invoer/PV23/",
            data={"csrfmiddlewaretoken": _csrf(html_tekst), "code": CODE, "next": "/invoer/PV23/"},
            name="inloggen (tweede stap)",
            catch_response=True,
        ) as r:
            if "/accounts/" in r.url:
                r.failure("tweede stap geweigerd")
                raise StopUser
            token = _csrf(r.text)
        with self.client.post(
            "/invoer/PV23/peildata/",
            data={
                "csrfmiddlewaretoken": token,
                "datum": PEILDATUM,
                "omschrijving": "belastingtest",
            },
            name="invoer peildatum aanmaken",
            catch_response=True,
        ) as r:
            if r.status_code != 200 or f"/invoer/PV23/{PEILDATUM}/oekraine/" not in r.url:
                r.failure(f"peildatum {PEILDATUM} niet aangemaakt ({r.status_code})")
                raise StopUser
        self._schrijf({"peildatum": PEILDATUM})

    def on_stop(self):
        self.log.close()

    def _schrijf(self, regel: dict) -> None:
        self.log.write(json.dumps(regel) + "\n")
        self.log.flush()

    @task
    def opslaan(self):
        pad = f"/invoer/PV23/{PEILDATUM}/oekraine/"
        with self.client.get(pad, name="invoer raster", catch_response=True) as r:
            velden = invoervelden(r.text)
            codes = sorted({m.group(1) for m in map(re.compile(r"(GM\d+)-").match, velden) if m})
            if self.n and not all(
                velden.get(f"{code}-goo_totaal") == str(BASIS_WAARDE + self.n) for code in codes
            ):
                r.failure(f"raster toont niet de laatst opgeslagen waarde {BASIS_WAARDE + self.n}")
        n = self.n + 1
        gegevens = dict(velden)
        for code in codes:
            gegevens.update(
                {
                    f"{code}-bevestigd": "on",  # confirm figures ten times a previous one
                    f"{code}-goo_totaal": str(BASIS_WAARDE + n),
                    f"{code}-goo_bezet": "",
                    f"{code}-goo_beschikbaar": "",
                    f"{code}-poo": "",
                    f"{code}-toelichting": f"belastingtest opslag {n}",
                }
            )
        self._schrijf({"poging": n, "gemeenten": codes, "goo_totaal": BASIS_WAARDE + n})
        with self.client.post(
            pad, data=gegevens, name="invoer opslaan", allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != 302 or not r.headers.get("Location", "").startswith(pad):
                r.failure(f"opslaan {n} niet bevestigd ({r.status_code})")
                return
        self.n = n
        self._schrijf({"bevestigd": n})


@events.quitting.add_listener
def _exitcode(environment, **_kwargs):
    if environment.stats.total.num_failures:
        environment.process_exit_code = 1
