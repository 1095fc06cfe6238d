"""The reference list of kinds of location as first seeded: the kinds of the first
register, and the kinds the tables of PRTs and veiligheidsregio's use (issue 15). Every
asiel kind counted before the list existed (without a counting rule every soort
counted), so those keep counting by default; a buffer location is reserve capacity,
and doorstroomlocaties and the Oekraïne kinds belong to other opgaven. The beheerder
maintains the list in the admin; loading it again adds what is missing and leaves the
beheerder's changes alone."""

from __future__ import annotations

SOORTEN: tuple[tuple[str, str, str, bool], ...] = (
    # code, naam, opgave, telt standaard mee voor de asielopgave
    ("RO", "Regulier (RO)", "asiel", True),
    ("NO", "Noodopvang (NO)", "asiel", True),
    ("TGO", "Tijdelijke gemeentelijke opvang (TGO)", "asiel", True),
    ("CNO", "Crisisnoodopvang (CNO)", "asiel", True),
    ("ROL", "Regionale opvanglocatie (ROL)", "asiel", True),
    ("AMV", "Alleen amv", "asiel", True),
    ("overig", "Overig", "asiel", True),
    ("GVL", "GVL", "asiel", True),
    ("satelliet", "Satellietlocatie", "asiel", True),
    ("IBO", "IBO", "asiel", True),
    ("buffer", "Bufferlocatie", "asiel", False),
    ("PBL", "PBL", "asiel", True),
    ("KWG", "Kleinschalige woongroep (KWG)", "asiel", True),
    ("KWE", "Kleine wooneenheid (KWE)", "asiel", True),
    ("doorstroomlocatie", "Doorstroomlocatie", "statushouders", False),
    ("hotel", "Hotel (Oekraïne)", "oekraine", False),
    ("boot", "Boot (Oekraïne)", "oekraine", False),
    ("hub", "Hub (Oekraïne)", "oekraine", False),
)


def locatiesoorten_laden(model=None) -> int:
    """Add the soorten of the list that are missing; returns how many were added.
    `model` is the historical model inside a data migration."""
    if model is None:
        from opgaven.models import Locatiesoort as model
    nieuw = 0
    for volgorde, (code, naam, opgave, telt) in enumerate(SOORTEN, start=1):
        _, gemaakt = model.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "opgave": opgave,
                "telt_standaard_mee": telt,
                "volgorde": volgorde,
            },
        )
        nieuw += gemaakt
    return nieuw
