"""Who may see and change what: a user's roles, each for a province or a gemeente.

The one permission policy that every view, export and API endpoint uses lives in
`toegang.beleid`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente, Provincie


class Rolsoort(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    LANDELIJK = "landelijk", _("Landelijk lezer (Rijk)")
    SECRETARIS = "secretaris", _("PRT-secretaris")
    INVOERDER = "invoerder", _("Gemeente-invoerder")
    LID = "lid", _("Regietafel-lid")


class Rol(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rollen",
        verbose_name=_("gebruiker"),
    )
    soort = models.CharField(_("rol"), max_length=20, choices=Rolsoort.choices)
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provincie"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(soort__in=["beheerder", "landelijk"], provincie__isnull=True)
                    & Q(gemeente__isnull=True)
                )
                | Q(soort__in=["secretaris", "lid"], provincie__isnull=False, gemeente__isnull=True)
                | Q(soort="invoerder", provincie__isnull=True, gemeente__isnull=False),
                name="rol_gebied_past_bij_soort",
            ),
            # One constraint per shape of role: NULLs are distinct in a unique
            # constraint, and every role leaves provincie or gemeente empty.
            models.UniqueConstraint(
                fields=["gebruiker", "soort"],
                condition=Q(provincie__isnull=True, gemeente__isnull=True),
                name="rol_uniek_landelijk",
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "soort", "provincie"],
                condition=Q(provincie__isnull=False),
                name="rol_uniek_per_provincie",
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "soort", "gemeente"],
                condition=Q(gemeente__isnull=False),
                name="rol_uniek_per_gemeente",
            ),
        ]

    def __str__(self) -> str:
        gebied = self.provincie or self.gemeente or _("heel Nederland")
        return f"{self.gebruiker}: {self.get_soort_display()} ({gebied})"
