"""Every table of the dashboard pages, defined once (`realisatie.tabelbasis`): the page
renders it, the CSV link exports it, the Excel bijlagen take its rows.

The cells are figures already computed (`realisatie.overzicht`, `realisatie.aggregatie`);
a table only chooses columns and rows. Each page's tables are made once per request by
the page's function below (`provinciepagina`, `gemeentepagina` …), which the view hands
both to its template and to the CSV export.
"""

from __future__ import annotations

from html import escape as html_escape

from django.urls import reverse
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gemeenten.boom import Knoop
from opgaven.models import Opgavesoort
from prt.formaat import aantal, procent_kort
from realisatie.aggregatie import Regel, Tekenregel
from realisatie.overzicht import Blok
from realisatie.overzicht import Kolom as Blokkolom
from realisatie.status import Stand, status
from realisatie.tabelbasis import (
    CijferKolom,
    DatumKolom,
    GebiedKolom,
    GetalKolom,
    HerkomstKolom,
    Kolom,
    PeildatumKolom,
    Tabel,
    TekstKolom,
    tabel_van,
)

Tabellen = dict[str, Tabel]


# Stands in for an area's code in a reversed address (codes are letters, digits and
# hyphens: never quoted in a path).
_CODE = "0CODE0"


def gebiedslinks(boom: Knoop, provinciecode: str) -> dict[str, str]:
    """The page of every area below the province, by code: once per page, not per row,
    and each address reversed once (a province has over sixty areas)."""
    gemeente = reverse("gemeente", args=[_CODE])
    gebied = reverse("gebied", args=[provinciecode, _CODE])
    return {
        knoop.code: (gemeente if knoop.is_gemeente else gebied).replace(_CODE, knoop.code)
        for knoop in boom.doorlopen()
        if knoop.diepte > 0
    }


def _rij(regel: Regel) -> dict[str, str]:
    return {"class": f"niveau-{regel.knoop.niveau}", "data-code": regel.knoop.code}


class KoersKolom(Kolom):
    """On track, behind (by how many) or unknown, in words: the block's status rule
    (`realisatie.status`) for every row, so a mayor sees his gemeente at a glance."""

    def __init__(self, blok: Blok, datum):
        super().__init__(
            _("Status"),
            uitleg=_('The same rule as the block\'s status; see "How the status is determined".'),
        )
        self.blok, self.datum = blok, datum

    def koers(self, record: Regel):
        return status(self.blok, record, self.datum)

    def inhoud(self, record: Regel):
        return self._tekst(self.koers(record))

    @staticmethod
    def _tekst(koers) -> str:
        if koers.stand == Stand.OP_KOERS:
            return _("on track")
        if koers.stand == Stand.ACHTER:
            return _("behind by %(n)s") % {"n": aantal(koers.achter)}
        return _("unknown")

    def html(self, record: Regel):
        koers = self.koers(record)
        stand = html_escape(koers.stand)
        # Safe: every text in it escaped here (SafeString itself: a cell per row).
        return SafeString(
            f'<span class="status status-{stand}" data-status="{stand}">'
            f"{html_escape(self._tekst(koers))}</span>"
        )


def bloktabel(
    blok: Blok,
    regels: list[Regel],
    *,
    naam: str | None = None,
    links: dict[str, str] | None = None,
    kolommen: list[Blokkolom] | None = None,
    datum=None,
    extra: dict[str, Kolom] | None = None,
    na: list[Blokkolom] = (),
) -> Tabel:
    """The figures of a block per area: the province, its regions with their gemeenten
    as rows below them (each area once), the block's visible columns, each row's status;
    for asiel the source of each row's realisatie."""
    afleidingen = {a.sleutel: a for a in blok.afleidingen}
    velden = {"gebied": GebiedKolom(links=links)}
    for kolom in kolommen if kolommen is not None else blok.zichtbare_kolommen:
        velden[kolom.sleutel] = CijferKolom(kolom, afleiding=afleidingen.get(kolom.sleutel))
    velden.update(extra or {})
    for kolom in na:
        velden[kolom.sleutel] = CijferKolom(kolom, afleiding=afleidingen.get(kolom.sleutel))
    if blok.soort == Opgavesoort.ASIEL:
        velden["bron"] = HerkomstKolom(
            _("Source of the realisation"),
            uitleg=_("Location register where a municipality has locations, else entered figures."),
        )
    if blok.soort in (Opgavesoort.ASIEL, Opgavesoort.OEKRAINE):
        velden["peildatum"] = PeildatumKolom(
            uitleg=_("The latest reference date the realisation is built from."),
        )
    if datum is not None:
        velden["status"] = KoersKolom(blok, datum)
    return tabel_van(
        naam or blok.soort,
        velden,
        regels,
        titel=blok.titel,
        kenmerken={"data-blok": blok.soort},
        rij_kenmerken=_rij,
    )


