"""The province overview: for each opgave, opgave, realisatie, verschil and percentage
for the province, its veiligheidsregio's/subregio's and gemeenten.

This is the one place where these figures are computed; pages, exports and the API
call `provincie_overzicht` and only format what it returns.

Which figures a view "as of" date D shows:
- realisatie: per area the latest figures on or before D, each with its own peildatum
  (Gelderland: asiel on 1-1-2024, Oekraïne on 8-1-2024);
- opgave (asiel, Oekraïne): the target in force on D: the besluit whose streefdatum is
  the first on or after D, or the most recent one when all have passed; on equal
  streefdatum the latest besluit. Gelderland on 1-1-2024: 7.590 (per 1-1-2024); a day
  later the next target, 8.992 per 1-1-2025;
- statushouders: the half year that contains D, else the latest one before D.
Totals follow `opgaven.gebiedsopgave`: the sum of the areas below where all are known,
the area's own figure otherwise, and the row says which.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import F, Max, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from gemeenten.boom import Knoop, Sleutel, gebiedsboom
from gemeenten.gebied import in_provincie
from gemeenten.models import GEBIED_VELDEN, Gemeente, Niveau, Provincie
from opgaven.gebiedsopgave import Bron, Gebiedsopgave, gebiedsopgave
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling
from opgaven.verschil import percentage, verschil
from realisatie import achterstand, cijfercache
from realisatie.capaciteit import Capaciteitsperiode as Periode
from realisatie.capaciteit import Status, capaciteit_op
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Peildatum,
)

ONBEKEND = Gebiedsopgave(None, Bron.ONBEKEND)
ALTIJD_ZICHTBAAR = {
    "opgave",
    "realisatie",
    "verschil",
    "percentage",
    "taakstelling",
    "te_realiseren",
    "gehuisvest",
    "stand",
}


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    label: str
    uitleg: str = ""
    percentage: bool = False

    @property
    def altijd(self) -> bool:
        """The columns a reader looks for, shown even when nothing is registered."""
        return self.sleutel in ALTIJD_ZICHTBAAR


@dataclass
class Regel:
    knoop: Knoop
    waarden: dict[str, Gebiedsopgave] = field(default_factory=dict)
    peildata: set[datetime.date] = field(default_factory=set)

    @property
    def naam(self) -> str:
        return self.knoop.naam

    def waarde(self, sleutel: str) -> int | None:
        return self.waarden.get(sleutel, ONBEKEND).waarde


@dataclass
class Blok:
    soort: str
    titel: str
    kolommen: list[Kolom]
    regels: list[Regel]
    besluit: Opgavebesluit | None = None
    halfjaar: Halfjaar | None = None
    peildata: list[datetime.date] = field(default_factory=list)
    toelichting: str = ""
    gepland_op: datetime.date | None = None  # the date a planned figure is about

    @property
    def totaal(self) -> Regel:
        return self.regels[0]

    @property
    def zichtbare_kolommen(self) -> list[Kolom]:
        """Columns without a single figure in this province are left out."""
        return [
            k
            for k in self.kolommen
            if k.altijd or any(r.waarde(k.sleutel) is not None for r in self.regels)
        ]


@dataclass
class ProvincieOverzicht:
    provincie: Provincie
    datum: datetime.date
    peildata: list[Peildatum]
    blokken: list[Blok]
    boom: Knoop | None = None

    def blok(self, soort: str) -> Blok:
        return next(b for b in self.blokken if b.soort == soort)


def provincie_overzicht(
    provincie: Provincie, datum: datetime.date | None = None
) -> ProvincieOverzicht:
    """All three blocks for `provincie` as of `datum` (default: today).

    Cached for a vastgestelde peildatum (see `realisatie.cijfercache`)."""
    datum = datum or datetime.date.today()
    token = cijfercache.generatie()  # before any figure is read
    peildata = list(Peildatum.objects.van_provincie(provincie).order_by("-datum"))
    return cijfercache.bewaard(
        cijfercache.sleutel("overzicht", token, provincie, datum, peildata),
        lambda: _berekenen(provincie, datum, peildata),
    )


def _berekenen(
    provincie: Provincie, datum: datetime.date, peildata: list[Peildatum]
) -> ProvincieOverzicht:
    gemeenten = list(
        Gemeente.objects.filter_for_date(datum)
        .filter(provincie=provincie)
        .select_related("subregio__veiligheidsregio", "veiligheidsregio")
    )
    boom = gebiedsboom(provincie, gemeenten)
    return ProvincieOverzicht(
        provincie=provincie,
        datum=datum,
        peildata=peildata,
        blokken=[
            _asiel(provincie, boom, datum),
            _oekraine(provincie, boom, datum),
            _statushouders(provincie, boom, datum),
        ],
        boom=boom,
    )


# --- Building blocks -------------------------------------------------------------


def _sleutel(rij) -> Sleutel:
    for veld in GEBIED_VELDEN:
        pk = getattr(rij, f"{veld}_id")
        if pk is not None:
            return (veld, pk)
    raise ValueError("Cijfer zonder gebied.")


def gebiedsleutel(ids) -> Sleutel:
    """`_sleutel` of a row read as its area ids, in `GEBIED_VELDEN` order."""
    for veld, pk in zip(GEBIED_VELDEN, ids, strict=True):
        if pk is not None:
            return (veld, pk)
    raise ValueError("Cijfer zonder gebied.")


def _combineer(kinderen: list[Gebiedsopgave], eigen: int | None) -> Gebiedsopgave:
    """`gebiedsopgave` over rows that may themselves be incomplete."""
    volledig = [k.waarde if k.bron in (Bron.GEMEENTEN, Bron.GEBIED) else None for k in kinderen]
    uitkomst = gebiedsopgave(volledig, eigen)
    if uitkomst.bron in (Bron.ONVOLLEDIG, Bron.ONBEKEND):
        bekend = [k.waarde for k in kinderen if k.waarde is not None]
        if bekend:
            return Gebiedsopgave(sum(bekend), Bron.ONVOLLEDIG)
    return uitkomst


def _optellen(
    knoop: Knoop, eigen: dict[Sleutel, int], uit: dict[int, Gebiedsopgave]
) -> Gebiedsopgave:
    eigen_waarde = next((eigen[s] for s in knoop.sleutels if s in eigen), None)
    if not knoop.kinderen:
        uitkomst = (
            Gebiedsopgave(eigen_waarde, Bron.GEBIED) if eigen_waarde is not None else ONBEKEND
        )
    else:
        kinderen = [_optellen(kind, eigen, uit) for kind in knoop.kinderen]
        uitkomst = _combineer(kinderen, eigen_waarde)
    uit[id(knoop)] = uitkomst
    return uitkomst


def _regels(
    boom: Knoop,
    reeksen: dict[str, dict[Sleutel, int]],
    peildata: dict[Sleutel, datetime.date] | None = None,
) -> list[Regel]:
    """Aggregate every series up the tree; one Regel per node, table order."""
    per_reeks = {}
    for naam, eigen in reeksen.items():
        uit: dict[int, Gebiedsopgave] = {}
        _optellen(boom, eigen, uit)
        per_reeks[naam] = uit
    regels = []
    for knoop in boom.doorlopen():
        regel = Regel(knoop, {naam: uit[id(knoop)] for naam, uit in per_reeks.items()})
        if peildata:
            regel.peildata = {
                d for k in knoop.doorlopen() for s in k.sleutels if (d := peildata.get(s))
            }
        regels.append(regel)
    return _zonder_lege_niveaus(regels, reeksen)


def _zonder_lege_niveaus(
    regels: list[Regel], reeksen: dict[str, dict[Sleutel, int]]
) -> list[Regel]:
    """Leave out the levels below the finest one that has any figure: 51 empty
    gemeente rows say nothing that "known per veiligheidsregio" does not."""
    diepste = 0
    for regel in regels:
        if any(s in eigen for eigen in reeksen.values() for s in regel.knoop.sleutels):
            diepste = max(diepste, regel.knoop.diepte)
    return [r for r in regels if r.knoop.diepte <= diepste]


def _afleiden(
    regels: list[Regel], naam: str, functie: Callable[..., int | None], *bronnen: str
) -> None:
    """A derived column (verschil, percentage) from the row's own aggregated values."""
    for regel in regels:
        waarden = [regel.waarde(b) for b in bronnen]
        uitkomst = None if None in waarden else functie(*waarden)
        regel.waarden[naam] = (
            Gebiedsopgave(uitkomst, _afgeleide_bron(regel, bronnen))
            if uitkomst is not None
            else ONBEKEND
        )


