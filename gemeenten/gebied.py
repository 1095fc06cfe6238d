"""Filtering figures that belong to an area at any level (see `Gebiedsgebonden`)."""

from __future__ import annotations

from django.db.models import Q


def in_provincie(provincie) -> Q:
    """Figures of the province itself or of any area inside it.

    Each area level as a subquery of the areas' ids, not a join: the database then
    finds a province's rows without joining every row of the table to three area
    tables first (a figure table holds the rows of all twelve provinces)."""
    from gemeenten.models import Gemeente, Subregio, Veiligheidsregio

    return (
        Q(provincie=provincie)
        | Q(veiligheidsregio__in=Veiligheidsregio.objects.filter(provincie=provincie))
        | Q(subregio__in=Subregio.objects.filter(provincie=provincie))
        | Q(gemeente__in=Gemeente.objects.filter(provincie=provincie))
    )
