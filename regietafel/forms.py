"""Forms of the regietafel pages: they only parse input; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel.models import (
    Actiestatus,
    Knelpunt,
    Knelpuntstatus,
    Knelpuntthema,
    Mijlpaalstatus,
    Toezichtregime,
    Vergadering,
    Verzoek,
    Verzoeksoort,
    Verzoekstatus,
)


def _datum(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _tekstvak(label, *, required: bool = True, rijen: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rijen, "cols": 60})
    )


class PeildatumKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Peildatum) -> str:
        tekst = f"{obj.datum:%-d-%-m-%Y}"
        return f"{tekst} ({obj.omschrijving})" if obj.omschrijving else tekst


class VergaderingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Vergadering) -> str:
        return f"{obj.datum:%-d-%-m-%Y} {obj.omschrijving}".strip()


class ProvincieForm(forms.Form):
    """A form whose choices are limited to one province's rows."""

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        self.provincie = provincie
        if "peildatum" in self.fields:
            self.fields["peildatum"].queryset = Peildatum.objects.filter(provincie=provincie)
        if "veiligheidsregio" in self.fields:
            self.fields["veiligheidsregio"].queryset = Veiligheidsregio.objects.filter(
                provincie=provincie
            )
        if "verzoek" in self.fields:
            self.fields["verzoek"].queryset = Verzoek.objects.filter(provincie=provincie)
        if "knelpunt" in self.fields:
            self.fields["knelpunt"].queryset = Knelpunt.objects.filter(provincie=provincie)
        if "ingebracht_in" in self.fields:
            self.fields["ingebracht_in"].queryset = Vergadering.objects.filter(provincie=provincie)


class VergaderingForm(ProvincieForm):
    datum = _datum(_("Date of the meeting"))
    omschrijving = forms.CharField(label=_("Description"), required=False, max_length=200)
    peildatum = PeildatumKeuze(
        label=_("Reference date discussed"),
        queryset=Peildatum.objects.none(),
        required=False,
        help_text=_("The reference date whose figures this meeting discusses and adopts."),
    )


class VergaderingWijzigenForm(VergaderingForm):
    verslag = _tekstvak(_("Minutes"), required=False, rijen=10)


class AgendapuntForm(ProvincieForm):
    onderwerp = forms.CharField(label=_("Subject"), max_length=300)
    peildatum = PeildatumKeuze(
        label=_("Figures of reference date"), queryset=Peildatum.objects.none(), required=False
    )
    verzoek = forms.ModelChoiceField(
        label=_("Request"), queryset=Verzoek.objects.none(), required=False
    )
    knelpunt = forms.ModelChoiceField(
        label=_("Bottleneck"), queryset=Knelpunt.objects.none(), required=False
    )
    signaal = forms.CharField(label=_("Signal (in words)"), required=False, max_length=300)


class AanwezigeForm(forms.Form):
    naam = forms.CharField(label=_("Name"), max_length=200)
    organisatie = forms.CharField(label=_("Organisation"), max_length=200)
    rol = forms.CharField(label=_("Role"), required=False, max_length=200)


class BesluitForm(forms.Form):
    tekst = _tekstvak(_("Decision"))


class ActieForm(forms.Form):
    tekst = _tekstvak(_("Action"))
    eigenaar = forms.CharField(
        label=_("Owner"),
        max_length=200,
        help_text=_("An organisation or a role, e.g. COA or secretary PRT."),
    )
    termijn = _datum(_("Deadline"), required=False)
    toelichting = _tekstvak(_("Explanation"), required=False, rijen=2)


class ActieWijzigenForm(ActieForm):
    status = forms.ChoiceField(label=_("Status"), choices=Actiestatus.choices)
    status_op = _datum(_("Done or lapsed on"), required=False)


class AfrondenForm(forms.Form):
    op = _datum(_("Done on"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in Actiestatus.choices if c[0] != Actiestatus.OPEN],
        initial=Actiestatus.GEREED,
    )


class VerslagGoedkeurenForm(forms.Form):
    vergadering = VergaderingKeuze(
        label=_("Approve the minutes of the meeting of"), queryset=Vergadering.objects.none()
    )

    def __init__(self, *args, vergadering: Vergadering, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vergadering"].queryset = Vergadering.objects.filter(
            provincie=vergadering.provincie,
            datum__lt=vergadering.datum,
            verslag_goedgekeurd_in__isnull=True,
        ).exclude(verslag="")


class VerzoekForm(ProvincieForm):
    omschrijving = forms.CharField(
        label=_("Request"),
        max_length=300,
        help_text=_("Who asks what, e.g. the letter of the state secretary."),
    )
    soort = forms.ChoiceField(label=_("Kind of places"), choices=Verzoeksoort.choices)
    aantal = forms.IntegerField(label=_("Extra places requested"), min_value=1)
    veiligheidsregio = forms.ModelChoiceField(
        label=_("Safety region"),
        queryset=Veiligheidsregio.objects.none(),
        required=False,
        empty_label=_("the whole province"),
    )
    ontvangen_op = _datum(_("Requested on"))
    uiterlijk = _datum(_("By"))


class VerzoekWijzigenForm(VerzoekForm):
    status = forms.ChoiceField(label=_("Status"), choices=Verzoekstatus.choices)
    antwoord = _tekstvak(_("Answer"), required=False)
    beantwoord_op = _datum(_("Answered on"), required=False)


class KnelpuntForm(ProvincieForm):
    ingebracht_in = VergaderingKeuze(label=_("Raised at"), queryset=Vergadering.objects.none())
    thema = forms.ChoiceField(label=_("Theme"), choices=Knelpuntthema.choices)
    omschrijving = _tekstvak(_("Bottleneck"))


class KnelpuntWijzigenForm(forms.Form):
    thema = forms.ChoiceField(label=_("Theme"), choices=Knelpuntthema.choices)
    omschrijving = _tekstvak(_("Bottleneck"))
    status = forms.ChoiceField(label=_("Status"), choices=Knelpuntstatus.choices)
    geescaleerd_naar = forms.CharField(
        label=_("Escalated to"),
        required=False,
        max_length=200,
        help_text=_("E.g. the national regietafel (LRT)."),
    )
    geescaleerd_op = _datum(_("Escalated on"), required=False)
    antwoord = _tekstvak(_("Answer"), required=False)


class ToezichtForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Municipality"), queryset=Gemeente.objects.none())
    regime = forms.ChoiceField(label=_("Regime"), choices=Toezichtregime.choices)
    sinds = _datum(_("Since"))
    plan_van_aanpak = _tekstvak(_("Plan of action"), required=False)
    toelichting = _tekstvak(_("Explanation"), required=False, rijen=2)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class AfspraakForm(forms.Form):
    omschrijving = forms.CharField(label=_("Agreement"), max_length=300)
    datum = _datum(_("Agreed date"))
    nagekomen_op = _datum(_("Fulfilled on"), required=False)


class CyclusForm(forms.Form):
    cyclus = forms.IntegerField(
        label=_("Cycle (first year)"), min_value=2024, max_value=2100, initial=2024
    )


class MijlpaalForm(forms.Form):
    uiterlijk = _datum(_("By"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Mijlpaalstatus.choices)
    gereed_op = _datum(_("Done on"), required=False)
    toelichting = _tekstvak(_("Explanation"), required=False, rijen=2)


class VerslagdatumForm(forms.Form):
    peildatum = _datum(_("Reference date"))
