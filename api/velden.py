"""Input fields every write of API v1 shares: counts and texts the database can hold.

A count is a JSON number (not a string: "10.000" would be read as 10), whole, from 0 up to
`prt.aantallen.MAXIMUM_AANTAL`; a text holds no control characters, and a name no
invisible ones either (`prt.tekstinvoer`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from prt.aantallen import MAXIMUM_AANTAL
from prt.tekstinvoer import geen_stuurtekens, zichtbare_naam


class Aantal(serializers.IntegerField):
    default_error_messages = {"geen_getal": _("Send a whole number (a JSON number, no text).")}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAXIMUM_AANTAL)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("geen_getal")
        if isinstance(data, float) and not data.is_integer():
            self.fail("invalid")
        return super().to_internal_value(data)


def aantal(**kwargs) -> Aantal:
    """An optional count: absent or null is unknown, never 0."""
    return Aantal(allow_null=True, required=False, **kwargs)


def toelichting() -> serializers.CharField:
    return serializers.CharField(
        allow_blank=True, required=False, default="", validators=[geen_stuurtekens]
    )


def naam(**kwargs) -> serializers.CharField:
    return serializers.CharField(validators=[zichtbare_naam], **kwargs)
