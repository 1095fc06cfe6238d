"""The province overview: for each opgave the figures of the province, its
veiligheidsregio's/subregio's and gemeenten as of a date.

This module says WHICH data and WHICH columns. The reads are `realisatie.bronnen`; every
total and derived column comes from `realisatie.aggregatie`. Pages, exports and the API
call `provincie_overzicht` and only choose rows and format.

What a view "as of" date D shows:
- asiel: per gemeente one source (`realisatie.asielbron`): the location register where
  it has a realised location active on D, else the latest places entered on or before D;
  what counts toward the opgave is the opgave's counting rule (`opgaven.telregel`), the
  other soorten stand beside it. Gelderland on 1-1-2024: 4.815 + 3.149 + 1.310 = 9.274
  against 7.590;
- Oekraïne: per area the latest count on or before D, each with its own peildatum
  (Gelderland: 8-1-2024, 11.083 GOO against 12.284);
- opgave: the besluit in force on D (`opgaven.in_kracht`), and the effective
  opgave after the uitruil active on D; verschil and % use the effective opgave;
- statushouders: the half year that contains D (else the latest before it), housed in
  the months that end before D; te realiseren per gemeente (`realisatie.achterstand`),
  then summed (Overijssel 2024-I: 1.693).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gemeenten.boom import Knoop, Sleutel, gebiedsboom
from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.in_kracht import besluit_in_kracht
from opgaven.models import Opgavebesluit, Opgavesoort
from opgaven.telregel import ALLE_SOORTEN
from prt.formaat import datum_kort
from realisatie import achterstand, bronnen
from realisatie.aggregatie import (
    Afleiding,
    Bron,
    Herkomst,
    Reeks,
    Regel,
    Tekenregel,
    Waarneming,
    boom_optellen,
    percentage_van,
    perioden_optellen,
    reeks_optellen,
    som_van,
    stand_van,
    verschil_van,
)
from realisatie.models import Peildatum


class Zichtbaar:
    """When a column is shown."""

    ALTIJD = "altijd"  # the columns a reader looks for
    MET_CIJFER = "met-cijfer"  # when some row has a figure
    NIET_NUL = "niet-nul"  # when some row has a figure other than 0 (uitruil)


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    label: str
    uitleg: str = ""
    percentage: bool = False
    teken: str = ""  # a `Tekenregel`: the sign read in words
    zichtbaar: str = Zichtbaar.MET_CIJFER
    alleen_met: str = ""  # shown only when the column of this key is


@dataclass
class Blok:
    soort: str
    titel: str
    kolommen: list[Kolom]
    regels: list[Regel]
    afleidingen: tuple[Afleiding, ...] = ()
    besluit: Opgavebesluit | None = None
    halfjaar: Halfjaar | None = None
    peildata: list[datetime.date] = field(default_factory=list)
    gepland_op: datetime.date | None = None  # the date a planned figure is about
    telling: bronnen.Telling | None = None  # asiel: what counts toward the opgave
    teldatum: datetime.date | None = None  # statushouders: months ending before it count

    @property
    def totaal(self) -> Regel:
        return self.regels[0]

    @property
    def zichtbare_kolommen(self) -> list[Kolom]:
        return [k for k in self.kolommen if self._zichtbaar(k)]

    def _zichtbaar(self, kolom: Kolom) -> bool:
        if kolom.alleen_met:
            return self._zichtbaar(next(k for k in self.kolommen if k.sleutel == kolom.alleen_met))
        if kolom.zichtbaar == Zichtbaar.ALTIJD:
            return True
        waarden = [r.waarde(kolom.sleutel) for r in self.regels]
        if kolom.zichtbaar == Zichtbaar.NIET_NUL:
            return any(w not in (None, 0) for w in waarden)
        return any(w is not None for w in waarden)

    @property
    def getoonde_regels(self) -> list[Regel]:
        """The rows down to the finest level that has a figure of its own (at least the
        regions): 51 empty gemeente rows say nothing "known per veiligheidsregio" does
        not. The region pages list every gemeente."""
        diepste = 1
        for regel in self.regels:
            if any(
                c.bron == Bron.GEBIED
                for sleutel, c in regel.waarden.items()
                if sleutel not in NIET_BEPALEND
            ):
                diepste = max(diepste, regel.knoop.diepte)
        return [r for r in self.regels if r.knoop.diepte <= diepste]


# Series every gemeente has (a known 0 without uitruil): they say nothing about the
# level at which a source gives its figures.
NIET_BEPALEND = {"uitruil", "opgave_effectief"}


@dataclass
class ProvincieOverzicht:
    provincie: Provincie
    datum: datetime.date
    peildata: list[Peildatum]
    blokken: list[Blok]
    boom: Knoop

    def blok(self, soort: str) -> Blok:
        return next(b for b in self.blokken if b.soort == soort)


def provincie_overzicht(
    provincie: Provincie, datum: datetime.date | None = None
) -> ProvincieOverzicht:
    """All three blocks for `provincie` as of `datum` (default: today), computed now.

    A vastgestelde peildatum is not computed again for its pages: they read what was
    stored when it was vastgesteld (`vaststellingen`). Inside a `bronnen.leesronde`
    (many dates on one page) every kind of figure is read once for all of them."""
    datum = datum or datetime.date.today()
    return _berekenen(provincie, datum, bronnen.peildata(provincie))


def gemeente_overzicht(
    provincie: Provincie, datum: datetime.date, code: str
) -> ProvincieOverzicht | None:
    """The three blocks of one gemeente of `provincie` as of `datum`, computed over a
    tree of that gemeente alone; None when no gemeente `code` is valid in the province
    on `datum`.

    A gemeente's row is built from its own figures only (its opgave and uitruil, its
    counts, its part of the register), so it is the same row as in the whole province's
    overview; the rows above it are not the province's totals and are never shown. For
    pages that follow one gemeente over many dates (the trend)."""
    gemeenten = [g for g in bronnen.gemeenten(provincie, datum) if g.code == code]
    if not gemeenten:
        return None
    return _berekenen(
        provincie, datum, bronnen.peildata(provincie), gebiedsboom(provincie, gemeenten)
    )


def provinciegebied(provincie: Provincie, datum: datetime.date) -> Knoop:
    """The tree of the province's areas with the gemeenten valid on `datum`."""
    return gebiedsboom(provincie, bronnen.gemeenten(provincie, datum))