def plantabel(plan) -> Tabel:
    """A table of the provinciaal plan (`realisatie.plantabellen`); unknown in words."""
    velden = {"gebied": GebiedKolom()}
    for kolom in plan.kolommen:
        velden[kolom.sleutel] = CijferKolom(kolom, zichtbaar=True)
    return tabel_van(
        f"plan-{plan.sleutel}",
        velden,
        plan.regels,
        titel=plan.titel,
        kenmerken={"data-plan": plan.sleutel},
        rij_kenmerken=_rij,
    )


def halfjarentabel(naam: str, standen, gehuisvest: str) -> Tabel:
    """Statushouders per half year: taakstelling, carried stand as published, housed,
    and the stand the carry-over rule computes."""
    return tabel_van(
        naam,
        {
            "halfjaar": TekstKolom(_("Half year")),
            "taakstelling": GetalKolom(_("Housing target")),
            "stand_begin": GetalKolom(
                _("Lead/backlog"),
                teken=Tekenregel.ACHTERSTAND,
                uitleg=_("At the start of the half year, as published; positive = backlog."),
            ),
            "gehuisvest": GetalKolom(gehuisvest),
            "stand_berekend": GetalKolom(
                _("Computed lead/backlog"),
                teken=Tekenregel.ACHTERSTAND,
                uitleg=_("Previous start + previous housing target − previous realisation."),
            ),
            "afwijking": TekstKolom(_("Note")),
        },
        [
            {
                "halfjaar": str(s.halfjaar),
                "taakstelling": s.taakstelling,
                "stand_begin": s.stand_begin,
                "gehuisvest": s.gehuisvest,
                "stand_berekend": s.stand_berekend,
                "afwijking": _("differs from the published figure") if s.wijkt_af else "",
            }
            for s in standen
        ],
        titel=_("Status holders per half year"),
        rij_kenmerken=lambda r: {"data-halfjaar": r["halfjaar"]},
    )


def locatieperiodetabel(locaties, *, naam: str = "locaties", met_gemeente: bool = False) -> Tabel:
    """The location register as a spreadsheet has it: a row per capacity period (a
    location without periods gets one row with empty figures). Kind and manager are the
    period's; a change of kind is a second row of the same location."""
    rijen = []
    for locatie in locaties:
        perioden = list(locatie.perioden.all()) or [None]
        aandelen = aandelen_in_woorden(locatie)
        for periode in perioden:
            rijen.append(
                {
                    "locatie": locatie.naam,
                    "cbs_code": locatie.gemeente.code,
                    "gemeente": locatie.gemeente.naam,
                    "aandelen": aandelen,
                    "soort": periode.soort.naam if periode else "",
                    "beheerder": periode.get_beheerder_display() if periode else "",
                    "plaatsen": periode.plaatsen if periode else None,
                    "geschat": _("estimate") if periode and periode.geschat else "",
                    "waarvan_amv": periode.waarvan_amv if periode else None,
                    "status": periode.get_status_display() if periode else "",
                    "van": periode.van if periode else None,
                    "tot_en_met": (periode.tot_en_met if periode and periode.tot_en_met else None),
                    "einde": einde_in_woorden(periode),
                    "verlengbaar_tot": periode.verlengbaar_tot if periode else None,
                    "pm": periode.pm if periode else "",
                }
            )
    velden = {"locatie": TekstKolom(_("Location"))}
    if met_gemeente:
        velden["cbs_code"] = TekstKolom(_("CBS code"))
        velden["gemeente"] = TekstKolom(_("Municipality"))
        velden["aandelen"] = TekstKolom(_("Shares"))
    velden.update(
        {
            "soort": TekstKolom(_("Type")),
            "beheerder": TekstKolom(_("Operator")),
            "plaatsen": GetalKolom(_("Places")),
            "geschat": TekstKolom(_("Estimate")),
            "waarvan_amv": GetalKolom(_("of which unaccompanied minors")),
            "status": TekstKolom(_("Status")),
            "van": DatumKolom(_("From")),
            "tot_en_met": DatumKolom(_("Contract ends")),
            "einde": TekstKolom(_("Note")),
            "verlengbaar_tot": DatumKolom(_("Extendable until")),
            "pm": TekstKolom(_("p.m.")),
        }
    )
    return tabel_van(naam, velden, rijen, titel=_("Reception locations"))


