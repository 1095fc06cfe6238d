"""Small template helpers of the dashboard pages (no figures are computed here)."""

from __future__ import annotations

from django import template

from realisatie.templatetags.cijfers import aantal
from toegang.beleid import is_landelijk

register = template.Library()


@register.filter
def landelijk(gebruiker) -> bool:
    """May this user open the national overview (beheerder, Rijk)?"""
    return is_landelijk(gebruiker)


@register.filter
def met_teken(waarde: int | None) -> str:
    """The plan's carried stand: 519 -> "+519", -316 -> "-316", 0 -> "0"."""
    if waarde is None:
        return "—"
    return f"+{aantal(waarde)}" if waarde > 0 else aantal(waarde)
