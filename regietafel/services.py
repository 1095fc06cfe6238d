"""Writes of the regietafel's cycle: the only way its lists change.

Every function is keyword-only and all-or-nothing: it checks the permission policy
(`toegang.beleid.mag_bewerken` for the province concerned: the PRT secretary and the
beheerder), validates with a Dutch message per problem, saves with the acting user in
the history (django-simple-history) and writes one line to the `prt.audit` log. The
pages, the REST API and the demo loader all go through here.

Actions and decisions are numbered per province: the next number is taken inside the
write transaction with the province row locked (`select_for_update`), so two
secretaries saving at once get 7 and 8, never 7 twice; the unique constraint
(provincie, nummer) is the last line of defence.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel.models import (
    Aanwezigheid,
    Actie,
    Actiestatus,
    Agendapunt,
    Knelpunt,
    Knelpuntstatus,
    Knelpuntthema,
    Mijlpaal,
    Mijlpaalsoort,
    Mijlpaalstatus,
    Regietafelbesluit,
    Toezicht,
    Toezichtafspraak,
    Toezichtregime,
    Vergadering,
    Verzoek,
    Verzoeksoort,
    Verzoekstatus,
)
from toegang.audit import log_audit
from toegang.beleid import mag_bewerken


def _datum(datum: datetime.date) -> str:
    return f"{datum:%-d-%-m-%Y}"


def _toegang(door, provincie: Provincie, actie: str, object_) -> None:
    if not mag_bewerken(door, provincie):
        log_audit(door, actie, object_, "geweigerd")
        raise PermissionDenied


def _controleren(door, actie: str, object_, fouten: list[str]) -> None:
    if fouten:
        log_audit(door, actie, object_, "ongeldig")
        raise ValidationError(fouten)


def _bewaren(object_: models.Model, door, actie: str):
    object_._history_user = door
    object_.save()
    log_audit(door, actie, object_, "ok")
    return object_


def _tekst(waarde: str, melding: str, fouten: list[str]) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        fouten.append(melding)
    return waarde


def _keuze(waarde: str, keuzes: type[models.TextChoices], fouten: list[str]) -> None:
    if waarde not in keuzes.values:
        fouten.append(
            _("Unknown value %(waarde)s; choose from %(keuzes)s.")
            % {"waarde": repr(waarde), "keuzes": ", ".join(keuzes.values)}
        )


def _volgend_nummer(model: type[models.Model], provincie: Provincie) -> int:
    """The province's next number; call inside the write transaction."""
    # FOR NO KEY UPDATE: serialises numbering per province without blocking inserts
    # elsewhere that merely refer to the province.
    Provincie.objects.select_for_update(no_key=True).get(pk=provincie.pk)
    hoogste = model.objects.filter(provincie=provincie).aggregate(m=Max("nummer"))["m"]
    return (hoogste or 0) + 1


# --- Meetings ---------------------------------------------------------------------------------


def _controleer_peildatum(peildatum: Peildatum | None, provincie: Provincie, fouten) -> None:
    if peildatum is not None and peildatum.provincie_id != provincie.pk:
        fouten.append(
            _("The reference date %(datum)s is not one of %(provincie)s.")
            % {"datum": _datum(peildatum.datum), "provincie": provincie.naam}
        )


def _controleer_vergaderdatum(provincie, datum, fouten, zelf: Vergadering | None = None) -> None:
    dubbel = Vergadering.objects.filter(provincie=provincie, datum=datum)
    if zelf is not None:
        dubbel = dubbel.exclude(pk=zelf.pk)
    if dubbel.exists():
        fouten.append(
            _("%(provincie)s already has a meeting on %(datum)s.")
            % {"provincie": provincie.naam, "datum": _datum(datum)}
        )


