"""The CSV link under a dashboard table (see `realisatie.dashboard.export`)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def csv_url(context, tabel: str) -> str:
    """This page with its own parameters (peildatum, sorting) plus the export of `tabel`."""
    parameters = context["request"].GET.copy()
    parameters["_export"] = "csv"
    parameters["tabel"] = tabel
    return f"?{parameters.urlencode()}"