def _afgeleide_bron(regel: Regel, bronnen: tuple[str, ...]) -> str:
    soorten = {regel.waarden[b].bron for b in bronnen}
    return Bron.ONVOLLEDIG if Bron.ONVOLLEDIG in soorten else Bron.GEMEENTEN


def _kies_besluit(
    soort: str, provincie: Provincie, referentie: datetime.date
) -> Opgavebesluit | None:
    besluiten = list(
        Opgavebesluit.objects.filter(
            soort=soort, pk__in=Opgave.objects.filter(in_provincie(provincie)).values("besluit")
        )
    )
    return besluit_in_kracht(besluiten, referentie)


def besluit_in_kracht(
    besluiten: list[Opgavebesluit], referentie: datetime.date
) -> Opgavebesluit | None:
    """The target in force on `referentie` (see the module docstring)."""
    if not besluiten:
        return None
    komend = [b for b in besluiten if b.streefdatum >= referentie]
    if komend:
        eerste = min(b.streefdatum for b in komend)
        kandidaten = [b for b in komend if b.streefdatum == eerste]
    else:
        laatste = max(b.streefdatum for b in besluiten)
        kandidaten = [b for b in besluiten if b.streefdatum == laatste]
    return max(kandidaten, key=lambda b: (b.besluitdatum or datetime.date.min, b.pk))