@transaction.atomic
def vergadering_aanmaken(
    *,
    door,
    provincie: Provincie,
    datum: datetime.date,
    omschrijving: str = "",
    peildatum: Peildatum | None = None,
) -> Vergadering:
    _toegang(door, provincie, "vergadering_aanmaken", provincie)
    fouten: list[str] = []
    _controleer_vergaderdatum(provincie, datum, fouten)
    _controleer_peildatum(peildatum, provincie, fouten)
    _controleren(door, "vergadering_aanmaken", provincie, fouten)
    vergadering = Vergadering(
        provincie=provincie, datum=datum, omschrijving=omschrijving.strip(), peildatum=peildatum
    )
    return _bewaren(vergadering, door, "vergadering_aanmaken")


@transaction.atomic
def vergadering_wijzigen(
    *,
    door,
    vergadering: Vergadering,
    datum: datetime.date,
    omschrijving: str,
    peildatum: Peildatum | None,
    verslag: str,
) -> Vergadering:
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    provincie = vergadering.provincie
    _toegang(door, provincie, "vergadering_wijzigen", vergadering)
    fouten: list[str] = []
    _controleer_vergaderdatum(provincie, datum, fouten, zelf=vergadering)
    _controleer_peildatum(peildatum, provincie, fouten)
    verslag = verslag.strip()
    if vergadering.verslag_goedgekeurd_in_id and verslag != vergadering.verslag:
        fouten.append(
            _("The minutes were approved on %(datum)s; they can no longer be changed.")
            % {"datum": _datum(vergadering.verslag_goedgekeurd_in.datum)}
        )
    _controleren(door, "vergadering_wijzigen", vergadering, fouten)
    vergadering.datum, vergadering.omschrijving = datum, omschrijving.strip()
    vergadering.peildatum, vergadering.verslag = peildatum, verslag
    return _bewaren(vergadering, door, "vergadering_wijzigen")


@transaction.atomic
def verslag_goedkeuren(
    *, door, vergadering: Vergadering, goedgekeurd_in: Vergadering
) -> Vergadering:
    """Approve the minutes of `vergadering` at the later meeting `goedgekeurd_in`."""
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    _toegang(door, vergadering.provincie, "verslag_goedkeuren", vergadering)
    fouten: list[str] = []
    if goedgekeurd_in.provincie_id != vergadering.provincie_id:
        fouten.append(_("Minutes are approved at a meeting of the same regietafel."))
    elif goedgekeurd_in.datum <= vergadering.datum:
        fouten.append(
            _("The minutes of %(datum)s are approved at a later meeting.")
            % {"datum": _datum(vergadering.datum)}
        )
    if not vergadering.verslag:
        fouten.append(_("These minutes are empty; write them before they are approved."))
    if vergadering.verslag_goedgekeurd_in_id:
        fouten.append(
            _("These minutes were already approved on %(datum)s.")
            % {"datum": _datum(vergadering.verslag_goedgekeurd_in.datum)}
        )
    _controleren(door, "verslag_goedkeuren", vergadering, fouten)
    vergadering.verslag_goedgekeurd_in = goedgekeurd_in
    return _bewaren(vergadering, door, "verslag_goedkeuren")


@transaction.atomic
def agendapunt_toevoegen(
    *,
    door,
    vergadering: Vergadering,
    onderwerp: str,
    peildatum: Peildatum | None = None,
    verzoek: Verzoek | None = None,
    knelpunt: Knelpunt | None = None,
    signaal: str = "",
) -> Agendapunt:
    """An agenda item at the end of the agenda, pointing to at most one thing."""
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    provincie = vergadering.provincie
    _toegang(door, provincie, "agendapunt_toevoegen", vergadering)
    fouten: list[str] = []
    onderwerp = _tekst(onderwerp, _("Give the subject of the agenda item."), fouten)
    signaal = signaal.strip()
    if sum(1 for w in (peildatum, verzoek, knelpunt, signaal or None) if w is not None) > 1:
        fouten.append(
            _(
                "An agenda item points to one thing: a reference date, a request, "
                "a bottleneck or a signal."
            )
        )
    _controleer_peildatum(peildatum, provincie, fouten)
    for ander in (verzoek, knelpunt):
        if ander is not None and ander.provincie_id != provincie.pk:
            fouten.append(_("That item belongs to another province."))
    _controleren(door, "agendapunt_toevoegen", vergadering, fouten)
    hoogste = vergadering.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0
    agendapunt = Agendapunt(
        vergadering=vergadering,
        volgorde=hoogste + 1,
        onderwerp=onderwerp,
        peildatum=peildatum,
        verzoek=verzoek,
        knelpunt=knelpunt,
        signaal=signaal,
    )
    return _bewaren(agendapunt, door, "agendapunt_toevoegen")


