"""Geography: provincies, veiligheidsregio's, subregio's and gemeenten (CBS codes).

A gemeente has a validity period: after a herindeling the old gemeente ends and its
successors (`Opvolging`, with the share that went to each) carry its figures forward
for later peildata, so history is never rewritten. A gemeente that moves to another
province gets a new row with the same CBS code from the date of the move.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.query import GemeenteQuerySet
from prt.aantallen import MAXIMUM_AANTAL, MAXIMUM_INWONERS
from prt.tekstinvoer import zichtbare_naam

# Every count field: at most MAXIMUM_AANTAL, in the model, the forms, the API and here.
begrensd = MaxValueValidator(MAXIMUM_AANTAL)

provincie_code = RegexValidator(
    r"\APV[0-9]{2}\Z", _("A province code is PV followed by two digits.")
)
veiligheidsregio_code = RegexValidator(
    r"\AVR[0-9]{2}\Z", _("A safety region code is VR followed by two digits.")
)
gemeente_code = RegexValidator(
    r"\AGM[0-9]{4}\Z", _("A municipality code is GM followed by four digits.")
)


class Provincie(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True, validators=[provincie_code])
    naam = models.CharField(_("name"), max_length=100, unique=True, validators=[zichtbare_naam])

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"\APV[0-9]{2}\Z"), name="provincie_code_cbs"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Veiligheidsregio(models.Model):
    code = models.CharField(
        _("code"), max_length=4, unique=True, validators=[veiligheidsregio_code]
    )
    naam = models.CharField(_("name"), max_length=100, unique=True, validators=[zichtbare_naam])
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.PROTECT,
        related_name="veiligheidsregios",
        verbose_name=_("province"),
    )

    class Meta:
        verbose_name = _("safety region")
        verbose_name_plural = _("safety regions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"\AVR[0-9]{2}\Z"), name="veiligheidsregio_code_cbs"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Subregio(models.Model):
    """A regionale regietafel under the PRT (Gelderland has 7, Overijssel 2)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    naam = models.CharField(_("name"), max_length=100, validators=[zichtbare_naam])
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="subregios", verbose_name=_("province")
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        on_delete=models.PROTECT,
        related_name="subregios",
        null=True,
        blank=True,
        verbose_name=_("safety region"),
    )

    class Meta:
        verbose_name = _("subregion")
        verbose_name_plural = _("subregions")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "naam"], name="subregio_naam_per_provincie"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, validators=[gemeente_code])
    naam = models.CharField(_("name"), max_length=100, validators=[zichtbare_naam])
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten", verbose_name=_("province")
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        on_delete=models.PROTECT,
        related_name="gemeenten",
        null=True,
        blank=True,
        verbose_name=_("safety region"),
    )
    subregio = models.ForeignKey(
        Subregio,
        on_delete=models.PROTECT,
        related_name="gemeenten",
        null=True,
        blank=True,
        verbose_name=_("subregion"),
    )
    geldig_van = models.DateField(_("valid from"), null=True, blank=True)
    geldig_tot_en_met = models.DateField(_("valid through"), null=True, blank=True)
    inwoners = models.PositiveIntegerField(
        _("inhabitants"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAXIMUM_INWONERS)],
    )
    inwoners_peiljaar = models.PositiveSmallIntegerField(
        _("reference year of inhabitants"),
        null=True,
        blank=True,
        help_text=_("Inhabitants on 1 January of this year."),
    )

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"\AGM[0-9]{4}\Z"), name="gemeente_code_cbs"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(geldig_van__isnull=True),
                name="gemeente_code_uniek_zonder_begin",
            ),
            models.UniqueConstraint(
                fields=["code", "geldig_van"], name="gemeente_code_uniek_per_begin"
            ),
            models.CheckConstraint(
                condition=Q(geldig_van__isnull=True)
                | Q(geldig_tot_en_met__isnull=True)
                | Q(geldig_tot_en_met__gte=F("geldig_van")),
                name="gemeente_geldigheid_op_volgorde",
            ),
            models.CheckConstraint(
                condition=Q(inwoners__lte=MAXIMUM_INWONERS), name="gemeente_inwoners_begrensd"
            ),
            models.CheckConstraint(
                condition=Q(inwoners__isnull=True, inwoners_peiljaar__isnull=True)
                | Q(inwoners__isnull=False, inwoners_peiljaar__isnull=False),
                name="gemeente_inwoners_met_peiljaar",
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Opvolging(models.Model):
    """A herindeling: (a share of) a gemeente continues in a successor from a date."""

    voorganger = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="opvolgingen",
        verbose_name=_("predecessor"),
    )
    opvolger = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="voorgangers_links",
        verbose_name=_("successor"),
    )
    datum = models.DateField(_("start date"))
    aandeel = models.DecimalField(
        _("share"),
        max_digits=5,
        decimal_places=4,
        default=1,
        help_text=_("Share of the predecessor that goes to this successor (1 = all of it)."),
    )

    class Meta:
        verbose_name = _("succession (municipal reorganisation)")
        verbose_name_plural = _("successions (municipal reorganisations)")
        ordering = ["datum"]
        constraints = [
            models.UniqueConstraint(fields=["voorganger", "opvolger"], name="opvolging_uniek"),
            models.CheckConstraint(
                condition=~Q(voorganger=F("opvolger")), name="opvolging_niet_zichzelf"
            ),
            models.CheckConstraint(
                condition=Q(aandeel__gt=0) & Q(aandeel__lte=1), name="opvolging_aandeel_0_tot_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voorganger} → {self.opvolger} ({self.datum:%d-%m-%Y})"


class Niveau(models.TextChoices):
    PROVINCIE = "provincie", _("province")
    VEILIGHEIDSREGIO = "veiligheidsregio", _("safety region")
    SUBREGIO = "subregio", _("subregion")
    GEMEENTE = "gemeente", _("municipality")


GEBIED_VELDEN = ("provincie", "veiligheidsregio", "subregio", "gemeente")


class Gebiedsgebonden(models.Model):
    """A figure that belongs to exactly one area: a gemeente, or a higher level
    where a source gives only that (Gelderland's Oekraïne figures per veiligheidsregio).

    Concrete models add `gebied_constraints(...)` to their Meta.constraints.
    """

    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("safety region"),
    )
    subregio = models.ForeignKey(
        Subregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subregion"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )

    class Meta:
        abstract = True

    @property
    def niveau(self) -> Niveau:
        for veld in reversed(GEBIED_VELDEN):
            if getattr(self, f"{veld}_id") is not None:
                return Niveau(veld)
        raise ValueError("Geen gebied ingevuld.")

    @property
    def gebied(self) -> Provincie | Veiligheidsregio | Subregio | Gemeente:
        return getattr(self, self.niveau.value)

    @property
    def gebied_provincie(self) -> Provincie:
        """The province the figure's area lies in."""
        gebied = self.gebied
        return gebied if isinstance(gebied, Provincie) else gebied.provincie


def aantallen_begrensd(
    prefix: str, *velden: str, negatief: tuple[str, ...] = ()
) -> list[models.BaseConstraint]:
    """Each count at most MAXIMUM_AANTAL (a carried stand also at least -MAXIMUM_AANTAL);
    NULL, unknown, passes."""
    constraints: list[models.BaseConstraint] = []
    for veld in (*velden, *negatief):
        conditie = Q(**{f"{veld}__lte": MAXIMUM_AANTAL})
        if veld in negatief:
            conditie &= Q(**{f"{veld}__gte": -MAXIMUM_AANTAL})
        constraints.append(
            models.CheckConstraint(condition=conditie, name=f"{prefix}_{veld}_begrensd")
        )
    return constraints


def gebied_constraints(prefix: str, *uniek_met: str) -> list[models.BaseConstraint]:
    """Exactly one area is set, and (area, *uniek_met) is unique on each level."""
    precies_een = Q()
    for gekozen in GEBIED_VELDEN:
        regel = Q(**{f"{gekozen}__isnull": False})
        for ander in GEBIED_VELDEN:
            if ander != gekozen:
                regel &= Q(**{f"{ander}__isnull": True})
        precies_een |= regel
    constraints: list[models.BaseConstraint] = [
        models.CheckConstraint(condition=precies_een, name=f"{prefix}_precies_een_gebied"),
    ]
    for veld in GEBIED_VELDEN:
        constraints.append(
            models.UniqueConstraint(
                fields=[veld, *uniek_met],
                condition=Q(**{f"{veld}__isnull": False}),
                name=f"{prefix}_uniek_per_{veld}",
            )
        )
    return constraints
