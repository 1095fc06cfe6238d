"""Forms of the entry grid: one small form per gemeente row, prefixed with its CBS code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from opgaven.models import Opgavesoort
from opgaven.services import TaakstellingRij
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij
from realisatie.models import Beheerder, Opvangsoort, Status


def _aantal(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "getal", "size": 6}),
    )


class RijForm(forms.Form):
    """A row of the grid; `rij_klasse` turns the cleaned data into the service's row."""

    rij_klasse: type
    versie = forms.IntegerField(required=False, widget=forms.HiddenInput)
    toelichting = forms.CharField(
        label=_("explanation"),
        required=False,
        widget=forms.TextInput(attrs={"class": "toelichting", "size": 24}),
    )

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, prefix=gemeente.code, **kwargs)
        self.gemeente = gemeente
        self.servicefouten: list[str] = []
        self.bevestigen: list[str] = []

    def getalvelden(self):
        return [self[veld] for veld in self.rij_klasse.WAARDEN]

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


class PeildatumForm(forms.Form):
    datum = forms.DateField(
        label=_("Reference date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    omschrijving = forms.CharField(label=_("Description"), required=False, max_length=200)


class HeropenenForm(forms.Form):
    reden = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class LocatieForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    naam = forms.CharField(label=_("Name"), max_length=200)
    soort = forms.ChoiceField(label=_("Type"), choices=Opvangsoort.choices)
    beheerder = forms.ChoiceField(label=_("Operator"), choices=Beheerder.choices)
    opmerkingen = forms.CharField(
        label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versie = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class PeriodeForm(forms.Form):
    plaatsen = forms.IntegerField(label=_("Places"), min_value=0)
    waarvan_amv = forms.IntegerField(
        label=_("Of which unaccompanied minors"), min_value=0, initial=0
    )
    van = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    tot_en_met = forms.DateField(
        label=_("Through (contract end)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


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
    naam = forms.CharField(label=_("Name"), max_length=200)
    bron = forms.CharField(label=_("Source"), max_length=300)
    streefdatum = _datum(_("Target date (asylum and Ukraine)"), required=False)
    halfjaar = forms.CharField(
        label=_("Half year (status holders), e.g. 2024-I"), required=False, max_length=7
    )
    besluitdatum = _datum(_("Decision date"), required=False)
    landelijk_totaal = forms.IntegerField(label=_("National total"), required=False, min_value=0)
    landelijk_amv = forms.IntegerField(
        label=_("Of which unaccompanied minors (national)"), required=False, min_value=0
    )
    toelichting = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TaakstellingRijForm(RijForm):
    """One gemeente's taakstelling of a half year, with the carried stand."""

    rij_klasse = TaakstellingRij
    WAARDEN = ("aantal", "waarvan_amv", "stand_begin")
    aantal = _aantal(_("housing target"))
    waarvan_amv = _aantal(_("of which unaccompanied minors (Nidos)"))
    stand_begin = forms.IntegerField(
        label=_("lead (-) / backlog (+) at the start"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "getal", "size": 6}),
    )

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
    aantal = forms.IntegerField(label=_("Number"))
    begin = _datum(_("Start date"))
    einde = _datum(_("End date"), required=False)
    toelichting = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
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
        choices=Opvangsoort.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    bron = forms.CharField(label=_("Source (plan or decision)"), required=False, max_length=300)

    def __init__(self, *args, besluiten, beheerder: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].queryset = besluiten
        if not beheerder:
            del self.fields["voor_iedereen"]
