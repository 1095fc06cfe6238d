"""Realisatie: what has been achieved, per peildatum, gemeente and opvanglocatie.

Unknown is not 0: every count a source may leave out is nullable, and `None` stays
`None` through every total (see `realisatie.aggregatie`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.models import (
    Gebiedsgebonden,
    Gemeente,
    Provincie,
    aantallen_begrensd,
    begrensd,
    gebied_constraints,
)
from opgaven.models import Locatiesoort
from opgaven.models import (
    Opvangsoort as Opvangsoort,  # re-exported: the API schema and imports use it
)
from prt.formaat import datum_kort
from prt.tekstinvoer import geen_stuurtekens, zichtbare_naam
from realisatie import capaciteit
from realisatie.query import PeildatumQuerySet, TellingQuerySet


class Peildatum(models.Model):
    """The reference date of a set of figures of one province.

    Once vastgesteld (after the PRT discussed it) its figures are read-only; a later
    correction is an explicit, logged reopening.
    """

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="peildata", verbose_name=_("province")
    )
    datum = models.DateField(_("reference date"))
    omschrijving = models.CharField(
        _("description"), max_length=200, blank=True, validators=[geen_stuurtekens]
    )
    vastgesteld_op = models.DateTimeField(_("adopted on"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )

    history = HistoricalRecords()
    objects = PeildatumQuerySet.as_manager()

    class Meta:
        verbose_name = _("reference date")
        verbose_name_plural = _("reference dates")
        ordering = ["provincie", "-datum"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "datum"], name="peildatum_uniek"),
            models.CheckConstraint(
                condition=Q(vastgesteld_op__isnull=True, vastgesteld_door__isnull=True)
                | Q(vastgesteld_op__isnull=False),
                name="peildatum_vastgesteld_met_tijdstip",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie} {datum_kort(self.datum)}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.vastgesteld_op is not None


class Status(models.TextChoices):
    """How far a capacity period is: the values of `realisatie.capaciteit`."""

    GEREALISEERD = capaciteit.GEREALISEERD, _("realised")
    GEPLAND = capaciteit.GEPLAND, _("planned (firm plan)")
    VOORGENOMEN = capaciteit.VOORGENOMEN, _("intended (decision to follow)")


class Beheerder(models.TextChoices):
    # Translators: the Centraal Orgaan opvang asielzoekers, a name.
    COA = "coa", _("COA")
    GEMEENTE = "gemeente", _("municipality")


class Opvanglocatie(models.Model):
    """A reception location. Its kind and manager can change over time, so they sit on
    its periods (a crisisnoodopvang that becomes noodopvang and then regular reception is
    one location with three periods). `gemeente` is the gemeente that keeps the location
    in the register (its province edits it); the places belong to the gemeenten of its
    shares (`Locatieaandeel`), by default all to this gemeente.
    """

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="opvanglocaties",
        verbose_name=_("municipality"),
    )
    naam = models.CharField(_("name"), max_length=200, validators=[zichtbare_naam])
    opmerkingen = models.TextField(_("remarks"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reception location")
        verbose_name_plural = _("reception locations")
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="opvanglocatie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente})"


class Locatieaandeel(models.Model):
    """The share of a gemeente in a location run jointly by several gemeenten: a number
    of places or a percentage. The shares of a location are all of one kind and add up
    to the whole (`realisatie.aandelen`; checked by `locatie_aandelen_vastleggen`)."""

    locatie = models.ForeignKey(
        Opvanglocatie,
        on_delete=models.CASCADE,
        related_name="aandelen",
        verbose_name=_("reception location"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="locatieaandelen",
        verbose_name=_("municipality"),
    )
    plaatsen = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[begrensd]
    )
    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("share in a location")
        verbose_name_plural = _("shares in a location")
        ordering = ["locatie", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["locatie", "gemeente"], name="locatieaandeel_uniek"),
            models.CheckConstraint(
                condition=Q(plaatsen__isnull=False, percentage__isnull=True)
                | Q(plaatsen__isnull=True, percentage__isnull=False),
                name="locatieaandeel_plaatsen_of_percentage",
            ),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True) | Q(percentage__gt=0, percentage__lte=100),
                name="locatieaandeel_percentage_tot_honderd",
            ),
            *aantallen_begrensd("locatieaandeel", "plaatsen"),
        ]

    def __str__(self) -> str:
        deel = f"{self.percentage}%" if self.percentage is not None else f"{self.plaatsen}"
        return f"{self.locatie}: {self.gemeente} {deel}"


class Capaciteitsperiode(models.Model):
    """Capacity of a location for a period, with its kind and manager in that period; an
    extension or a change of kind is a period of its own.

    Uncertain values stay uncertain: `plaatsen` empty is unknown (not 0), `geschat`
    marks an estimate ("100?"), `einde_onbekend` an end that is not known ("beschikbaar
    tot?") as against an empty `tot_en_met` that means indefinite, `verlengbaar_tot` an
    option to extend, and `pm` the "p.m." remarks of the source.
    """

    locatie = models.ForeignKey(
        Opvanglocatie,
        on_delete=models.CASCADE,
        related_name="perioden",
        verbose_name=_("reception location"),
    )
    soort = models.ForeignKey(
        Locatiesoort,
        to_field="code",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("type"),
    )
    beheerder = models.CharField(_("operator"), max_length=10, choices=Beheerder.choices)
    plaatsen = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[begrensd],
        help_text=_("Empty when not yet known; unknown is not 0."),
    )
    geschat = models.BooleanField(_("estimate"), default=False)
    waarvan_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors"), default=0, validators=[begrensd]
    )
    van = models.DateField(_("from"))
    tot_en_met = models.DateField(
        _("through"),
        null=True,
        blank=True,
        help_text=_("End of the contract; empty = indefinite (unless the end is unknown)."),
    )
    einde_onbekend = models.BooleanField(
        _("end unknown"),
        default=False,
        help_text=_("The end date is not known yet (not: indefinite)."),
    )
    verlengbaar_tot = models.DateField(
        _("extendable until"),
        null=True,
        blank=True,
        help_text=_("An option to extend the contract up to and including this date."),
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices)
    pm = models.CharField(
        _("p.m. remark"), max_length=500, blank=True, validators=[geen_stuurtekens]
    )

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capacity period")
        verbose_name_plural = _("capacity periods")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plaatsen__isnull=True, waarvan_amv=0)
                | Q(waarvan_amv__lte=F("plaatsen")),
                name="capaciteit_amv_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=Q(tot_en_met__isnull=True) | Q(tot_en_met__gte=F("van")),
                name="capaciteit_datums_op_volgorde",
            ),
            models.CheckConstraint(
                condition=Q(geschat=False) | Q(plaatsen__isnull=False),
                name="capaciteit_schatting_met_aantal",
            ),
            models.CheckConstraint(
                condition=Q(einde_onbekend=False) | Q(tot_en_met__isnull=True),
                name="capaciteit_einde_onbekend_zonder_datum",
            ),
            models.CheckConstraint(
                condition=Q(verlengbaar_tot__isnull=True)
                | Q(tot_en_met__isnull=False, verlengbaar_tot__gt=F("tot_en_met")),
                name="capaciteit_verlenging_na_einde",
            ),
            *aantallen_begrensd("capaciteit", "plaatsen", "waarvan_amv"),
            # A double submit adds no second period: one per location, start and status.
            models.UniqueConstraint(
                fields=["locatie", "van", "status"], name="capaciteitsperiode_uniek"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(location)s: %(places)s from %(date)s") % {
            "location": self.locatie,
            "places": "?" if self.plaatsen is None else self.plaatsen,
            "date": datum_kort(self.van),
        }


class AsielTelling(Gebiedsgebonden):
    """Asiel places per soort for an area where no location detail is kept.

    Gelderland's plan gives the province's RO / NO / TGO / amv split, not its
    locations. `datum` is the date the figure is about: the peildatum itself for a
    realisation, a later date for a planned figure ("realisatie Q1 2024", written in
    January) — a plan, not a realisation.
    """

    peildatum = models.ForeignKey(
        Peildatum, on_delete=models.PROTECT, related_name="asieltellingen"
    )
    datum = models.DateField(_("date concerned"))
    regulier = models.PositiveIntegerField(
        _("regular (RO)"), null=True, blank=True, validators=[begrensd]
    )
    noodopvang = models.PositiveIntegerField(
        _("emergency reception (NO)"), null=True, blank=True, validators=[begrensd]
    )
    tgo = models.PositiveIntegerField(
        pgettext_lazy("asylum reception type", "TGO"), null=True, blank=True, validators=[begrensd]
    )
    crisisnoodopvang = models.PositiveIntegerField(
        _("crisis emergency reception (CNO)"), null=True, blank=True, validators=[begrensd]
    )
    overig = models.PositiveIntegerField(_("other"), null=True, blank=True, validators=[begrensd])
    waarvan_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors"), null=True, blank=True, validators=[begrensd]
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    SOORT_VELDEN = ("regulier", "noodopvang", "tgo", "crisisnoodopvang", "overig")

    class Meta:
        verbose_name = _("asylum count")
        verbose_name_plural = _("asylum counts")
        constraints = [
            *gebied_constraints("asieltelling", "peildatum", "datum"),
            models.CheckConstraint(
                # amv alone (no soort known) is a figure of its own, not "amv > 0".
                condition=Q(waarvan_amv__isnull=True)
                | Q(
                    regulier__isnull=True,
                    noodopvang__isnull=True,
                    tgo__isnull=True,
                    crisisnoodopvang__isnull=True,
                    overig__isnull=True,
                )
                | Q(
                    waarvan_amv__lte=Coalesce(F("regulier"), 0)
                    + Coalesce(F("noodopvang"), 0)
                    + Coalesce(F("tgo"), 0)
                    + Coalesce(F("crisisnoodopvang"), 0)
                    + Coalesce(F("overig"), 0)
                ),
                name="asieltelling_amv_binnen_totaal",
            ),
            *aantallen_begrensd(
                "asieltelling",
                "regulier",
                "noodopvang",
                "tgo",
                "crisisnoodopvang",
                "overig",
                "waarvan_amv",
            ),
        ]

    @property
    def is_planning(self) -> bool:
        return self.datum > self.peildatum.datum

    @property
    def totaal(self) -> int | None:
        waarden = [getattr(self, veld) for veld in self.SOORT_VELDEN]
        bekend = [w for w in waarden if w is not None]
        return sum(bekend) if bekend else None


class OekraineTelling(Gebiedsgebonden):
    """Oekraïne places on a peildatum: GOO (municipal) and POO (private).

    Beschikbaar is less than totaal − bezet because of "snijverlies" (rooms that
    cannot be filled). POO "niet geregistreerd" is `None`, never 0.
    """

    peildatum = models.ForeignKey(
        Peildatum, on_delete=models.PROTECT, related_name="oekrainetellingen"
    )
    goo_totaal = models.PositiveIntegerField(
        _("GOO places, total"), null=True, blank=True, validators=[begrensd]
    )
    goo_bezet = models.PositiveIntegerField(
        _("occupied"), null=True, blank=True, validators=[begrensd]
    )
    goo_beschikbaar = models.PositiveIntegerField(
        _("actually available"), null=True, blank=True, validators=[begrensd]
    )
    poo = models.PositiveIntegerField(
        _("POO (private)"), null=True, blank=True, validators=[begrensd]
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ukraine count")
        verbose_name_plural = _("Ukraine counts")
        constraints = [
            *gebied_constraints("oekrainetelling", "peildatum"),
            models.CheckConstraint(
                condition=Q(goo_bezet__isnull=True)
                | Q(goo_totaal__isnull=True)
                | Q(goo_bezet__lte=F("goo_totaal")),
                name="oekrainetelling_bezet_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=Q(goo_beschikbaar__isnull=True)
                | Q(goo_totaal__isnull=True)
                | Q(goo_bezet__isnull=True, goo_beschikbaar__lte=F("goo_totaal"))
                # Guarded: "x <= NULL" is NULL, and a CHECK lets NULL through.
                | Q(goo_bezet__isnull=False, goo_beschikbaar__lte=F("goo_totaal") - F("goo_bezet")),
                name="oekrainetelling_beschikbaar_binnen_vrij",
            ),
            *aantallen_begrensd(
                "oekrainetelling", "goo_totaal", "goo_bezet", "goo_beschikbaar", "poo"
            ),
        ]


class Huisvesting(Gebiedsgebonden):
    """Statushouders housed in a period: a month, or a whole half year where a source
    gives only that (Gelderland's realisatie 2023-I per province)."""

    van = models.DateField(_("from"))
    tot_en_met = models.DateField(_("through"))
    gehuisvest = models.PositiveIntegerField(
        _("housed"),
        null=True,
        blank=True,
        validators=[begrensd],
        help_text=_("Empty when a source gives only the unaccompanied minors (Nidos)."),
    )
    waarvan_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors (Nidos)"), null=True, blank=True, validators=[begrensd]
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("housing of status holders")
        verbose_name_plural = _("housing of status holders")
        constraints = [
            *gebied_constraints("huisvesting", "van"),
            models.CheckConstraint(
                condition=Q(tot_en_met__gte=F("van")), name="huisvesting_datums_op_volgorde"
            ),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True)
                | Q(gehuisvest__isnull=True)
                | Q(waarvan_amv__lte=F("gehuisvest")),
                name="huisvesting_amv_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=Q(gehuisvest__isnull=False) | Q(waarvan_amv__isnull=False),
                name="huisvesting_met_een_aantal",
            ),
            *aantallen_begrensd("huisvesting", "gehuisvest", "waarvan_amv"),
        ]


class Heropening(models.Model):
    """A vastgestelde peildatum opened again for corrections: who, when and why."""

    peildatum = models.ForeignKey(
        Peildatum,
        on_delete=models.CASCADE,
        related_name="heropeningen",
        verbose_name=_("reference date"),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    op = models.DateTimeField(_("reopened on"), auto_now_add=True)
    reden = models.TextField(_("reason"), validators=[geen_stuurtekens])
    vastgesteld_op = models.DateTimeField(_("was adopted on"))

    class Meta:
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        ordering = ["-op"]
        constraints = [
            models.CheckConstraint(condition=~Q(reden=""), name="heropening_met_reden"),
        ]

    def __str__(self) -> str:
        return f"{self.peildatum} ({datum_kort(self.op.date())})"
