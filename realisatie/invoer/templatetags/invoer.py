from django import template

from toegang.beleid import invoerbare_provincies

register = template.Library()


@register.inclusion_tag("invoer/_navigatie_link.html", takes_context=True)
def invoer_link(context):
    """The "Invoer" item of the main navigation, only for those who may enter figures."""
    gebruiker = context["user"]
    return {"tonen": gebruiker.is_authenticated and invoerbare_provincies(gebruiker).exists()}
