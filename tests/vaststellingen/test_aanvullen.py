"""A peildatum vastgesteld before records were kept gets one from the command, once."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from realisatie.models import Peildatum
from tests.vaststellingen.conftest import VASTGESTELD
from vaststellingen.models import Vaststelling

pytestmark = pytest.mark.django_db


def test_the_command_records_what_was_vastgesteld_without_a_record(
    gelderland, secretaris_gelderland, lezer
):
    moment = timezone.now()
    Peildatum.objects.filter(provincie=gelderland, datum=VASTGESTELD).update(
        vastgesteld_op=moment, vastgesteld_door=secretaris_gelderland
    )
    assert not Vaststelling.objects.exists()
    call_command("vastleggingen_aanvullen")
    call_command("vastleggingen_aanvullen")  # a second run adds nothing
    vaststelling = Vaststelling.objects.get()
    assert (vaststelling.volgnummer, vaststelling.vastgesteld_op) == (1, moment)
    assert vaststelling.vastgesteld_door == secretaris_gelderland
    pagina = lezer.get(f"/provincies/PV25/?peildatum={VASTGESTELD.isoformat()}")
    assert "9.274" in pagina.content.decode()
    assert pagina.context["vaststelling"] == vaststelling
