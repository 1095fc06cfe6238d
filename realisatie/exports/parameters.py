"""Sensible defaults for what an export covers."""

from __future__ import annotations

from gemeenten.gebied import in_provincie
from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavesoort, Taakstelling


def halfjaren_met_taakstelling(provincie: Provincie) -> list[Halfjaar]:
    """Every half year for which the province has a taakstelling, oldest first."""
    return sorted(
        {
            Halfjaar.parse(h)
            for h in Taakstelling.objects.filter(
                in_provincie(provincie), besluit__soort=Opgavesoort.STATUSHOUDERS
            ).values_list("besluit__halfjaar", flat=True)
            if h
        }
    )