def einde_in_woorden(periode) -> str:
    """ "indefinite" for an empty end, "unknown" for an end not known yet."""
    if periode is None or periode.tot_en_met:
        return ""
    return _("end unknown") if periode.einde_onbekend else _("indefinite")


def aandelen_in_woorden(locatie) -> str:
    """ "Ede 50%, Wageningen 50%" for a shared location; empty for a location wholly
    its own gemeente's."""
    aandelen = list(locatie.aandelen.all())
    if len(aandelen) <= 1 and all(a.gemeente_id == locatie.gemeente_id for a in aandelen):
        return ""
    return ", ".join(
        f"{a.gemeente.naam} {procent_kort(a.percentage)}"
        if a.percentage is not None
        else f"{a.gemeente.naam} {aantal(a.plaatsen)}"
        for a in aandelen
    )


def uitruiltabel(uitruilen) -> Tabel:
    return tabel_van(
        "uitruil",
        {
            "soort": TekstKolom(_("Target")),
            "van": TekstKolom(_("From municipality")),
            "naar": TekstKolom(_("To municipality")),
            "aantal": GetalKolom(_("Number")),
            "begin": DatumKolom(_("Start date")),
            "einde": DatumKolom(_("End date")),
            "status": TekstKolom(_("Status")),
        },
        [
            {
                "soort": u.get_soort_display(),
                "van": u.van_gemeente.naam,
                "naar": u.naar_gemeente.naam,
                "aantal": u.aantal,
                "begin": u.begin,
                "einde": u.einde,
                "status": _("confirmed") if u.is_bevestigd else _("awaiting confirmation"),
            }
            for u in uitruilen
        ],
        titel=_("Exchange agreements"),
    )


# --- The tables of each page ---------------------------------------------------------


def provinciepagina(beeld) -> Tabellen:
    """Province page: per block the tree of areas, then the plan's tables."""
    uit = gebiedpagina(beeld)
    for plan in beeld.plantabellen:
        tabel = plantabel(plan)
        uit[tabel.naam] = tabel
    uit["plan-statushouders"] = plantabel_van(beeld, Opgavesoort.STATUSHOUDERS)
    return uit


def plantabel_van(beeld, soort: str) -> Tabel:
    """The table of the provinciaal plan beside the block of `soort` (statushouders:
    its half years), as `provinciepagina` has it."""
    if soort == Opgavesoort.STATUSHOUDERS:
        return halfjarentabel("plan-statushouders", beeld.statushouders, _("Realisation"))
    return plantabel(next(plan for plan in beeld.plantabellen if plan.sleutel == soort))


def gebiedpagina(beeld) -> Tabellen:
    return {b.blok.soort: b.tabel for b in beeld.blokken}