@transaction.atomic
def agendapunt_verwijderen(*, door, agendapunt: Agendapunt) -> None:
    _toegang(door, agendapunt.vergadering.provincie, "agendapunt_verwijderen", agendapunt)
    agendapunt._history_user = door
    agendapunt.delete()
    log_audit(door, "agendapunt_verwijderen", agendapunt, "ok")


@transaction.atomic
def aanwezige_toevoegen(
    *, door, vergadering: Vergadering, naam: str, organisatie: str, rol: str = ""
) -> Aanwezigheid:
    _toegang(door, vergadering.provincie, "aanwezige_toevoegen", vergadering)
    fouten: list[str] = []
    naam = _tekst(naam, _("Give the name of the person present."), fouten)
    organisatie = _tekst(organisatie, _("Give the organisation of the person present."), fouten)
    if vergadering.aanwezigen.filter(naam=naam, organisatie=organisatie).exists():
        fouten.append(
            _("%(naam)s (%(organisatie)s) is already on the list.")
            % {"naam": naam, "organisatie": organisatie}
        )
    _controleren(door, "aanwezige_toevoegen", vergadering, fouten)
    aanwezige = Aanwezigheid(
        vergadering=vergadering, naam=naam, organisatie=organisatie, rol=rol.strip()
    )
    return _bewaren(aanwezige, door, "aanwezige_toevoegen")


@transaction.atomic
def aanwezige_verwijderen(*, door, aanwezigheid: Aanwezigheid) -> None:
    _toegang(door, aanwezigheid.vergadering.provincie, "aanwezige_verwijderen", aanwezigheid)
    aanwezigheid._history_user = door
    aanwezigheid.delete()
    log_audit(door, "aanwezige_verwijderen", aanwezigheid, "ok")


# --- Decisions and actions --------------------------------------------------------------------


@transaction.atomic
def regietafelbesluit_aanmaken(*, door, vergadering: Vergadering, tekst: str) -> Regietafelbesluit:
    provincie = vergadering.provincie
    _toegang(door, provincie, "regietafelbesluit_aanmaken", vergadering)
    fouten: list[str] = []
    tekst = _tekst(tekst, _("Write down the decision."), fouten)
    _controleren(door, "regietafelbesluit_aanmaken", vergadering, fouten)
    besluit = Regietafelbesluit(
        provincie=provincie,
        nummer=_volgend_nummer(Regietafelbesluit, provincie),
        vergadering=vergadering,
        tekst=tekst,
    )
    return _bewaren(besluit, door, "regietafelbesluit_aanmaken")


@transaction.atomic
def regietafelbesluit_wijzigen(
    *, door, besluit: Regietafelbesluit, tekst: str
) -> Regietafelbesluit:
    besluit = Regietafelbesluit.objects.select_for_update().get(pk=besluit.pk)
    _toegang(door, besluit.provincie, "regietafelbesluit_wijzigen", besluit)
    fouten: list[str] = []
    besluit.tekst = _tekst(tekst, _("Write down the decision."), fouten)
    _controleren(door, "regietafelbesluit_wijzigen", besluit, fouten)
    return _bewaren(besluit, door, "regietafelbesluit_wijzigen")


def _controleer_actie(vergadering, tekst, eigenaar, termijn, fouten) -> tuple[str, str]:
    tekst = _tekst(tekst, _("Describe the action."), fouten)
    eigenaar = _tekst(
        eigenaar, _("Give the owner of the action (an organisation or a role)."), fouten
    )
    if termijn is not None and termijn < vergadering.datum:
        fouten.append(
            _("The deadline %(termijn)s is before the meeting of %(datum)s.")
            % {"termijn": _datum(termijn), "datum": _datum(vergadering.datum)}
        )
    return tekst, eigenaar