def deeloverzicht(
    provincie: Provincie, datum: datetime.date, boom: Knoop, soort: str
) -> ProvincieOverzicht:
    """The overview of `provincie` on `datum` with the block of `soort` only (one part
    of the dashboard, `realisatie.dashboard.delen`)."""
    return _berekenen(provincie, datum, [], boom, soorten=(soort,))


def _berekenen(
    provincie: Provincie,
    datum: datetime.date,
    peildata: list[Peildatum],
    boom: Knoop | None = None,
    soorten: tuple[str, ...] = tuple(Opgavesoort.values),
) -> ProvincieOverzicht:
    # The blocks share the besluiten, opgaven and uitruil they read (one date: the
    # counts are read for it alone).
    blokken = {
        Opgavesoort.ASIEL: asielblok,
        Opgavesoort.OEKRAINE: oekraineblok,
        Opgavesoort.STATUSHOUDERS: statushoudersblok,
    }
    with bronnen.leesronde(een_datum=True):
        boom = boom or provinciegebied(provincie, datum)
        return ProvincieOverzicht(
            provincie=provincie,
            datum=datum,
            peildata=peildata,
            blokken=[blokken[soort](provincie, boom, datum) for soort in soorten],
            boom=boom,
        )


# --- Opgave and uitruil (asiel and Oekraïne) ----------------------------------------