def gemeentepagina(beeld) -> Tabellen:
    uit: Tabellen = {}
    for blok, regel in beeld.regels:
        if regel is not None:
            uit[blok.soort] = bloktabel(blok, [regel], datum=beeld.overzicht.datum)
    uit["opgaven"] = tabel_van(
        "opgaven",
        {
            "besluit": TekstKolom(_("Decision")),
            "wanneer": TekstKolom(_("Target date or half year")),
            "aantal": GetalKolom(_("Target")),
            "waarvan_amv": GetalKolom(_("of which unaccompanied minors")),
        },
        [
            *(
                {
                    "besluit": o.besluit.naam,
                    "wanneer": _datum(o.besluit.streefdatum),
                    "aantal": o.aantal,
                    "waarvan_amv": o.waarvan_amv,
                }
                for o in beeld.opgaven
            ),
            *(
                {
                    "besluit": t.besluit.naam,
                    "wanneer": str(t.besluit.halfjaar),
                    "aantal": t.aantal,
                    "waarvan_amv": t.waarvan_amv,
                }
                for t in beeld.taakstellingen
            ),
        ],
        titel=_("Targets under every decision"),
    )
    uit["halfjaren"] = halfjarentabel("halfjaren", beeld.halfjaren, _("Housed"))
    uit["oekraine-verloop"] = tabel_van(
        "oekraine-verloop",
        {
            "peildatum": DatumKolom(_("Reference date")),
            "goo_totaal": GetalKolom(_("GOO places, total")),
            "goo_bezet": GetalKolom(_("Occupied")),
            "goo_beschikbaar": GetalKolom(_("Available")),
            "poo": GetalKolom("POO"),
        },
        [
            {
                "peildatum": t.peildatum.datum,
                **{v: getattr(t, v) for v in ("goo_totaal", "goo_bezet", "goo_beschikbaar", "poo")},
            }
            for t in beeld.oekraine
        ],
        titel=_("Ukraine per reference date"),
    )
    uit["locaties"] = locatieperiodetabel(beeld.locaties)
    uit["uitruil"] = uitruiltabel(beeld.uitruilen)
    uit["statushouders-maanden"] = tabel_van(
        "statushouders-maanden",
        {
            "maand": TekstKolom(_("Month")),
            "gehuisvest": GetalKolom(_("Housed so far")),
            "volgens_schema": GetalKolom(
                _("Schedule"), uitleg=_("After n months n/6 of what is to be housed.")
            ),
            "achter": GetalKolom(_("Behind schedule")),
        },
        [
            {
                "maand": f"{MONTHS_3[m.maand.month]} {m.maand.year}",
                "gehuisvest": m.gehuisvest,
                "volgens_schema": m.volgens_schema,
                "achter": m.achter,
            }
            for m in beeld.maanden
        ],
        titel=_("Status holders housed against the schedule"),
    )
    uit.update(trendpagina(beeld.trend, voorvoegsel="trend-"))
    return uit


def trendpagina(reeksen, voorvoegsel: str = "") -> Tabellen:
    return {
        f"{voorvoegsel}{reeks.soort}": tabel_van(
            f"{voorvoegsel}{reeks.soort}",
            {
                "datum": DatumKolom(_("Reference date")),
                "opgave": GetalKolom(
                    _("To be housed") if reeks.soort == "statushouders" else _("Target")
                ),
                "realisatie": GetalKolom(_("Realisation")),
                "percentage": GetalKolom("%", procent=True),
            },
            [
                {
                    "datum": p.datum,
                    "opgave": p.opgave,
                    "realisatie": p.realisatie,
                    "percentage": p.percentage,
                }
                for p in reeks.punten
            ],
            titel=reeks.titel,
            kenmerken={"data-trend": reeks.soort},
        )
        for reeks in reeksen
    }


def vooruitblikpagina(beeld) -> Tabellen:
    velden = ("gerealiseerd", "gepland", "voorgenomen", "opgave", "verschil")
    return {
        "vooruitblik": tabel_van(
            "vooruitblik",
            {
                "kwartaal": TekstKolom(_("Quarter")),
                "gerealiseerd": GetalKolom(_("realised")),
                "gepland": GetalKolom(_("planned (firm plan)")),
                "voorgenomen": GetalKolom(_("intended (decision to follow)")),
                "opgave": GetalKolom(_("Effective target")),
                "verschil": GetalKolom(
                    _("Difference"),
                    teken=Tekenregel.VERSCHIL,
                    uitleg=_("Realised + planned − target."),
                ),
            },
            [
                {"kwartaal": str(k.kwartaal), **{v: getattr(k, v) for v in velden}}
                for k in beeld.kwartalen
            ],
            titel=_("Asylum capacity per quarter against the target"),
            rij_kenmerken=lambda r: {
                "data-kwartaal": r["kwartaal"],
                **({"class": "tekort"} if (r["verschil"] or 0) < 0 else {}),
            },
        )
    }