def _controleer_status(actie: Actie, status: str, status_op, fouten) -> None:
    if status == Actiestatus.OPEN:
        if status_op is not None:
            fouten.append(_("An open action has no date done or lapsed."))
        return
    if status_op is None:
        fouten.append(_("Give the date on which the action was done or lapsed."))
    elif status_op < actie.vergadering.datum:
        fouten.append(
            _("The date %(op)s is before the meeting of %(datum)s that agreed the action.")
            % {"op": _datum(status_op), "datum": _datum(actie.vergadering.datum)}
        )


@transaction.atomic
def actie_aanmaken(
    *,
    door,
    vergadering: Vergadering,
    tekst: str,
    eigenaar: str,
    termijn: datetime.date | None = None,
    toelichting: str = "",
) -> Actie:
    provincie = vergadering.provincie
    _toegang(door, provincie, "actie_aanmaken", vergadering)
    fouten: list[str] = []
    tekst, eigenaar = _controleer_actie(vergadering, tekst, eigenaar, termijn, fouten)
    _controleren(door, "actie_aanmaken", vergadering, fouten)
    actie = Actie(
        provincie=provincie,
        nummer=_volgend_nummer(Actie, provincie),
        vergadering=vergadering,
        tekst=tekst,
        eigenaar=eigenaar,
        termijn=termijn,
        toelichting=toelichting.strip(),
    )
    return _bewaren(actie, door, "actie_aanmaken")


@transaction.atomic
def actie_wijzigen(
    *,
    door,
    actie: Actie,
    tekst: str,
    eigenaar: str,
    termijn: datetime.date | None,
    toelichting: str,
    status: str,
    status_op: datetime.date | None,
) -> Actie:
    actie = Actie.objects.select_for_update().select_related("vergadering").get(pk=actie.pk)
    _toegang(door, actie.provincie, "actie_wijzigen", actie)
    fouten: list[str] = []
    tekst, eigenaar = _controleer_actie(actie.vergadering, tekst, eigenaar, termijn, fouten)
    _keuze(status, Actiestatus, fouten)
    if status in Actiestatus.values:
        _controleer_status(actie, status, status_op, fouten)
    _controleren(door, "actie_wijzigen", actie, fouten)
    actie.tekst, actie.eigenaar, actie.termijn = tekst, eigenaar, termijn
    actie.toelichting, actie.status, actie.status_op = toelichting.strip(), status, status_op
    return _bewaren(actie, door, "actie_wijzigen")


@transaction.atomic
def actie_afronden(
    *, door, actie: Actie, op: datetime.date, status: str = Actiestatus.GEREED
) -> Actie:
    """Mark an open action done (or lapsed) on `op`."""
    actie = Actie.objects.select_for_update().select_related("vergadering").get(pk=actie.pk)
    _toegang(door, actie.provincie, "actie_afronden", actie)
    fouten: list[str] = []
    if actie.status != Actiestatus.OPEN:
        fouten.append(_("Action %(nummer)s is no longer open.") % {"nummer": actie.nummer})
    elif status == Actiestatus.OPEN or status not in Actiestatus.values:
        fouten.append(_("An action is finished as done or lapsed."))
    else:
        _controleer_status(actie, status, op, fouten)
    _controleren(door, "actie_afronden", actie, fouten)
    actie.status, actie.status_op = status, op
    return _bewaren(actie, door, "actie_afronden")


# --- Requests and bottlenecks -----------------------------------------------------------------


