"""The permission policy: one place that says who may read and edit which province.

- beheerder: everything; landelijk (Rijk): read all provinces;
- PRT-secretaris: read and edit one province;
- regietafel-lid: read the provinces granted;
- gemeente-invoerder: read its gemeente's province, edit that gemeente only.
"""

from __future__ import annotations

from django.db.models import QuerySet

from gemeenten.models import Provincie
from toegang.models import Rolsoort


def _rollen(gebruiker):
    if not gebruiker.is_authenticated:
        return []
    cached = getattr(gebruiker, "_prt_rollen", None)
    if cached is None:
        cached = list(gebruiker.rollen.select_related("gemeente"))
        gebruiker._prt_rollen = cached
    return cached


def is_landelijk(gebruiker) -> bool:
    """May read every province (beheerder, Rijk, or a Django superuser)."""
    if getattr(gebruiker, "is_superuser", False):
        return True
    return any(r.soort in (Rolsoort.BEHEERDER, Rolsoort.LANDELIJK) for r in _rollen(gebruiker))


def is_beheerder(gebruiker) -> bool:
    """Manages what is national: users, reference data and existing opgavebesluiten."""
    if getattr(gebruiker, "is_superuser", False):
        return True
    return any(r.soort == Rolsoort.BEHEERDER for r in _rollen(gebruiker))


def leesbare_provincies(gebruiker) -> QuerySet[Provincie]:
    if is_landelijk(gebruiker):
        return Provincie.objects.all()
    return Provincie.objects.filter(pk__in=_eigen_provincies(gebruiker))


def mag_lezen(gebruiker, provincie: Provincie) -> bool:
    """Decided on the roles alone (read once per request): no query of its own."""
    return is_landelijk(gebruiker) or provincie.pk in _eigen_provincies(gebruiker)


def _eigen_provincies(gebruiker) -> set[int]:
    """The provinces (pk) a role of the user is in: its own, or its gemeente's."""
    ids = set()
    for rol in _rollen(gebruiker):
        if rol.provincie_id:
            ids.add(rol.provincie_id)
        elif rol.gemeente_id:
            ids.add(rol.gemeente.provincie_id)
    return ids


def mag_bewerken(gebruiker, provincie: Provincie) -> bool:
    if getattr(gebruiker, "is_superuser", False):
        return True
    return any(
        r.soort == Rolsoort.BEHEERDER
        or (r.soort == Rolsoort.SECRETARIS and r.provincie_id == provincie.pk)
        for r in _rollen(gebruiker)
    )


def mag_bewerken_gemeente(gebruiker, gemeente) -> bool:
    """Edit the figures of one gemeente: its province's editors, or its own invoerder."""
    if mag_bewerken(gebruiker, gemeente.provincie):
        return True
    return any(
        r.soort == Rolsoort.INVOERDER and r.gemeente_id == gemeente.pk for r in _rollen(gebruiker)
    )


def mag_invoeren(gebruiker, provincie: Provincie) -> bool:
    """Open a province's entry pages: its editors and the invoerders of its gemeenten."""
    if mag_bewerken(gebruiker, provincie):
        return True
    return any(
        r.soort == Rolsoort.INVOERDER and r.gemeente.provincie_id == provincie.pk
        for r in _rollen(gebruiker)
    )


def mag_ergens_invoeren(gebruiker) -> bool:
    """Opens the entry pages of at least one province (`invoerbare_provincies` not
    empty): a beheerder, a secretaris or an invoerder; decided on the roles alone."""
    if getattr(gebruiker, "is_superuser", False):
        return True
    invoerend = (Rolsoort.BEHEERDER, Rolsoort.SECRETARIS, Rolsoort.INVOERDER)
    return any(r.soort in invoerend for r in _rollen(gebruiker))


def invoerbare_provincies(gebruiker) -> QuerySet[Provincie]:
    return Provincie.objects.filter(
        pk__in=[p.pk for p in leesbare_provincies(gebruiker) if mag_invoeren(gebruiker, p)]
    )


def twee_stap_verplicht(gebruiker) -> bool:
    """Accounts that may change figures of a whole province confirm each login (BIO)."""
    if getattr(gebruiker, "is_superuser", False):
        return True
    return any(r.soort in (Rolsoort.BEHEERDER, Rolsoort.SECRETARIS) for r in _rollen(gebruiker))