def signalenpagina(beeld) -> Tabellen:
    soorten = {
        "asiel": _("Asylum reception"),
        "oekraine": _("Reception of displaced persons from Ukraine"),
        "statushouders": _("Housing of status holders"),
    }
    links = lambda r: reverse("gemeente", args=[r["code"]])  # noqa: E731
    return {
        "schema": tabel_van(
            "schema",
            {
                "gemeente": TekstKolom(_("Municipality"), link=links),
                "te_realiseren": GetalKolom(_("To be housed")),
                "gehuisvest": GetalKolom(_("Housed")),
                "achter": GetalKolom(_("Behind schedule")),
            },
            [
                {
                    "code": a.regel.knoop.code,
                    "gemeente": a.regel.naam,
                    "te_realiseren": a.regel.waarde("te_realiseren"),
                    "gehuisvest": a.regel.waarde("gehuisvest"),
                    "achter": a.achter,
                }
                for a in beeld.achter_op_schema
            ],
            titel=_("Status holders not on schedule"),
        ),
        "bronnen": tabel_van(
            "bronnen",
            {
                "gemeente": TekstKolom(_("Municipality"), link=links),
                "peildatum": DatumKolom(_("Reference date")),
                "register": GetalKolom(_("Location register")),
                "invoer": GetalKolom(_("Entered figures")),
            },
            [
                {
                    "code": a.code,
                    "gemeente": a.naam,
                    "peildatum": a.peildatum,
                    "register": a.register,
                    "invoer": a.invoer,
                }
                for a in beeld.bronnen_wijken_af
            ],
            titel=_("Sources that disagree"),
        ),
        "contract": tabel_van(
            "contract",
            {
                "locatie": TekstKolom(_("Location")),
                "gemeente": TekstKolom(_("Municipality"), link=links),
                "plaatsen": GetalKolom(_("Places")),
                "tot_en_met": DatumKolom(_("Contract ends")),
                "status": TekstKolom(_("Status")),
            },
            [
                {
                    "locatie": p.locatie.naam,
                    "code": p.locatie.gemeente.code,
                    "gemeente": p.locatie.gemeente.naam,
                    "plaatsen": p.plaatsen,
                    "tot_en_met": p.tot_en_met,
                    "status": p.get_status_display(),
                }
                for p in beeld.contract_eindigt
            ],
            titel=_("Contracts ending soon"),
        ),
        "vol": tabel_van(
            "vol",
            {
                "gebied": TekstKolom(_("Area")),
                "peildatum": DatumKolom(_("Reference date")),
                "goo_totaal": GetalKolom(_("GOO places, total")),
                "goo_bezet": GetalKolom(_("Occupied")),
                "procent": GetalKolom("%", procent=True),
            },
            [
                {
                    "gebied": b.regel.naam,
                    "peildatum": b.regel.cijfer("bezet").peildatum,
                    "goo_totaal": b.regel.waarde("realisatie"),
                    "goo_bezet": b.regel.waarde("bezet"),
                    "procent": b.procent,
                }
                for b in beeld.bijna_vol
            ],
            titel=_("Ukraine locations nearly full"),
        ),
        "volledigheid": tabel_van(
            "volledigheid",
            {
                "soort": TekstKolom(_("Target")),
                "niveau": TekstKolom(_("Figures given per")),
                "geleverd": GetalKolom(_("Delivered")),
                "totaal": GetalKolom(_("Areas")),
                "ontbrekend": TekstKolom(_("Not delivered")),
            },
            [
                {
                    "code": v.soort,
                    "soort": soorten.get(v.soort, v.soort),
                    "niveau": v.niveau,
                    "geleverd": v.geleverd,
                    "totaal": v.totaal,
                    "ontbrekend": ", ".join(v.ontbrekend) or "—",
                }
                for v in beeld.volledigheid
            ],
            titel=_("Completeness"),
            rij_kenmerken=lambda r: {"data-soort": r["code"]},
        ),
    }


