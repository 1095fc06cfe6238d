"""The dashboard through real requests: the provinciaal plan's tables, the status per
block, sortable regional tables, drill-down and a fixed number of queries."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from opgaven.models import Opgavesoort, Uitruil
from realisatie.models import Capaciteitsperiode, Opvanglocatie
from toegang.models import Rol, Rolsoort


@pytest.fixture
def lid(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


def tabel(html: str, attribuut: str) -> str:
    begin = html.index(attribuut)
    return html[begin : html.index("</table>", begin)]


def rij(html: str, code: str) -> str:
    begin = html.index(f'data-code="{code}"')
    return html[begin : html.index("</tr>", begin)]


def cellen(fragment: str) -> list[str]:
    """The cells' text; a figure for the area as a whole keeps its " *" off here."""
    return [
        re.sub(r"<[^>]+>", "", c).strip().removesuffix(" *")
        for c in re.findall(r"<td[^>]*>(.*?)</td>", fragment, re.S)
    ]


def test_gelderland_plan_tables_on_1_1_2024(lid):
    html = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "2024-01-01"}).content
    html = html.decode()
    asiel = tabel(html, 'data-plan="asiel"')
    assert "Realisatie asielopgave per 1-1-2024" in html
    assert cellen(rij(asiel, "PV25")) == [
        "7.590", "9.274", "10.238", "2.648", "5.529", "3.399", "1.310", "995"
    ]  # fmt: skip
    assert "Geplande realisatie 31-3-2024 (plan)" in asiel

    statushouders = tabel(html, 'data-plan="statushouders"')
    halfjaren = re.findall(r'data-halfjaar="([^"]+)"', statushouders)
    assert halfjaren == ["2023-I", "2023-II", "2024-I"]  # as the plan prints them
    eerste = statushouders[statushouders.index('"2023-I"') :]
    assert cellen(eerste)[:2] == ["2.548 (-316)", "1.786"]
    tweede = statushouders[statushouders.index('"2023-II"') :]
    assert cellen(tweede)[:2] == ["2.116 (+519)", "1.847"]
    # −316 + 2.548 − 1.786 = 446, not the published +519: shown, not hidden.
    assert "+446" in cellen(tweede)[2] and "wijkt af van de gepubliceerde +519" in cellen(tweede)[2]


def test_gelderland_statushouders_2024_I_carry_matches_the_plan(lid):
    html = lid.get(reverse("provincie", args=["PV25"])).content.decode()
    statushouders = tabel(html, 'data-plan="statushouders"')
    derde = statushouders[statushouders.index('"2024-I"') :]
    assert cellen(derde)[0] == "2.251 (+788)"
    assert cellen(derde)[1] == "niet geregistreerd"
    assert cellen(derde)[2] == "+788"  # 519 + 2.116 − 1.847, as published
    assert "wijkt af" not in cellen(derde)[2]


def test_gelderland_oekraine_plan_table(lid):
    html = lid.get(reverse("provincie", args=["PV25"])).content.decode()
    oekraine = tabel(html, 'data-plan="oekraine"')
    assert "Realisatie opgave opvang ontheemden Oekraïne per 8-1-2024" in html
    assert cellen(rij(oekraine, "VR06")) == ["5.045", "4.436", "-609", "931"]
    assert cellen(rij(oekraine, "VR07")) == ["3.768", "3.343", "-425", "niet geregistreerd"]
    assert cellen(rij(oekraine, "VR08")) == ["3.471", "3.304", "-167", "niet geregistreerd"]
    assert cellen(rij(oekraine, "PV25"))[:3] == ["12.284", "11.083", "-1.201"]


def test_status_per_block_with_its_thresholds_explained(lid):
    html = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "2024-01-08"}).content
    html = html.decode()
    blokken = dict(re.findall(r'data-status-blok="(\w+)".*?data-status="([\w-]+)"', html, re.S))
    # 9.274 of 7.590 asiel places; 11.083 of 12.284 GOO; 2023-II housed 1.847 of 2.635.
    assert blokken == {"asiel": "op-koers", "oekraine": "achter", "statushouders": "onbekend"}
    assert "1.201 tekort" in html
    assert "Hoe de status bepaald wordt" in html and "n/6" in html