def _opgavereeksen(
    soort: str, provincie: Provincie, boom: Knoop, datum: datetime.date
) -> tuple[Opgavebesluit | None, dict[str, Reeks]]:
    """The besluit in force on `datum`, its opgave and amv part per area, and the
    uitruil per gemeente active that day."""
    besluit = besluit_in_kracht(bronnen.besluiten(soort, provincie), datum)
    reeksen: dict[str, Reeks] = {"opgave": {}, "opgave_amv": {}}
    if besluit is not None:
        opgave = bronnen.opgaven([besluit], provincie).get(besluit.pk)
        if opgave is not None:
            reeksen["opgave"], reeksen["opgave_amv"] = opgave.aantal, opgave.amv
    reeksen["uitruil"] = bronnen.uitruil(boom, bronnen.uitruilafspraken(provincie, soort), datum)
    return besluit, reeksen


OPGAVE_AFLEIDINGEN = (
    som_van("opgave_effectief", "opgave", "uitruil"),
    verschil_van("verschil", "realisatie", "opgave_effectief"),
    percentage_van("percentage", "realisatie", "opgave_effectief"),
)


def _opgavekolommen(besluit: Opgavebesluit | None) -> list[Kolom]:
    per = (
        _("Set in %(decision)s as of %(date)s.")
        % {"decision": besluit.naam, "date": datum_kort(besluit.streefdatum)}
        if besluit and besluit.streefdatum
        else _("Set in the decision below.")
    )
    return [
        Kolom("opgave", _("Target"), per, zichtbaar=Zichtbaar.ALTIJD),
        Kolom(
            "uitruil",
            _("Exchange"),
            _("Places taken over (+) or handed over (−) under an exchange agreement."),
            zichtbaar=Zichtbaar.NIET_NUL,
        ),
        Kolom(
            "opgave_effectief",
            _("Effective target"),
            _("Target + exchange; the decision's own figure does not change."),
            alleen_met="uitruil",
        ),
    ]


def _verschilkolommen(realisatie: str) -> list[Kolom]:
    return [
        Kolom(
            "verschil",
            _("Difference"),
            _("%(realisation)s − effective target; negative is a shortfall.")
            % {"realisation": realisatie},
            teken=Tekenregel.VERSCHIL,
            zichtbaar=Zichtbaar.ALTIJD,
        ),
        Kolom(
            "percentage",
            "%",
            _("%(realisation)s / effective target.") % {"realisation": realisatie},
            percentage=True,
            zichtbaar=Zichtbaar.ALTIJD,
        ),
    ]


# --- Asiel --------------------------------------------------------------------------

SOORT_SLEUTELS = {
    "RO": "regulier",
    "NO": "noodopvang",
    "TGO": "tgo",
    "CNO": "crisisnoodopvang",
    "ROL": "rol",
    "AMV": "amv_locatie",
    "overig": "overig",
}


def soortlabels() -> dict[str, str]:
    return {
        "RO": pgettext("asylum reception type", "RO"),
        "NO": pgettext("asylum reception type", "NO"),
        "TGO": pgettext("asylum reception type", "TGO"),
        "CNO": pgettext("asylum reception type", "CNO"),
        "ROL": pgettext("asylum reception type", "ROL"),
        "AMV": _("unaccompanied-minor locations"),
        "overig": _("other"),
    }


def telling_in_woorden(soorten: tuple[str, ...]) -> str:
    """ "RO + NO + TGO": the counted soorten as a column header reads them."""
    labels = soortlabels()
    if set(soorten) == set(ALLE_SOORTEN):
        return _("all types")
    return " + ".join(labels.get(s, s) for s in soorten)


