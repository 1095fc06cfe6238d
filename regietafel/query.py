"""QuerySets of the regietafel: "what was true on date X" for actions and toezicht."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q


def over_termijn_op(datum: datetime.date) -> Q:
    """The rule: open, and the deadline passed before `datum` (due on `datum` is not late)."""
    return Q(status="open", termijn__lt=datum)


class ActieQuerySet(models.QuerySet):
    def van_provincie(self, provincie) -> ActieQuerySet:
        return self.filter(provincie=provincie)

    def open(self) -> ActieQuerySet:
        return self.filter(status="open")

    def over_termijn(self, datum: datetime.date) -> ActieQuerySet:
        return self.filter(over_termijn_op(datum))

    def met_over_termijn(self, datum: datetime.date) -> ActieQuerySet:
        """Each action with `is_over_termijn` on `datum`, by the same rule."""
        return self.annotate(
            is_over_termijn=models.Case(
                models.When(over_termijn_op(datum), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class ToezichtQuerySet(models.QuerySet):
    def in_provincie(self, provincie) -> ToezichtQuerySet:
        return self.filter(gemeente__provincie=provincie)

    def geldend_op(self, datum: datetime.date) -> list:
        """Per gemeente the regime in force on `datum`: its row with the latest `sinds`
        on or before `datum`. A list, one row per gemeente that has one."""
        laatste: dict[int, object] = {}
        for toezicht in self.filter(sinds__lte=datum).order_by("gemeente_id", "sinds"):
            laatste[toezicht.gemeente_id] = toezicht
        return list(laatste.values())
