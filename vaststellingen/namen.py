"""The names of the stored parts of a vaststelling (`Vastlegging.naam`)."""

from __future__ import annotations

from realisatie.exports.asiel import Bijlage2
from realisatie.exports.bijlagen import Bijlage3
from realisatie.exports.exporter import Exporter


def xlsx_naam(exporter: Exporter, soort: str) -> str:
    """The stored name of an Excel download with this selection."""
    if isinstance(exporter, Bijlage2):
        eerste, laatste = exporter.eerste, exporter.laatste
        return f"xlsx:{soort}:{eerste.jaar}-Q{eerste.nummer}:{laatste.jaar}-Q{laatste.nummer}"
    if isinstance(exporter, Bijlage3):
        return f"xlsx:{soort}:{','.join(str(h) for h in exporter.halfjaren)}"
    return f"xlsx:{soort}"