def _opgaven(besluit: Opgavebesluit | None, provincie: Provincie) -> tuple[dict, dict]:
    aantal: dict[Sleutel, int] = {}
    amv: dict[Sleutel, int] = {}
    if besluit is None:
        return aantal, amv
    for opgave in Opgave.objects.filter(in_provincie(provincie), besluit=besluit):
        aantal[_sleutel(opgave)] = opgave.aantal
        if opgave.waarvan_amv is not None:
            amv[_sleutel(opgave)] = opgave.waarvan_amv
    return aantal, amv


def _laatste_per_gebied(rijen) -> dict[Sleutel, object]:
    """Rows ordered by peildatum; keep the latest per area."""
    laatste: dict[Sleutel, object] = {}
    for rij in rijen:
        laatste[_sleutel(rij)] = rij
    return laatste


def _op_laatste_peildata(tellingen: QuerySet, realisatie: Q | None = None) -> QuerySet:
    """`tellingen` limited to the peildata that are some area's latest (with a
    realisatie, when `realisatie` says which rows are one).

    Without this, a view as of D reads every figure of every earlier month (51
    gemeenten x 36 peildata) to keep one per area. An area's latest peildatum is by
    definition in this set, so keeping the last row per area afterwards gives the
    same figures; one query (the subquery groups by area)."""
    laatste = (
        tellingen.filter(realisatie or Q())
        .order_by()
        .values(*(f"{veld}_id" for veld in GEBIED_VELDEN))
        .annotate(laatste=Max("peildatum__datum"))
        .values("laatste")
    )
    return tellingen.filter(peildatum__datum__in=laatste)


# --- Asiel -----------------------------------------------------------------------

ASIEL_SOORTEN = (
    ("regulier", pgettext_lazy("asylum reception type", "RO")),
    ("noodopvang", pgettext_lazy("asylum reception type", "NO")),
    ("tgo", pgettext_lazy("asylum reception type", "TGO")),
)


