"""Everything a person gets for a province and peildatum, computed once at vaststellen:
the overview (`codec`), the page parts with the figures, the CSV of every table, the
Excel bijlagen and the API samenvatting. All of it through the code that makes the live
pages (`realisatie.dashboard`, `realisatie.exports`), so a vastgestelde page is the page
as it was, byte for byte.

Names of the stored parts (`Vastlegging.naam`):
- `html:stand`, `html:blokken`, `html:printbronnen`: the province page's figures;
- `html:openbaar`: the same blocks for the public page (no links to member pages);
- `html:gebied:<code>:gebiedblokken`, `tekst:gebied:<code>:naam`, `csv:gebied:<code>:<tabel>`:
  the page of each region;
- `csv:<tabel>`: the CSV of each table of the province page;
- `xlsx:<soort>[:<selectie>]`: each Excel download with its standard selection.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation

from gemeenten.models import Provincie
from realisatie.dashboard import tables
from realisatie.dashboard.delen import fragmenten
from realisatie.dashboard.export import CsvExport
from realisatie.dashboard.pagina import dashboard
from realisatie.exports.asiel import Bijlage2
from realisatie.exports.bijlagen import Bijlage3, Bijlage4
from realisatie.exports.exporter import Exporter
from realisatie.exports.parameters import halfjaren_met_taakstelling
from realisatie.exports.stand_van_zaken import StandVanZaken
from realisatie.exports.werkboek import als_xlsx
from realisatie.halfjaarverloop import halfjaarverloop
from realisatie.horizon import standaard_horizon
from realisatie.signalen import signalen
from vaststellingen import codec
from vaststellingen.namen import xlsx_naam

# How far ahead the signals look is irrelevant for completeness; any value will do.
SIGNAALMAANDEN = 3


def _verzoek(datum: datetime.date) -> HttpRequest:
    """The request the page parts are rendered for: the page of this peildatum (the CSV
    links in them are relative to it)."""
    verzoek = HttpRequest()
    verzoek.method = "GET"
    verzoek.GET = QueryDict(f"peildatum={datum.isoformat()}")
    return verzoek


def berekenen(
    *, provincie: Provincie, datum: datetime.date, gemaakt: datetime.datetime
) -> tuple[str, dict[str, bytes]]:
    """The codec's content and the stored parts for `provincie` on `datum`."""
    with translation.override("nl"):
        beeld = dashboard(provincie, datum)
        overzicht = beeld.overzicht
        tabellen = tables.provinciepagina(beeld)
        context = {
            "dashboard": beeld,
            "overzicht": overzicht,
            "gekozen": datum,
            "tabellen": tabellen,
            "request": _verzoek(datum),
        }
        context["delen"] = fragmenten(beeld, context["request"])
        delen = {
            f"html:{deel}": render_to_string(f"realisatie/_deel_{deel}.html", context).encode()
            for deel in ("stand", "blokken", "printbronnen")
        }
        delen["html:openbaar"] = render_to_string(
            "vaststellingen/_openbaar_blokken.html",
            {**context, "tabellen": openbare_tabellen(beeld)},
        ).encode()
        for naam, tabel in tabellen.items():
            delen[f"csv:{naam}"] = CsvExport(tabel).export().encode("utf-8")
        delen.update(_gebieden(provincie, datum, beeld))
        moment = timezone.localtime(gemaakt)
        for soort, exporter in standaard_exporters(provincie, datum).items():
            delen[xlsx_naam(exporter, soort)] = als_xlsx(exporter.tabellen(), gemaakt=moment)
        inhoud = codec.coderen(
            overzicht=overzicht,
            volledigheid=signalen(provincie, datum, SIGNAALMAANDEN).volledigheid,
        )
    return inhoud, delen


def _gebieden(provincie: Provincie, datum: datetime.date, provinciebeeld) -> dict[str, bytes]:
    """The page of every region (veiligheidsregio, subregio) of the province: its blocks
    (`html:gebied:<code>:gebiedblokken`), name and CSVs; the stand is the province's."""
    overzicht = provinciebeeld.overzicht
    verloop = halfjaarverloop(provincie, overzicht.boom, datum)
    delen = {}
    for knoop in overzicht.boom.doorlopen():
        if knoop.diepte == 0 or knoop.is_gemeente:
            continue
        beeld = dashboard(provincie, datum, knoop.code, overzicht=overzicht, verloop=verloop)
        tabellen = tables.gebiedpagina(beeld)
        voor = f"gebied:{knoop.code}"
        delen[f"html:{voor}:gebiedblokken"] = render_to_string(
            "realisatie/_deel_gebiedblokken.html",
            {"dashboard": beeld, "tabellen": tabellen, "request": _verzoek(datum)},
        ).encode()
        delen[f"tekst:{voor}:naam"] = beeld.gebied.naam.encode()
        for naam, tabel in tabellen.items():
            delen[f"csv:{voor}:{naam}"] = CsvExport(tabel).export().encode("utf-8")
    return delen


def standaard_exporters(provincie: Provincie, datum: datetime.date) -> dict[str, Exporter]:
    """Each Excel download with the selection the Excel page offers by default."""
    eerste, laatste = standaard_horizon(datum)
    return {
        "bijlage-2": Bijlage2(provincie=provincie, datum=datum, eerste=eerste, laatste=laatste),
        "bijlage-3": Bijlage3(
            provincie=provincie, datum=datum, halfjaren=halfjaren_met_taakstelling(provincie)
        ),
        "bijlage-4": Bijlage4(provincie=provincie, datum=datum),
        "stand-van-zaken": StandVanZaken(provincie=provincie, datum=datum),
    }


def openbare_tabellen(beeld) -> tables.Tabellen:
    """The blocks' tables without links to the members' region and gemeente pages."""
    return {
        b.blok.soort: tables.bloktabel(b.blok, b.regels, links={}, datum=beeld.overzicht.datum)
        for b in beeld.blokken
    }
