"""Import of a location list: one row per location and period, with the uncertain forms
of the lists PRTs and veiligheidsregio's keep ("100?", "pm", an unknown end, "tot
1-7-2025, verlengbaar tot 1-7-2027"; see `realisatie.onzekere_waarden`).

The template (`werkboek.Sjabloon`, subject ``locaties``) lists the province's register
as it stands, a row per capacity period, so exporting and importing it unchanged
changes nothing. A row is identified by gemeente, location name, start date and status:
a new location or period is added, an existing period is changed. The preview shows
every change and every problem (row, column, Dutch message); the commit saves all rows
through the register services (`opvanglocatie_opslaan`, `capaciteitsperiode_opslaan`:
the same checks, permissions, vastgesteld rule and audit as the forms), or none.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from gemeenten.models import Gemeente, Provincie
from opgaven.models import Locatiesoort
from prt.aantallen import OngeldigAantal, aantal_uit_cel
from prt.aantallen import melding as aantal_melding
from prt.formaat import datum_kort
from realisatie.exports.inlezen import Inlezing, Probleem, Wijziging
from realisatie.exports.sjabloon import BLAD, KOPREGEL, SJABLOONVERSIE
from realisatie.exports.statushouders import Keuze
from realisatie.exports.werkboek import (
    Datum,
    Getal,
    Invoer,
    Kolom,
    Rij,
    Sjabloon,
    Tabel,
    Tekst,
    als_xlsx,
)
from realisatie.exports.xlsxbestand import MAX_BYTES, Geweigerd, blad_openen, te_groot
from realisatie.invoer import services
from realisatie.invoer.rijen import Opslagresultaat
from realisatie.models import Beheerder, Capaciteitsperiode, Opvanglocatie, Status
from realisatie.onzekere_waarden import OnleesbareWaarde, datum_lezen, einde_lezen, plaatsen_lezen

SLEUTEL = "locaties"
KEUZE = Keuze(SLEUTEL, gettext_lazy("Location list (register)"))
KOLOMMEN = (
    "code",
    "gemeente",
    "locatie",
    "soort",
    "beheerder",
    "status",
    "plaatsen",
    "waarvan_amv",
    "van",
    "einde",
    "pm",
)
K = {naam: i + 1 for i, naam in enumerate(KOLOMMEN)}


@dataclass(frozen=True)
class LocatieRij:
    """One row of the list: a location and one of its periods, ready to save."""

    gemeente: str  # CBS code
    naam: str
    soort: str
    beheerder: str
    status: str
    plaatsen: int | None
    geschat: bool
    waarvan_amv: int
    van: datetime.date
    tot_en_met: datetime.date | None
    verlengbaar_tot: datetime.date | None
    einde_onbekend: bool
    pm: str

    def sleutel(self) -> tuple:
        return (self.gemeente, self.naam.casefold(), self.van, self.status)


def als_sessie(rij: LocatieRij) -> dict:
    gegevens = asdict(rij)
    for veld in ("van", "tot_en_met", "verlengbaar_tot"):
        gegevens[veld] = gegevens[veld].isoformat() if gegevens[veld] else None
    return gegevens


def uit_sessie(gegevens: dict) -> LocatieRij:
    datums = {
        veld: datetime.date.fromisoformat(gegevens[veld]) if gegevens[veld] else None
        for veld in ("van", "tot_en_met", "verlengbaar_tot")
    }
    return LocatieRij(**{**gegevens, **datums})


def _einde_tekst(periode) -> str:
    if periode.tot_en_met is None:
        return "onbekend" if periode.einde_onbekend else "onbepaald"
    tekst = f"tot {datum_kort(periode.tot_en_met)}"
    if periode.verlengbaar_tot:
        tekst += f", verlengbaar tot {datum_kort(periode.verlengbaar_tot)}"
    return tekst


def _plaatsen_tekst(periode) -> object:
    if periode.plaatsen is None:
        return "pm" if periode.pm.lower().startswith("pm") else "onbekend"
    return f"{periode.plaatsen}?" if periode.geschat else periode.plaatsen


def _plaatsencel(periode):
    if periode.plaatsen is None or periode.geschat:
        return Tekst(_plaatsen_tekst(periode))
    return Invoer(periode.plaatsen)


def sjabloon(provincie: Provincie) -> bytes:
    """The register of the province as a location list, written by `werkboek`."""
    perioden = (
        Capaciteitsperiode.objects.filter(locatie__gemeente__provincie=provincie)
        .select_related("locatie__gemeente")
        .order_by("locatie__gemeente__naam", "locatie__naam", "van")
    )
    rijen = [
        Rij(
            [
                Tekst(p.locatie.gemeente.code),
                Tekst(p.locatie.gemeente.naam),
                Tekst(p.locatie.naam),
                Tekst(p.soort_id),
                Tekst(p.beheerder),
                Tekst(p.status),
                Invoer(_plaatsen_tekst(p))
                if p.plaatsen is None or p.geschat
                else Getal(p.plaatsen),
                Invoer(p.waarvan_amv),
                Datum(p.van),
                Tekst(_einde_tekst(p)),
                Tekst(p.pm) if p.pm else None,
            ]
        )
        for p in perioden
    ]
    tabel = Tabel(
        blad=BLAD,
        titel=_("PRT Monitor import template: %(subject)s") % {"subject": KEUZE.naam},
        kolommen=[
            Kolom("code", _("CBS code")),
            Kolom("gemeente", _("Municipality")),
            Kolom("locatie", _("Location")),
            Kolom("soort", _("Type (code)")),
            Kolom("beheerder", _("Operator (coa or gemeente)")),
            Kolom("status", _("Status (gerealiseerd, gepland, voorgenomen)")),
            Kolom("plaatsen", _("Places (250, 100?, pm, empty)")),
            Kolom("waarvan_amv", _("Of which unaccompanied minors")),
            Kolom("van", _("From")),
            Kolom("einde", _("End (1-7-2025, tot 1-7-2025, verlengbaar tot 1-7-2027, onbekend)")),
            Kolom("pm", _("p.m. remark")),
        ],
        rijen=rijen,
        sjabloon=Sjabloon(
            kenmerken=(
                (_("Template"), SJABLOONVERSIE),
                (_("Subject"), SLEUTEL),
                (_("Province"), provincie.code),
                (_("Date"), timezone.localdate()),
            ),
            kopregel=KOPREGEL,
            eerste_waardekolom=K["soort"],
        ),
    )
    return als_xlsx([tabel], gemaakt=timezone.now())


def inlezen(*, inhoud: bytes, provincie: Provincie) -> Inlezing:
    """Every row checked: the rows ready to save and their changes, or the problems."""
    uitkomst = Inlezing()
    if len(inhoud) > MAX_BYTES:
        uitkomst.problemen.append(Probleem(te_groot()))
        return uitkomst
    try:
        blad = blad_openen(inhoud, BLAD)
    except Geweigerd as fout:
        uitkomst.problemen.append(Probleem(fout.melding))
        return uitkomst
    gemeenten = {
        g.code: g
        for g in Gemeente.objects.in_provincie(provincie).filter(geldig_tot_en_met__isnull=True)
    }
    soorten = {c.casefold(): c for c in Locatiesoort.objects.values_list("code", flat=True)}
    bestaand = {
        (p.locatie.gemeente.code, p.locatie.naam.casefold(), p.van, p.status): p
        for p in Capaciteitsperiode.objects.filter(
            locatie__gemeente__provincie=provincie
        ).select_related("locatie__gemeente")
    }
    gezien: set[tuple] = set()
    for r in range(KOPREGEL + 1, blad.max_row + 1):
        waarden = {naam: blad.cell(row=r, column=k).value for naam, k in K.items()}
        if all(w in (None, "") for w in waarden.values()):
            continue
        rij = _lees_rij(r, waarden, gemeenten, soorten, uitkomst)
        if rij is None:
            continue
        if rij.sleutel() in gezien:
            _probleem(uitkomst, r, "locatie", _("This location and period appear more than once."))
            continue
        gezien.add(rij.sleutel())
        uitkomst.rijen.append(rij)
        _wijziging(uitkomst, rij, bestaand.get(rij.sleutel()), gemeenten[rij.gemeente])
    if uitkomst.problemen:
        uitkomst.rijen, uitkomst.wijzigingen = [], []
    return uitkomst


def _probleem(uitkomst: Inlezing, r: int, kolom: str, melding: str) -> None:
    uitkomst.problemen.append(Probleem(melding, BLAD, r, get_column_letter(K[kolom])))


def _lees_rij(r, waarden, gemeenten, soorten, uitkomst) -> LocatieRij | None:
    eerder = len(uitkomst.problemen)

    def tekst(naam: str) -> str:
        return str(waarden[naam] or "").strip()

    code = tekst("code").upper()
    if code not in gemeenten:
        elders = Gemeente.objects.filter(code=code).first()
        melding = (
            _("%(name)s (%(code)s) is not a municipality of this province.")
            % {"name": elders.naam, "code": code}
            if elders
            else _("Unknown CBS code '%(code)s'.") % {"code": code}
        )
        _probleem(uitkomst, r, "code", melding)
    naam = tekst("locatie")
    if not naam:
        _probleem(uitkomst, r, "locatie", _("Give the name of the location."))
    soort = soorten.get(tekst("soort").casefold())
    if soort is None:
        _probleem(
            uitkomst,
            r,
            "soort",
            _("Unknown type %(soort)s; choose one from the list of types.")
            % {"soort": tekst("soort")},
        )
    beheerder = tekst("beheerder").lower()
    if beheerder not in Beheerder.values:
        _probleem(uitkomst, r, "beheerder", _("Write the operator as coa or gemeente."))
    status = tekst("status").lower()
    if status not in Status.values:
        _probleem(
            uitkomst, r, "status", _("Write the status as gerealiseerd, gepland or voorgenomen.")
        )
    plaatsen = einde = van = None
    try:
        plaatsen = plaatsen_lezen(waarden["plaatsen"])
    except OnleesbareWaarde as fout:
        _probleem(uitkomst, r, "plaatsen", str(fout))
    try:
        einde = einde_lezen(waarden["einde"])
    except OnleesbareWaarde as fout:
        _probleem(uitkomst, r, "einde", str(fout))
    try:
        van = datum_lezen(waarden["van"])
    except OnleesbareWaarde as fout:
        _probleem(uitkomst, r, "van", str(fout))
    amv = 0
    if waarden["waarvan_amv"] not in (None, ""):
        try:
            amv = aantal_uit_cel(waarden["waarvan_amv"])
        except OngeldigAantal as fout:
            _probleem(uitkomst, r, "waarvan_amv", aantal_melding(fout))
    pm = tekst("pm")
    if plaatsen is not None and plaatsen.pm and not pm:
        pm = "pm"
    if len(uitkomst.problemen) > eerder:
        return None
    rij = LocatieRij(
        gemeente=code,
        naam=naam,
        soort=soort,
        beheerder=beheerder,
        status=status,
        plaatsen=plaatsen.aantal,
        geschat=plaatsen.geschat,
        waarvan_amv=amv,
        van=van,
        tot_en_met=einde.tot_en_met,
        verlengbaar_tot=einde.verlengbaar_tot,
        einde_onbekend=einde.onbekend,
        pm=pm,
    )
    for melding in services.periode_fouten(**_periodewaarden(rij)):
        _probleem(uitkomst, r, "plaatsen", melding)
    return None if len(uitkomst.problemen) > eerder else rij


def _periodewaarden(rij: LocatieRij) -> dict:
    return {
        "plaatsen": rij.plaatsen,
        "waarvan_amv": rij.waarvan_amv,
        "van": rij.van,
        "tot_en_met": rij.tot_en_met,
        "geschat": rij.geschat,
        "einde_onbekend": rij.einde_onbekend,
        "verlengbaar_tot": rij.verlengbaar_tot,
        "soort": rij.soort,
        "beheerder": rij.beheerder,
        "pm": rij.pm,
    }


def beschrijving(rij_of_periode) -> str:
    """ "NO, 100? plaatsen, gerealiseerd, coa, vanaf 1-10-2024, tot 1-7-2025, verlengbaar
    tot 1-7-2027, pm …": a period as the preview shows it."""
    p = rij_of_periode
    soort = getattr(p, "soort_id", None) or p.soort
    delen = [
        soort,
        _("%(places)s places") % {"places": _plaatsen_tekst(p)},
        p.status,
        p.beheerder,
        _("from %(date)s") % {"date": datum_kort(p.van)},
        _einde_tekst(p),
    ]
    if p.pm:
        delen.append(p.pm)
    return ", ".join(str(d) for d in delen)


