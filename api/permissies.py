"""The API's permissions: the screens' policy from `toegang.beleid`, nothing of its own.

- Reference data (provincies, veiligheidsregio's, subregio's, gemeenten) and
  opgavebesluiten are public decisions: readable by every authenticated user.
- Everything that belongs to a province (opgaven, peildata, opvanglocaties, realisatie,
  samenvatting) is readable for `leesbare_provincies(user)`: other provinces' rows are
  not in the collections (a detail of such a row is 404), and the samenvatting or the
  figures per peildatum of another province are 403.
- Writes need `mag_bewerken(user, provincie)` for the province they touch (secretary of
  that province, beheerder); anyone else gets 403.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gemeenten.models import Provincie
from toegang.beleid import leesbare_provincies


def in_provincies(provincies: QuerySet[Provincie]) -> Q:
    """Like `gemeenten.gebied.in_provincie`, for a set of provinces."""
    return (
        Q(provincie__in=provincies)
        | Q(veiligheidsregio__provincie__in=provincies)
        | Q(subregio__provincie__in=provincies)
        | Q(gemeente__provincie__in=provincies)
    )


def leesbaar(queryset: QuerySet, gebruiker, pad: str | None = None) -> QuerySet:
    """Rows of the provinces `gebruiker` may read; `pad` is the lookup to the province
    (None for `Gebiedsgebonden` models, which may hang at any level)."""
    provincies = leesbare_provincies(gebruiker)
    if pad is None:
        return queryset.filter(in_provincies(provincies)).distinct()
    return queryset.filter(**{f"{pad}__in": provincies})
