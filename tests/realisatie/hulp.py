"""Small explicit helpers of the dashboard tests: a location with its periods, and the
text of a table row."""

from __future__ import annotations

import re

from gemeenten.models import Gemeente
from realisatie.models import Capaciteitsperiode, Opvanglocatie


def locatie(code: str, naam: str, soort: str, *perioden) -> Opvanglocatie:
    """A location of gemeente `code` with periods (plaatsen, van, tot_en_met, status)."""
    gevonden = Opvanglocatie.objects.create(gemeente=Gemeente.objects.get(code=code), naam=naam)
    for plaatsen, van, tot, status in perioden:
        Capaciteitsperiode.objects.create(
            locatie=gevonden,
            soort_id=soort,
            beheerder="coa",
            plaatsen=plaatsen,
            van=van,
            tot_en_met=tot,
            status=status,
        )
    return gevonden


def rijtekst(html: str, attribuut: str) -> str:
    """The text of the table row that carries `attribuut`, tags left out."""
    begin = html.index(attribuut)
    return re.sub(r"<[^>]+>", " ", html[begin : html.index("</tr>", begin)])