def test_overijssel_regional_tables_with_subtotals_and_sorting(lid):
    url = reverse("provincie", args=["PV23"])
    html = lid.get(url).content.decode()
    ijsselland = tabel(html, 'data-regio="overijssel-ijsselland"')
    assert "Deventer" in ijsselland and "Enschede" not in ijsselland
    voet = ijsselland[ijsselland.index("<tfoot") :]
    assert "Subtotaal IJsselland" in voet and ">3.050<" in voet

    gesorteerd = lid.get(url, {"asiel-overijssel-ijsselland-sort": "-opgave"}).content.decode()
    ijsselland = tabel(gesorteerd, 'data-regio="overijssel-ijsselland"')
    body = ijsselland[ijsselland.index("<tbody") : ijsselland.index("</tbody>")]
    opgaven = [int(c.replace(".", "")) for c in re.findall(
        r'data-kolom="opgave"[^>]*>\s*<span class="">([\d.]+)<', body
    )]  # fmt: skip
    assert len(opgaven) == 11 and opgaven == sorted(opgaven, reverse=True)
    assert opgaven[0] == 717  # Zwolle, IJsselland's largest opgave (Overijssel werkplan)


def test_drill_down_to_subregio(lid):
    html = lid.get(reverse("gebied", args=["PV23", "overijssel-ijsselland"])).content.decode()
    asiel = tabel(html, 'data-blok="asiel"')
    assert cellen(rij(asiel, "overijssel-ijsselland"))[:2] == ["3.050", "260"]
    assert "Deventer" in asiel and "Twente" not in asiel
    assert lid.get(reverse("gebied", args=["PV23", "bestaat-niet"])).status_code == 404


def test_gemeente_page(lid):
    deventer = Gemeente.objects.get(code="GM0150")
    locatie = Opvanglocatie.objects.create(
        gemeente=deventer, naam="Noodopvang Zuid", soort="NO", beheerder="gemeente"
    )
    Capaciteitsperiode.objects.create(
        locatie=locatie,
        plaatsen=150,
        van=datetime.date(2024, 1, 1),
        tot_en_met=datetime.date(2026, 6, 30),
        status="gerealiseerd",
    )
    Uitruil.objects.create(
        soort=Opgavesoort.ASIEL,
        van_gemeente=Gemeente.objects.get(code="GM0148"),
        naar_gemeente=deventer,
        aantal=20,
        begin=datetime.date(2025, 1, 1),
        einde=datetime.date(2026, 12, 31),
    )
    html = lid.get(reverse("gemeente", args=["GM0150"])).content.decode()
    assert "<h1>Deventer</h1>" in html
    opgaven = tabel(html, 'data-tabel="opgaven"')
    assert ">529<" in opgaven and ">108<" in opgaven
    locaties = tabel(html, 'data-tabel="locaties"')
    assert "Noodopvang Zuid" in locaties and ">150<" in locaties and ">30-6-2026<" in locaties
    uitruil = tabel(html, 'data-tabel="uitruil"')
    assert "Dalfsen" in uitruil and ">20<" in uitruil and ">31-12-2026<" in uitruil
    halfjaren = tabel(html, 'data-tabel="halfjaren"')
    assert cellen(halfjaren[halfjaren.index('"2024-I"') :])[:2] == ["108", "-13"]


def test_gemeente_page_of_another_province_is_forbidden(demodata, client):
    gebruiker = get_user_model().objects.create_user("lid-flevoland")
    Rol.objects.create(
        gebruiker=gebruiker, soort=Rolsoort.LID, provincie=Provincie.objects.get(code="PV24")
    )
    client.force_login(gebruiker)
    assert client.get(reverse("gemeente", args=["GM0150"])).status_code == 403
    assert client.get(reverse("gebied", args=["PV23", "overijssel-twente"])).status_code == 403
    assert client.get(reverse("landelijk")).status_code == 403


def test_dashboard_queries_do_not_grow_with_the_number_of_gemeenten(lid):
    # Warm: the session's activity stamp and the cache generation token are written once.
    lid.get(reverse("provincie", args=["PV23"]))

    def queries(code):
        with CaptureQueriesContext(connection) as context:
            assert lid.get(reverse("provincie", args=[code])).status_code == 200
        return len(context.captured_queries)

    # Overijssel 25 gemeenten, Gelderland 51: the same fixed number of queries.
    assert queries("PV23") == queries("PV25") <= 25


def test_region_and_gemeente_pages_have_a_fixed_number_of_queries(lid):
    lid.get(reverse("gemeente", args=["GM0150"]))  # warm, as above

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            assert lid.get(url).status_code == 200
        return len(context.captured_queries)

    twente = queries(reverse("gebied", args=["PV23", "overijssel-twente"]))
    achterhoek = queries(reverse("gebied", args=["PV25", "gelderland-achterhoek"]))
    assert twente == achterhoek <= 25
    assert queries(reverse("gemeente", args=["GM0150"])) == queries(
        reverse("gemeente", args=["GM0197"])
    )
