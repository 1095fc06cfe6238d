"""The regietafel's cycle: what a PRT meets about, decides and follows up.

A PRT meets every few weeks (`Vergadering`): it approves the verslag of the previous
meeting, walks its numbered actielijst (`Actie`), takes decisions (`Regietafelbesluit`),
discusses and fixes the figures of a peildatum, escalates knelpunten (`Knelpunt`) and
answers ad-hoc requests of the Rijk (`Verzoek`). The province keeps interbestuurlijk
toezicht on the housing of statushouders per gemeente (`Toezicht`) and follows the
two-year Spreidingswet cycle (`Mijlpaal`).

Writes go through `regietafel.services` only; every invariant below is also a database
constraint, and every model keeps its history (django-simple-history).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel.query import ActieQuerySet, ToezichtQuerySet

# --- Choices ----------------------------------------------------------------------------------


class Actiestatus(models.TextChoices):
    OPEN = "open", _("open")
    GEREED = "gereed", _("done")
    VERVALLEN = "vervallen", _("lapsed")


class Verzoeksoort(models.TextChoices):
    """What kind of places the Rijk asks for; asiel counts every type of location in the
    register, crisisnoodopvang only CNO (see `regietafel.extra_plaatsen`)."""

    ASIEL = "asiel", _("Asylum reception")
    CRISISNOODOPVANG = "crisisnoodopvang", _("Crisis emergency reception (CNO)")
    OEKRAINE = "oekraine", _("Reception of displaced persons from Ukraine")


class Verzoekstatus(models.TextChoices):
    OPEN = "open", _("open")
    BEANTWOORD = "beantwoord", _("answered")
    INGETROKKEN = "ingetrokken", _("withdrawn")


class Knelpuntthema(models.TextChoices):
    ZORG = "zorg", _("Care")
    ONDERWIJS = "onderwijs", _("Education (ISK)")
    NETCONGESTIE = "netcongestie", _("Grid congestion")
    WONINGBOUW = "woningbouw", _("Housing construction")
    OVERIG = "overig", _("Other")


class Knelpuntstatus(models.TextChoices):
    OPEN = "open", _("open")
    GEESCALEERD = "geescaleerd", _("escalated")
    AFGEHANDELD = "afgehandeld", _("settled")


class Toezichtregime(models.TextChoices):
    """The regimes of the provincial toezichtkader for the housing of statushouders."""

    GROEN = "groen", _("Green: monitoring")
    ORANJE = "oranje", _("Orange: meeting between officials")
    ROOD = "rood", _("Red: meeting with the college and a plan of action")


class Mijlpaalsoort(models.TextChoices):
    """The Spreidingswet's two-year cycle, in its order."""

    REGIONAAL_PLAN_POTLOOD = "regionaal_plan_potlood", _("Regional plan 'in pencil'")
    REGIONAAL_PLAN_DEFINITIEF = "regionaal_plan_definitief", _("Definitive regional plan")
    VERSLAG_CDK = "verslag_cdk", _("Report of the King's Commissioner")
    VERDEELBESLUIT = "verdeelbesluit", _("Distribution decision")


class Mijlpaalstatus(models.TextChoices):
    OPEN = "open", _("to do")
    GEREED = "gereed", _("done")


def _niet_leeg(veld: str, naam: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=~Q(**{veld: ""}), name=naam)


