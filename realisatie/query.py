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

    def vergrendelt_periode(self, provincie, tot_en_met: datetime.date) -> PeildatumQuerySet:
        """The vastgestelde peildata of `provincie` whose figures include a period
        ending on `tot_en_met`: every one after it.

        Statushouders are counted per month, not per peildatum, and a peildatum's
        realisatie adds up all months before it; so a month belongs to the figures of
        every later peildatum, and stays read-only until each of those is reopened.
        """
        return (
            self.van_provincie(provincie)
            .vastgesteld()
            .filter(datum__gt=tot_en_met)
            .order_by("datum")
        )


class TellingQuerySet(models.QuerySet):
    def in_provincie(self, provincie) -> TellingQuerySet:
        return self.filter(in_provincie(provincie))
