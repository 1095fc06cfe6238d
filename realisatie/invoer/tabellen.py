"""CSV of the tables on the entry pages (django-tables2 export, as on the dashboard):
the location register, one row per capacity period, and the history of changes."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from realisatie.dashboard.export import Datum, Getal, Tabellen, lijsttabel
from realisatie.invoer.selectors import Wijziging
from realisatie.invoer.templatetags.invoer import waarde


def Tekst(verbose_name) -> tables.Column:
    return tables.Column(verbose_name=verbose_name, default="")


def register(locaties) -> Tabellen:
    """The register as a spreadsheet has it: a row per capacity period (a location
    without periods gets one row with empty figures)."""
    rijen = []
    for locatie in locaties:
        basis = {
            "locatie": locatie.naam,
            "cbs_code": locatie.gemeente.code,
            "gemeente": locatie.gemeente.naam,
            "soort": locatie.get_soort_display(),
            "beheerder": locatie.get_beheerder_display(),
        }
        perioden = list(locatie.perioden.all()) or [None]
        for periode in perioden:
            rijen.append(
                {
                    **basis,
                    "plaatsen": periode.plaatsen if periode else None,
                    "waarvan_amv": periode.waarvan_amv if periode else None,
                    "status": periode.get_status_display() if periode else "",
                    "van": periode.van if periode else None,
                    "tot_en_met": periode.tot_en_met if periode else None,
                }
            )
    kolommen = {
        "locatie": Tekst(_("Location")),
        "cbs_code": Tekst(_("CBS code")),
        "gemeente": Tekst(_("Municipality")),
        "soort": Tekst(_("Type")),
        "beheerder": Tekst(_("Operator")),
        "plaatsen": Getal(_("Places")),
        "waarvan_amv": Getal(_("Of which unaccompanied minors")),
        "status": Tekst(_("Status")),
        "van": Datum(_("From")),
        "tot_en_met": Datum(_("Through")),
    }
    return {"locaties": lijsttabel("locaties", kolommen, rijen)}


def historie(wijzigingen: list[Wijziging]) -> Tabellen:
    """Every change, newest first, as on the page: who, when, what, old → new."""
    rijen = [
        {
            "wanneer": f"{timezone.localtime(w.record.history_date):%-d-%-m-%Y %H:%M}",
            "wie": str(w.record.history_user or ""),
            "gemeente": getattr(getattr(w.record, "gemeente", None), "naam", ""),
            "onderwerp": w.onderwerp,
            "wijziging": "; ".join(
                f"{capfirst(label)}: {waarde(oud)} → {waarde(nieuw)}"
                for label, oud, nieuw in w.velden
            ),
        }
        for w in wijzigingen
    ]
    kolommen = {
        "wanneer": Tekst(_("When")),
        "wie": Tekst(_("Who")),
        "gemeente": Tekst(_("Municipality")),
        "onderwerp": Tekst(_("Subject")),
        "wijziging": Tekst(_("What changed")),
    }
    return {"historie": lijsttabel("historie", kolommen, rijen)}