def _asiel(provincie: Provincie, boom: Knoop, datum: datetime.date) -> Blok:
    tellingen = list(
        _op_laatste_peildata(
            AsielTelling.objects.filter(in_provincie(provincie), peildatum__datum__lte=datum),
            realisatie=Q(datum__lte=F("peildatum__datum")),  # not `is_planning`
        )
        .select_related("peildatum")
        .order_by("peildatum__datum", "datum")
    )
    realisatie = _laatste_per_gebied(t for t in tellingen if not t.is_planning)
    gepland: dict[Sleutel, AsielTelling] = {}
    for telling in tellingen:
        laatste = realisatie.get(_sleutel(telling))
        if telling.is_planning and laatste and telling.peildatum_id == laatste.peildatum_id:
            gepland.setdefault(_sleutel(telling), telling)

    reeksen: dict[str, dict[Sleutel, int]] = defaultdict(dict)
    peildata: dict[Sleutel, datetime.date] = {}
    for sleutel, telling in realisatie.items():
        if telling.totaal is not None:
            reeksen["realisatie"][sleutel] = telling.totaal
            peildata[sleutel] = telling.peildatum.datum
        for veld, _label in ASIEL_SOORTEN:
            if getattr(telling, veld) is not None:
                reeksen[veld][sleutel] = getattr(telling, veld)
        if telling.waarvan_amv is not None:
            reeksen["amv"][sleutel] = telling.waarvan_amv
    for sleutel, telling in gepland.items():
        if telling.totaal is not None:
            reeksen["gepland"][sleutel] = telling.totaal
        # The plan's split of the planned figure (Gelderland Q1 2024: 5.529 / 3.399 / 1.310,
        # amv 995); series without a column of their own, read by `plantabellen`.
        for veld, _label in ASIEL_SOORTEN:
            if getattr(telling, veld) is not None:
                reeksen[f"gepland_{veld}"][sleutel] = getattr(telling, veld)
        if telling.waarvan_amv is not None:
            reeksen["gepland_amv"][sleutel] = telling.waarvan_amv

    # Where the location register has a gemeente's locations, it is the source.
    for sleutel, plaatsen in _capaciteit_uit_register(provincie, datum).items():
        reeksen["realisatie"][sleutel] = plaatsen
        peildata[sleutel] = datum

    besluit = _kies_besluit(Opgavesoort.ASIEL, provincie, datum)
    reeksen["opgave"], reeksen["opgave_amv"] = _opgaven(besluit, provincie)
    for naam in ("opgave", "opgave_amv", "realisatie", "gepland", "amv", *dict(ASIEL_SOORTEN)):
        reeksen.setdefault(naam, {})

    regels = _regels(boom, dict(reeksen), peildata)
    _afleiden(regels, "verschil", verschil, "realisatie", "opgave")
    _afleiden(regels, "percentage", percentage, "realisatie", "opgave")
    _afleiden(regels, "verschil_gepland", verschil, "gepland", "opgave")
    gepland_op = sorted({t.datum for t in gepland.values()})
    return Blok(
        soort=Opgavesoort.ASIEL,
        titel=_("Asylum reception"),
        besluit=besluit,
        peildata=sorted(set(peildata.values())),
        gepland_op=gepland_op[-1] if gepland_op else None,
        regels=regels,
        kolommen=[
            Kolom("opgave", _("Target"), _("Set in the decision below.")),
            Kolom(
                "opgave_amv", _("of which unaccompanied minors"), _("Counted within the target.")
            ),
            Kolom(
                "realisatie",
                _("Realisation"),
                _("Places realised on the reference date."),
            ),
            Kolom(
                "verschil",
                _("Difference"),
                _("Realisation − target; negative is a shortfall."),
            ),
            Kolom("percentage", "%", _("Realisation / target."), percentage=True),
            Kolom(
                "gepland",
                _("Planned"),
                _("Planned realisation (a plan, not a realisation) as of %(date)s")
                % {"date": f"{gepland_op[-1]:%-d-%-m-%Y}"}
                if gepland_op
                else _("Planned realisation (a plan, not a realisation)"),
            ),
            Kolom("verschil_gepland", _("Planned difference"), _("Planned − target.")),
            *(Kolom(veld, str(label)) for veld, label in ASIEL_SOORTEN),
            Kolom(
                "amv",
                _("unaccompanied minors"),
                _("Realised places for unaccompanied minors, within the total."),
            ),
        ],
    )


def _capaciteit_uit_register(provincie: Provincie, datum: datetime.date) -> dict[Sleutel, int]:
    perioden: dict[Sleutel, list[Periode]] = defaultdict(list)
    for gemeente_id, *velden in Capaciteitsperiode.objects.filter(
        locatie__gemeente__provincie=provincie
    ).values_list(
        "locatie__gemeente_id",
        "plaatsen",
        "waarvan_amv",
        "van",
        "tot_en_met",
        "status",
        "locatie__soort",
    ):
        perioden[(Niveau.GEMEENTE, gemeente_id)].append(Periode(*velden))
    return {
        sleutel: capaciteit_op([p for p in lijst if p.status == Status.GEREALISEERD], datum)
        for sleutel, lijst in perioden.items()
    }


# --- Oekraïne --------------------------------------------------------------------