def asielreeksen(
    standen: dict[Sleutel, object], soorten: tuple[str, ...]
) -> dict[str, dict[Sleutel, Waarneming]]:
    """The asiel series of the areas' one-source standen: the counted realisatie, the
    places per soort and the amv places, each with its peildatum and herkomst."""
    reeksen: dict[str, dict[Sleutel, Waarneming]] = {
        "realisatie": {},
        "amv": {},
        **{s: {} for s in SOORT_SLEUTELS.values()},
    }
    for sleutel, stand in standen.items():
        herkomst = stand.herkomst
        getelde = stand.geteld(soorten)
        geschat = getattr(stand, "geschat", 0)
        volledig = not getattr(stand, "onvolledig", False)
        if getelde is not None:
            reeksen["realisatie"][sleutel] = Waarneming(
                getelde, stand.peildatum, herkomst, geschat=geschat, volledig=volledig
            )
        for code, waarde in stand.per_soort.items():
            if waarde is not None:
                # Kinds beyond the first seven of the reference list are shown as other.
                kolom = reeksen[SOORT_SLEUTELS.get(code, "overig")]
                eerder = kolom[sleutel].waarde if sleutel in kolom else 0
                kolom[sleutel] = Waarneming(eerder + waarde, stand.peildatum, herkomst)
        if stand.amv is not None:
            reeksen["amv"][sleutel] = Waarneming(stand.amv, stand.peildatum, herkomst)
    return reeksen


