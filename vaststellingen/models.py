"""What the regietafel fixed: a record per vaststelling, never changed afterwards.

A `Vaststelling` keeps what the engine computed for a province and peildatum at the
moment of vaststellen (the overview through `vaststellingen.codec`, and the exact bytes
of every page part and download a person gets for that peildatum, in `Vastlegging`).
Heropenen only adds when, who and why to the record in force; the next vaststellen
writes a new record with the next volgnummer, so the history keeps both.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Provincie
from realisatie.models import Peildatum


class Vaststelling(models.Model):
    # SET_NULL: the record outlives a peildatum deleted after it was reopened.
    peildatum = models.ForeignKey(
        Peildatum,
        on_delete=models.SET_NULL,
        null=True,
        related_name="vaststellingen",
        verbose_name=_("reference date"),
    )
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    datum = models.DateField(_("reference date"))
    volgnummer = models.PositiveIntegerField(_("sequence number"))
    vastgesteld_op = models.DateTimeField(_("adopted on"))
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    heropend_op = models.DateTimeField(_("reopened on"), null=True, blank=True)
    heropend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    heropend_reden = models.TextField(_("reason for reopening"), blank=True)
    # The codec's JSON as text: key order is kept exactly (jsonb would reorder it).
    inhoud = models.TextField(_("content"))

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["provincie", "-datum", "-volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "datum", "volgnummer"], name="vaststelling_volgnummer_uniek"
            ),
            models.UniqueConstraint(
                fields=["provincie", "datum"],
                condition=Q(heropend_op__isnull=True),
                name="vaststelling_een_in_kracht",
            ),
            models.CheckConstraint(
                condition=Q(volgnummer__gte=1), name="vaststelling_volgnummer_positief"
            ),
            models.CheckConstraint(
                condition=(
                    Q(heropend_op__isnull=True, heropend_door__isnull=True, heropend_reden="")
                    | (
                        Q(heropend_op__isnull=False, heropend_door__isnull=False)
                        & ~Q(heropend_reden="")
                    )
                ),
                name="vaststelling_heropend_volledig",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie} {self.datum:%-d-%-m-%Y} #{self.volgnummer}"

    @property
    def in_kracht(self) -> bool:
        return self.heropend_op is None


class Vastlegging(models.Model):
    """One stored page part or download of a vaststelling, byte for byte (`naam` says
    which: `csv:asiel`, `xlsx:bijlage-2`, `html:blokken` …)."""

    vaststelling = models.ForeignKey(
        Vaststelling, on_delete=models.PROTECT, related_name="vastleggingen"
    )
    naam = models.CharField(max_length=200)
    inhoud = models.BinaryField()

    class Meta:
        verbose_name = _("stored download")
        verbose_name_plural = _("stored downloads")
        constraints = [
            models.UniqueConstraint(fields=["vaststelling", "naam"], name="vastlegging_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.vaststelling} {self.naam}"


class Publicatie(models.Model):
    """A province that shows its latest vastgestelde figures to the public (opt-in by
    the beheerder); no row, no public page."""

    provincie = models.OneToOneField(
        Provincie, on_delete=models.PROTECT, related_name="publicatie", verbose_name=_("province")
    )
    sinds = models.DateTimeField(_("published since"), auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.provincie)
