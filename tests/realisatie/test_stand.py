"""The page header names what the figures describe (`{% stand %}`): the peildatum, or per
block its own dates for the latest known figures, and vastgesteld or voorlopig; never
"today" as the stand."""

from __future__ import annotations

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from realisatie.models import Peildatum


def stand(html: str) -> str:
    begin = html.index('class="stand"')
    return " ".join(re.sub(r"<[^>]+>", " ", html[begin : html.index("</div>", begin)]).split())


def test_latest_figures_name_each_blocks_own_dates_and_are_provisional(lid):
    html = lid.get(reverse("provincie", args=["PV25"])).content.decode()
    assert 'data-stand="voorlopig"' in html
    tekst = stand(html)
    # Gelderland's plan: asiel per 1-1-2024, Oekraïne per 8-1-2024, half year 2024-I.
    assert "Voorlopig" in tekst and "De laatst bekende cijfers, niet vastgesteld:" in tekst
    assert "Asielopvang: per 1-1-2024" in tekst
    assert "Opvang ontheemden Oekraïne: per 8-1-2024" in tekst
    assert "Huisvesting statushouders: halfjaar 2024-I" in tekst
    vandaag = timezone.localdate()
    assert f"{vandaag.day}-{vandaag.month}-{vandaag.year}" not in tekst


def test_an_adopted_peildatum_says_so(lid):
    peildatum = Peildatum.objects.get(provincie__code="PV25", datum=datetime.date(2024, 1, 1))
    html = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "2024-01-01"}).content
    assert "Cijfers per peildatum 1 januari 2024, nog niet vastgesteld." in stand(html.decode())
    peildatum.vastgesteld_op = timezone.make_aware(datetime.datetime(2024, 2, 3, 10, 0))
    peildatum.save()
    html = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "2024-01-01"}).content
    html = html.decode()
    assert 'data-stand="vastgesteld"' in html
    assert "vastgesteld door de regietafel op 3-2-2024" in stand(html)
