"""Text that people type (names, explanations, remarks): what is refused at the door.

Rule: a control character (\\x00-\\x08, \\x0b, \\x0c, \\x0e-\\x1f, \\x7f) has no meaning in a name
or an explanation, PostgreSQL refuses NUL and an xlsx cannot hold the others, so they are
refused on input with a message; tab, newline and carriage return remain allowed in longer
texts. A name must also show what it is: one made of nothing but invisible characters
(zero-width space, joiners, a byte-order mark, spaces) is refused, and so is a name with
an invisible character inside ("Azc\\u200bZwolle" looks like "AzcZwolle" but is another).

Worked example: "Azc Zwolle" -> accepted; "Azc\\x0bZwolle" -> refused (control character);
"\\u200b" -> refused (invisible); "Toelichting\\nregel 2" -> accepted as an explanation.

Exports strip what is already stored (`realisatie.exports.neutraliseren`).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, bidi marks/overrides.
ONZICHTBAAR = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def heeft_stuurtekens(tekst: str) -> bool:
    return bool(STUURTEKENS.search(tekst or ""))


def is_zichtbare_naam(tekst: str) -> bool:
    """No control or invisible character, and something to see."""
    tekst = tekst or ""
    if heeft_stuurtekens(tekst) or "\t" in tekst or "\n" in tekst or "\r" in tekst:
        return False
    return not ONZICHTBAAR.search(tekst) and bool(tekst.strip())


def geen_stuurtekens(tekst: str) -> None:
    """Validator for explanations and remarks."""
    if heeft_stuurtekens(tekst):
        raise ValidationError(
            _("The text contains a control character; type it again without it."),
            code="stuurteken",
        )


def zichtbare_naam(tekst: str) -> None:
    """Validator for names."""
    if not is_zichtbare_naam(tekst):
        raise ValidationError(
            _(
                "A name may not contain control characters or invisible characters "
                "(such as a zero-width space)."
            ),
            code="onzichtbaar",
        )
