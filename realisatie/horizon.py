"""The horizon of an asiel outlook: which quarters the vooruitblik page, bijlage 2 and
the stand van zaken look ahead to.

Rule: by default from the first quarter of the current year up to and including the
last quarter of the year after next, so that a planned extension from 1 January the
year after next is in it; any other range of quarters can be chosen, at most
`MAX_KWARTALEN` (five years) and between the years 2000 and 2100. No horizon is fixed in
the code: on 30 November 2026 the default runs from Q1 2026 through Q4 2028, and an
extension of 600 places from 1-1-2028 shows in Q1 2028.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from realisatie.capaciteit import Kwartaal, kwartalen

MAX_KWARTALEN = 20  # five years
JAREN = (2000, 2100)


class OngeldigeHorizon(ValueError):
    """A horizon that cannot be shown; the message is for the user (Dutch)."""


def standaard_horizon(vandaag: datetime.date) -> tuple[Kwartaal, Kwartaal]:
    """Q1 of this year through Q4 of the year after next."""
    return Kwartaal(vandaag.year, 1), Kwartaal(vandaag.year + 2, 4)


def horizon(
    van: str | None, tot: str | None, *, vandaag: datetime.date
) -> tuple[Kwartaal, Kwartaal]:
    """The quarters chosen as ``"2026-Q1"`` codes (either may be empty: its default)."""
    standaard_van, standaard_tot = standaard_horizon(vandaag)
    eerste = _kwartaal(van, standaard_van)
    laatste = _kwartaal(tot, standaard_tot)
    laagste, hoogste = JAREN
    if not (laagste <= eerste.jaar <= hoogste and laagste <= laatste.jaar <= hoogste):
        raise OngeldigeHorizon(
            _("Choose quarters between %(from)s and %(to)s.") % {"from": laagste, "to": hoogste}
        )
    if laatste < eerste:
        raise OngeldigeHorizon(_("The last quarter lies before the first."))
    if len(kwartalen(eerste, laatste)) > MAX_KWARTALEN:
        raise OngeldigeHorizon(
            _("Choose at most %(count)s quarters (five years).") % {"count": MAX_KWARTALEN}
        )
    return eerste, laatste


def _kwartaal(tekst: str | None, standaard: Kwartaal) -> Kwartaal:
    if not tekst:
        return standaard
    try:
        return Kwartaal.parse(tekst)
    except ValueError:
        raise OngeldigeHorizon(
            _("Invalid quarter '%(value)s'; write it as 2024-Q1.") % {"value": tekst}
        ) from None
