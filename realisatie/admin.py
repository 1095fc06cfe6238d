from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from realisatie.invoer.services import (
    huisvesting_vergrendeld_melding,
    peildatum_wijzigen,
    register_melding,
)
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    Locatieaandeel,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from realisatie.vastgesteld import gedekte_peildata, geraakte_peildata

GEBIED = ["provincie", "veiligheidsregio", "subregio", "gemeente"]


class OpenPeildatumForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        peildatum = data.get("peildatum")
        if peildatum is not None and peildatum.is_vastgesteld:
            raise forms.ValidationError(
                _("This reference date has been adopted; reopen it before changing its figures.")
            )
        return data


class VersieOphogen(SimpleHistoryAdmin):
    def save_model(self, request, obj, form, change):
        if change:
            obj.versie = type(obj).objects.filter(pk=obj.pk).values_list("versie", flat=True)[0] + 1
        super().save_model(request, obj, form, change)


class VastgesteldAlleenLezen(VersieOphogen):
    """Figures of a vastgestelde peildatum are read-only here too, until it is reopened;
    every save raises `versie`, so an open entry form sees the change as a conflict."""

    form = OpenPeildatumForm

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.peildatum.is_vastgesteld:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.peildatum.is_vastgesteld:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Peildatum)
class PeildatumAdmin(SimpleHistoryAdmin):
    """A vastgestelde peildatum keeps its date and province (read-only here, and the
    service refuses the change); changes go through `peildatum_wijzigen`."""

    list_display = ["provincie", "datum", "omschrijving", "vastgesteld_op"]
    list_filter = ["provincie"]
    readonly_fields = ["vastgesteld_op", "vastgesteld_door"]

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_vastgesteld:
            velden += ["provincie", "datum"]
        return velden

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        try:
            peildatum_wijzigen(
                peildatum=obj,
                door=request.user,
                datum=obj.datum,
                provincie=obj.provincie,
                omschrijving=obj.omschrijving,
            )
        except ValidationError as fout:
            # Read-only fields make this rare (a vaststelling in between): say so.
            self.message_user(request, " ".join(fout.messages), messages.ERROR)


def _vastgestelde_data(*gemeenten) -> list:
    provincies = {g.provincie_id for g in gemeenten if g is not None}
    peildata = Peildatum.objects.filter(provincie__in=provincies).vastgesteld()
    return list(peildata.values_list("datum", flat=True))


class RegisterPerioden(forms.BaseInlineFormSet):
    """No added, changed or deleted period may alter a vastgestelde peildatum."""

    def clean(self):
        super().clean()
        data = _vastgestelde_data(getattr(self.instance, "gemeente", None))
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.has_changed():
                continue
            oud = Capaciteitsperiode.objects.filter(pk=form.instance.pk).first()
            verwijderd = form.cleaned_data.get("DELETE")
            nieuw = (
                None
                if verwijderd
                else Capaciteitsperiode(
                    **{
                        veld: form.cleaned_data.get(veld)
                        for veld in (
                            "plaatsen",
                            "geschat",
                            "waarvan_amv",
                            "status",
                            "van",
                            "tot_en_met",
                            "soort",
                            "beheerder",
                        )
                    }
                )
            )
            if nieuw is not None and nieuw.van is None:
                continue  # the field errors say what is missing
            if geraakt := geraakte_peildata(oud, nieuw, data):
                raise forms.ValidationError(register_melding(geraakt))


class CapaciteitsperiodeInline(admin.TabularInline):
    model = Capaciteitsperiode
    formset = RegisterPerioden
    extra = 0


class LocatieaandeelInline(admin.TabularInline):
    """Shares are read-only here: they change through `locatie_aandelen_vastleggen`,
    which checks that they add up to the whole."""

    model = Locatieaandeel
    extra = 0
    can_delete = False
    readonly_fields = ["gemeente", "plaatsen", "percentage"]

    def has_add_permission(self, request, obj=None):
        return False


class OpvanglocatieForm(forms.ModelForm):
    """Moving a location to another gemeente moves its places on every date its periods
    cover: refused where that is a vastgestelde peildatum."""

    def clean(self):
        data = super().clean()
        locatie = self.instance
        if locatie.pk is None:
            return data
        oud = Opvanglocatie.objects.get(pk=locatie.pk)
        if oud.gemeente != data.get("gemeente"):
            vastgesteld = _vastgestelde_data(oud.gemeente, data.get("gemeente"))
            if gedekt := gedekte_peildata(oud.perioden.all(), vastgesteld):
                raise forms.ValidationError(register_melding(gedekt))
        return data


@admin.register(Opvanglocatie)
class OpvanglocatieAdmin(VersieOphogen):
    form = OpvanglocatieForm
    list_display = ["naam", "gemeente"]
    list_filter = ["perioden__soort", "perioden__beheerder", "gemeente__provincie"]
    search_fields = ["naam", "gemeente__naam"]
    autocomplete_fields = ["gemeente"]
    inlines = [CapaciteitsperiodeInline, LocatieaandeelInline]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and gedekte_peildata(
            obj.perioden.all(), _vastgestelde_data(obj.gemeente)
        ):
            return False  # deleting would empty the register on a vastgestelde peildatum
        return super().has_delete_permission(request, obj)


@admin.register(AsielTelling)
class AsielTellingAdmin(VastgesteldAlleenLezen):
    list_display = ["peildatum", "datum", *GEBIED, "regulier", "noodopvang", "tgo", "waarvan_amv"]
    list_filter = ["peildatum__provincie"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["peildatum__provincie", *GEBIED]


@admin.register(OekraineTelling)
class OekraineTellingAdmin(VastgesteldAlleenLezen):
    list_display = ["peildatum", *GEBIED, "goo_totaal", "goo_bezet", "goo_beschikbaar", "poo"]
    list_filter = ["peildatum__provincie"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["peildatum__provincie", *GEBIED]


class OpenPeriodeForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        tot_en_met = data.get("tot_en_met")
        gebied = Huisvesting(**{veld: data.get(veld) for veld in GEBIED})
        if tot_en_met is None or not any(data.get(veld) for veld in GEBIED):
            return data
        peildata = Peildatum.objects.vergrendelt_periode(gebied.gebied_provincie, tot_en_met)
        if peildata:
            raise forms.ValidationError(
                huisvesting_vergrendeld_melding(data.get("van") or tot_en_met, tot_en_met, peildata)
            )
        return data


@admin.register(Huisvesting)
class HuisvestingAdmin(VersieOphogen):
    """Months that count towards a vastgestelde peildatum are read-only here too."""

    form = OpenPeriodeForm
    list_display = [*GEBIED, "van", "tot_en_met", "gehuisvest", "waarvan_amv"]
    autocomplete_fields = ["gemeente"]
    list_select_related = GEBIED

    @staticmethod
    def _vergrendeld(obj) -> bool:
        return Peildatum.objects.vergrendelt_periode(obj.gebied_provincie, obj.tot_en_met).exists()

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._vergrendeld(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._vergrendeld(obj):
            return False
        return super().has_delete_permission(request, obj)