def _controleer_verzoek(
    provincie, veiligheidsregio, omschrijving, soort, aantal, ontvangen_op, uiterlijk, fouten
) -> str:
    omschrijving = _tekst(omschrijving, _("Describe the request."), fouten)
    _keuze(soort, Verzoeksoort, fouten)
    if type(aantal) is not int or aantal < 1:
        fouten.append(_("Request at least 1 place."))
    if uiterlijk < ontvangen_op:
        fouten.append(
            _("The date %(uiterlijk)s is before the date of the request %(ontvangen)s.")
            % {"uiterlijk": _datum(uiterlijk), "ontvangen": _datum(ontvangen_op)}
        )
    if veiligheidsregio is not None and veiligheidsregio.provincie_id != provincie.pk:
        fouten.append(
            _("%(regio)s is not a safety region of %(provincie)s.")
            % {"regio": veiligheidsregio.naam, "provincie": provincie.naam}
        )
    return omschrijving


@transaction.atomic
def verzoek_aanmaken(
    *,
    door,
    provincie: Provincie,
    omschrijving: str,
    soort: str,
    aantal: int,
    ontvangen_op: datetime.date,
    uiterlijk: datetime.date,
    veiligheidsregio: Veiligheidsregio | None = None,
) -> Verzoek:
    _toegang(door, provincie, "verzoek_aanmaken", provincie)
    fouten: list[str] = []
    omschrijving = _controleer_verzoek(
        provincie, veiligheidsregio, omschrijving, soort, aantal, ontvangen_op, uiterlijk, fouten
    )
    _controleren(door, "verzoek_aanmaken", provincie, fouten)
    verzoek = Verzoek(
        provincie=provincie,
        veiligheidsregio=veiligheidsregio,
        omschrijving=omschrijving,
        soort=soort,
        aantal=aantal,
        ontvangen_op=ontvangen_op,
        uiterlijk=uiterlijk,
    )
    return _bewaren(verzoek, door, "verzoek_aanmaken")


@transaction.atomic
def verzoek_wijzigen(
    *,
    door,
    verzoek: Verzoek,
    omschrijving: str,
    soort: str,
    aantal: int,
    ontvangen_op: datetime.date,
    uiterlijk: datetime.date,
    veiligheidsregio: Veiligheidsregio | None,
    status: str,
    antwoord: str = "",
    beantwoord_op: datetime.date | None = None,
) -> Verzoek:
    verzoek = Verzoek.objects.select_for_update().get(pk=verzoek.pk)
    provincie = verzoek.provincie
    _toegang(door, provincie, "verzoek_wijzigen", verzoek)
    fouten: list[str] = []
    omschrijving = _controleer_verzoek(
        provincie, veiligheidsregio, omschrijving, soort, aantal, ontvangen_op, uiterlijk, fouten
    )
    _keuze(status, Verzoekstatus, fouten)
    antwoord = antwoord.strip()
    if status == Verzoekstatus.BEANTWOORD and (not antwoord or beantwoord_op is None):
        fouten.append(_("An answered request has an answer and the date it was given."))
    if beantwoord_op is not None and beantwoord_op < ontvangen_op:
        fouten.append(_("The answer cannot be given before the request."))
    _controleren(door, "verzoek_wijzigen", verzoek, fouten)
    verzoek.omschrijving, verzoek.soort, verzoek.aantal = omschrijving, soort, aantal
    verzoek.ontvangen_op, verzoek.uiterlijk = ontvangen_op, uiterlijk
    verzoek.veiligheidsregio, verzoek.status = veiligheidsregio, status
    verzoek.antwoord, verzoek.beantwoord_op = antwoord, beantwoord_op
    return _bewaren(verzoek, door, "verzoek_wijzigen")


@transaction.atomic
def knelpunt_aanmaken(
    *, door, ingebracht_in: Vergadering, thema: str, omschrijving: str
) -> Knelpunt:
    provincie = ingebracht_in.provincie
    _toegang(door, provincie, "knelpunt_aanmaken", ingebracht_in)
    fouten: list[str] = []
    omschrijving = _tekst(omschrijving, _("Describe the bottleneck."), fouten)
    _keuze(thema, Knelpuntthema, fouten)
    _controleren(door, "knelpunt_aanmaken", ingebracht_in, fouten)
    knelpunt = Knelpunt(
        provincie=provincie, ingebracht_in=ingebracht_in, thema=thema, omschrijving=omschrijving
    )
    return _bewaren(knelpunt, door, "knelpunt_aanmaken")


