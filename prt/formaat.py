"""How a person reads a figure or a date: the one formatter of the project.

Dutch everywhere a person reads a number: 9.274, -1.201, 43%; dates 1-1-2024 or
1 januari 2024. Unknown is a dash, never 0. A year or a code is never formatted as a
number (2024, not 2.024). The plain functions here are used by messages of the rule
modules, the templates (through `realisatie.templatetags.cijfers`) and the exports.
"""

from __future__ import annotations

import datetime

ONBEKEND_TEKEN = "—"


def datum_kort(datum: datetime.date | None) -> str:
    """1-1-2024; empty when unknown."""
    if datum is None:
        return ""
    return f"{datum.day}-{datum.month}-{datum.year}"


def datums_kort(datums) -> str:
    """[1-1-2024, 8-1-2024] -> "1-1-2024, 8-1-2024"."""
    return ", ".join(datum_kort(d) for d in datums)


def moment_kort(moment: datetime.datetime) -> str:
    """1-1-2024 14:05 (in the time zone `moment` carries)."""
    return f"{datum_kort(moment.date())} {moment:%H:%M}"


def datum_lang(datum: datetime.date | None) -> str:
    """1 januari 2024: the active language's DATE_FORMAT."""
    from django.utils import formats

    if datum is None:
        return ""
    return formats.date_format(datum, "DATE_FORMAT")


def aantal(waarde: int | None) -> str:
    """9274 -> "9.274"; None -> "—"."""
    if waarde is None:
        return ONBEKEND_TEKEN
    if type(waarde) is int:
        # The Dutch grouping directly: a dashboard formats thousands of figures, and
        # Django's locale-aware path looks the format up again for every one.
        return f"{waarde:,d}".replace(",", ".")
    from django.utils import formats

    return formats.number_format(waarde, use_l10n=True, force_grouping=True)


def procent(waarde: int | None) -> str:
    """43 -> "43%"; None -> "—"."""
    if waarde is None:
        return ONBEKEND_TEKEN
    return f"{aantal(waarde)}%"


def waarde(waarde: object) -> str:
    """A stored value as a person reads it (the history, a conflict): a figure 1.200, a
    date 1-9-2024, yes/no in words (never "False"), a dash when unknown; text as it is."""
    from django.utils.translation import gettext as _

    if waarde is None or waarde == "":
        return ONBEKEND_TEKEN
    if isinstance(waarde, bool):
        return _("yes") if waarde else _("no")
    if isinstance(waarde, int):
        return aantal(waarde)
    if isinstance(waarde, datetime.date) and not isinstance(waarde, datetime.datetime):
        return datum_kort(waarde)
    return str(waarde)


def procent_kort(waarde) -> str:
    """A share in percent, 50 -> "50%", 33.33 -> "33,33%" (a Decimal keeps its decimals)."""
    from decimal import Decimal

    from django.utils import formats

    if waarde is None:
        return ONBEKEND_TEKEN
    waarde = Decimal(waarde).normalize()
    if waarde == waarde.to_integral():
        return f"{aantal(int(waarde))}%"
    return f"{formats.number_format(waarde, use_l10n=True)}%"


def plaatsentotaal(totaal) -> str:
    """A total of places that says how sure it is (`realisatie.capaciteit.Plaatsentotaal`):
    "3.700"; "≈ 3.700, waarvan 100 geschat"; "3.600 + 1 locatie onbekend" (incomplete,
    never the smaller number alone); "—" when nothing is known."""
    from django.utils.translation import gettext, ngettext

    if totaal is None or totaal.waarde is None:
        return ONBEKEND_TEKEN
    tekst = aantal(totaal.bekend)
    if totaal.geschat:
        tekst = gettext("≈ %(totaal)s, of which %(geschat)s estimated") % {
            "totaal": tekst,
            "geschat": aantal(totaal.geschat),
        }
    if totaal.onbekend:
        tekst += " " + ngettext(
            "+ %(aantal)s location of unknown size",
            "+ %(aantal)s locations of unknown size",
            totaal.onbekend,
        ) % {"aantal": totaal.onbekend}
    return tekst