def landelijkpagina(beeld) -> Tabellen:
    """The provinces side by side (a column per subject and figure), Nederland last;
    every cell is the province's own total row, Nederland the aggregation's row."""
    from realisatie.landelijk import KOLOMMEN

    titels = {
        "asiel": _("Asylum reception"),
        "oekraine": _("Reception of displaced persons from Ukraine"),
        "statushouders": _("Housing of status holders"),
    }
    velden = {
        "gebied": TekstKolom(_("Province"), accessor="naam", link=lambda r: r.link),
    }
    for soort, sleutels in KOLOMMEN.items():
        blok = beeld.overzichten[0].blok(soort) if beeld.overzichten else None
        kolommen = {k.sleutel: k for k in blok.kolommen} if blok else {}
        for sleutel in sleutels:
            kolom = kolommen.get(sleutel) or Blokkolom(sleutel, sleutel)
            if sleutel == "realisatie":
                # Each province counts by its own rule; the column names none of them.
                kolom = Blokkolom(
                    sleutel,
                    _("Realisation"),
                    _("What counts toward the target, by the province's counting rule."),
                )
            velden[f"{soort}_{sleutel}"] = _LandKolom(soort, kolom, titels[soort])
    rijen = [(o.provincie.code, o.blokken) for o in beeld.overzichten]
    rijen.append(("NL", None))
    return {
        "landelijk": tabel_van(
            "landelijk",
            velden,
            [_Landrij(code, o, beeld) for code, o in rijen],
            titel=_("National overview"),
            rij_kenmerken=lambda r: {"data-code": r.code},
        ),
        **({"besluittabel": _besluittabel(beeld.besluittabel)} if beeld.besluittabel else {}),
    }


class _Landrij:
    """A row of the national table: a province's blocks, or Nederland's totals."""

    def __init__(self, code: str, blokken, beeld):
        self.code = code
        self.blokken = {b.soort: b.totaal for b in blokken} if blokken else beeld.totalen
        self.naam = next(
            (o.provincie.naam for o in beeld.overzichten if o.provincie.code == code),
            _("Netherlands"),
        )
        self.link = reverse("provincie", args=[code]) if blokken else ""


class _LandKolom(CijferKolom):
    def __init__(self, soort: str, kolom: Blokkolom, titel: str):
        super().__init__(kolom)
        self.soort = soort
        self.verbose_name = f"{titel} – {kolom.label}"

    def inhoud(self, record: _Landrij):
        return record.blokken[self.soort].waarde(self.kolom.sleutel)

    def html(self, record: _Landrij):
        from realisatie.templatetags.cijfers import cijfer

        return cijfer(record.blokken[self.soort], self.kolom)


def _besluittabel(t) -> Tabel:
    from prt.formaat import datum_kort

    return tabel_van(
        "besluittabel",
        {
            "provincie": TekstKolom(_("Province")),
            "regulier": GetalKolom(_("Current regular places")),
            "basis": GetalKolom(
                t.basisbesluit.naam if t.basisbesluit else _("Earlier distribution")
            ),
            "extra": GetalKolom(_("Extra places")),
            "opgave": GetalKolom(
                _("Provincial target %(datum)s") % {"datum": datum_kort(t.besluit.streefdatum)}
            ),
            "verhoging": GetalKolom(_("Increase needed")),
        },
        [
            {
                "code": r.provincie.code,
                "provincie": r.provincie.naam,
                "regulier": r.regulier,
                "basis": r.basis,
                "extra": r.extra,
                "opgave": r.opgave,
                "verhoging": r.benodigde_verhoging,
            }
            for r in t.regels
        ],
        titel=t.besluit.naam,
        rij_kenmerken=lambda r: {"data-code": r["code"]},
    )


def _datum(datum) -> str:
    from prt.formaat import datum_kort

    return datum_kort(datum)
