from django import template

from prt import formaat
from toegang.beleid import mag_ergens_invoeren

register = template.Library()

# A stored value as a person reads it: 1.200, 1-9-2024, ja/nee, "—" for unknown.
waarde = register.filter("waarde", formaat.waarde)


@register.inclusion_tag("invoer/_navigatie_link.html", takes_context=True)
def invoer_link(context):
    """The "Invoer" item of the main navigation, only for those who may enter figures."""
    gebruiker = context["user"]
    return {"tonen": gebruiker.is_authenticated and mag_ergens_invoeren(gebruiker)}
