"""Restoring an earlier value: any figure, opgave, taakstelling or location.

The values of the chosen history record are written back through the ordinary save of
that kind, so the restore is itself a new version with its own history entry, and the
permission, vastgesteld and conflict checks are those of an ordinary save.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gemeenten.models import Gebiedsgebonden
from opgaven import services as opgaven_services
from opgaven.models import Opgave, Taakstelling
from realisatie.invoer import services
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij, Opslagresultaat
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
)


def _telling(rij_klasse, opslaan) -> Callable:
    def herstellen(oud, huidig, door) -> Opslagresultaat:
        rij = rij_klasse(
            gemeente=oud.gemeente.code,
            toelichting=oud.toelichting,
            versie=huidig.versie if huidig else None,
            **{veld: getattr(oud, veld) for veld in rij_klasse.WAARDEN},
        )
        return opslaan(peildatum=oud.peildatum, door=door, rijen=[rij], bevestigd=True)

    return herstellen


def _huisvesting(oud, huidig, door) -> Opslagresultaat:
    rij = HuisvestingRij(
        gemeente=oud.gemeente.code,
        van=oud.van,
        tot_en_met=oud.tot_en_met,
        gehuisvest=oud.gehuisvest,
        waarvan_amv=oud.waarvan_amv,
        toelichting=oud.toelichting,
        versie=huidig.versie if huidig else None,
    )
    return services.huisvesting_opslaan(
        provincie=oud.gemeente.provincie, door=door, rijen=[rij], bevestigd=True
    )


def _opgave(oud, huidig, door) -> Opslagresultaat:
    rij = opgaven_services.OpgaveRij(
        oud.gemeente.code, oud.aantal, oud.waarvan_amv, huidig.versie if huidig else None
    )
    return opgaven_services.opgaven_opslaan(
        besluit=oud.besluit, provincie=oud.gemeente.provincie, door=door, rijen=[rij]
    )


def _taakstelling(oud, huidig, door) -> Opslagresultaat:
    rij = opgaven_services.TaakstellingRij(
        oud.gemeente.code,
        oud.aantal,
        oud.waarvan_amv,
        oud.stand_begin,
        oud.toelichting,
        huidig.versie if huidig else None,
    )
    return opgaven_services.taakstellingen_opslaan(
        besluit=oud.besluit, provincie=oud.gemeente.provincie, door=door, rijen=[rij]
    )


def _opvanglocatie(oud, huidig, door) -> Opslagresultaat:
    return _register(
        lambda: services.opvanglocatie_opslaan(
            door=door,
            gemeente=oud.gemeente,
            naam=oud.naam,
            opmerkingen=oud.opmerkingen,
            locatie=huidig,
            versie=huidig.versie if huidig else None,
        )
    )


def _capaciteitsperiode(oud, huidig, door) -> Opslagresultaat:
    return _register(
        lambda: services.capaciteitsperiode_opslaan(
            door=door,
            locatie=oud.locatie,
            plaatsen=oud.plaatsen,
            waarvan_amv=oud.waarvan_amv,
            van=oud.van,
            tot_en_met=oud.tot_en_met,
            status=oud.status,
            soort=oud.soort_id,
            beheerder=oud.beheerder,
            geschat=oud.geschat,
            einde_onbekend=oud.einde_onbekend,
            verlengbaar_tot=oud.verlengbaar_tot,
            pm=oud.pm,
            periode=huidig,
            versie=huidig.versie if huidig else None,
        )
    )


def _register(opslaan: Callable[[], object]) -> Opslagresultaat:
    """The register's services raise; the restore reports like a grid save."""
    resultaat = Opslagresultaat()
    try:
        opslaan()
    except PermissionDenied:
        raise
    except ValidationError as fout:
        for melding in fout.messages:
            resultaat.fout("", melding)
        resultaat.vastgesteld = isinstance(fout, services.PeildatumVastgesteld)
    else:
        resultaat.opgeslagen.append("")
    return resultaat


# soort (the model name, as in the history pages) -> (model, how to write it back)
HERSTELBAAR: dict[str, tuple[type, Callable]] = {
    "oekrainetelling": (
        OekraineTelling,
        _telling(OekraineRij, services.oekraine_tellingen_opslaan),
    ),
    "asieltelling": (AsielTelling, _telling(AsielRij, services.asieltellingen_opslaan)),
    "huisvesting": (Huisvesting, _huisvesting),
    "opgave": (Opgave, _opgave),
    "taakstelling": (Taakstelling, _taakstelling),
    "opvanglocatie": (Opvanglocatie, _opvanglocatie),
    "capaciteitsperiode": (Capaciteitsperiode, _capaciteitsperiode),
}


def waarde_herstellen(*, soort: str, history_id: int, door) -> Opslagresultaat:
    """Write the values of history record `history_id` of kind `soort` back.

    The newest record is the current value: restoring it is refused, as is a restore
    that would change nothing (an older record with the current values)."""
    model, herstellen = HERSTELBAAR[soort]
    oud = model.history.get(history_id=history_id)
    if oud.history_type == "-":
        raise model.DoesNotExist  # a deletion has no values to restore
    huidig = model.objects.filter(pk=oud.id).first()
    nieuwste = model.history.filter(id=oud.id).order_by("-history_date", "-history_id").first()
    if issubclass(model, Gebiedsgebonden) and oud.gemeente_id is None:
        # The entry services write per gemeente; a region's figure is not theirs to write.
        resultaat = Opslagresultaat()
        resultaat.fout(
            "",
            _(
                "This figure belongs to a region or province, not to a municipality; "
                "it cannot be restored here."
            ),
        )
    elif huidig is not None and nieuwste.history_id == oud.history_id:
        resultaat = Opslagresultaat()
        resultaat.fout("", _("This is the current value; there is nothing to restore."))
    else:
        resultaat = herstellen(oud, huidig, door)
        if resultaat.gelukt and not resultaat.opgeslagen:
            resultaat.fout("", _("The current value is already this one; nothing was changed."))
    services.log_audit(
        door,
        "waarde_herstellen",
        f"{soort} {oud.id} versie {getattr(oud, 'versie', '-')}",
        "ok" if resultaat.gelukt else "mislukt",
    )
    return resultaat
