"""Demo items of the regietafel's cycle for Overijssel and Gelderland, loaded idempotently
through the services (so they have history and audit lines like any other write).

What is taken from the sources (../shared/seeds): Overijssel's PRT dates and its
Spreidingswet planning for 2024 (werkplan 2024: meetings on 22-12-2023, 4-3-2024,
7-6-2024 and 20-9-2024; the afsprakenkader adopted on 22-12-2023; the regional plan
"in potlood" by the end of Q2, the definitive one by 1 September, the CdK's verslag by
1 November) and Gelderland's knelpunten (provinciaal plan 2024: netcongestie, ISK
waiting lists, pressure on the huisartsenzorg). The requests, the toezicht regimes and
the actions are examples, marked "(demo)"; the toezicht examples follow the backlogs at
the start of 2024-I in the Overijssel werkplan (Tubbergen 65 incl. backlog against a
taakstelling of 23; Kampen 106 against 59).
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel import services
from regietafel.models import (
    Actie,
    Actiestatus,
    Knelpunt,
    Knelpuntstatus,
    Knelpuntthema,
    Mijlpaal,
    Mijlpaalsoort,
    Mijlpaalstatus,
    Regietafelbesluit,
    Toezicht,
    Toezichtregime,
    Vergadering,
    Verzoek,
    Verzoeksoort,
)

D = datetime.date
WERKPLAN = "Werkplan 2024 PRT Overijssel"


def regietafel_demodata_laden() -> None:
    """Needs the demo accounts and reference data (`realisatie.demodata`)."""
    gebruikers = get_user_model().objects
    _overijssel(
        Provincie.objects.get(code="PV23"), gebruikers.get(username="secretaris-overijssel")
    )
    _gelderland(
        Provincie.objects.get(code="PV25"), gebruikers.get(username="secretaris-gelderland")
    )


def _vergadering(door, provincie, datum, omschrijving, peildatum=None, verslag="") -> Vergadering:
    vergadering = Vergadering.objects.filter(provincie=provincie, datum=datum).first()
    if vergadering is None:
        vergadering = services.vergadering_aanmaken(
            door=door,
            provincie=provincie,
            datum=datum,
            omschrijving=omschrijving,
            peildatum=peildatum,
        )
    if verslag and not vergadering.verslag:
        vergadering = services.vergadering_wijzigen(
            door=door,
            vergadering=vergadering,
            datum=vergadering.datum,
            omschrijving=vergadering.omschrijving,
            peildatum=vergadering.peildatum,
            verslag=verslag,
        )
    return vergadering


def _goedkeuren(door, vergadering: Vergadering, in_: Vergadering) -> None:
    vergadering.refresh_from_db()
    if vergadering.verslag_goedgekeurd_in_id is None:
        services.verslag_goedkeuren(door=door, vergadering=vergadering, goedgekeurd_in=in_)


def _agenda(door, vergadering: Vergadering, punten: list[dict]) -> None:
    if not vergadering.agendapunten.exists():
        for punt in punten:
            services.agendapunt_toevoegen(door=door, vergadering=vergadering, **punt)


def _besluit(door, vergadering: Vergadering, tekst: str) -> None:
    if not Regietafelbesluit.objects.filter(provincie=vergadering.provincie, tekst=tekst).exists():
        services.regietafelbesluit_aanmaken(door=door, vergadering=vergadering, tekst=tekst)


def _actie(door, vergadering, tekst, eigenaar, termijn, gereed_op=None) -> None:
    if Actie.objects.filter(provincie=vergadering.provincie, tekst=tekst).exists():
        return
    actie = services.actie_aanmaken(
        door=door, vergadering=vergadering, tekst=tekst, eigenaar=eigenaar, termijn=termijn
    )
    if gereed_op is not None:
        services.actie_afronden(door=door, actie=actie, op=gereed_op, status=Actiestatus.GEREED)


def _verzoek(door, provincie, omschrijving, **velden) -> Verzoek:
    bestaand = Verzoek.objects.filter(provincie=provincie, omschrijving=omschrijving).first()
    return bestaand or services.verzoek_aanmaken(
        door=door, provincie=provincie, omschrijving=omschrijving, **velden
    )


def _toezicht(door, gemeente, regime, sinds, toelichting, afspraken=()) -> None:
    if Toezicht.objects.filter(gemeente=gemeente, sinds=sinds).exists():
        return
    toezicht = services.toezicht_vastleggen(
        door=door, gemeente=gemeente, regime=regime, sinds=sinds, toelichting=toelichting
    )
    for omschrijving, datum, nagekomen_op in afspraken:
        services.toezichtafspraak_vastleggen(
            door=door,
            toezicht=toezicht,
            omschrijving=omschrijving,
            datum=datum,
            nagekomen_op=nagekomen_op,
        )


def _cyclus(door, provincie, cyclus: int, gereed: dict[str, D]) -> None:
    if Mijlpaal.objects.filter(provincie=provincie, cyclus=cyclus).exists():
        return
    for mijlpaal in services.spreidingswetcyclus_aanmaken(
        door=door, provincie=provincie, cyclus=cyclus
    ):
        if mijlpaal.soort in gereed:
            services.mijlpaal_wijzigen(
                door=door,
                mijlpaal=mijlpaal,
                uiterlijk=mijlpaal.uiterlijk,
                status=Mijlpaalstatus.GEREED,
                gereed_op=gereed[mijlpaal.soort],
                toelichting=f"Volgens de planning in het {WERKPLAN} (demo).",
            )


def _gemeente(provincie, naam) -> Gemeente:
    return Gemeente.objects.get(provincie=provincie, naam=naam, geldig_tot_en_met__isnull=True)


def _overijssel(provincie: Provincie, door) -> None:
    december = _vergadering(
        door,
        provincie,
        D(2023, 12, 22),
        "PRT Overijssel",
        verslag="Verslag van de PRT van 22 december 2023 (demo). Het afsprakenkader is "
        "besproken en vastgesteld.",
    )
    _besluit(
        door,
        december,
        "De PRT stelt het afsprakenkader vast over de rol- en taakverdeling bij de drie "
        f"opgaven en de rol van de samenwerkingsverbanden in IJsselland en Twente ({WERKPLAN}).",
    )
    maart = _vergadering(
        door,
        provincie,
        D(2024, 3, 4),
        "PRT Overijssel",
        verslag="Verslag van de PRT van 4 maart 2024 (demo). De planning voor de "
        "Spreidingswet is vastgesteld; de regio's stemmen de invulling van de "
        "asielopgaven af.",
    )
    _goedkeuren(door, december, maart)
    verzoek = _verzoek(
        door,
        provincie,
        "Verzoek van het Rijk: 200 extra asielopvangplekken vóór 1 maart 2024 (demo)",
        soort=Verzoeksoort.ASIEL,
        aantal=200,
        ontvangen_op=D(2023, 12, 1),
        uiterlijk=D(2024, 3, 1),
    )
    verzoek = Verzoek.objects.get(
        provincie=provincie, omschrijving__startswith="Verzoek van het Rijk: 200"
    )
    _agenda(
        door,
        maart,
        [
            {"onderwerp": "Opening, verslag en actielijst van 22 december 2023"},
            {"onderwerp": "Start van de Spreidingswet per 1 februari 2024"},
            {"onderwerp": "Verzoek van het Rijk om extra plekken", "verzoek": verzoek},
        ],
    )
    _besluit(
        door,
        maart,
        "De PRT stelt de planning PRT 2024 vast: regionaal plan in potlood eind Q2, "
        f"definitief regionaal plan op 1 september, verslag CdK vóór 1 november ({WERKPLAN}).",
    )
    _actie(
        door,
        maart,
        "Regionaal plan asielopvang en Oekraïne 'in potlood' opstellen",
        "Regionale regietafels IJsselland en Twente",
        D(2024, 6, 30),
        gereed_op=D(2024, 6, 7),
    )
    _actie(
        door,
        maart,
        "Lokale besluitvorming over asielopvang: aantal plekken en locatiekeuze",
        "Gemeenten",
        D(2024, 9, 1),
    )
    _actie(
        door,
        maart,
        "Verslag CdK over de invulling van de asielopgave opstellen",
        "CdK (provincie)",
        D(2024, 11, 1),
    )
    juni = _vergadering(door, provincie, D(2024, 6, 7), "PRT Overijssel")
    _goedkeuren(door, maart, juni)
    _vergadering(door, provincie, D(2024, 9, 20), "PRT Overijssel")
    _cyclus(door, provincie, 2024, {Mijlpaalsoort.REGIONAAL_PLAN_POTLOOD: D(2024, 6, 7)})
    toelichting = (
        f"Demovoorbeeld, op basis van de achterstand bij de start van 2024-I ({WERKPLAN})."
    )
    _toezicht(
        door,
        _gemeente(provincie, "Kampen"),
        Toezichtregime.GROEN,
        D(2024, 1, 1),
        toelichting,
    )
    _toezicht(
        door,
        _gemeente(provincie, "Kampen"),
        Toezichtregime.ORANJE,
        D(2024, 4, 1),
        toelichting,
        [("Ambtelijk overleg over de achterstand", D(2024, 5, 1), D(2024, 4, 25))],
    )
    _toezicht(
        door,
        _gemeente(provincie, "Tubbergen"),
        Toezichtregime.ROOD,
        D(2024, 4, 1),
        toelichting,
        [
            ("Bestuurlijk overleg met het college", D(2024, 5, 15), D(2024, 5, 13)),
            ("Plan van aanpak naar Gedeputeerde Staten", D(2024, 7, 1), None),
        ],
    )


def _gelderland(provincie: Provincie, door) -> None:
    plan = "Provinciaal plan 2024 PRT Migratie & Integratie Gelderland"
    peildatum = Peildatum.objects.filter(provincie=provincie, datum=D(2024, 1, 1)).first()
    februari = _vergadering(
        door, provincie, D(2024, 2, 9), "PRT Gelderland (demo)", peildatum=peildatum
    )
    _agenda(
        door,
        februari,
        [
            {"onderwerp": "Stand van zaken per 1 januari 2024", "peildatum": peildatum},
            {"onderwerp": "Knelpunten aanpalende terreinen"},
        ],
    )
    for thema, omschrijving, naar, op in (
        (
            Knelpuntthema.NETCONGESTIE,
            "Nieuwe opvanglocaties en flexwoningen krijgen geen grote aansluiting op het "
            "elektriciteitsnet: Liander kan voorlopig geen extra capaciteit toezeggen "
            f"({plan}).",
            "Landelijke Regietafel (LRT)",
            D(2024, 2, 20),
        ),
        (
            Knelpuntthema.ONDERWIJS,
            "Wachtlijsten voor de internationale schakelklassen (ISK) en een tekort aan "
            f"NT2-leerkrachten en leslokalen ({plan}).",
            "",
            None,
        ),
        (
            Knelpuntthema.ZORG,
            "Huisartsen ervaren een extra belasting van de eerstelijnszorg door de zorgvraag "
            f"van asielzoekers en ontheemden ({plan}).",
            "",
            None,
        ),
    ):
        if Knelpunt.objects.filter(provincie=provincie, omschrijving=omschrijving).exists():
            continue
        knelpunt = services.knelpunt_aanmaken(
            door=door, ingebracht_in=februari, thema=thema, omschrijving=omschrijving
        )
        if op is not None:
            services.knelpunt_wijzigen(
                door=door,
                knelpunt=knelpunt,
                thema=thema,
                omschrijving=omschrijving,
                status=Knelpuntstatus.GEESCALEERD,
                geescaleerd_naar=naar,
                geescaleerd_op=op,
            )
    _besluit(
        door,
        februari,
        "De PRT brengt de netcongestie bij nieuwe opvanglocaties in bij de Landelijke "
        "Regietafel (demo).",
    )
    _actie(
        door,
        februari,
        "Inventariseren welke geplande opvanglocaties op een netaansluiting wachten",
        "Secretariaat PRT met de subregio's",
        D(2024, 4, 1),
    )
    _verzoek(
        door,
        provincie,
        "Verzoek van het Rijk: 225 plekken crisisnoodopvang in de veiligheidsregio (demo)",
        soort=Verzoeksoort.CRISISNOODOPVANG,
        aantal=225,
        ontvangen_op=D(2023, 10, 1),
        uiterlijk=D(2023, 11, 1),
        veiligheidsregio=Veiligheidsregio.objects.get(code="VR07"),
    )
