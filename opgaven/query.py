"""QuerySets for opgaven."""

from __future__ import annotations

from django.db import models

from gemeenten.gebied import in_provincie


class OpgaveQuerySet(models.QuerySet):
    def in_provincie(self, provincie) -> OpgaveQuerySet:
        return self.filter(in_provincie(provincie))
