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
    BEHEERDER = "beheerder", _("Administrator")
    LANDELIJK = "landelijk", _("National reader (central government)")
    SECRETARIS = "secretaris", _("PRT secretary")
    INVOERDER = "invoerder", _("Municipal data entry")
    LID = "lid", _("Regietafel member")


class Rol(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rollen",
        verbose_name=_("user"),
    )
    soort = models.CharField(_("role"), max_length=20, choices=Rolsoort.choices)
    provincie = models.ForeignKey(
        Provincie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
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
        gebied = self.provincie or self.gemeente or _("all of the Netherlands")
        return f"{self.gebruiker}: {self.get_soort_display()} ({gebied})"
