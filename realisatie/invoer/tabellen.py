"""CSV of the tables on the entry pages (one definition each, `realisatie.tabelbasis`):
the location register, a row per capacity period, and the history of changes."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from prt.formaat import moment_kort, waarde
from realisatie.dashboard.export import Tabellen
from realisatie.dashboard.tables import locatieperiodetabel
from realisatie.invoer.selectors import Wijziging
from realisatie.tabelbasis import TekstKolom, tabel_van


def register(locaties) -> Tabellen:
    """The register as a spreadsheet has it: a row per capacity period."""
    return {"locaties": locatieperiodetabel(locaties, met_gemeente=True)}


def historie(wijzigingen: list[Wijziging]) -> Tabellen:
    """Every change, newest first, as on the page: who, when, what, old → new."""
    rijen = [
        {
            "wanneer": moment_kort(timezone.localtime(w.record.history_date)),
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
        "wanneer": TekstKolom(_("When")),
        "wie": TekstKolom(_("Who")),
        "gemeente": TekstKolom(_("Municipality")),
        "onderwerp": TekstKolom(_("Subject")),
        "wijziging": TekstKolom(_("What changed")),
    }
    return {"historie": tabel_van("historie", kolommen, rijen, titel=_("History"))}
