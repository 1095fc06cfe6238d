"""QuerySets for realisatie: "what was true on date X"."""

from __future__ import annotations

import datetime

from django.db import models

from gemeenten.gebied import in_provincie


class PeildatumQuerySet(models.QuerySet):
    def van_provincie(self, provincie) -> PeildatumQuerySet:
        return self.filter(provincie=provincie)

    def op_of_voor(self, datum: datetime.date) -> PeildatumQuerySet:
        return self.filter(datum__lte=datum)

    def vastgesteld(self) -> PeildatumQuerySet:
        return self.filter(vastgesteld_op__isnull=False)


class TellingQuerySet(models.QuerySet):
    def in_provincie(self, provincie) -> TellingQuerySet:
        return self.filter(in_provincie(provincie))
