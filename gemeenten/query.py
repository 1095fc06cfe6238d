"""QuerySets that answer "what was true on date X" for the geography."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q


class GemeenteQuerySet(models.QuerySet):
    def filter_for_date(self, datum: datetime.date) -> GemeenteQuerySet:
        """Gemeenten that existed on `datum` (validity bounds inclusive)."""
        return self.filter(
            Q(geldig_van__isnull=True) | Q(geldig_van__lte=datum),
            Q(geldig_tot_en_met__isnull=True) | Q(geldig_tot_en_met__gte=datum),
        )

    def in_provincie(self, provincie) -> GemeenteQuerySet:
        return self.filter(provincie=provincie)