@transaction.atomic
def knelpunt_wijzigen(
    *,
    door,
    knelpunt: Knelpunt,
    thema: str,
    omschrijving: str,
    status: str,
    geescaleerd_naar: str = "",
    geescaleerd_op: datetime.date | None = None,
    antwoord: str = "",
) -> Knelpunt:
    knelpunt = (
        Knelpunt.objects.select_for_update().select_related("ingebracht_in").get(pk=knelpunt.pk)
    )
    _toegang(door, knelpunt.provincie, "knelpunt_wijzigen", knelpunt)
    fouten: list[str] = []
    omschrijving = _tekst(omschrijving, _("Describe the bottleneck."), fouten)
    _keuze(thema, Knelpuntthema, fouten)
    _keuze(status, Knelpuntstatus, fouten)
    geescaleerd_naar = geescaleerd_naar.strip()
    if bool(geescaleerd_naar) != (geescaleerd_op is not None):
        fouten.append(_("An escalation has both the body it went to and the date."))
    if status == Knelpuntstatus.GEESCALEERD and geescaleerd_op is None:
        fouten.append(_("Give to whom and when the bottleneck was escalated."))
    if geescaleerd_op is not None and geescaleerd_op < knelpunt.ingebracht_in.datum:
        fouten.append(
            _("The escalation date is before the meeting of %(datum)s that raised it.")
            % {"datum": _datum(knelpunt.ingebracht_in.datum)}
        )
    _controleren(door, "knelpunt_wijzigen", knelpunt, fouten)
    knelpunt.thema, knelpunt.omschrijving, knelpunt.status = thema, omschrijving, status
    knelpunt.geescaleerd_naar, knelpunt.geescaleerd_op = geescaleerd_naar, geescaleerd_op
    knelpunt.antwoord = antwoord.strip()
    return _bewaren(knelpunt, door, "knelpunt_wijzigen")


# --- Toezicht statushouders -------------------------------------------------------------------


@transaction.atomic
def toezicht_vastleggen(
    *,
    door,
    gemeente: Gemeente,
    regime: str,
    sinds: datetime.date,
    plan_van_aanpak: str = "",
    toelichting: str = "",
    toezicht: Toezicht | None = None,
) -> Toezicht:
    """A gemeente's regime from `sinds` on (a new row), or a correction of `toezicht`."""
    if toezicht is not None:
        toezicht = Toezicht.objects.select_for_update().get(pk=toezicht.pk)
        _toegang(door, toezicht.gemeente.provincie, "toezicht_vastleggen", toezicht)
    _toegang(door, gemeente.provincie, "toezicht_vastleggen", gemeente)
    fouten: list[str] = []
    _keuze(regime, Toezichtregime, fouten)
    dubbel = Toezicht.objects.filter(gemeente=gemeente, sinds=sinds)
    if toezicht is not None:
        dubbel = dubbel.exclude(pk=toezicht.pk)
    if dubbel.exists():
        fouten.append(
            _("%(gemeente)s already has a regime from %(datum)s; change that one.")
            % {"gemeente": gemeente.naam, "datum": _datum(sinds)}
        )
    _controleren(door, "toezicht_vastleggen", gemeente, fouten)
    toezicht = toezicht or Toezicht()
    toezicht.gemeente, toezicht.regime, toezicht.sinds = gemeente, regime, sinds
    toezicht.plan_van_aanpak, toezicht.toelichting = plan_van_aanpak.strip(), toelichting.strip()
    return _bewaren(toezicht, door, "toezicht_vastleggen")


