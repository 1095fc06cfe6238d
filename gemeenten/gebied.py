"""Filtering figures that belong to an area at any level (see `Gebiedsgebonden`)."""

from __future__ import annotations

from django.db.models import Q


def in_provincie(provincie) -> Q:
    """Figures of the province itself or of any area inside it."""
    return (
        Q(provincie=provincie)
        | Q(veiligheidsregio__provincie=provincie)
        | Q(subregio__provincie=provincie)
        | Q(gemeente__provincie=provincie)
    )