def _keuze(veld: str, keuzes: type[models.TextChoices], naam: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{veld}__in": keuzes.values}), name=naam)


# --- Meetings ---------------------------------------------------------------------------------


class Vergadering(models.Model):
    """A meeting of a province's regietafel; its verslag is approved at a later one."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    datum = models.DateField(_("date"))
    omschrijving = models.CharField(_("description"), max_length=200, blank=True)
    peildatum = models.ForeignKey(
        Peildatum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reference date discussed"),
        help_text=_("The reference date whose figures this meeting discussed and adopted."),
    )
    verslag = models.TextField(_("minutes"), blank=True)
    verslag_goedgekeurd_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goedgekeurde_verslagen",
        verbose_name=_("minutes approved at"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["provincie", "-datum"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "datum"], name="vergadering_uniek"),
            models.CheckConstraint(
                condition=~Q(verslag_goedgekeurd_in=F("id")),
                name="vergadering_verslag_niet_in_zichzelf",
            ),
            models.CheckConstraint(
                condition=Q(verslag_goedgekeurd_in__isnull=True) | ~Q(verslag=""),
                name="vergadering_goedgekeurd_verslag_bestaat",
            ),
        ]

    def __str__(self) -> str:
        return f"PRT {self.provincie} {self.datum:%-d-%-m-%Y}"


_ZONDER_VERWIJZING = {"peildatum__isnull": True, "verzoek__isnull": True, "knelpunt__isnull": True}


class Agendapunt(models.Model):
    """An item of a meeting's agenda; it may point to one thing: a peildatum's figures,
    a request, a knelpunt, or a signal described in words."""

    vergadering = models.ForeignKey(
        Vergadering,
        on_delete=models.CASCADE,
        related_name="agendapunten",
        verbose_name=_("meeting"),
    )
    volgorde = models.PositiveSmallIntegerField(_("number"))
    onderwerp = models.CharField(_("subject"), max_length=300)
    peildatum = models.ForeignKey(
        Peildatum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reference date"),
    )
    verzoek = models.ForeignKey(
        "Verzoek",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("request"),
    )
    knelpunt = models.ForeignKey(
        "Knelpunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("bottleneck"),
    )
    signaal = models.CharField(_("signal"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["vergadering", "volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "volgorde"], name="agendapunt_volgorde_uniek"
            ),
            models.CheckConstraint(
                condition=Q(volgorde__gte=1), name="agendapunt_volgorde_vanaf_1"
            ),
            _niet_leeg("onderwerp", "agendapunt_met_onderwerp"),
            models.CheckConstraint(
                condition=Q(**_ZONDER_VERWIJZING)
                | Q(**{**_ZONDER_VERWIJZING, "peildatum__isnull": False, "signaal": ""})
                | Q(**{**_ZONDER_VERWIJZING, "verzoek__isnull": False, "signaal": ""})
                | Q(**{**_ZONDER_VERWIJZING, "knelpunt__isnull": False, "signaal": ""}),
                name="agendapunt_hoogstens_een_verwijzing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vergadering}, {self.volgorde}. {self.onderwerp}"


class Aanwezigheid(models.Model):
    """Someone present at a meeting: a name, an organisation and a role, not a user."""

    vergadering = models.ForeignKey(
        Vergadering,
        on_delete=models.CASCADE,
        related_name="aanwezigen",
        verbose_name=_("meeting"),
    )
    naam = models.CharField(_("name"), max_length=200)
    organisatie = models.CharField(_("organisation"), max_length=200)
    rol = models.CharField(_("role"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["vergadering", "organisatie", "naam"]
        constraints = [
            _niet_leeg("naam", "aanwezigheid_met_naam"),
            _niet_leeg("organisatie", "aanwezigheid_met_organisatie"),
            models.UniqueConstraint(
                fields=["vergadering", "naam", "organisatie"], name="aanwezigheid_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"


# --- The besluitenlijst and the actielijst ----------------------------------------------------


class Regietafelbesluit(models.Model):
    """A decision of the regietafel, numbered per province (not an `Opgavebesluit`)."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    nummer = models.PositiveIntegerField(_("number"))
    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.PROTECT, related_name="besluiten", verbose_name=_("meeting")
    )
    tekst = models.TextField(_("decision"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regietafel decision")
        verbose_name_plural = _("regietafel decisions")
        ordering = ["provincie", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "nummer"], name="besluit_nummer_uniek"),
            models.CheckConstraint(condition=Q(nummer__gte=1), name="besluit_nummer_vanaf_1"),
            _niet_leeg("tekst", "besluit_met_tekst"),
        ]

    def __str__(self) -> str:
        return f"{self.provincie} B{self.nummer}"


