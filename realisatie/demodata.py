"""Demo data taken from the source documents (../shared/seeds), loaded idempotently.

- National letter capaciteitsbehoefte 2023-II (April 2023): per province the regular
  places on 1-4-2023 and the opgave per 1-1-2024 (Capaciteitsbesluit COA 2023-I, 77.100).
- Overijssel werkplan 2024: per gemeente the Spreidingswet asiel opgave per 1-1-2025
  (6.325, of which 538 amv), the Oekraïne opgave (7.882) and the statushouders
  taakstelling 2024-I (1.249; 1.693 incl. voor/achterstand).
- Gelderland provinciaal plan 2024: province totals only (asiel 7.590 and realisatie
  per 1-1-2024 and planned Q1 2024 split RO/NO/TGO/amv; statushouders 2023-I..2024-I;
  Oekraïne per veiligheidsregio on 8-1-2024 with POO known for one region only).

Where a source gives only a total, the figure stays at that level: no per-gemeente
numbers are invented.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy

from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from opgaven.halfjaar import Halfjaar
from opgaven.locatiesoorten import locatiesoorten_laden
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling, Telregel
from realisatie.models import AsielTelling, Huisvesting, OekraineTelling, Peildatum
from toegang.models import Rol, Rolsoort

DEMO_MAP = Path(settings.BASE_DIR) / "fixtures" / "demo"
DEMO_WACHTWOORD = "demo-prt-2024"

GELDERLAND_PLAN = "Provinciaal plan 2024 PRT Migratie & Integratie Gelderland"
OVERIJSSEL_WERKPLAN = "Werkplan 2024 PRT Overijssel"
LANDELIJKE_BRIEF = "Brief capaciteitsbehoefte asielopvang en taakstelling huisvesting 2023-II"


@dataclass(frozen=True)
class Demoaccount:
    gebruikersnaam: str
    omschrijving: str  # shown in `laad_demodata`'s output and stored as the first name
    rollen: tuple[tuple[str, str | None], ...]  # (rolsoort, provincie code)
    beheerder: bool = False


DEMOACCOUNTS = (
    Demoaccount(
        "beheerder",
        gettext_lazy("Administrator (everything, all of the Netherlands)"),
        ((Rolsoort.BEHEERDER, None),),
        True,
    ),
    Demoaccount(
        "secretaris-gelderland",
        gettext_lazy("PRT secretary Gelderland"),
        ((Rolsoort.SECRETARIS, "PV25"),),
    ),
    Demoaccount(
        "secretaris-overijssel",
        gettext_lazy("PRT secretary Overijssel"),
        ((Rolsoort.SECRETARIS, "PV23"),),
    ),
    Demoaccount(
        "lid",
        gettext_lazy("Regietafel member (read: Gelderland and Overijssel)"),
        ((Rolsoort.LID, "PV25"), (Rolsoort.LID, "PV23")),
    ),
)


def _rijen(bestand: str) -> list[dict[str, str]]:
    with (DEMO_MAP / bestand).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _bijwerken(model, defaults: dict | None = None, **sleutel):
    """update_or_create that saves only what changed, so loading the demo again
    leaves no empty entries in the audit history."""
    defaults = defaults or {}
    rij = model.objects.filter(**sleutel).first()
    if rij is None:
        return model.objects.create(**sleutel, **defaults), True
    gewijzigd = [veld for veld, waarde in defaults.items() if getattr(rij, veld) != waarde]
    for veld in gewijzigd:
        setattr(rij, veld, defaults[veld])
    if gewijzigd:
        rij.save(update_fields=gewijzigd)
    return rij, False


def _besluit(naam: str, **velden) -> Opgavebesluit:
    besluit, _ = _bijwerken(Opgavebesluit, naam=naam, defaults=velden)
    return besluit


def _gemeente(provincie: Provincie, naam: str) -> Gemeente:
    return Gemeente.objects.get(provincie=provincie, naam=naam, geldig_tot_en_met__isnull=True)


@transaction.atomic
def demodata_laden() -> tuple[Demoaccount, ...]:
    """Load all demo figures and accounts; safe to run again (upserts)."""
    locatiesoorten_laden()  # seeded by a migration; again after a test flushed the tables
    gelderland = Provincie.objects.get(code="PV25")
    overijssel = Provincie.objects.get(code="PV23")
    _landelijke_tabel()
    _overijssel(overijssel)
    _gelderland(gelderland)
    _accounts()
    return DEMOACCOUNTS


def _landelijke_tabel() -> None:
    verdeling = _besluit(
        "Verdeling capaciteitsbehoefte november 2022",
        soort=Opgavesoort.ASIEL,
        bron=f"{LANDELIJKE_BRIEF}, tabel 1 (verdeelsystematiek november 2022)",
        streefdatum=datetime.date(2024, 1, 1),
        besluitdatum=datetime.date(2022, 11, 1),
        landelijk_totaal=75_500,
    )
    besluit = _besluit(
        "Capaciteitsbesluit COA 2023-I",
        soort=Opgavesoort.ASIEL,
        bron=f"{LANDELIJKE_BRIEF}, tabel 1 (provinciale opgave 1-1-2024)",
        streefdatum=datetime.date(2024, 1, 1),
        besluitdatum=datetime.date(2023, 4, 17),
        landelijk_totaal=77_100,
        landelijk_amv=3_660,
    )
    # The letter measures the provincial opgave against regular places (RO).
    _bijwerken(
        Telregel,
        besluit=besluit,
        provincie=None,
        defaults={"soorten": "RO", "bron": f"{LANDELIJKE_BRIEF}, tabel 1 (reguliere plekken)"},
    )
    for rij in _rijen("capaciteitsbesluit_2023-I_provincies.csv"):
        provincie = Provincie.objects.get(naam=rij["provincie"])
        _bijwerken(
            Opgave,
            provincie=provincie,
            besluit=verdeling,
            defaults={"aantal": int(rij["verdeelsystematiek_november_2022"])},
        )
        _bijwerken(
            Opgave,
            provincie=provincie,
            besluit=besluit,
            defaults={"aantal": int(rij["opgave_1-1-2024"])},
        )
        peildatum, _ = Peildatum.objects.get_or_create(
            provincie=provincie,
            datum=datetime.date(2023, 4, 1),
            defaults={"omschrijving": "Reguliere opvangplekken (landelijke brief)"},
        )
        _bijwerken(
            AsielTelling,
            provincie=provincie,
            peildatum=peildatum,
            datum=peildatum.datum,
            defaults={
                "regulier": int(rij["reguliere_plekken_1-4-2023"]),
                "toelichting": f"Huidige reguliere opvangplekken op 1-4-2023 ({LANDELIJKE_BRIEF}).",
            },
        )


def _overijssel(overijssel: Provincie) -> None:
    spreidingswet = _besluit(
        "Asielopgave Spreidingswet per 1-1-2025",
        soort=Opgavesoort.ASIEL,
        bron="Staatscourant 2024, 3320",
        bron_url="https://zoek.officielebekendmakingen.nl/stcrt-2024-3320.html",
        streefdatum=datetime.date(2025, 1, 1),
        besluitdatum=datetime.date(2024, 2, 1),
        landelijk_totaal=96_000,
    )
    for rij in _rijen("overijssel_asielopgave_2025.csv"):
        _bijwerken(
            Opgave,
            gemeente=_gemeente(overijssel, rij["gemeente"]),
            besluit=spreidingswet,
            defaults={
                "aantal": int(rij["asielopvangplekken"]),
                "waarvan_amv": int(rij["waarvan_amv"]),
                "toelichting": f"Bron: {OVERIJSSEL_WERKPLAN}.",
            },
        )
    oekraine = _oekraine_besluit()
    for rij in _rijen("overijssel_oekraine_opgave.csv"):
        _bijwerken(
            Opgave,
            gemeente=_gemeente(overijssel, rij["gemeente"]),
            besluit=oekraine,
            defaults={"aantal": int(rij["opgave"])},
        )
    taakstelling = _taakstelling_besluit("2024-I")
    for rij in _rijen("overijssel_taakstelling_2024-I.csv"):
        aantal = int(rij["taakstelling"])
        incl = int(rij["incl_voor_achterstand"])
        _bijwerken(
            Taakstelling,
            gemeente=_gemeente(overijssel, rij["gemeente"]),
            besluit=taakstelling,
            defaults={
                "aantal": aantal,
                # incl = max(0, taakstelling + stand): the stand follows only when incl > 0.
                "stand_begin": incl - aantal if incl > 0 else None,
                "te_realiseren_gepubliceerd": incl,
                "toelichting": f"Bron: {OVERIJSSEL_WERKPLAN}.",
            },
        )


def _oekraine_besluit() -> Opgavebesluit:
    return _besluit(
        "Opvangopgave Oekraïne vóór 1-2-2024",
        soort=Opgavesoort.OEKRAINE,
        bron="Brief Staatssecretaris J&V aan burgemeesters en voorzitters veiligheidsregio's, "
        "september 2023",
        bron_url="https://www.rijksoverheid.nl/documenten/kamerstukken/2023/09/04/"
        "tk-aanbieding-afschrift-brief-aan-gemeenten-en-veiligheidsregios-over-de-opvangopgave-oekraine",
        streefdatum=datetime.date(2024, 2, 1),
        besluitdatum=datetime.date(2023, 9, 4),
        landelijk_totaal=97_000,
    )


# One national besluit per half year, shared by every province: its source names the
# national decision only. Where a province's figures were taken from is said on each
# taakstelling (its toelichting), so Gelderland's table never cites Overijssel's werkplan.
TAAKSTELLING_BESLUITEN = {
    "2023-I": (None, "Staatscourant, 30 september 2022"),
    "2023-II": (27_300, f"{LANDELIJKE_BRIEF}, paragraaf 4"),
    "2024-I": (18_750, "Taakstelling 2024-I (TK-brief 10 november 2023)"),
}


def _taakstelling_besluit(halfjaar: str) -> Opgavebesluit:
    landelijk, bron = TAAKSTELLING_BESLUITEN[halfjaar]
    return _besluit(
        f"Taakstelling huisvesting statushouders {halfjaar}",
        soort=Opgavesoort.STATUSHOUDERS,
        bron=bron,
        halfjaar=halfjaar,
        landelijk_totaal=landelijk,
    )


def _gelderland(gelderland: Provincie) -> None:
    # Asiel: 7.590 per 1-1-2024 comes from the national table (Capaciteitsbesluit 2023-I);
    # 8.992 per 1-1-2025 from Capaciteitsbesluit COA 2023-II (both province totals).
    coa_2023_ii = _besluit(
        "Capaciteitsbesluit COA 2023-II",
        soort=Opgavesoort.ASIEL,
        bron="Capaciteitsbesluit COA 2023-II, oktober 2023",
        streefdatum=datetime.date(2025, 1, 1),
        besluitdatum=datetime.date(2023, 10, 1),
        landelijk_totaal=96_000,
    )
    _bijwerken(
        Opgave,
        provincie=gelderland,
        besluit=coa_2023_ii,
        defaults={"aantal": 8_992, "toelichting": f"Bron: {GELDERLAND_PLAN}, hoofdstuk 4."},
    )
    # The plan counts regular, emergency and temporary municipal places (9.274 = 4.815 +
    # 3.149 + 1.310) toward both opgaven.
    for besluit in (Opgavebesluit.objects.get(naam="Capaciteitsbesluit COA 2023-I"), coa_2023_ii):
        _bijwerken(
            Telregel,
            besluit=besluit,
            provincie=gelderland,
            defaults={"soorten": "RO,NO,TGO", "bron": f"{GELDERLAND_PLAN}, tabel asielopgave"},
        )

    jan, _ = _bijwerken(
        Peildatum,
        provincie=gelderland,
        datum=datetime.date(2024, 1, 1),
        defaults={"omschrijving": "Provinciaal plan 2024 (asiel, statushouders)"},
    )
    _bijwerken(
        AsielTelling,
        provincie=gelderland,
        peildatum=jan,
        datum=jan.datum,
        defaults={
            "regulier": 4_815,
            "noodopvang": 3_149,
            "tgo": 1_310,
            "toelichting": f"{GELDERLAND_PLAN}, samenvatting: 9.274 plaatsen per 1-1-2024.",
        },
    )
    _bijwerken(
        AsielTelling,
        provincie=gelderland,
        peildatum=jan,
        datum=datetime.date(2024, 3, 31),
        defaults={
            "regulier": 5_529,
            "noodopvang": 3_399,
            "tgo": 1_310,
            "waarvan_amv": 995,
            "toelichting": f"Geplande realisatie Q1 2024 ({GELDERLAND_PLAN}, tabel asielopgave).",
        },
    )

    # Statushouders: province totals per half year with the published voor/achterstand.
    for halfjaar, aantal, stand, gehuisvest in (
        ("2023-I", 2_548, -316, 1_786),
        ("2023-II", 2_116, 519, 1_847),
        ("2024-I", 2_251, 788, None),
    ):
        besluit = _taakstelling_besluit(halfjaar)
        _bijwerken(
            Taakstelling,
            provincie=gelderland,
            besluit=besluit,
            defaults={
                "aantal": aantal,
                "stand_begin": stand,
                "toelichting": f"Bron: {GELDERLAND_PLAN}.",
            },
        )
        if gehuisvest is not None:
            periode = Halfjaar.parse(halfjaar)
            _bijwerken(
                Huisvesting,
                provincie=gelderland,
                van=periode.begin,
                defaults={
                    "tot_en_met": periode.einde,
                    "gehuisvest": gehuisvest,
                    "toelichting": f"Realisatie {halfjaar} ({GELDERLAND_PLAN}).",
                },
            )

    # Oekraïne per veiligheidsregio on 8-1-2024; POO registered only in Noord- en Oost-Gld.
    oekraine = _oekraine_besluit()
    jan8, _ = _bijwerken(
        Peildatum,
        provincie=gelderland,
        datum=datetime.date(2024, 1, 8),
        defaults={"omschrijving": "Oekraïne (provinciaal plan 2024)"},
    )
    for code, opgave, goo, poo in (
        ("VR06", 5_045, 4_436, 931),
        ("VR07", 3_768, 3_343, None),
        ("VR08", 3_471, 3_304, None),
    ):
        regio = Veiligheidsregio.objects.get(code=code)
        _bijwerken(Opgave, veiligheidsregio=regio, besluit=oekraine, defaults={"aantal": opgave})
        _bijwerken(
            OekraineTelling,
            veiligheidsregio=regio,
            peildatum=jan8,
            defaults={
                "goo_totaal": goo,
                "poo": poo,
                "toelichting": "" if poo is not None else "POO niet geregistreerd.",
            },
        )


# Demo only: the second login step of the secretaries and the beheerder accepts these
# backup codes, each once; `laad_demodata` restores them (documented in README.md).
DEMO_CODES = tuple(f"demo{n:02d}" for n in range(1, 11))


def _accounts() -> None:
    from django_otp.plugins.otp_static.models import StaticDevice

    from toegang.beleid import twee_stap_verplicht

    gebruikers = get_user_model()
    for account in DEMOACCOUNTS:
        gebruiker, _ = gebruikers.objects.get_or_create(username=account.gebruikersnaam)
        gebruiker.first_name = str(account.omschrijving)
        gebruiker.is_staff = account.beheerder
        gebruiker.is_superuser = account.beheerder
        if not gebruiker.check_password(DEMO_WACHTWOORD):
            gebruiker.set_password(DEMO_WACHTWOORD)
        gebruiker.save()
        for soort, provincie_code in account.rollen:
            provincie = Provincie.objects.get(code=provincie_code) if provincie_code else None
            Rol.objects.get_or_create(gebruiker=gebruiker, soort=soort, provincie=provincie)
        gebruiker = gebruikers.objects.get(pk=gebruiker.pk)  # roles cached by the policy
        if twee_stap_verplicht(gebruiker):
            apparaat, _ = StaticDevice.objects.get_or_create(
                user=gebruiker, name="demo", defaults={"confirmed": True}
            )
            apparaat.token_set.all().delete()
            apparaat.token_set.bulk_create(
                [apparaat.token_set.model(device=apparaat, token=code) for code in DEMO_CODES]
            )