@transaction.atomic
def toezichtafspraak_vastleggen(
    *,
    door,
    toezicht: Toezicht,
    omschrijving: str,
    datum: datetime.date,
    nagekomen_op: datetime.date | None = None,
    afspraak: Toezichtafspraak | None = None,
) -> Toezichtafspraak:
    """A new agreement under `toezicht`, or a change (e.g. fulfilled) of `afspraak`."""
    _toegang(door, toezicht.gemeente.provincie, "toezichtafspraak_vastleggen", toezicht)
    fouten: list[str] = []
    omschrijving = _tekst(omschrijving, _("Describe the agreement."), fouten)
    if afspraak is not None and afspraak.toezicht_id != toezicht.pk:
        fouten.append(_("That agreement belongs to another supervision."))
    _controleren(door, "toezichtafspraak_vastleggen", toezicht, fouten)
    afspraak = afspraak or Toezichtafspraak(toezicht=toezicht)
    afspraak.omschrijving, afspraak.datum, afspraak.nagekomen_op = omschrijving, datum, nagekomen_op
    return _bewaren(afspraak, door, "toezichtafspraak_vastleggen")


# --- The Spreidingswet cycle ------------------------------------------------------------------


def standaard_termijnen(cyclus: int) -> dict[str, datetime.date | None]:
    """The cycle's dates as the Overijssel werkplan 2024 plans them: the regional plan
    "in potlood" by the end of Q2, the definitive one by 1 September, the CdK's verslag
    by 1 November; the minister's verdeelbesluit follows without a fixed date."""
    return {
        Mijlpaalsoort.REGIONAAL_PLAN_POTLOOD: datetime.date(cyclus, 6, 30),
        Mijlpaalsoort.REGIONAAL_PLAN_DEFINITIEF: datetime.date(cyclus, 9, 1),
        Mijlpaalsoort.VERSLAG_CDK: datetime.date(cyclus, 11, 1),
        Mijlpaalsoort.VERDEELBESLUIT: None,
    }


@transaction.atomic
def spreidingswetcyclus_aanmaken(*, door, provincie: Provincie, cyclus: int) -> list[Mijlpaal]:
    """The four milestones of a cycle with their standard dates."""
    _toegang(door, provincie, "spreidingswetcyclus_aanmaken", provincie)
    fouten: list[str] = []
    if not 2024 <= cyclus <= 2100:
        fouten.append(_("A Spreidingswet cycle starts in 2024 or later."))
    elif (cyclus - 2024) % 2:
        fouten.append(_("The Spreidingswet cycle takes two years: 2024, 2026, 2028 …"))
    elif Mijlpaal.objects.filter(provincie=provincie, cyclus=cyclus).exists():
        fouten.append(
            _("The cycle %(cyclus)s of %(provincie)s already exists.")
            % {"cyclus": cyclus, "provincie": provincie.naam}
        )
    _controleren(door, "spreidingswetcyclus_aanmaken", provincie, fouten)
    return [
        _bewaren(
            Mijlpaal(provincie=provincie, cyclus=cyclus, soort=soort, uiterlijk=uiterlijk),
            door,
            "spreidingswetcyclus_aanmaken",
        )
        for soort, uiterlijk in standaard_termijnen(cyclus).items()
    ]


@transaction.atomic
def mijlpaal_wijzigen(
    *,
    door,
    mijlpaal: Mijlpaal,
    uiterlijk: datetime.date | None,
    status: str,
    gereed_op: datetime.date | None = None,
    toelichting: str = "",
) -> Mijlpaal:
    mijlpaal = Mijlpaal.objects.select_for_update().get(pk=mijlpaal.pk)
    _toegang(door, mijlpaal.provincie, "mijlpaal_wijzigen", mijlpaal)
    fouten: list[str] = []
    _keuze(status, Mijlpaalstatus, fouten)
    if status == Mijlpaalstatus.GEREED and gereed_op is None:
        fouten.append(_("Give the date on which the milestone was reached."))
    if status == Mijlpaalstatus.OPEN and gereed_op is not None:
        fouten.append(_("A milestone still to do has no date reached."))
    _controleren(door, "mijlpaal_wijzigen", mijlpaal, fouten)
    mijlpaal.uiterlijk, mijlpaal.status, mijlpaal.gereed_op = uiterlijk, status, gereed_op
    mijlpaal.toelichting = toelichting.strip()
    return _bewaren(mijlpaal, door, "mijlpaal_wijzigen")