def _wijziging(uitkomst: Inlezing, rij: LocatieRij, oud, gemeente) -> None:
    nieuw = beschrijving(rij)
    vorig = beschrijving(oud) if oud is not None else ""
    if nieuw == vorig:
        return
    uitkomst.wijzigingen.append(
        Wijziging(
            f"{gemeente.naam}: {rij.naam}",
            _("Capacity period") if oud is not None else _("New capacity period"),
            vorig,
            nieuw,
            tekst=True,
            code=rij.gemeente,
        )
    )


def vastleggen(*, provincie: Provincie, door, rijen: list[LocatieRij]) -> Opslagresultaat:
    """Save every row through the register services, or none (one transaction)."""
    resultaat = Opslagresultaat()
    gemeenten = {
        g.code: g
        for g in Gemeente.objects.in_provincie(provincie).filter(geldig_tot_en_met__isnull=True)
    }
    with transaction.atomic():
        for rij in rijen:
            sleutel = f"{rij.gemeente} {rij.naam}"
            try:
                _rij_vastleggen(door, gemeenten[rij.gemeente], rij)
            except PermissionDenied:
                resultaat.fout(sleutel, _("You may not change the register of this municipality."))
            except (ValidationError, KeyError) as fout:
                meldingen = getattr(fout, "messages", [_("Unknown municipality.")])
                for melding in meldingen:
                    resultaat.fout(sleutel, melding)
            else:
                resultaat.opgeslagen.append(sleutel)
        if resultaat.fouten:
            transaction.set_rollback(True)
            resultaat.opgeslagen = []
    return resultaat


def _rij_vastleggen(door, gemeente: Gemeente, rij: LocatieRij) -> None:
    locatie = Opvanglocatie.objects.filter(gemeente=gemeente, naam__iexact=rij.naam).first()
    if locatie is None:
        locatie = services.opvanglocatie_opslaan(door=door, gemeente=gemeente, naam=rij.naam)
    periode = Capaciteitsperiode.objects.filter(
        locatie=locatie, van=rij.van, status=rij.status
    ).first()
    if periode is not None and beschrijving(periode) == beschrijving(rij):
        return
    with transaction.atomic():
        services.capaciteitsperiode_opslaan(
            door=door,
            locatie=locatie,
            status=rij.status,
            periode=periode,
            versie=periode.versie if periode else None,
            **_periodewaarden(rij),
        )
