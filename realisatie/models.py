"""Realisatie: what has been achieved, per peildatum, gemeente and opvanglocatie.

Unknown is not 0: every count a source may leave out is nullable, and `None` stays
`None` through every total (see `gemeenten.optelling`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.models import Gebiedsgebonden, Gemeente, Provincie, gebied_constraints
from realisatie.query import PeildatumQuerySet, TellingQuerySet


class Peildatum(models.Model):
    """The reference date of a set of figures of one province.

    Once vastgesteld (after the PRT discussed it) its figures are read-only; a later
    correction is an explicit, logged reopening.
    """

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="peildata", verbose_name=_("provincie")
    )
    datum = models.DateField(_("peildatum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgesteld door"),
    )

    history = HistoricalRecords()
    objects = PeildatumQuerySet.as_manager()

    class Meta:
        verbose_name = _("peildatum")
        verbose_name_plural = _("peildata")
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
        return f"{self.provincie} {self.datum:%-d-%-m-%Y}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.vastgesteld_op is not None


class Opvangsoort(models.TextChoices):
    RO = "RO", _("Regulier (RO)")
    NO = "NO", _("Noodopvang (NO)")
    TGO = "TGO", _("Tijdelijke gemeentelijke opvang (TGO)")
    CNO = "CNO", _("Crisisnoodopvang (CNO)")
    ROL = "ROL", _("Regionale opvanglocatie (ROL)")
    AMV = "AMV", _("Uitsluitend amv")
    OVERIG = "overig", _("Overig")


class Status(models.TextChoices):
    """Values match `realisatie.capaciteit` (gerealiseerd / gepland / voorgenomen)."""

    GEREALISEERD = "gerealiseerd", _("gerealiseerd")
    GEPLAND = "gepland", _("gepland (hard plan)")
    VOORGENOMEN = "voorgenomen", _("voorgenomen (besluit volgt)")


class Beheerder(models.TextChoices):
    COA = "coa", _("COA")
    GEMEENTE = "gemeente", _("gemeente")


class Opvanglocatie(models.Model):
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="opvanglocaties",
        verbose_name=_("gemeente"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=10, choices=Opvangsoort.choices)
    beheerder = models.CharField(_("beheerder"), max_length=10, choices=Beheerder.choices)
    opmerkingen = models.TextField(_("opmerkingen"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opvanglocatie")
        verbose_name_plural = _("opvanglocaties")
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="opvanglocatie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente})"


class Capaciteitsperiode(models.Model):
    """Capacity of a location for a period; an extension is a period of its own."""

    locatie = models.ForeignKey(
        Opvanglocatie,
        on_delete=models.CASCADE,
        related_name="perioden",
        verbose_name=_("opvanglocatie"),
    )
    plaatsen = models.PositiveIntegerField(_("plaatsen"))
    waarvan_amv = models.PositiveIntegerField(_("waarvan amv"), default=0)
    van = models.DateField(_("vanaf"))
    tot_en_met = models.DateField(
        _("tot en met"),
        null=True,
        blank=True,
        help_text=_("Einde van het contract; leeg = onbepaald."),
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capaciteitsperiode")
        verbose_name_plural = _("capaciteitsperioden")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(waarvan_amv__lte=F("plaatsen")), name="capaciteit_amv_binnen_totaal"
            ),
            models.CheckConstraint(
                condition=Q(tot_en_met__isnull=True) | Q(tot_en_met__gte=F("van")),
                name="capaciteit_datums_op_volgorde",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.locatie}: {self.plaatsen} vanaf {self.van:%-d-%-m-%Y}"


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
    datum = models.DateField(_("betreft datum"))
    regulier = models.PositiveIntegerField(_("regulier (RO)"), null=True, blank=True)
    noodopvang = models.PositiveIntegerField(_("noodopvang (NO)"), null=True, blank=True)
    tgo = models.PositiveIntegerField(_("TGO"), null=True, blank=True)
    crisisnoodopvang = models.PositiveIntegerField(
        _("crisisnoodopvang (CNO)"), null=True, blank=True
    )
    overig = models.PositiveIntegerField(_("overig"), null=True, blank=True)
    waarvan_amv = models.PositiveIntegerField(_("waarvan amv"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    SOORT_VELDEN = ("regulier", "noodopvang", "tgo", "crisisnoodopvang", "overig")

    class Meta:
        verbose_name = _("asieltelling")
        verbose_name_plural = _("asieltellingen")
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
    goo_totaal = models.PositiveIntegerField(_("GOO-plaatsen totaal"), null=True, blank=True)
    goo_bezet = models.PositiveIntegerField(_("bezet"), null=True, blank=True)
    goo_beschikbaar = models.PositiveIntegerField(
        _("daadwerkelijk beschikbaar"), null=True, blank=True
    )
    poo = models.PositiveIntegerField(_("POO (particulier)"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("Oekraïnetelling")
        verbose_name_plural = _("Oekraïnetellingen")
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
        ]


class Huisvesting(Gebiedsgebonden):
    """Statushouders housed in a period: a month, or a whole half year where a source
    gives only that (Gelderland's realisatie 2023-I per province)."""

    van = models.DateField(_("vanaf"))
    tot_en_met = models.DateField(_("tot en met"))
    gehuisvest = models.PositiveIntegerField(_("gehuisvest"))
    waarvan_amv = models.PositiveIntegerField(_("waarvan amv (Nidos)"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()
    objects = TellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("huisvesting statushouders")
        verbose_name_plural = _("huisvesting statushouders")
        constraints = [
            *gebied_constraints("huisvesting", "van"),
            models.CheckConstraint(
                condition=Q(tot_en_met__gte=F("van")), name="huisvesting_datums_op_volgorde"
            ),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True) | Q(waarvan_amv__lte=F("gehuisvest")),
                name="huisvesting_amv_binnen_totaal",
            ),
        ]
