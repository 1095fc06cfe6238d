"""QuerySets for opgaven."""

from __future__ import annotations

from django.db import models

from gemeenten.gebied import in_provincie


class OpgaveQuerySet(models.QuerySet):
    def in_provincie(self, provincie) -> OpgaveQuerySet:
        return self.filter(in_provincie(provincie))


def soortenlijst(opgave: str = "asiel"):
    """The reference list of soorten of `opgave` (`opgaven.models.Locatiesoort`) as the
    counting rule reads it. One query."""
    from opgaven.models import Locatiesoort
    from opgaven.telregel import Soortenlijst

    rijen = list(
        Locatiesoort.objects.filter(opgave=opgave).values_list("code", "telt_standaard_mee")
    )
    return Soortenlijst(
        codes=tuple(code for code, _telt in rijen),
        standaard=tuple(code for code, telt in rijen if telt),
    )