def asielblok(provincie: Provincie, boom: Knoop, datum: datetime.date) -> Blok:
    besluit, reeksen = _opgavereeksen(Opgavesoort.ASIEL, provincie, boom, datum)
    telling = (
        bronnen.telregels([besluit], provincie)[besluit.pk]
        if besluit
        else bronnen.Telling(ALLE_SOORTEN)
    )
    tellingen = bronnen.laatste_asieltellingen(provincie, datum)
    standen = bronnen.asielstanden(boom, bronnen.register(provincie), tellingen, datum)
    reeksen.update(asielreeksen(standen, telling.soorten))
    # The plan entered with an area's latest realisation (Gelderland, written in
    # January: "realisatie Q1 2024" 10.238): a plan, not a realisation.
    plannen = {
        sleutel: plan
        for sleutel, stand in standen.items()
        if stand.herkomst == Herkomst.INVOER
        and (plan := tellingen.gepland(sleutel, stand.peildatum))
    }
    geplande = asielreeksen(plannen, telling.soorten)
    reeksen["gepland"] = geplande["realisatie"]
    for code in ("RO", "NO", "TGO"):
        reeksen[f"gepland_{SOORT_SLEUTELS[code]}"] = geplande[SOORT_SLEUTELS[code]]
    reeksen["gepland_amv"] = geplande["amv"]

    afleidingen = (
        *OPGAVE_AFLEIDINGEN,
        verschil_van("verschil_gepland", "gepland", "opgave_effectief"),
        verschil_van("verschil_amv", "amv", "opgave_amv"),
    )
    regels = boom_optellen(boom, reeksen, afleidingen)
    gepland_op = max((p.peildatum for p in plannen.values()), default=None)
    geteld = telling_in_woorden(telling.soorten)
    labels = soortlabels()
    return Blok(
        soort=Opgavesoort.ASIEL,
        titel=_("Asylum reception"),
        besluit=besluit,
        peildata=sorted({w.peildatum for w in reeksen["realisatie"].values()}),
        gepland_op=gepland_op,
        telling=telling,
        afleidingen=afleidingen,
        regels=regels,
        kolommen=[
            *_opgavekolommen(besluit),
            Kolom(
                "opgave_amv",
                _("of which unaccompanied minors"),
                _("Counted within the target."),
            ),
            Kolom(
                "realisatie",
                _("Realisation (%(counted)s)") % {"counted": geteld},
                _(
                    "Places realised on the reference date that count toward the target: "
                    "%(counted)s. Other types are shown beside it, never added."
                )
                % {"counted": geteld},
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            *_verschilkolommen(_("realisation")),
            Kolom(
                "gepland",
                _("Planned"),
                _("Planned realisation (a plan, not a realisation) as of %(date)s")
                % {"date": datum_kort(gepland_op)}
                if gepland_op
                else _("Planned realisation (a plan, not a realisation)"),
            ),
            Kolom(
                "verschil_gepland",
                _("Planned difference"),
                _("Planned − effective target."),
                teken=Tekenregel.VERSCHIL,
            ),
            *(
                Kolom(
                    SOORT_SLEUTELS[code],
                    labels[code],
                    _("Counts toward the target.")
                    if code in telling.soorten
                    else _("Does not count toward this target; shown beside it."),
                )
                for code in ALLE_SOORTEN
            ),
            Kolom(
                "amv",
                _("unaccompanied minors"),
                _("Realised places for unaccompanied minors, within the total."),
            ),
            Kolom(
                "verschil_amv",
                _("Difference unaccompanied minors"),
                _("Unaccompanied minors realised − their part of the target."),
                teken=Tekenregel.VERSCHIL,
            ),
        ],
    )


# --- Oekraïne -----------------------------------------------------------------------

OEKRAINE_SLEUTELS = {
    "goo_totaal": "realisatie",
    "goo_bezet": "bezet",
    "goo_beschikbaar": "beschikbaar",
    "poo": "poo",
}


OEKRAINE_AFLEIDINGEN = (
    *OPGAVE_AFLEIDINGEN,
    percentage_van("bezetting", "bezet", "realisatie"),
)


def oekraineblok(provincie: Provincie, boom: Knoop, datum: datetime.date) -> Blok:
    besluit, reeksen = _opgavereeksen(Opgavesoort.OEKRAINE, provincie, boom, datum)
    reeksen.update({naam: {} for naam in OEKRAINE_SLEUTELS.values()})
    for sleutel, (peildatum, waarden) in bronnen.oekraine_tellingen(provincie, datum).items():
        for veld, naam in OEKRAINE_SLEUTELS.items():
            if waarden[veld] is not None:
                reeksen[naam][sleutel] = Waarneming(waarden[veld], peildatum, Herkomst.INVOER)
    regels = boom_optellen(boom, reeksen, OEKRAINE_AFLEIDINGEN)
    return Blok(
        soort=Opgavesoort.OEKRAINE,
        titel=_("Reception of displaced persons from Ukraine"),
        besluit=besluit,
        peildata=sorted(
            {
                w.peildatum
                for reeks in (reeksen[n] for n in OEKRAINE_SLEUTELS.values())
                for w in reeks.values()
            }
        ),
        afleidingen=OEKRAINE_AFLEIDINGEN,
        regels=regels,
        kolommen=[
            *_opgavekolommen(besluit),
            Kolom(
                "realisatie",
                _("Realisation GOO"),
                _("Municipal reception places."),
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            *_verschilkolommen(_("GOO")),
            Kolom("bezet", _("Occupied")),
            Kolom(
                "bezetting",
                _("Occupancy"),
                _("Occupied / GOO places."),
                percentage=True,
            ),
            Kolom(
                "beschikbaar",
                _("Available"),
                _(
                    "Actually available; less than total − occupied because of rooms that "
                    "cannot be filled (snijverlies)."
                ),
            ),
            Kolom(
                "poo",
                pgettext("Ukraine reception type", "POO"),
                _("Private reception; empty = not registered."),
            ),
        ],
    )


# --- Statushouders ------------------------------------------------------------------


def kies_halfjaar(
    provincie: Provincie, datum: datetime.date, halfjaren: list[Halfjaar] | None = None
) -> Halfjaar | None:
    """The half year that contains `datum`, else the latest one before it, else the
    first one with a taakstelling (of `halfjaren`, default the province's)."""
    halfjaren = bronnen.halfjaren(provincie) if halfjaren is None else halfjaren
    if not halfjaren:
        return None
    huidig = Halfjaar.voor_datum(datum)
    eerder = [h for h in halfjaren if h <= huidig]
    return eerder[-1] if eerder else halfjaren[0]


STATUSHOUDERS_AFLEIDINGEN = (
    stand_van("stand", "te_realiseren", "gehuisvest"),
    percentage_van("percentage", "gehuisvest", "te_realiseren"),
    stand_van("stand_amv", "taakstelling_amv", "gehuisvest_amv"),
)


def statushoudersreeksen(
    taakstellingen: list[bronnen.Taakstellingrij],
    gehuisvest: list[bronnen.Huisvestingsrij],
    amv: bool = True,
) -> dict[str, dict[Sleutel, Waarneming]]:
    """The series of one half year: taakstelling, its amv (Nidos) part, the carried
    stand, te realiseren per area (the carry-over rule, clipped per gemeente) and what
    was housed (in total and amv) in the periods given; without `amv` not what was
    housed of amv (the half-year history does not show it)."""
    reeksen: dict[str, dict[Sleutel, Waarneming]] = {
        naam: {}
        for naam in (
            "taakstelling",
            "taakstelling_amv",
            "stand_begin",
            "te_realiseren",
            "gehuisvest",
            "gehuisvest_amv",
        )
    }
    besluit = Herkomst.BESLUIT
    for t in taakstellingen:
        if t.aantal is not None:
            reeksen["taakstelling"][t.sleutel] = Waarneming(t.aantal, herkomst=besluit)
        if t.waarvan_amv is not None:
            reeksen["taakstelling_amv"][t.sleutel] = Waarneming(t.waarvan_amv, herkomst=besluit)
        if t.stand_begin is not None:
            reeksen["stand_begin"][t.sleutel] = Waarneming(t.stand_begin, herkomst=besluit)
        te_realiseren = t.te_realiseren_gepubliceerd
        if te_realiseren is None and t.stand_begin is not None and t.aantal is not None:
            te_realiseren = achterstand.te_realiseren(t.aantal, t.stand_begin)
        if te_realiseren is not None:
            reeksen["te_realiseren"][t.sleutel] = Waarneming(te_realiseren, herkomst=besluit)
    velden = (("gehuisvest", "gehuisvest"), ("gehuisvest_amv", "waarvan_amv"))
    for naam, veld in velden if amv else velden[:1]:
        reeksen[naam] = perioden_optellen(
            (r.sleutel, Waarneming(waarde, r.tot_en_met, Herkomst.INVOER))
            for r in gehuisvest
            if (waarde := getattr(r, veld)) is not None
        )
    return reeksen


def statushoudersblok(
    provincie: Provincie,
    boom: Knoop,
    datum: datetime.date,
    halfjaar: Halfjaar | None = None,
) -> Blok:
    """The statushouders of `halfjaar` (default: `kies_halfjaar`) as of `datum`: housed
    in the months that end before `datum` (a peildatum 1-3 counts January and February)."""
    besluiten = bronnen.besluiten(Opgavesoort.STATUSHOUDERS, provincie)
    halfjaar = halfjaar or kies_halfjaar(provincie, datum, bronnen.halfjaren_van(besluiten))
    taakstellingen = (
        bronnen.taakstellingen(provincie, halfjaar).get(halfjaar, []) if halfjaar else []
    )
    gehuisvest = (
        bronnen.huisvesting(provincie, halfjaar.begin, min(datum, halfjaar.einde + _DAG))
        if halfjaar
        else []
    )
    reeksen = statushoudersreeksen(taakstellingen, gehuisvest)
    regels = boom_optellen(boom, reeksen, STATUSHOUDERS_AFLEIDINGEN)
    besluit = (
        next(
            (b for b in besluiten if b.pk == taakstellingen[0].besluit_id),
            None,
        )
        if taakstellingen
        else None
    )
    return Blok(
        soort=Opgavesoort.STATUSHOUDERS,
        titel=_("Housing of status holders"),
        besluit=besluit,
        halfjaar=halfjaar,
        teldatum=datum,
        afleidingen=STATUSHOUDERS_AFLEIDINGEN,
        peildata=sorted({w.peildatum for w in reeksen["gehuisvest"].values()}),
        regels=regels,
        kolommen=[
            Kolom(
                "taakstelling",
                _("Housing target"),
                _("Set for this half year."),
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            Kolom(
                "stand_begin",
                _("Lead/backlog"),
                _("At the start of the half year; positive = backlog."),
                teken=Tekenregel.ACHTERSTAND,
            ),
            Kolom(
                "te_realiseren",
                _("To be housed"),
                _("Housing target incl. lead/backlog, not below 0 (per municipality)."),
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            Kolom(
                "gehuisvest",
                _("Housed"),
                _("Housed in this half year in the months that end before %(date)s.")
                % {"date": datum_kort(datum)},
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            Kolom(
                "stand",
                _("Balance"),
                _("To be housed − housed; positive is still to be housed."),
                teken=Tekenregel.STAND,
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            Kolom(
                "percentage",
                _("Percentage realised"),
                _("Housed / to be housed."),
                percentage=True,
                zichtbaar=Zichtbaar.ALTIJD,
            ),
            Kolom("taakstelling_amv", _("of which unaccompanied minors (Nidos)")),
            Kolom("gehuisvest_amv", _("Housed unaccompanied minors (Nidos)")),
            Kolom(
                "stand_amv",
                _("Balance unaccompanied minors"),
                _("Nidos part − unaccompanied minors housed; positive is still to be housed."),
                teken=Tekenregel.STAND,
            ),
        ],
    )


def statushouders_per_maand(
    provincie: Provincie, boom: Knoop, halfjaar: Halfjaar, datum: datetime.date
) -> dict[datetime.date, list[Regel]]:
    """Per month of `halfjaar` that ends before `datum` (first day as key): every area's
    housed and amv housed in that month. A figure for a whole half year has no month."""
    per_maand: dict[datetime.date, dict[str, dict[Sleutel, Waarneming]]] = {
        maand: {"gehuisvest": {}, "gehuisvest_amv": {}}
        for maand in halfjaar.maanden
        if _laatste_dag(maand) < datum
    }
    for rij in bronnen.huisvesting(provincie, halfjaar.begin, min(datum, halfjaar.einde + _DAG)):
        maand = rij.van.replace(day=1)
        if (rij.van, rij.tot_en_met) != (maand, _laatste_dag(maand)) or maand not in per_maand:
            continue
        for naam, waarde in (("gehuisvest", rij.gehuisvest), ("gehuisvest_amv", rij.waarvan_amv)):
            if waarde is not None:
                per_maand[maand][naam][rij.sleutel] = Waarneming(
                    waarde, rij.tot_en_met, Herkomst.INVOER
                )
    return reeks_optellen(boom, per_maand)


def statushouders_tot_maand(
    provincie: Provincie, boom: Knoop, halfjaar: Halfjaar, datum: datetime.date
) -> dict[datetime.date, list[Regel]]:
    """Per month of `halfjaar` that ends before `datum` (first day as key): every area's
    statushouders block as of the end of that month: what was housed so far, te
    realiseren and the stand, as the dashboard shows them on the first of the next month."""
    taakstellingen = bronnen.taakstellingen(provincie, halfjaar).get(halfjaar, [])
    rijen = bronnen.huisvesting(provincie, halfjaar.begin, min(datum, halfjaar.einde + _DAG))
    uit = {}
    for maand in halfjaar.maanden:
        einde = _laatste_dag(maand)
        if einde >= datum:
            break
        reeksen = statushoudersreeksen(taakstellingen, [r for r in rijen if r.tot_en_met <= einde])
        uit[maand] = boom_optellen(boom, reeksen, STATUSHOUDERS_AFLEIDINGEN)
    return uit


def _laatste_dag(maand: datetime.date) -> datetime.date:
    volgende = (maand.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return volgende - _DAG


_DAG = datetime.timedelta(days=1)
