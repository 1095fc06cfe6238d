"""Drill-down: a Gelderland member reaches every gemeente page by clicking, in at most
three clicks from the dashboard (province → region → subregio → gemeente), and the
breadcrumb of a gemeente follows the same tree."""

from __future__ import annotations

import re

from django.urls import reverse

from gemeenten.models import Gemeente


def links(client, url: str) -> set[str]:
    html = client.get(url).content.decode()
    return set(re.findall(r'href="(/(?:provincies|gemeenten)/[^"?]+)"', html))


def test_every_gelderland_gemeente_within_three_clicks(lid):
    start = reverse("provincie", args=["PV25"])
    bereikt, rand = {start}, {start}
    for _klik in range(3):
        rand = {doel for url in rand for doel in links(lid, url)} - bereikt
        bereikt |= rand
    gemeenten = {
        reverse("gemeente", args=[g.code])
        for g in Gemeente.objects.filter(provincie__code="PV25", geldig_tot_en_met__isnull=True)
    }
    assert len(gemeenten) == 51
    assert gemeenten <= bereikt, sorted(gemeenten - bereikt)[:5]


def test_a_subregio_page_lists_its_gemeenten_even_without_figures(lid):
    html = lid.get(reverse("gebied", args=["PV25", "gelderland-achterhoek"])).content.decode()
    asiel = html[html.index('data-blok="asiel"') :]
    asiel = asiel[: asiel.index("</table>")]
    assert 'href="/gemeenten/GM0197/"' in asiel  # Aalten, known only as part of the province


def test_the_breadcrumb_follows_the_tree(lid):
    html = lid.get(reverse("gemeente", args=["GM0197"])).content.decode()
    begin = html.index('class="kruimelpad"')
    kruimelpad = html[begin : html.index("</nav>", begin)]
    namen = re.findall(r">([^<>]+)</(?:a|span)>", kruimelpad)
    assert namen == ["Gelderland", "Noord- en Oost-Gelderland", "Achterhoek", "Aalten"]
