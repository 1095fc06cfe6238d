"""Drill-down, trend, outlook, timeline, signals and the national overview: thin views that
check access, call one selector and render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from realisatie import actueel, bronnen
from realisatie.dashboard import export, grafieken, tables, tijdlijntabel
from realisatie.dashboard.forms import TijdlijnForm, standaardkeuze
from realisatie.dashboard.pagina import dashboard
from realisatie.gemeentebeeld import gemeentebeeld, huidige_gemeente
from realisatie.horizon import OngeldigeHorizon, horizon, standaard_horizon
from realisatie.landelijk import landelijk as landelijk_van
from realisatie.models import Status
from realisatie.signalen import signalen as signalen_van
from realisatie.tijdlijnbeeld import gebieden, gebiedstijdlijn
from realisatie.trend import trend as trend_van
from realisatie.views import (
    Paginakop,
    gekozen_datum,
    leesbare_provincie,
    leesbare_vaststelling,
    met_inhoud,
)
from realisatie.vooruitblik import vooruitblik as vooruitblik_van
from toegang.beleid import is_landelijk, mag_lezen
from vaststellingen import paginas
from vaststellingen.selectors import vastgelegde_trend


@login_required
def gebied(request, code: str, gebied: str):
    datum = gekozen_datum(request.GET.get("peildatum"))
    if gevonden := leesbare_vaststelling(request, code, datum):
        return _vastgesteld_gebied(request, *gevonden, gebied)
    provincie = leesbare_provincie(request, code)
    dag = datum or timezone.localdate()

    def berekend():
        beeld = dashboard(provincie, dag, gebiedcode=gebied)
        if beeld is None:
            raise Http404
        return beeld, tables.gebiedpagina(beeld)

    def maken() -> tuple[str, bytes]:
        beeld, tabellen = berekend()
        context = {
            "dashboard": beeld,
            "overzicht": beeld.overzicht,
            "gekozen": datum,
            "tabellen": tabellen,
        }
        inhoud = render_to_string("realisatie/_gebied_inhoud.html", context, request)
        return beeld.gebied.naam, inhoud.encode()

    # The page itself once per state of the figures (realisatie.actueel); a CSV or a
    # sorted table every time.
    if actueel.gewone_vraag(request, "peildatum"):
        naam, inhoud = actueel.bewaard(
            request, maken, "gebied", code, gebied, request.GET.urlencode()
        )
    elif csv := export.csv_antwoord(request, lambda: berekend()[1], gebied):
        return csv
    else:
        naam, inhoud = maken()
    return met_inhoud(
        request,
        "realisatie/gebied.html",
        {
            "dashboard": {"gebied": {"naam": naam}},
            "overzicht": Paginakop(provincie, dag),
            "gekozen": datum,
        },
        inhoud,
    )


def _vastgesteld_gebied(request, vaststelling, overzicht, code: str):
    """A region on a vastgestelde peildatum: its page as stored at vaststellen."""
    gebied = paginas.gebied(vaststelling, code)
    if gebied is None:
        raise Http404
    if csv := paginas.csv_antwoord(request, vaststelling, code, gebied=code):
        return csv
    kop = {
        "dashboard": {"gebied": gebied},
        "overzicht": overzicht,
        "gekozen": overzicht.datum,
    }
    context = {**kop, "vastgelegd": paginas.Delen(vaststelling, gebied=code)}
    inhoud = paginas.samengesteld(
        vaststelling,
        kop["overzicht"],
        lambda: render_to_string("realisatie/_gebied_inhoud.html", context, request).encode(),
        "realisatie/_gebied_inhoud.html",
        code,
    )
    return met_inhoud(request, "realisatie/gebied.html", kop, inhoud)


@login_required
def gemeente(request, code: str):
    datum = gekozen_datum(request.GET.get("peildatum"))
    gevonden = huidige_gemeente(code, datum or timezone.localdate())
    if gevonden is None:
        raise Http404
    if not mag_lezen(request.user, gevonden.provincie):
        raise PermissionDenied
    dag = datum or timezone.localdate()

    def tabellen_en_beeld():
        beeld = gemeentebeeld(gevonden, dag, vastgelegde_trend(gevonden.provincie))
        return tables.gemeentepagina(beeld), beeld

    def maken() -> bytes:
        tabellen, beeld = tabellen_en_beeld()
        context = {
            "beeld": beeld,
            "gekozen": datum,
            "tabellen": tabellen,
            "overzicht": beeld.overzicht,
            "grafiek_maanden": grafieken.statushouders_per_maand(beeld.maanden),
            "grafieken_trend": [grafieken.trend(r) for r in beeld.trend],
        }
        return render_to_string("realisatie/_gemeente_inhoud.html", context, request).encode()

    # The page itself once per state of the figures (realisatie.actueel); a CSV or a
    # sorted table every time.
    if actueel.gewone_vraag(request, "peildatum"):
        inhoud = actueel.bewaard(request, maken, "gemeente", code, request.GET.urlencode())
    elif csv := export.csv_antwoord(request, lambda: tabellen_en_beeld()[0], code):
        return csv
    else:
        inhoud = maken()
    return met_inhoud(
        request, "realisatie/gemeente.html", {"gemeente": gevonden, "gekozen": datum}, inhoud
    )


@login_required
def trend(request, code: str):
    provincie = leesbare_provincie(request, code)
    naam, reeksen = trend_van(
        provincie, request.GET.get("gebied") or None, vastgelegde_trend(provincie)
    )
    tabellen = tables.trendpagina(reeksen)
    if csv := export.csv_antwoord(request, tabellen, "trend"):
        return csv
    return render(
        request,
        "realisatie/trend.html",
        {
            "provincie": provincie,
            "naam": naam,
            "reeksen": reeksen,
            "grafieken": [grafieken.trend(reeks) for reeks in reeksen],
            "tabellen": tabellen,
        },
    )


@login_required
def vooruitblik(request, code: str):
    provincie = leesbare_provincie(request, code)
    vandaag = timezone.localdate()
    fout = ""
    try:
        eerste, laatste = horizon(request.GET.get("van"), request.GET.get("tot"), vandaag=vandaag)
    except OngeldigeHorizon as reden:
        if request.GET.get("_export") == "csv":
            raise Http404(str(reden)) from None
        eerste, laatste = standaard_horizon(vandaag)
        fout = str(reden)
    # Options to extend a contract count only when asked (issue 15).
    met_verlenging = request.GET.get("verlenging") == "1"
    beeld = vooruitblik_van(provincie, eerste, laatste, met_verlenging=met_verlenging)
    tabellen = tables.vooruitblikpagina(beeld)
    if csv := export.csv_antwoord(request, tabellen, code):
        return csv
    return render(
        request,
        "realisatie/vooruitblik.html",
        {
            "provincie": provincie,
            "beeld": beeld,
            "van": eerste,
            "tot": laatste,
            "grafiek": grafieken.vooruitblik(beeld),
            "tabellen": tabellen,
            "fout": fout,
            "met_verlenging": met_verlenging,
        },
        status=400 if fout else 200,
    )


@login_required
def tijdlijn(request, code: str):
    provincie = leesbare_provincie(request, code)
    vandaag = timezone.localdate()
    form = TijdlijnForm(
        request.GET,
        gebieden=gebieden(provincie, vandaag),
        soorten=bronnen.soorten_in_register(provincie),
        standaard=standaardkeuze(provincie.code, vandaag),
    )
    beeld = tabellen = None
    if form.is_valid():
        beeld = gebiedstijdlijn(provincie, **form.keuze())
        if beeld is None:
            raise Http404
        tabellen = tijdlijntabel.tijdlijnpagina(beeld)
    elif request.GET.get("_export"):
        raise Http404(" ".join(str(f) for fouten in form.errors.values() for f in fouten))
    if tabellen is not None:
        if csv := export.csv_antwoord(request, tabellen, f"tijdlijn-{beeld.gebied.code}"):
            return csv
        if request.GET.get("_export") == "xlsx":
            return tijdlijntabel.xlsx_antwoord(beeld, tabellen[tijdlijntabel.TABEL])
    return render(
        request,
        "realisatie/tijdlijn.html",
        {
            "provincie": provincie,
            "form": form,
            "beeld": beeld,
            "grafiek": grafieken.tijdlijn(beeld.tijdlijn) if beeld else None,
            "statussen": [Status(s).label for s in beeld.statussen] if beeld else [],
            "tabellen": tabellen,
        },
        status=200 if beeld else 400,
    )


@login_required
def signalen(request, code: str):
    provincie = leesbare_provincie(request, code)
    datum = gekozen_datum(request.GET.get("peildatum"))
    try:
        maanden = int(request.GET.get("maanden") or 6)
    except ValueError:
        maanden = 6
    maanden = min(max(maanden, 1), 36)
    beeld = signalen_van(provincie, datum or timezone.localdate(), maanden)
    tabellen = tables.signalenpagina(beeld)
    if csv := export.csv_antwoord(request, tabellen, code):
        return csv
    return render(
        request,
        "realisatie/signalen.html",
        {"provincie": provincie, "beeld": beeld, "tabellen": tabellen},
    )


@login_required
def landelijk(request):
    if not is_landelijk(request.user):
        raise PermissionDenied
    datum = gekozen_datum(request.GET.get("peildatum"))
    beeld = landelijk_van(datum or timezone.localdate())
    tabellen = tables.landelijkpagina(beeld)
    if csv := export.csv_antwoord(request, tabellen, "NL"):
        return csv
    return render(
        request,
        "realisatie/landelijk.html",
        {"beeld": beeld, "gekozen": datum, "tabellen": tabellen},
    )
