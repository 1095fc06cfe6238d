"""Small template helpers of the dashboard pages (no figures are computed here)."""

from __future__ import annotations

from django import template

from realisatie.templatetags.cijfers import aantal
from toegang.beleid import is_beheerder, is_landelijk

register = template.Library()


@register.filter
def landelijk(gebruiker) -> bool:
    """May this user open the national overview (beheerder, Rijk)?"""
    return is_landelijk(gebruiker)


@register.filter
def beheerder(gebruiker) -> bool:
    """May this user switch a province's publication on or off?"""
    return is_beheerder(gebruiker)


@register.filter
def met_teken(waarde: int | None) -> str:
    """The plan's carried stand: 519 -> "+519", -316 -> "-316", 0 -> "0"."""
    if waarde is None:
        return "—"
    return f"+{aantal(waarde)}" if waarde > 0 else aantal(waarde)


@register.inclusion_tag("realisatie/_stand.html")
def stand(overzicht, gekozen=None):
    """What the figures of a page describe: the peildatum (or, for the latest known
    figures, each block's own), vastgesteld or voorlopig, and never "today" as the stand.

    Figures are vastgesteld when the page shows a vastgestelde peildatum of the province;
    everything else (an open peildatum, the latest known figures, the live register) is
    voorlopig."""
    vastgesteld = next(
        (p for p in overzicht.peildata if p.datum == overzicht.datum and p.is_vastgesteld), None
    )
    blokken = []
    for blok in overzicht.blokken:
        eerste, laatste = (blok.peildata[0], blok.peildata[-1]) if blok.peildata else (None, None)
        blokken.append({"blok": blok, "eerste": eerste, "laatste": laatste})
    return {
        "overzicht": overzicht,
        "gekozen": gekozen,
        "vastgesteld": vastgesteld,
        "blokken": blokken,
    }
