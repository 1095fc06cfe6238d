"""Opgaven: the targets set by a besluit for an area and a date or half year.

Asiel and Oekraïne opgaven are set for a date (`streefdatum`: "per 1 januari 2025");
the statushouders taakstelling for a half year ("2024-I"). An opgave can be known
only for a province or veiligheidsregio (Gelderland's 7.590); the aggregation rule
in `opgaven.gebiedsopgave` decides which level a total uses.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.models import Gebiedsgebonden, Gemeente, gebied_constraints
from opgaven.query import OpgaveQuerySet

halfjaar_formaat = RegexValidator(
    r"\A[0-9]{4}-(I|II)\Z", _("Een halfjaar schrijf je als 2024-I of 2024-II.")
)


class Opgavesoort(models.TextChoices):
    ASIEL = "asiel", _("Asielopvang")
    OEKRAINE = "oekraine", _("Opvang ontheemden Oekraïne")
    STATUSHOUDERS = "statushouders", _("Huisvesting statushouders")


class Opgavebesluit(models.Model):
    soort = models.CharField(_("opgave"), max_length=20, choices=Opgavesoort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    bron = models.CharField(
        _("bron"),
        max_length=300,
        help_text=_("Het besluit of document waarin de opgave is vastgesteld."),
    )
    bron_url = models.URLField(_("vindplaats"), blank=True)
    besluitdatum = models.DateField(_("datum besluit"), null=True, blank=True)
    streefdatum = models.DateField(
        _("streefdatum"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de opgave gerealiseerd moet zijn (asiel en Oekraïne)."),
    )
    halfjaar = models.CharField(
        _("halfjaar"),
        max_length=7,
        blank=True,
        validators=[halfjaar_formaat],
        help_text=_("Halfjaar van de taakstelling statushouders, bijv. 2024-I."),
    )
    landelijk_totaal = models.PositiveIntegerField(_("landelijk totaal"), null=True, blank=True)
    landelijk_amv = models.PositiveIntegerField(_("waarvan amv (landelijk)"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opgavebesluit")
        verbose_name_plural = _("opgavebesluiten")
        ordering = ["soort", "streefdatum", "halfjaar"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(soort=Opgavesoort.STATUSHOUDERS, streefdatum__isnull=True)
                    & Q(halfjaar__regex=r"\A[0-9]{4}-(I|II)\Z")
                )
                | (~Q(soort=Opgavesoort.STATUSHOUDERS) & Q(streefdatum__isnull=False, halfjaar="")),
                name="opgavebesluit_datum_of_halfjaar",
            ),
            models.CheckConstraint(
                condition=Q(landelijk_amv__isnull=True)
                | Q(landelijk_totaal__isnull=False, landelijk_amv__lte=F("landelijk_totaal")),
                name="opgavebesluit_amv_binnen_totaal",
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Opgave(Gebiedsgebonden):
    """The asiel or Oekraïne opgave of one area under one besluit."""

    besluit = models.ForeignKey(
        Opgavebesluit,
        on_delete=models.PROTECT,
        related_name="opgaven",
        verbose_name=_("besluit"),
    )
    aantal = models.PositiveIntegerField(_("opgave (plaatsen)"))
    waarvan_amv = models.PositiveIntegerField(
        _("waarvan amv"),
        null=True,
        blank=True,
        help_text=_("Plaatsen geschikt voor amv; telt mee binnen het totaal."),
    )
    indicatief = models.BooleanField(
        _("indicatief"),
        default=False,
        help_text=_("Een indicatieve verdeling, geen vastgestelde opgave."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()
    objects = OpgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        constraints = [
            *gebied_constraints("opgave", "besluit"),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True) | Q(waarvan_amv__lte=F("aantal")),
                name="opgave_amv_binnen_totaal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.gebied} {self.aantal}"


class Taakstelling(Gebiedsgebonden):
    """The statushouders taakstelling of one area for the half year of its besluit.

    `stand_begin` is the carried voor/achterstand at the start of the half year as the
    source publishes it (positive = achterstand). `te_realiseren_gepubliceerd` keeps a
    published "incl. voor/achterstand" figure where the stand itself is not given (it is
    clipped at 0, so Staphorst's 0 for 2024-I says only that its voorsprong was ≥ 19).
    """

    besluit = models.ForeignKey(
        Opgavebesluit,
        on_delete=models.PROTECT,
        related_name="taakstellingen",
        verbose_name=_("besluit"),
    )
    aantal = models.PositiveIntegerField(_("taakstelling"))
    waarvan_amv = models.PositiveIntegerField(_("waarvan amv (Nidos)"), null=True, blank=True)
    stand_begin = models.IntegerField(
        _("voor/achterstand bij begin"),
        null=True,
        blank=True,
        help_text=_("Positief = achterstand, negatief = voorsprong."),
    )
    te_realiseren_gepubliceerd = models.PositiveIntegerField(
        _("te realiseren incl. voor/achterstand (gepubliceerd)"), null=True, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("taakstelling")
        verbose_name_plural = _("taakstellingen")
        constraints = [
            *gebied_constraints("taakstelling", "besluit"),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True) | Q(waarvan_amv__lte=F("aantal")),
                name="taakstelling_amv_binnen_totaal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.gebied} {self.aantal}"


class Uitruil(models.Model):
    """`van_gemeente` hands part of its opgave to `naar_gemeente` for a period.

    The besluit's own figures never change; the effective opgave is computed by
    `opgaven.uitruil.effectieve_opgave`.
    """

    soort = models.CharField(_("opgave"), max_length=20, choices=Opgavesoort.choices)
    van_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="uitruil_afgestaan",
        verbose_name=_("van gemeente"),
    )
    naar_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="uitruil_overgenomen",
        verbose_name=_("naar gemeente"),
    )
    aantal = models.PositiveIntegerField(_("aantal"))
    begin = models.DateField(_("ingangsdatum"))
    einde = models.DateField(_("einddatum"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitruil")
        verbose_name_plural = _("uitruilen")
        ordering = ["begin"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(van_gemeente=F("naar_gemeente")), name="uitruil_twee_gemeenten"
            ),
            models.CheckConstraint(condition=Q(aantal__gt=0), name="uitruil_aantal_positief"),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=F("begin")),
                name="uitruil_datums_op_volgorde",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van_gemeente} → {self.naar_gemeente}: {self.aantal}"
