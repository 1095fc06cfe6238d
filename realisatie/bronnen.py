"""Which data the figures are made of: the reads behind every table, as plain values.

Nothing is totalled or derived here (that is `realisatie.aggregatie`): each function
reads one kind of recorded figure of a province and hands it over per area, as
`aggregatie.Waarneming`s with their peildatum and herkomst. A bounded number of
queries each, whatever the number of gemeenten, peildata or locations.

- opgaven: the besluit in force on a date, the opgave per area under it, the counting
  rule (`opgaven.telregel`) and the uitruil active on the date;
- asiel: the location register and the entered places per soort, one source per
  gemeente and date (`realisatie.asielbron`);
- Oekraïne: the latest count per area on or before a date;
- statushouders: taakstellingen of a half year and what was housed in the months
  that end before a date (a peildatum counts the months that end before it).

A page that computes the overview for many dates (the gemeente page with its trend over
every peildatum) opens a `leesronde`: inside it each kind of figure of a province is read
once, for all dates, and every later call selects its date from that in memory, so the
page costs a bounded number of queries instead of a dozen per peildatum. The overview of
one date opens one with `een_datum=True`: the besluiten, opgaven and uitruil its three
blocks share are read once, while the counts, the taakstellingen, what was housed and
the gemeenten stay reads of that date alone (a province's whole history is not needed
for one date). Where the page does read that history (the half-year history beside the
statushouders block) the block's taakstellingen and housing are taken from it.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, TypeVar

from django.db.models import F, Max, Q, QuerySet

from gemeenten.boom import Knoop, Sleutel
from gemeenten.gebied import in_provincie
from gemeenten.models import GEBIED_VELDEN, Gemeente, Niveau, Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling, Telregel, Uitruil
from opgaven.query import soortenlijst
from opgaven.telregel import kies_telregel
from opgaven.uitruil import Uitruil as UitruilAfspraak
from opgaven.uitruil import saldo
from realisatie import asielbron
from realisatie.aandelen import aandelen_van
from realisatie.aggregatie import Herkomst, Waarneming
from realisatie.asielbron import Asielstand
from realisatie.capaciteit import Plaatsenperiode
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)

T = TypeVar("T")

GEBIED_IDS = tuple(f"{veld}_id" for veld in GEBIED_VELDEN)

# Entered places per soort: the field of `AsielTelling` for each soort code.
SOORT_VELDEN = {
    "RO": "regulier",
    "NO": "noodopvang",
    "TGO": "tgo",
    "CNO": "crisisnoodopvang",
    "overig": "overig",
}


# --- Leesronde: every kind of figure read once per page ------------------------------


@dataclass
class _Ronde:
    een_datum: bool  # a page of one date: the counts are read for that date alone
    gelezen: dict = field(default_factory=dict)


_ronde: ContextVar[_Ronde | None] = ContextVar("bronnen_leesronde", default=None)


@contextmanager
def leesronde(*, een_datum: bool = False) -> Iterator[None]:
    """Within this block each read below runs once per province (and arguments); later
    calls get the same values. Only for reads: a page, never a save (what is read here
    is not re-read after a write). With `een_datum` (the overview of one date) only the
    besluiten, opgaven, uitruil, counting rules and register are shared; the counts, the
    taakstellingen, what was housed and the gemeenten are still read for the date asked
    (or taken from a wider read of them earlier in the ronde: the half-year history).
    Inside another leesronde this one is part of it (the outer one's kind counts)."""
    if _ronde.get() is not None:
        yield
        return
    token = _ronde.set(_Ronde(een_datum))
    try:
        yield
    finally:
        _ronde.reset(token)


def in_leesronde() -> bool:
    return _ronde.get() is not None


def _alle_peildata() -> bool:
    """In a leesronde over many dates: the counts and the history of every peildatum
    are read once."""
    ronde = _ronde.get()
    return ronde is not None and not ronde.een_datum


def eenmaal(sleutel: tuple, lezen: Callable[[], T]) -> T:
    """`lezen()`, once per leesronde for `sleutel` (every time outside one). Also for
    what a page reads beside these figures (the cache's generation, say)."""
    ronde = _ronde.get()
    if ronde is None:
        return lezen()
    if sleutel not in ronde.gelezen:
        ronde.gelezen[sleutel] = lezen()
    return ronde.gelezen[sleutel]


def _al_gelezen(sleutel: tuple):
    """What this leesronde read for `sleutel`, or None if it has not (or there is none)."""
    ronde = _ronde.get()
    return None if ronde is None else ronde.gelezen.get(sleutel)


# --- Areas and peildata -------------------------------------------------------------


def peildata(provincie: Provincie) -> list[Peildatum]:
    """The province's peildata, latest first."""
    return eenmaal(
        ("peildata", provincie.pk),
        lambda: list(Peildatum.objects.van_provincie(provincie).order_by("-datum")),
    )


def gemeenten(provincie: Provincie, datum: datetime.date) -> list[Gemeente]:
    """The province's gemeenten valid on `datum`, with their regions (for the tree).
    In a leesronde over many dates every gemeente that was ever in the province is read
    once."""
    basis = Gemeente.objects.filter(provincie=provincie).select_related(
        "subregio__veiligheidsregio", "veiligheidsregio"
    )
    if not _alle_peildata():
        return list(basis.filter_for_date(datum))
    return [
        g
        for g in eenmaal(("gemeenten", provincie.pk), lambda: list(basis.order_by("code", "pk")))
        if (g.geldig_van is None or g.geldig_van <= datum)
        and (g.geldig_tot_en_met is None or g.geldig_tot_en_met >= datum)
    ]


def gebiedsleutel(ids: Iterable[int | None]) -> Sleutel:
    """The area key of a row read as its area ids, in `GEBIED_VELDEN` order (one key
    object per area: a province's history reads thousands of rows of the same areas)."""
    return _gebiedsleutel(tuple(ids))


@lru_cache(maxsize=16384)
def _gebiedsleutel(ids: tuple[int | None, ...]) -> Sleutel:
    for veld, pk in zip(GEBIED_VELDEN, ids, strict=True):
        if pk is not None:
            return (veld, pk)
    raise ValueError("Cijfer zonder gebied.")


def sleutel_van(rij) -> Sleutel:
    """The area key of a `Gebiedsgebonden` row."""
    return gebiedsleutel(getattr(rij, veld) for veld in GEBIED_IDS)


# --- Opgaven ------------------------------------------------------------------------


def besluiten(soort: str, provincie: Provincie) -> list[Opgavebesluit]:
    """The besluiten of `soort` with an opgave or taakstelling in the province (in a
    leesronde those of every soort are read at once)."""
    if in_leesronde():
        alle = eenmaal(("besluiten", provincie.pk), lambda: _besluiten(provincie))
        return [b for b in alle if b.soort == soort]
    return _besluiten(provincie, soort)


def _besluiten(provincie: Provincie, soort: str | None = None) -> list[Opgavebesluit]:
    statushouders = Q(
        soort=Opgavesoort.STATUSHOUDERS,
        pk__in=Taakstelling.objects.filter(in_provincie(provincie)).values("besluit"),
    )
    opgaven = Q(pk__in=Opgave.objects.filter(in_provincie(provincie)).values("besluit")) & ~Q(
        soort=Opgavesoort.STATUSHOUDERS
    )
    if soort is None:
        return list(Opgavebesluit.objects.filter(statushouders | opgaven))
    return list(
        Opgavebesluit.objects.filter(
            statushouders if soort == Opgavesoort.STATUSHOUDERS else opgaven, soort=soort
        )
    )


@dataclass(frozen=True)
class Opgavereeksen:
    aantal: dict[Sleutel, Waarneming] = field(default_factory=dict)
    amv: dict[Sleutel, Waarneming] = field(default_factory=dict)


def opgaven(besluiten: Iterable[Opgavebesluit], provincie: Provincie) -> dict[int, Opgavereeksen]:
    """Per besluit (pk): the opgave and its amv part per area. One query."""
    besluiten = list(besluiten)
    if in_leesronde():  # every besluit's opgaven in the province, read once
        alle = eenmaal(("opgaven", provincie.pk), lambda: _opgaven(None, provincie))
        return {b.pk: alle[b.pk] for b in besluiten if b.pk in alle}
    return _opgaven(besluiten, provincie)


def _opgaven(
    besluiten: list[Opgavebesluit] | None, provincie: Provincie
) -> dict[int, Opgavereeksen]:
    rijen = Opgave.objects.filter(in_provincie(provincie))
    if besluiten is not None:
        rijen = rijen.filter(besluit__in=besluiten)
    uit: dict[int, Opgavereeksen] = defaultdict(Opgavereeksen)
    for *ids, besluit, aantal, amv in rijen.values_list(
        *GEBIED_IDS, "besluit_id", "aantal", "waarvan_amv"
    ):
        sleutel = gebiedsleutel(ids)
        if aantal is not None:
            uit[besluit].aantal[sleutel] = Waarneming(aantal, herkomst=Herkomst.BESLUIT)
        if amv is not None:
            uit[besluit].amv[sleutel] = Waarneming(amv, herkomst=Herkomst.BESLUIT)
    return uit


@dataclass(frozen=True)
class Telling:
    """What counts toward an asiel opgave in this province, and who says so."""

    soorten: tuple[str, ...]
    bron: str = ""


def telregels(besluiten: Iterable[Opgavebesluit], provincie: Provincie) -> dict[int, Telling]:
    """Per besluit (pk): the soorten that count in this province. Two queries (the
    rules and the reference list of soorten)."""
    besluiten = list(besluiten)
    sleutel = ("telregels", provincie.pk, *(b.pk for b in besluiten))
    return eenmaal(sleutel, lambda: _telregels(besluiten, provincie))


def _telregels(besluiten: list[Opgavebesluit], provincie: Provincie) -> dict[int, Telling]:
    per_besluit: dict[int, list[Telregel]] = defaultdict(list)
    for regel in Telregel.objects.filter(besluit__in=list(besluiten)).filter(
        Q(provincie=provincie) | Q(provincie__isnull=True)
    ):
        per_besluit[regel.besluit_id].append(regel)
    uit = {}
    # What counts without a rule: the beheerder's reference list, read once per leesronde.
    lijst = eenmaal(("soortenlijst",), soortenlijst)
    for besluit in besluiten:
        regels = per_besluit.get(besluit.pk, [])
        soorten = kies_telregel(
            ((r.provincie_id, r.soortcodes) for r in regels), provincie.pk, lijst
        )
        eigen = next((r for r in regels if r.provincie_id == provincie.pk), None)
        algemeen = next((r for r in regels if r.provincie_id is None), None)
        gekozen = eigen or algemeen
        uit[besluit.pk] = Telling(soorten, gekozen.bron if gekozen else "")
    return uit


def uitruilafspraken(provincie: Provincie, soort: str) -> list[UitruilAfspraak]:
    """The confirmed uitruil of `soort` in which a gemeente of the province takes part,
    keyed by gemeente pk (as text)."""
    if in_leesronde():  # every soort's uitruil, read once
        alle = eenmaal(("uitruil", provincie.pk), lambda: _uitruilafspraken(provincie))
        return [afspraak for afspraak_soort, afspraak in alle if afspraak_soort == soort]
    return [afspraak for _soort, afspraak in _uitruilafspraken(provincie, soort)]


def _uitruilafspraken(
    provincie: Provincie, soort: str | None = None
) -> list[tuple[str, UitruilAfspraak]]:
    rijen = Uitruil.objects.filter(
        Q(van_gemeente__provincie=provincie) | Q(naar_gemeente__provincie=provincie),
        bevestigd_op__isnull=False,
    )
    if soort is not None:
        rijen = rijen.filter(soort=soort)
    return [
        (afspraak_soort, UitruilAfspraak(str(van), str(naar), aantal, begin, einde))
        for afspraak_soort, van, naar, aantal, begin, einde in rijen.values_list(
            "soort", "van_gemeente_id", "naar_gemeente_id", "aantal", "begin", "einde"
        )
    ]


def uitruil(
    boom: Knoop, afspraken: list[UitruilAfspraak], datum: datetime.date
) -> dict[Sleutel, Waarneming]:
    """Per gemeente of the tree the places it gained (+) or handed over (−) on `datum`;
    0 for a gemeente without uitruil, which is a known 0."""
    uit = {}
    for knoop in boom.doorlopen():
        if knoop.is_gemeente:
            pk = knoop.sleutels[0][1]
            delta = saldo(str(pk), afspraken, datum)
            uit[knoop.sleutels[0]] = Waarneming(delta, herkomst=Herkomst.BESLUIT)
    return uit


# --- Asiel --------------------------------------------------------------------------


PLAATSENPERIODE_VELDEN = (
    "plaatsen",
    "waarvan_amv",
    "van",
    "tot_en_met",
    "status",
    "soort_id",
    "geschat",
    "verlengbaar_tot",
    "einde_onbekend",
    "locatie_id",
)


def register(provincie: Provincie) -> dict[int, list[Plaatsenperiode]]:
    """Per gemeente (pk) of the province its part of the capacity periods of the
    locations it has a share in (`realisatie.aandelen`): a shared location counts by
    share in each gemeente and once in the province. One query."""
    return eenmaal(("register", provincie.pk), lambda: _register(provincie))


def _register(provincie: Provincie) -> dict[int, list[Plaatsenperiode]]:
    locaties = Opvanglocatie.objects.filter(
        Q(aandelen__gemeente__provincie=provincie) | Q(gemeente__provincie=provincie)
    ).values("pk")
    perioden: dict[int, Plaatsenperiode] = {}
    gewichten: dict[int, dict[int, object]] = defaultdict(dict)
    in_provincie_ids: set[int] = set()
    for pk, *velden, eigen, gemeente, provincie_id, plaatsen, percentage in (
        Capaciteitsperiode.objects.filter(locatie__in=locaties)
        .values_list(
            "pk",
            *PLAATSENPERIODE_VELDEN,
            "locatie__gemeente_id",
            "locatie__aandelen__gemeente_id",
            "locatie__aandelen__gemeente__provincie_id",
            "locatie__aandelen__plaatsen",
            "locatie__aandelen__percentage",
        )
        .order_by("van", "pk")
    ):
        periode = perioden.setdefault(pk, Plaatsenperiode(*velden))
        if gemeente is None:
            # A location without shares (written before shares existed) is its gemeente's.
            gemeente, provincie_id, percentage = eigen, provincie.pk, 1
        gewichten[periode.locatie][gemeente] = percentage if percentage is not None else plaatsen
        if provincie_id == provincie.pk:
            in_provincie_ids.add(gemeente)
    uit: dict[int, list[Plaatsenperiode]] = defaultdict(list)
    for periode in perioden.values():
        for gemeente, deel in aandelen_van(periode, gewichten[periode.locatie]).items():
            if gemeente in in_provincie_ids:
                uit[gemeente].append(deel)
    return dict(uit)


def plaatsenperioden(perioden) -> list[Plaatsenperiode]:
    """The `Plaatsenperiode` of each `Capaciteitsperiode` of the queryset (whole
    locations, not shares). One query."""
    return [Plaatsenperiode(*velden) for velden in perioden.values_list(*PLAATSENPERIODE_VELDEN)]


@dataclass(frozen=True)
class Registerlocatie:
    """A location of the register with its capacity periods (the timeline's rows)."""

    pk: int
    naam: str
    gemeente_id: int
    gemeente: str
    perioden: tuple[Plaatsenperiode, ...]


def soorten_in_register(provincie: Provincie) -> list[str]:
    """The soorten of the province's capacity periods, sorted. One query."""
    return sorted(
        set(
            Capaciteitsperiode.objects.filter(locatie__gemeente__provincie=provincie)
            .values_list("soort_id", flat=True)
            .distinct()
        )
    )


def locatieregister(gemeente_ids: Iterable[int]) -> list[Registerlocatie]:
    """The locations of these gemeenten (pks) with their periods, per location, whole
    (a timeline shows a location, not a gemeente's share of it): those in which one of
    them has a share, and those without shares that one of them keeps. One query; a
    location without periods has nothing to show and is left out."""
    ids = list(gemeente_ids)
    locaties = Opvanglocatie.objects.filter(
        Q(aandelen__gemeente_id__in=ids) | Q(aandelen__isnull=True, gemeente_id__in=ids)
    ).values("pk")
    per_locatie: dict[int, tuple[str, int, str]] = {}
    perioden: dict[int, list[Plaatsenperiode]] = defaultdict(list)
    for pk, naam, gemeente_id, gemeente, *velden in (
        Capaciteitsperiode.objects.filter(locatie__in=locaties)
        .order_by("locatie_id", "van", "pk")
        .values_list(
            "locatie_id",
            "locatie__naam",
            "locatie__gemeente_id",
            "locatie__gemeente__naam",
            *PLAATSENPERIODE_VELDEN,
        )
    ):
        per_locatie[pk] = (naam, gemeente_id, gemeente)
        perioden[pk].append(Plaatsenperiode(*velden))
    return [
        Registerlocatie(pk, naam, gemeente_id, gemeente, tuple(perioden[pk]))
        for pk, (naam, gemeente_id, gemeente) in per_locatie.items()
    ]


@dataclass
class Asieltellingen:
    """The entered asiel places of a province, per area in peildatum order."""

    realisatie: dict[Sleutel, list[Asielstand]]
    planning: dict[Sleutel, list[tuple[datetime.date, Asielstand]]]  # (peildatum, plan)

    def op(self, sleutel: Sleutel, datum: datetime.date) -> Asielstand | None:
        """The latest entered realisation of the area on or before `datum`."""
        reeks = self.realisatie.get(sleutel, [])
        i = bisect.bisect_right([s.peildatum for s in reeks], datum)
        return reeks[i - 1] if i else None

    def gepland(self, sleutel: Sleutel, peildatum: datetime.date) -> Asielstand | None:
        """The first plan entered with the realisation of `peildatum` (a plan, not a
        realisation: its `peildatum` is the date the plan is about)."""
        return next((p for d, p in self.planning.get(sleutel, []) if d == peildatum), None)


def asieltellingen(provincie: Provincie, tot_en_met: datetime.date) -> Asieltellingen:
    """Entered places per soort of every area, on peildata up to `tot_en_met`."""
    rijen = (
        AsielTelling.objects.filter(in_provincie(provincie), peildatum__datum__lte=tot_en_met)
        .order_by("peildatum__datum", "datum")
        .values_list(
            *GEBIED_IDS, "peildatum__datum", "datum", *SOORT_VELDEN.values(), "waarvan_amv"
        )
    )
    return _asieltellingen(rijen)


def laatste_asieltellingen(provincie: Provincie, datum: datetime.date) -> Asieltellingen:
    """As `asieltellingen`, but only each area's latest peildatum on or before `datum`
    (the dashboard: 51 gemeenten x 36 peildata need not be read for one date). In a
    leesronde every peildatum is read once: an area's latest peildatum on or before
    `datum` is among them, so `op` and `gepland` answer the same."""
    if _alle_peildata():
        # Every peildatum, parsed once for all dates: `op` takes the latest on or before
        # the date asked, `gepland` the plan of that peildatum, so a later one is never
        # answered.
        return eenmaal(
            ("asieltellingen", provincie.pk),
            lambda: _asieltellingen(
                AsielTelling.objects.filter(in_provincie(provincie))
                .order_by("peildatum__datum", "datum")
                .values_list(*_ASIEL_KOLOMMEN)
            ),
        )
    tellingen = AsielTelling.objects.filter(in_provincie(provincie), peildatum__datum__lte=datum)
    rijen = (
        op_laatste_peildata(tellingen, Q(datum__lte=F("peildatum__datum")))
        .order_by("peildatum__datum", "datum")
        .values_list(
            *GEBIED_IDS, "peildatum__datum", "datum", *SOORT_VELDEN.values(), "waarvan_amv"
        )
    )
    return _asieltellingen(rijen)


_ASIEL_KOLOMMEN = (*GEBIED_IDS, "peildatum__datum", "datum", *SOORT_VELDEN.values(), "waarvan_amv")


def _asieltellingen(rijen) -> Asieltellingen:
    realisatie: dict[Sleutel, list[Asielstand]] = defaultdict(list)
    planning: dict[Sleutel, list[tuple[datetime.date, Asielstand]]] = defaultdict(list)
    codes = list(SOORT_VELDEN)
    for rij in rijen:
        ids, (peildatum, datum, *aantallen, amv) = rij[: len(GEBIED_IDS)], rij[len(GEBIED_IDS) :]
        sleutel = gebiedsleutel(ids)
        stand = asielbron.uit_invoer(dict(zip(codes, aantallen, strict=True)), amv, datum)
        if stand is None:
            continue
        if datum > peildatum:
            planning[sleutel].append((peildatum, stand))
        else:
            realisatie[sleutel].append(stand)
    return Asieltellingen(dict(realisatie), dict(planning))


def op_laatste_peildata(tellingen: QuerySet, realisatie: Q | None = None) -> QuerySet:
    """`tellingen` limited to the peildata that are some area's latest (with a
    realisatie, when `realisatie` says which rows are one). An area's latest peildatum
    is by definition in this set, so keeping the last row per area afterwards gives
    the same figures; one query (the subquery groups by area)."""
    laatste = (
        tellingen.filter(realisatie or Q())
        .order_by()
        .values(*GEBIED_IDS)
        .annotate(laatste=Max("peildatum__datum"))
        .values("laatste")
    )
    return tellingen.filter(peildatum__datum__in=laatste)


def asielstanden(
    boom: Knoop,
    perioden: dict[int, list[Plaatsenperiode]],
    tellingen: Asieltellingen,
    datum: datetime.date,
) -> dict[Sleutel, Asielstand]:
    """Per area of the tree its asiel places on `datum` from its one source: the
    register for a gemeente with an active location, else the latest entered places."""
    uit = {}
    for knoop in boom.doorlopen():
        for sleutel in knoop.sleutels:
            register_stand = (
                asielbron.uit_register(perioden.get(sleutel[1], ()), datum)
                if sleutel[0] == Niveau.GEMEENTE
                else None
            )
            stand = asielbron.kies(register_stand, tellingen.op(sleutel, datum))
            if stand is not None:
                uit[sleutel] = stand
    return uit


# --- Oekraïne -----------------------------------------------------------------------

OEKRAINE_VELDEN = ("goo_totaal", "goo_bezet", "goo_beschikbaar", "poo")


def oekraine_tellingen(
    provincie: Provincie, datum: datetime.date
) -> dict[Sleutel, tuple[datetime.date, dict[str, int | None]]]:
    """Per area its latest Oekraïne count on or before `datum`: (peildatum, figures).
    In a leesronde over many dates all counts are read once, and the latest per area
    taken here."""
    uit = {}
    n = len(GEBIED_IDS)
    kolommen = (*GEBIED_IDS, "peildatum__datum", *OEKRAINE_VELDEN)
    if _alle_peildata():
        # Per area its counts in date order, read once: the latest on or before `datum`
        # is found by bisection, not by going through every count of the province.
        per_gebied = eenmaal(
            ("oekraine", provincie.pk),
            lambda: _per_gebied(
                OekraineTelling.objects.filter(in_provincie(provincie))
                .order_by("peildatum__datum")
                .values_list(*kolommen)
            ),
        )
        for sleutel, (datums, standen) in per_gebied.items():
            if i := bisect.bisect_right(datums, datum):
                uit[sleutel] = standen[i - 1]
        return uit
    rijen = (
        op_laatste_peildata(
            OekraineTelling.objects.filter(in_provincie(provincie), peildatum__datum__lte=datum)
        )
        .order_by("peildatum__datum")
        .values_list(*kolommen)
    )
    for rij in rijen:
        waarden = dict(zip(OEKRAINE_VELDEN, rij[n + 1 :], strict=True))
        uit[gebiedsleutel(rij[:n])] = (rij[n], waarden)
    return uit


def _per_gebied(rijen) -> dict[Sleutel, tuple[list, list]]:
    """Oekraïne counts in date order → per area (its dates, its (date, figures))."""
    n = len(GEBIED_IDS)
    uit: dict[Sleutel, tuple[list, list]] = {}
    for rij in rijen:
        datums, standen = uit.setdefault(gebiedsleutel(rij[:n]), ([], []))
        datums.append(rij[n])
        standen.append((rij[n], dict(zip(OEKRAINE_VELDEN, rij[n + 1 :], strict=True))))
    return uit


# --- Statushouders ------------------------------------------------------------------


def halfjaren(provincie: Provincie) -> list[Halfjaar]:
    """The half years with a taakstelling in the province, in order."""
    return halfjaren_van(besluiten(Opgavesoort.STATUSHOUDERS, provincie))


def halfjaren_van(statushoudersbesluiten: Iterable[Opgavebesluit]) -> list[Halfjaar]:
    """The half years of these statushouders besluiten, in order."""
    return sorted({Halfjaar.parse(b.halfjaar) for b in statushoudersbesluiten})


class Taakstellingrij(NamedTuple):
    sleutel: Sleutel
    besluit_id: int
    aantal: int | None
    waarvan_amv: int | None
    stand_begin: int | None
    te_realiseren_gepubliceerd: int | None


def taakstellingen(provincie: Provincie, halfjaar: Halfjaar | None = None) -> dict:
    """Per half year the taakstellingen of the province's areas (of `halfjaar` alone, if
    given). One query; in a leesronde those of every half year are read once, and a
    read of one half year after that takes its part (over many dates: every read)."""
    sleutel = ("taakstellingen", provincie.pk)
    if _alle_peildata() or (halfjaar is None and in_leesronde()):
        alle = eenmaal(sleutel, lambda: _taakstellingen(provincie))
    else:
        alle = _al_gelezen(sleutel)
        if alle is None:
            return _taakstellingen(provincie, halfjaar)
    if halfjaar is None:
        return alle
    return {halfjaar: alle[halfjaar]} if halfjaar in alle else {}


def _taakstellingen(provincie: Provincie, halfjaar: Halfjaar | None = None) -> dict:
    rijen = Taakstelling.objects.filter(
        in_provincie(provincie), besluit__soort=Opgavesoort.STATUSHOUDERS
    )
    if halfjaar is not None:
        rijen = rijen.filter(besluit__halfjaar=str(halfjaar))
    uit: dict[Halfjaar, list[Taakstellingrij]] = defaultdict(list)
    for *ids, tekst, besluit, aantal, amv, stand, gepubliceerd in rijen.values_list(
        *GEBIED_IDS,
        "besluit__halfjaar",
        "besluit_id",
        "aantal",
        "waarvan_amv",
        "stand_begin",
        "te_realiseren_gepubliceerd",
    ):
        uit[Halfjaar.parse(tekst)].append(
            Taakstellingrij(gebiedsleutel(ids), besluit, aantal, amv, stand, gepubliceerd)
        )
    return dict(uit)


class Huisvestingsrij(NamedTuple):
    """A row of what was housed (a named tuple: a province's history has thousands)."""

    sleutel: Sleutel
    van: datetime.date
    tot_en_met: datetime.date
    gehuisvest: int | None
    waarvan_amv: int | None


def huisvesting(
    provincie: Provincie, van: datetime.date, teldatum: datetime.date
) -> list[Huisvestingsrij]:
    """What was housed in the periods from `van` that end before `teldatum`: a
    peildatum counts the months that end before it (1-3 counts January and February).
    In a leesronde over many dates every period of the province is read once; in one of
    one date a range is read once, and a range within it is taken from it."""
    if _alle_peildata():
        alle, begins = eenmaal(("huisvesting", provincie.pk), lambda: _op_begin(provincie))
        # Ordered by `van`, and a period never ends before it begins (a constraint):
        # only the periods that begin from `van` up to `teldatum` can count.
        rijen = alle[bisect.bisect_left(begins, van) : bisect.bisect_left(begins, teldatum)]
        return [r for r in rijen if r.tot_en_met < teldatum]
    if not in_leesronde():
        return _huisvesting(provincie, Q(van__gte=van, tot_en_met__lt=teldatum))
    # One date: a read within the range of one made earlier in this leesronde (the
    # block's half year within the half-year history) is taken from it, in order.
    gelezen = eenmaal(("huisvesting per bereik", provincie.pk), list)
    for eerder_van, eerder_tot, rijen in gelezen:
        if eerder_van <= van and teldatum <= eerder_tot:
            return [r for r in rijen if r.van >= van and r.tot_en_met < teldatum]
    rijen = _huisvesting(provincie, Q(van__gte=van, tot_en_met__lt=teldatum))
    gelezen.append((van, teldatum, rijen))
    return rijen


def _op_begin(provincie: Provincie) -> tuple[list[Huisvestingsrij], list[datetime.date]]:
    alle = _huisvesting(provincie)
    return alle, [r.van for r in alle]


def _huisvesting(provincie: Provincie, periode: Q | None = None) -> list[Huisvestingsrij]:
    return [
        Huisvestingsrij(gebiedsleutel(ids), begin, einde, gehuisvest, amv)
        for *ids, begin, einde, gehuisvest, amv in Huisvesting.objects.filter(
            in_provincie(provincie), periode or Q()
        )
        .order_by("van")
        .values_list(*GEBIED_IDS, "van", "tot_en_met", "gehuisvest", "waarvan_amv")
    ]
