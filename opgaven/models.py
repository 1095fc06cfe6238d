"""Opgaven: the targets set by a besluit for an area and a date or half year.

Asiel and Oekraïne opgaven are set for a date (`streefdatum`: "per 1 januari 2025");
the statushouders taakstelling for a half year ("2024-I"). An opgave can be known
only for a province or veiligheidsregio (Gelderland's 7.590); the aggregation rule
in `realisatie.aggregatie` decides which level a total uses.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.models import (
    Gebiedsgebonden,
    Gemeente,
    aantallen_begrensd,
    begrensd,
    gebied_constraints,
)
from opgaven.query import OpgaveQuerySet
from prt.aantallen import MAXIMUM_AANTAL
from prt.tekstinvoer import geen_stuurtekens, zichtbare_naam

halfjaar_formaat = RegexValidator(
    r"\A[0-9]{4}-(I|II)\Z", _("Write a half year as 2024-I or 2024-II.")
)


class Opgavesoort(models.TextChoices):
    ASIEL = "asiel", _("Asylum reception")
    OEKRAINE = "oekraine", _("Reception of displaced persons from Ukraine")
    STATUSHOUDERS = "statushouders", _("Housing of status holders")


class Opvangsoort(models.TextChoices):
    """The kinds of asiel reception places. Which of them count toward an asiel opgave is
    a rule of the opgave (`Telregel`), not of the code."""

    RO = "RO", _("Regular (RO)")
    NO = "NO", _("Emergency reception (NO)")
    TGO = "TGO", _("Temporary municipal reception (TGO)")
    CNO = "CNO", _("Crisis emergency reception (CNO)")
    ROL = "ROL", _("Regional reception location (ROL)")
    AMV = "AMV", _("Unaccompanied minors only")
    OVERIG = "overig", _("Other")


# A comma-separated list of soort codes; which codes exist is the reference list
# `Locatiesoort` (checked by the services and forms, the shape by the database).
SOORTCODE_PATROON = r"[A-Za-z0-9/_-]{1,20}"
SOORTEN_PATROON = rf"\A{SOORTCODE_PATROON}(,{SOORTCODE_PATROON})*\Z"


class Locatiesoort(models.Model):
    """A kind of reception location in the reference list the beheerder maintains.

    The field uses many more kinds than the few the first register knew: GVL, satelliet,
    IBO, buffer, PBL, KWG/KWE, doorstroomlocatie, and hotel, boot or hub for Oekraïne.
    Each belongs to one opgave; `telt_standaard_mee` says whether its places count toward
    the asiel opgave when no counting rule (`Telregel`) says otherwise.
    """

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[RegexValidator(rf"\A{SOORTCODE_PATROON}\Z", _("Letters, digits, / - _."))],
    )
    naam = models.CharField(_("name"), max_length=100, validators=[zichtbare_naam])
    opgave = models.CharField(_("target"), max_length=20, choices=Opgavesoort.choices)
    telt_standaard_mee = models.BooleanField(
        _("counts toward the asylum target by default"), default=False
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("type of reception location")
        verbose_name_plural = _("types of reception location")
        ordering = ["volgorde", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=rf"\A{SOORTCODE_PATROON}\Z"), name="locatiesoort_code"
            ),
            models.CheckConstraint(
                condition=Q(telt_standaard_mee=False) | Q(opgave="asiel"),
                name="locatiesoort_telt_alleen_voor_asiel",
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Opgavebesluit(models.Model):
    soort = models.CharField(_("target"), max_length=20, choices=Opgavesoort.choices)
    naam = models.CharField(_("name"), max_length=200, validators=[zichtbare_naam])
    bron = models.CharField(
        _("source"),
        max_length=300,
        validators=[zichtbare_naam],
        help_text=_("The decision or document in which the target was set."),
    )
    bron_url = models.URLField(_("source link"), blank=True)
    besluitdatum = models.DateField(_("decision date"), null=True, blank=True)
    streefdatum = models.DateField(
        _("target date"),
        null=True,
        blank=True,
        help_text=_("Date by which the target must be met (asylum and Ukraine)."),
    )
    halfjaar = models.CharField(
        _("half year"),
        max_length=7,
        blank=True,
        validators=[halfjaar_formaat],
        help_text=_("Half year of the status holders housing target, e.g. 2024-I."),
    )
    landelijk_totaal = models.PositiveIntegerField(
        _("national total"), null=True, blank=True, validators=[begrensd]
    )
    landelijk_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors (national)"), null=True, blank=True, validators=[begrensd]
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target decision")
        verbose_name_plural = _("target decisions")
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
            *aantallen_begrensd("opgavebesluit", "landelijk_totaal", "landelijk_amv"),
        ]

    def __str__(self) -> str:
        return self.naam


class Opgave(Gebiedsgebonden):
    """The asiel or Oekraïne opgave of one area under one besluit."""

    besluit = models.ForeignKey(
        Opgavebesluit,
        on_delete=models.PROTECT,
        related_name="opgaven",
        verbose_name=_("decision"),
    )
    aantal = models.PositiveIntegerField(
        _("target (places)"),
        null=True,
        blank=True,
        validators=[begrensd],
        help_text=_("Empty when a source gives only the part for unaccompanied minors."),
    )
    waarvan_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors"),
        null=True,
        blank=True,
        validators=[begrensd],
        help_text=_("Places suitable for unaccompanied minors; counted within the total."),
    )
    indicatief = models.BooleanField(
        _("indicative"),
        default=False,
        help_text=_("An indicative distribution, not an adopted target."),
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()
    objects = OpgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            *gebied_constraints("opgave", "besluit"),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True)
                | Q(aantal__isnull=True)
                | Q(waarvan_amv__lte=F("aantal")),
                name="opgave_amv_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=Q(aantal__isnull=False) | Q(waarvan_amv__isnull=False),
                name="opgave_met_een_aantal",
            ),
            *aantallen_begrensd("opgave", "aantal", "waarvan_amv"),
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
        verbose_name=_("decision"),
    )
    aantal = models.PositiveIntegerField(
        _("housing target"),
        null=True,
        blank=True,
        validators=[begrensd],
        help_text=_("Empty when a source gives only the part for unaccompanied minors (Nidos)."),
    )
    waarvan_amv = models.PositiveIntegerField(
        _("of which unaccompanied minors (Nidos)"), null=True, blank=True, validators=[begrensd]
    )
    stand_begin = models.IntegerField(
        _("lead/backlog at the start"),
        null=True,
        blank=True,
        help_text=_("Positive = backlog, negative = lead."),
        validators=[begrensd, MinValueValidator(-MAXIMUM_AANTAL)],
    )
    te_realiseren_gepubliceerd = models.PositiveIntegerField(
        _("to be housed incl. lead/backlog (published)"),
        null=True,
        blank=True,
        validators=[begrensd],
    )
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])

    versie = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; guards against lost updates."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("housing target")
        verbose_name_plural = _("housing targets")
        constraints = [
            *gebied_constraints("taakstelling", "besluit"),
            models.CheckConstraint(
                condition=Q(waarvan_amv__isnull=True)
                | Q(aantal__isnull=True)
                | Q(waarvan_amv__lte=F("aantal")),
                name="taakstelling_amv_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=Q(aantal__isnull=False) | Q(waarvan_amv__isnull=False),
                name="taakstelling_met_een_aantal",
            ),
            *aantallen_begrensd(
                "taakstelling",
                "aantal",
                "waarvan_amv",
                "te_realiseren_gepubliceerd",
                negatief=("stand_begin",),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.gebied} {self.aantal}"


class Uitruil(models.Model):
    """`van_gemeente` hands part of its opgave to `naar_gemeente` for a period.

    The besluit's own figures never change; the effective opgave is computed by
    `opgaven.uitruil.effectieve_opgave`. An uitruil across a provincial border changes
    the figures of two provinces, so it counts only once an editor of the other
    province has confirmed it (`bevestigd_op`); within one province it is confirmed
    when it is recorded.
    """

    soort = models.CharField(_("target"), max_length=20, choices=Opgavesoort.choices)
    van_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="uitruil_afgestaan",
        verbose_name=_("from municipality"),
    )
    naar_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="uitruil_overgenomen",
        verbose_name=_("to municipality"),
    )
    aantal = models.PositiveIntegerField(_("number"), validators=[begrensd])
    begin = models.DateField(_("start date"))
    einde = models.DateField(_("end date"), null=True, blank=True)
    toelichting = models.TextField(_("explanation"), blank=True, validators=[geen_stuurtekens])
    bevestigd_op = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
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
            models.CheckConstraint(
                condition=Q(bevestigd_door__isnull=True) | Q(bevestigd_op__isnull=False),
                name="uitruil_bevestigd_met_tijdstip",
            ),
            models.CheckConstraint(
                condition=~Q(soort="statushouders"), name="uitruil_van_plaatsen"
            ),
            *aantallen_begrensd("uitruil", "aantal"),
            # A double submit is the same exchange: refused (with a message in the service).
            models.UniqueConstraint(
                fields=["soort", "van_gemeente", "naar_gemeente", "begin"],
                name="uitruil_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van_gemeente} → {self.naar_gemeente}: {self.aantal}"

    @property
    def is_bevestigd(self) -> bool:
        return self.bevestigd_op is not None


class Telregel(models.Model):
    """Which soorten of places count toward an asiel opgave.

    Counting is part of the opgave, not a law of nature: the national letter measures
    the Capaciteitsbesluit COA 2023-I (7.590 for Gelderland) against regular places
    (RO); Gelderland's provinciaal plan measures the same 7.590 against RO + NO + TGO.
    A rule holds for a besluit in general (`provincie` empty) or for one province's
    plan, which goes first. Without a rule every soort counts.
    """

    besluit = models.ForeignKey(
        Opgavebesluit,
        on_delete=models.CASCADE,
        related_name="telregels",
        verbose_name=_("decision"),
    )
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Empty: the rule of the decision itself, for every province."),
    )
    soorten = models.CharField(
        _("types that count"),
        max_length=100,
        validators=[
            RegexValidator(SOORTEN_PATROON, _("List the types that count, e.g. RO,NO,TGO."))
        ],
        help_text=_("Comma-separated codes from the list of types, e.g. RO,NO,TGO."),
    )
    bron = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        validators=[geen_stuurtekens],
        help_text=_("The plan or decision that says what counts."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("counting rule")
        verbose_name_plural = _("counting rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(soorten__regex=SOORTEN_PATROON), name="telregel_soorten_bekend"
            ),
            models.UniqueConstraint(
                fields=["besluit"],
                condition=Q(provincie__isnull=True),
                name="telregel_uniek_per_besluit",
            ),
            models.UniqueConstraint(
                fields=["besluit", "provincie"],
                condition=Q(provincie__isnull=False),
                name="telregel_uniek_per_provincie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.soorten}"

    @property
    def soortcodes(self) -> tuple[str, ...]:
        return tuple(self.soorten.split(","))
