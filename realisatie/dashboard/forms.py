"""The choice of a timeline (area, range, step, statuses): one form for the page and the
API, so both refuse the same choices with the same Dutch message."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gemeenten.boom import Knoop
from prt.formaat import datum_kort
from realisatie.capaciteit import STATUSSEN
from realisatie.models import Status
from realisatie.tijdlijn import MAX_STAPPEN, Stap, TeVeelStappen, stappen
from realisatie.views import DATUMBEREIK

STAPKEUZES = (
    (Stap.MAAND, _("month")),
    (Stap.HALVE_MAAND, _("half month")),
    (Stap.KWARTAAL, _("quarter")),
)


def standaardkeuze(gebiedcode: str, vandaag: datetime.date) -> dict[str, object]:
    """A year from the first of this month, per month, every status."""
    begin = vandaag.replace(day=1)
    return {
        "gebied": gebiedcode,
        "van": begin.isoformat(),
        "tot": begin.replace(year=begin.year + 1).isoformat(),
        "stap": Stap.MAAND,
    }


class TijdlijnForm(forms.Form):
    gebied = forms.ChoiceField(label=_("Area"))
    van = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("Through"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    stap = forms.ChoiceField(label=_("Step"), choices=STAPKEUZES)
    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=Status.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every status."),
    )
    soort = forms.MultipleChoiceField(
        label=_("Type"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every type."),
    )
    verlenging = forms.BooleanField(label=_("With options to extend"), required=False)

    def __init__(
        self,
        data,
        *,
        gebieden: list[Knoop],
        soorten: list[str],
        standaard: dict[str, object],
    ):
        lijsten = ("status", "soort")
        gegeven = {k: v for k, v in data.items() if k in self.base_fields and k not in lijsten}
        volledig = {**standaard, **{k: v for k, v in gegeven.items() if v}}
        for naam in lijsten:
            volledig[naam] = list(
                (data.getlist(naam) if hasattr(data, "getlist") else data.get(naam)) or []
            )
        super().__init__(volledig)
        self.fields["soort"].choices = [(s, s) for s in soorten]
        self.fields["gebied"].choices = [
            (k.code, "\u00a0\u00a0" * k.diepte + k.naam) for k in gebieden
        ]

    def clean(self):
        gegevens = super().clean()
        van, tot, stap = gegevens.get("van"), gegevens.get("tot"), gegevens.get("stap")
        laagste, hoogste = DATUMBEREIK
        for veld, dag in (("van", van), ("tot", tot)):
            if dag is not None and not laagste <= dag <= hoogste:
                self.add_error(
                    veld,
                    _("Choose a date between %(from)s and %(to)s.")
                    % {"from": datum_kort(laagste), "to": datum_kort(hoogste)},
                )
                return gegevens
        if van is None or tot is None or stap is None:
            return gegevens
        if tot < van:
            self.add_error("tot", _("The end date lies before the start date."))
            return gegevens
        try:
            stappen(van, tot, stap)
        except TeVeelStappen:
            raise ValidationError(
                _("Choose at most %(count)s steps: a shorter range or a larger step."),
                code="te_veel_stappen",
                params={"count": MAX_STAPPEN},
            ) from None
        return gegevens

    @property
    def statussen(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data.get("status") or STATUSSEN)

    @property
    def soorten(self) -> tuple[str, ...]:
        """The soorten chosen; empty: every soort."""
        return tuple(self.cleaned_data.get("soort") or ())

    def keuze(self) -> dict:
        """The valid choice as the arguments of `tijdlijnbeeld.gebiedstijdlijn`, so the
        page and the API ask for the same timeline."""
        return {
            "gebiedcode": self.cleaned_data["gebied"],
            "begin": self.cleaned_data["van"],
            "einde": self.cleaned_data["tot"],
            "stap": self.cleaned_data["stap"],
            "statussen": self.statussen,
            "soorten": self.soorten,
            "met_verlenging": self.cleaned_data["verlenging"],
        }