class Actie(models.Model):
    """An action of the actielijst, numbered per province; open until done or lapsed."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    nummer = models.PositiveIntegerField(_("number"))
    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.PROTECT, related_name="acties", verbose_name=_("meeting")
    )
    tekst = models.TextField(_("action"))
    eigenaar = models.CharField(
        _("owner"), max_length=200, help_text=_("An organisation or a role, e.g. COA.")
    )
    termijn = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Actiestatus.choices, default=Actiestatus.OPEN
    )
    status_op = models.DateField(
        _("status date"), null=True, blank=True, help_text=_("When it was done or lapsed.")
    )
    toelichting = models.TextField(_("explanation"), blank=True)

    history = HistoricalRecords()
    objects = ActieQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["provincie", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "nummer"], name="actie_nummer_uniek"),
            models.CheckConstraint(condition=Q(nummer__gte=1), name="actie_nummer_vanaf_1"),
            _niet_leeg("tekst", "actie_met_tekst"),
            _niet_leeg("eigenaar", "actie_met_eigenaar"),
            _keuze("status", Actiestatus, "actie_status_geldig"),
            models.CheckConstraint(
                condition=Q(status=Actiestatus.OPEN, status_op__isnull=True)
                | (~Q(status=Actiestatus.OPEN) & Q(status_op__isnull=False)),
                name="actie_afgerond_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie} A{self.nummer}"


# --- Requests of the Rijk and knelpunten ------------------------------------------------------


class Verzoek(models.Model):
    """An ad-hoc request of the Rijk: so many extra places of a kind, for the province or
    one of its veiligheidsregio's, by a date. How far it is met is computed from the
    register (`regietafel.extra_plaatsen`), never stored."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    veiligheidsregio = models.ForeignKey(
        Veiligheidsregio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("safety region"),
        help_text=_("Empty: the whole province."),
    )
    omschrijving = models.CharField(_("request"), max_length=300)
    soort = models.CharField(_("kind of places"), max_length=20, choices=Verzoeksoort.choices)
    aantal = models.PositiveIntegerField(_("extra places requested"))
    ontvangen_op = models.DateField(_("requested on"))
    uiterlijk = models.DateField(_("by"))
    antwoord = models.TextField(_("answer"), blank=True)
    beantwoord_op = models.DateField(_("answered on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Verzoekstatus.choices, default=Verzoekstatus.OPEN
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["provincie", "-ontvangen_op", "pk"]
        constraints = [
            _niet_leeg("omschrijving", "verzoek_met_omschrijving"),
            models.CheckConstraint(condition=Q(aantal__gte=1), name="verzoek_aantal_positief"),
            _keuze("soort", Verzoeksoort, "verzoek_soort_geldig"),
            _keuze("status", Verzoekstatus, "verzoek_status_geldig"),
            models.CheckConstraint(
                condition=Q(uiterlijk__gte=F("ontvangen_op")), name="verzoek_datums_op_volgorde"
            ),
            models.CheckConstraint(
                condition=~Q(status=Verzoekstatus.BEANTWOORD)
                | (Q(beantwoord_op__isnull=False) & ~Q(antwoord="")),
                name="verzoek_beantwoord_met_antwoord",
            ),
            models.CheckConstraint(
                condition=Q(beantwoord_op__isnull=True) | Q(beantwoord_op__gte=F("ontvangen_op")),
                name="verzoek_antwoord_na_ontvangst",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie}: {self.omschrijving}"

    @property
    def gebied(self) -> Provincie | Veiligheidsregio:
        return self.veiligheidsregio or self.provincie


class Knelpunt(models.Model):
    """An issue raised at a meeting and, where the PRT cannot solve it, escalated."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    thema = models.CharField(_("theme"), max_length=15, choices=Knelpuntthema.choices)
    omschrijving = models.TextField(_("bottleneck"))
    ingebracht_in = models.ForeignKey(
        Vergadering,
        on_delete=models.PROTECT,
        related_name="knelpunten",
        verbose_name=_("raised at"),
    )
    geescaleerd_naar = models.CharField(
        _("escalated to"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the national regietafel (LRT)."),
    )
    geescaleerd_op = models.DateField(_("escalated on"), null=True, blank=True)
    antwoord = models.TextField(_("answer"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Knelpuntstatus.choices, default=Knelpuntstatus.OPEN
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")
        ordering = ["provincie", "-pk"]
        constraints = [
            _niet_leeg("omschrijving", "knelpunt_met_omschrijving"),
            _keuze("thema", Knelpuntthema, "knelpunt_thema_geldig"),
            _keuze("status", Knelpuntstatus, "knelpunt_status_geldig"),
            models.CheckConstraint(
                condition=Q(geescaleerd_naar="", geescaleerd_op__isnull=True)
                | (~Q(geescaleerd_naar="") & Q(geescaleerd_op__isnull=False)),
                name="knelpunt_escalatie_naar_en_op",
            ),
            models.CheckConstraint(
                condition=~Q(status=Knelpuntstatus.GEESCALEERD) | Q(geescaleerd_op__isnull=False),
                name="knelpunt_geescaleerd_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie}: {self.get_thema_display()} ({self.pk})"


# --- Toezicht statushouders -------------------------------------------------------------------


class Toezicht(models.Model):
    """The toezicht regime of a gemeente from a date on; a new regime is a new row, so
    the rows are the gemeente's toezicht history."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    regime = models.CharField(_("regime"), max_length=10, choices=Toezichtregime.choices)
    sinds = models.DateField(_("since"))
    plan_van_aanpak = models.TextField(
        _("plan of action"),
        blank=True,
        help_text=_("What the plan of action says, or where it can be found."),
    )
    toelichting = models.TextField(_("explanation"), blank=True)

    history = HistoricalRecords()
    objects = ToezichtQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision")
        verbose_name_plural = _("supervision")
        ordering = ["gemeente__naam", "-sinds"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "sinds"], name="toezicht_uniek"),
            _keuze("regime", Toezichtregime, "toezicht_regime_geldig"),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente}: {self.get_regime_display()} ({self.sinds:%-d-%-m-%Y})"


class Toezichtafspraak(models.Model):
    """An agreement with a gemeente under toezicht, with the date agreed."""

    toezicht = models.ForeignKey(
        Toezicht, on_delete=models.CASCADE, related_name="afspraken", verbose_name=_("supervision")
    )
    omschrijving = models.CharField(_("agreement"), max_length=300)
    datum = models.DateField(_("agreed date"))
    nagekomen_op = models.DateField(_("fulfilled on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("supervision agreement")
        verbose_name_plural = _("supervision agreements")
        ordering = ["toezicht", "datum", "pk"]
        constraints = [_niet_leeg("omschrijving", "toezichtafspraak_met_omschrijving")]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.datum:%-d-%-m-%Y})"


# --- The Spreidingswet cycle ------------------------------------------------------------------


class Mijlpaal(models.Model):
    """A milestone of a province's Spreidingswet cycle (named after its first year)."""

    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    cyclus = models.PositiveSmallIntegerField(_("cycle"), help_text=_("First year, e.g. 2024."))
    soort = models.CharField(_("milestone"), max_length=30, choices=Mijlpaalsoort.choices)
    uiterlijk = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Mijlpaalstatus.choices, default=Mijlpaalstatus.OPEN
    )
    gereed_op = models.DateField(_("done on"), null=True, blank=True)
    toelichting = models.TextField(_("explanation"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["provincie", "-cyclus", "uiterlijk", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "cyclus", "soort"], name="mijlpaal_uniek_per_cyclus"
            ),
            models.CheckConstraint(
                condition=Q(cyclus__gte=2024, cyclus__lte=2100), name="mijlpaal_cyclus_jaar"
            ),
            _keuze("soort", Mijlpaalsoort, "mijlpaal_soort_geldig"),
            _keuze("status", Mijlpaalstatus, "mijlpaal_status_geldig"),
            models.CheckConstraint(
                condition=Q(status=Mijlpaalstatus.GEREED, gereed_op__isnull=False)
                | (~Q(status=Mijlpaalstatus.GEREED) & Q(gereed_op__isnull=True)),
                name="mijlpaal_gereed_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provincie} {self.cyclus}: {self.get_soort_display()}"
