"""Forms of the entry grid: one small form per gemeente row, prefixed with its CBS code."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from opgaven.models import Locatiesoort, Opgavesoort
from opgaven.services import TaakstellingRij
from prt.aantallen import MAXIMUM_AANTAL, OngeldigAantal, aantal_lezen, melding
from prt.tekstinvoer import geen_stuurtekens, zichtbare_naam
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij, maandeinde
from realisatie.models import Beheerder, Status

# The largest version number PostgreSQL's integer holds: larger is refused, not a 500.
MAXIMUM_VERSIE = 2**31 - 1


@dataclass(frozen=True)
class Cel:
    veld: forms.BoundField
    waarschuwingen: list[str]
    bevestigen: bool


class AantalField(forms.IntegerField):
    """A count typed the Dutch way ("10.000" is ten thousand, "12,5" is refused), within
    `prt.aantallen.MAXIMUM_AANTAL`; only a carried stand may be negative."""

    def __init__(self, *, negatief: bool = False, **kwargs):
        self.negatief = negatief
        kwargs.setdefault("max_value", MAXIMUM_AANTAL)
        kwargs.setdefault("min_value", -MAXIMUM_AANTAL if negatief else 0)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return aantal_lezen(str(value), negatief=self.negatief)
        except OngeldigAantal as fout:
            raise ValidationError(melding(fout), code="invalid") from None


def _aantal(label, *, negatief: bool = False) -> AantalField:
    return AantalField(
        label=label,
        required=False,
        negatief=negatief,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "getal", "size": 6}),
    )


def _versie(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAXIMUM_VERSIE,
        widget=forms.HiddenInput,
        **kwargs,
    )


class Rij(forms.Form):
    """A row of a grid, prefixed with its area's code.

    Every input is named for assistive technology by its row and column ("Deventer,
    occupied"). The service's messages are put next to their field
    (`grid.resultaat_tonen`); a figure ten times the previous one gets a warning there
    and the row's `bevestigd` checkbox.
    """

    bevestigd = forms.BooleanField(label=_("This figure is correct"), required=False)

    def __init__(self, *args, gemeente, **kwargs):
        kwargs.setdefault("prefix", gemeente.code)
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        self.rijfouten: list[str] = []
        self.waarschuwingen: dict[str, list[str]] = {}
        self.rijwaarschuwingen: list[str] = []
        for veld in self.fields.values():
            if not veld.widget.is_hidden:
                veld.widget.attrs["aria-label"] = f"{gemeente.naam}, {veld.label}"

    def invoervelden(self) -> list[forms.BoundField]:
        raise NotImplementedError

    def cellen(self) -> list[Cel]:
        """The row's input cells, each with its warnings; the first warned cell also
        holds the row's confirmation."""
        velden = self.invoervelden()
        eerste = next((v.name for v in velden if v.name in self.waarschuwingen), None)
        cellen = []
        for veld in velden:
            waarschuwingen = self.waarschuwingen.get(veld.name, [])
            if waarschuwingen and not veld.errors:
                veld.field.widget.attrs["aria-describedby"] = f"{veld.auto_id}_waarschuwing"
            cellen.append(Cel(veld, waarschuwingen, veld.name == eerste))
        return cellen

    def formulierveld(self, sleutel: str) -> str | None:
        """The field of this form a service message about `sleutel` belongs to."""
        return sleutel if sleutel in self.fields else None


class RijForm(Rij):
    """A row of figures; `rij_klasse` turns the cleaned data into the service's row."""

    rij_klasse: type
    versie = _versie()
    toelichting = forms.CharField(
        label=_("explanation"),
        required=False,
        validators=[geen_stuurtekens],
        widget=forms.TextInput(attrs={"class": "toelichting", "size": 24}),
    )

    def getalvelden(self):
        return [self[veld] for veld in self.rij_klasse.WAARDEN]

    def invoervelden(self):
        return [*self.getalvelden(), self["toelichting"]]

    def rij(self):
        data = self.cleaned_data
        return self.rij_klasse(
            gemeente=self.gemeente.code,
            toelichting=data.get("toelichting") or "",
            versie=data.get("versie"),
            **{veld: data.get(veld) for veld in self.rij_klasse.WAARDEN},
        )


class OekraineRijForm(RijForm):
    rij_klasse = OekraineRij
    goo_totaal = _aantal(_("GOO places, total"))
    goo_bezet = _aantal(_("occupied"))
    goo_beschikbaar = _aantal(_("actually available"))
    poo = _aantal(_("POO (private)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["poo"].widget.attrs["placeholder"] = _("not registered")


class AsielRijForm(RijForm):
    rij_klasse = AsielRij
    regulier = _aantal(_("regular (RO)"))
    noodopvang = _aantal(_("emergency reception (NO)"))
    tgo = _aantal(_("TGO"))
    crisisnoodopvang = _aantal(_("crisis (CNO)"))
    overig = _aantal(_("other"))
    waarvan_amv = _aantal(_("of which unaccompanied minors"))


class HuisvestingRijForm(RijForm):
    """Statushouders housed in one month; the month comes from the page."""

    rij_klasse = HuisvestingRij
    gehuisvest = _aantal(_("housed"))
    waarvan_amv = _aantal(_("of which unaccompanied minors (Nidos)"))

    def __init__(self, *args, van, tot_en_met, **kwargs):
        super().__init__(*args, **kwargs)
        self.van, self.tot_en_met = van, tot_en_met

    def formulierveld(self, sleutel: str) -> str | None:
        # The service names a month's field "gehuisvest:2024-03".
        return super().formulierveld(sleutel.split(":")[0])

    def rij(self):
        data = self.cleaned_data
        return HuisvestingRij(
            gemeente=self.gemeente.code,
            van=self.van,
            tot_en_met=self.tot_en_met,
            gehuisvest=data.get("gehuisvest"),
            waarvan_amv=data.get("waarvan_amv"),
            toelichting=data.get("toelichting") or "",
            versie=data.get("versie"),
        )


def maandveld(maand: datetime.date) -> str:
    return f"{maand:%Y-%m}"


class HalfjaarRijForm(Rij):
    """One gemeente's statushouders housed in each month of a half year: the table PRT
    secretaries keep. A month's "of which amv" and explanation are kept as saved (the
    month page edits them); a month a vastgestelde peildatum counts is read-only."""

    def __init__(self, *args, maanden, vergrendeld=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.maanden = list(maanden)
        for maand in self.maanden:
            veld = _aantal(date_format(maand, "F Y"))
            veld.widget.attrs["aria-label"] = f"{self.gemeente.naam}, {veld.label}"
            if maand in vergrendeld:
                veld.widget.attrs["readonly"] = True
            self.fields[maandveld(maand)] = veld
            self.fields[f"versie-{maandveld(maand)}"] = _versie()

    def invoervelden(self):
        return [self[maandveld(maand)] for maand in self.maanden]

    def versievelden(self):
        return [self[f"versie-{maandveld(maand)}"] for maand in self.maanden]

    def formulierveld(self, sleutel: str) -> str | None:
        # The service names a month's fields "gehuisvest:2024-03", "waarvan_amv:2024-03".
        return super().formulierveld(sleutel.split(":")[-1])

    @staticmethod
    def beginwaarden(opgeslagen: dict[datetime.date, object]) -> dict:
        begin = {}
        for maand, telling in opgeslagen.items():
            begin[maandveld(maand)] = telling.gehuisvest
            begin[f"versie-{maandveld(maand)}"] = telling.versie
        return begin

    def rijen(self, opgeslagen: dict[datetime.date, object]) -> list[HuisvestingRij]:
        """A service row per month with a figure, typed or saved; a month left empty
        that has no figure stays "not registered"."""
        rijen = []
        for maand in self.maanden:
            waarde = self.cleaned_data.get(maandveld(maand))
            versie = self.cleaned_data.get(f"versie-{maandveld(maand)}")
            telling = opgeslagen.get(maand)
            if waarde is None and telling is None and versie is None:
                continue
            rijen.append(
                HuisvestingRij(
                    gemeente=self.gemeente.code,
                    van=maand,
                    tot_en_met=maandeinde(maand),
                    gehuisvest=waarde,
                    waarvan_amv=telling.waarvan_amv if telling else None,
                    toelichting=telling.toelichting if telling else "",
                    versie=versie,
                )
            )
        return rijen


class PeildatumForm(forms.Form):
    datum = forms.DateField(
        label=_("Reference date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    omschrijving = forms.CharField(
        label=_("Description"), required=False, max_length=200, validators=[geen_stuurtekens]
    )


class HeropenenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), validators=[geen_stuurtekens]
    )


class LocatieForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    naam = forms.CharField(label=_("Name"), max_length=200, validators=[zichtbare_naam])
    opmerkingen = forms.CharField(
        label=_("Remarks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[geen_stuurtekens],
    )
    versie = _versie(
        error_messages={
            "required": _(
                "This form is out of date (its version is missing); reload the page and "
                "make your change again."
            )
        }
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        # Editing an existing location: without the version read, a lost update goes unseen.
        self.fields["versie"].required = self.initial.get("versie") is not None


class PeriodeForm(forms.Form):
    """A capacity period with its kind and manager, and the uncertain forms a source
    uses: places unknown (empty) or estimated, an end unknown or with an option to
    extend, and a "pm" remark."""

    soort = forms.ModelChoiceField(
        label=_("Type"), queryset=Locatiesoort.objects.all(), to_field_name="code"
    )
    beheerder = forms.ChoiceField(label=_("Operator"), choices=Beheerder.choices)
    plaatsen = AantalField(
        label=_("Places"), required=False, help_text=_("Leave empty when not yet known.")
    )
    geschat = forms.BooleanField(label=_("The number of places is an estimate"), required=False)
    waarvan_amv = AantalField(label=_("Of which unaccompanied minors"), initial=0)
    van = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    tot_en_met = forms.DateField(
        label=_("Through (contract end)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: indefinite, unless the end is unknown."),
    )
    einde_onbekend = forms.BooleanField(label=_("The end date is not known yet"), required=False)
    verlengbaar_tot = forms.DateField(
        label=_("Extendable until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    pm = forms.CharField(
        label=_("p.m. remark"), required=False, max_length=500, validators=[geen_stuurtekens]
    )

    def clean(self):
        data = super().clean()
        if isinstance(data.get("soort"), Locatiesoort):
            data["soort"] = data["soort"].code
        return data


class AandelenForm(forms.Form):
    """The shares of a shared location, one line per gemeente: "GM0228 50%" or
    "GM0289 120" (places). Checked by `locatie_aandelen_vastleggen`."""

    regels = forms.CharField(
        label=_("Shares (one line per municipality: CBS code and percentage or places)"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 30}),
    )


class BeeindigenForm(forms.Form):
    per = forms.DateField(label=_("End on"), widget=forms.DateInput(attrs={"type": "date"}))


class OpgavenPlakkenForm(forms.Form):
    besluit = forms.ModelChoiceField(label=_("Decision"), queryset=None)
    tekst = forms.CharField(
        label=_("CBS code and number per line (paste two columns from Excel)"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 40}),
    )

    def __init__(self, *args, besluiten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].queryset = besluiten


def _datum(label, *, required=True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class OpgavebesluitForm(forms.Form):
    """A besluit: a target date for asiel and Oekraïne, a half year for statushouders."""

    soort = forms.ChoiceField(label=_("Target"), choices=Opgavesoort.choices)
    naam = forms.CharField(label=_("Name"), max_length=200, validators=[zichtbare_naam])
    bron = forms.CharField(label=_("Source"), max_length=300, validators=[zichtbare_naam])
    streefdatum = _datum(_("Target date (asylum and Ukraine)"), required=False)
    halfjaar = forms.CharField(
        label=_("Half year (status holders), e.g. 2024-I"), required=False, max_length=7
    )
    besluitdatum = _datum(_("Decision date"))
    landelijk_totaal = AantalField(label=_("National total"), required=False)
    landelijk_amv = AantalField(label=_("Of which unaccompanied minors (national)"), required=False)
    toelichting = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[geen_stuurtekens],
    )


class TaakstellingRijForm(RijForm):
    """One gemeente's taakstelling of a half year, with the carried stand."""

    rij_klasse = TaakstellingRij
    WAARDEN = ("aantal", "waarvan_amv", "stand_begin")
    aantal = _aantal(_("housing target"))
    waarvan_amv = _aantal(_("of which unaccompanied minors (Nidos)"))
    stand_begin = _aantal(_("lead (-) / backlog (+) at the start"), negatief=True)

    def getalvelden(self):
        return [self[veld] for veld in self.WAARDEN]

    def is_leeg(self) -> bool:
        """Nothing entered in a row that has no stored taakstelling: skip it."""
        data = self.cleaned_data
        return data.get("versie") is None and all(
            data.get(veld) in (None, "") for veld in (*self.WAARDEN, "toelichting")
        )

    def rij(self):
        data = self.cleaned_data
        return TaakstellingRij(
            gemeente=self.gemeente.code,
            aantal=data.get("aantal"),
            waarvan_amv=data.get("waarvan_amv"),
            stand_begin=data.get("stand_begin"),
            toelichting=data.get("toelichting") or "",
            versie=data.get("versie"),
        )


class UitruilForm(forms.Form):
    """Van and naar may lie in different provinces."""

    soort = forms.ChoiceField(
        label=_("Target"),
        choices=[(s.value, s.label) for s in (Opgavesoort.ASIEL, Opgavesoort.OEKRAINE)],
    )
    van_gemeente = forms.ModelChoiceField(label=_("From municipality"), queryset=None)
    naar_gemeente = forms.ModelChoiceField(label=_("To municipality"), queryset=None)
    aantal = AantalField(label=_("Number"))
    begin = _datum(_("Start date"))
    einde = _datum(_("End date"), required=False)
    toelichting = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[geen_stuurtekens],
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van_gemeente"].queryset = gemeenten
        self.fields["naar_gemeente"].queryset = gemeenten


class TelregelForm(forms.Form):
    """Which soorten count toward an asiel opgave in this province (or everywhere)."""

    besluit = forms.ModelChoiceField(label=_("Asylum target decision"), queryset=None)
    voor_iedereen = forms.BooleanField(
        label=_("For the decision itself (every province without a rule of its own)"),
        required=False,
    )
    soorten = forms.MultipleChoiceField(
        label=_("Types that count toward the target"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    bron = forms.CharField(label=_("Source (plan or decision)"), required=False, max_length=300)

    def __init__(self, *args, besluiten, beheerder: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].queryset = besluiten
        self.fields["soorten"].choices = [
            (s.code, s.naam) for s in Locatiesoort.objects.filter(opgave=Opgavesoort.ASIEL)
        ]
        if not beheerder:
            del self.fields["voor_iedereen"]
