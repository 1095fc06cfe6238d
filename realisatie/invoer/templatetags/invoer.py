import datetime

from django import template
from django.utils.translation import gettext as _

from realisatie.templatetags.cijfers import aantal, datum_kort
from toegang.beleid import invoerbare_provincies

register = template.Library()


@register.inclusion_tag("invoer/_navigatie_link.html", takes_context=True)
def invoer_link(context):
    """The "Invoer" item of the main navigation, only for those who may enter figures."""
    gebruiker = context["user"]
    return {"tonen": gebruiker.is_authenticated and invoerbare_provincies(gebruiker).exists()}


@register.filter
def waarde(waarde) -> str:
    """A stored value as a person reads it: 1.200, 1-9-2024, ja/nee, "—" for unknown."""
    if waarde is None or waarde == "":
        return "—"
    if isinstance(waarde, bool):
        return _("yes") if waarde else _("no")
    if isinstance(waarde, int):
        return aantal(waarde)
    if isinstance(waarde, datetime.date):
        return datum_kort(waarde)
    return str(waarde)