def _oekraine(provincie: Provincie, boom: Knoop, datum: datetime.date) -> Blok:
    tellingen = _laatste_per_gebied(
        _op_laatste_peildata(
            OekraineTelling.objects.filter(in_provincie(provincie), peildatum__datum__lte=datum)
        )
        .select_related("peildatum")
        .order_by("peildatum__datum")
    )
    reeksen: dict[str, dict[Sleutel, int]] = {
        "realisatie": {},
        "bezet": {},
        "beschikbaar": {},
        "poo": {},
    }
    peildata: dict[Sleutel, datetime.date] = {}
    for sleutel, telling in tellingen.items():
        peildata[sleutel] = telling.peildatum.datum
        for naam, veld in (
            ("realisatie", "goo_totaal"),
            ("bezet", "goo_bezet"),
            ("beschikbaar", "goo_beschikbaar"),
            ("poo", "poo"),
        ):
            if getattr(telling, veld) is not None:
                reeksen[naam][sleutel] = getattr(telling, veld)
    besluit = _kies_besluit(Opgavesoort.OEKRAINE, provincie, datum)
    reeksen["opgave"], _amv = _opgaven(besluit, provincie)
    regels = _regels(boom, reeksen, peildata)
    _afleiden(regels, "verschil", verschil, "realisatie", "opgave")
    _afleiden(regels, "percentage", percentage, "realisatie", "opgave")
    return Blok(
        soort=Opgavesoort.OEKRAINE,
        titel=_("Reception of displaced persons from Ukraine"),
        besluit=besluit,
        peildata=sorted(set(peildata.values())),
        regels=regels,
        kolommen=[
            Kolom("opgave", _("Target")),
            Kolom("realisatie", _("Realisation GOO"), _("Municipal reception places.")),
            Kolom("verschil", _("Difference"), _("GOO − target; negative is a shortfall.")),
            Kolom("percentage", "%", percentage=True),
            Kolom("bezet", _("Occupied")),
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


# --- Statushouders ---------------------------------------------------------------


def _kies_halfjaar(provincie: Provincie, datum: datetime.date) -> Halfjaar | None:
    halfjaren = sorted(
        {
            Halfjaar.parse(h)
            for h in Opgavebesluit.objects.filter(
                soort=Opgavesoort.STATUSHOUDERS,
                pk__in=Taakstelling.objects.filter(in_provincie(provincie)).values("besluit"),
            ).values_list("halfjaar", flat=True)
        }
    )
    if not halfjaren:
        return None
    huidig = Halfjaar.voor_datum(datum)
    eerder = [h for h in halfjaren if h <= huidig]
    return eerder[-1] if eerder else halfjaren[0]


def _statushouders(provincie: Provincie, boom: Knoop, datum: datetime.date) -> Blok:
    halfjaar = _kies_halfjaar(provincie, datum)
    reeksen: dict[str, dict[Sleutel, int]] = {
        "taakstelling": {},
        "stand_begin": {},
        "te_realiseren": {},
        "gehuisvest": {},
    }
    besluit = None
    if halfjaar is not None:
        taakstellingen = list(
            Taakstelling.objects.filter(
                in_provincie(provincie),
                besluit__soort=Opgavesoort.STATUSHOUDERS,
                besluit__halfjaar=str(halfjaar),
            ).select_related("besluit")
        )
        for t in taakstellingen:
            besluit = t.besluit
            sleutel = _sleutel(t)
            reeksen["taakstelling"][sleutel] = t.aantal
            if t.stand_begin is not None:
                reeksen["stand_begin"][sleutel] = t.stand_begin
            te_realiseren = t.te_realiseren_gepubliceerd
            if te_realiseren is None and t.stand_begin is not None:
                te_realiseren = achterstand.te_realiseren(t.aantal, t.stand_begin)
            if te_realiseren is not None:
                reeksen["te_realiseren"][sleutel] = te_realiseren
        gebied = [f"{veld}_id" for veld in GEBIED_VELDEN]
        reeksen["gehuisvest"] = {
            gebiedsleutel(ids): totaal
            for *ids, totaal in Huisvesting.objects.filter(
                in_provincie(provincie),
                van__gte=halfjaar.begin,
                tot_en_met__lte=halfjaar.einde,
                van__lte=datum,
            )
            .order_by()
            .values_list(*gebied)
            .annotate(Sum("gehuisvest"))
        }
    regels = _regels(boom, reeksen)
    _afleiden(regels, "stand", achterstand.stand, "te_realiseren", "gehuisvest")
    _afleiden(
        regels, "percentage", achterstand.percentage_gerealiseerd, "gehuisvest", "te_realiseren"
    )
    return Blok(
        soort=Opgavesoort.STATUSHOUDERS,
        titel=_("Housing of status holders"),
        besluit=besluit,
        halfjaar=halfjaar,
        regels=regels,
        kolommen=[
            Kolom("taakstelling", _("Housing target"), _("Set for this half year.")),
            Kolom(
                "stand_begin",
                _("Lead/backlog"),
                _("At the start of the half year; positive = backlog."),
            ),
            Kolom(
                "te_realiseren",
                _("To be housed"),
                _("Housing target incl. lead/backlog, not below 0 (per municipality)."),
            ),
            Kolom("gehuisvest", _("Housed"), _("Housed in this half year so far.")),
            Kolom("stand", _("Balance"), _("To be housed − housed.")),
            Kolom("percentage", _("Percentage realised"), percentage=True),
        ],
    )
