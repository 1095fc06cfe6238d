"""CSV of the tables on the province page: per block (asiel, Oekraïne, statushouders)
every area row with the columns the page shows, figures as the overview computed them
(unknown = empty). django-tables2's TableExport needs tablib, which is not installed;
the shared writer does the same from the overview's own rows.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from realisatie.exports.bijlagen import gebiedskolommen
from realisatie.exports.exporter import Exporter, besluitbron, gebiedskop
from realisatie.exports.werkboek import Getal, Kolom, Onbekend, Rij, Tabel
from realisatie.overzicht import provincie_overzicht


def bloktabel(exporter: Exporter, soort: str) -> Tabel:
    """Raises StopIteration for an unknown block."""
    blok = provincie_overzicht(exporter.provincie, exporter.datum).blok(soort)
    kolommen = blok.zichtbare_kolommen
    rijen = [
        Rij(
            [
                *gebiedskop(regel),
                *(
                    Onbekend()
                    if regel.waarde(k.sleutel) is None
                    else Getal(regel.waarde(k.sleutel))
                    for k in kolommen
                ),
            ]
        )
        for regel in blok.regels
    ]
    return Tabel(
        blad=str(blok.titel),
        titel=str(blok.titel),
        regels=exporter.regels(besluitbron(blok.besluit), peildata=blok.peildata),
        kolommen=[*gebiedskolommen(), *(Kolom(k.sleutel, str(k.label)) for k in kolommen)],
        rijen=rijen,
        leeg=_("No figures."),
    )
