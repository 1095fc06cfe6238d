"""The statushouders table over a half year (issue 14, item 2 and blocker 2): any month
can be entered, the derived figures follow the carry-over rule, a peildatum's link opens
the months it counts, and saving goes through `huisvesting_opslaan` with its locks.

Overijssel werkplan 2024, 2024-I: Deventer taakstelling 108 with a voorsprong of 13,
so 95 to be housed; Zwolle 139 + 49 = 188.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from realisatie.models import Huisvesting, Peildatum

HALFJAAR = reverse("invoer:statushouders_halfjaar", args=["PV23", "2024-I"])
D = datetime.date


@pytest.fixture
def ingelogd(client, secretaris):
    client.force_login(secretaris)
    return client


def formulier(antwoord) -> dict[str, str]:
    data = {}
    for form, _rij in antwoord.context["rijen"]:
        for veld in form:
            waarde = veld.value()
            data[veld.html_name] = "" if waarde in (None, False) else str(waarde)
    return data


def rij(antwoord, code: str):
    return next(r for _f, r in antwoord.context["rijen"] if r.gemeente.code == code)


def test_a_row_per_gemeente_and_a_column_per_month(ingelogd, overijssel):
    antwoord = ingelogd.get(HALFJAAR)
    assert antwoord.status_code == 200
    assert len(antwoord.context["rijen"]) == 25
    form, deventer = next(
        (f, r) for f, r in antwoord.context["rijen"] if r.gemeente.code == "GM0150"
    )
    assert [v.name for v in form.invoervelden()] == [f"2024-0{m}" for m in range(1, 7)]
    # From the rules of realisatie.achterstand, nothing entered yet: unknown, not 0.
    assert (deventer.stand_begin, deventer.taakstelling, deventer.te_realiseren) == (-13, 108, 95)
    assert (deventer.gehuisvest, deventer.stand, deventer.percentage) == (None, None, None)
    html = antwoord.content.decode()
    assert 'aria-label="Deventer, februari 2024"' in html


def test_saving_months_updates_the_derived_figures(ingelogd, overijssel, secretaris):
    data = formulier(ingelogd.get(HALFJAAR))
    data.update({"GM0150-2024-01": "20", "GM0150-2024-02": "25", "GM0150-2024-03": "10"})
    antwoord = ingelogd.post(HALFJAAR, data, follow=True)

    assert antwoord.status_code == 200
    assert "Opgeslagen: 1 gemeente gewijzigd." in antwoord.content.decode()
    maanden = Huisvesting.objects.filter(gemeente__code="GM0150").order_by("van")
    assert [(h.van, h.tot_en_met, h.gehuisvest) for h in maanden] == [
        (D(2024, 1, 1), D(2024, 1, 31), 20),
        (D(2024, 2, 1), D(2024, 2, 29), 25),
        (D(2024, 3, 1), D(2024, 3, 31), 10),
    ]
    assert {h.history.first().history_user for h in maanden} == {secretaris}
    deventer = rij(antwoord, "GM0150")
    # 95 to be housed, 55 housed: stand 40, 58%.
    assert (deventer.gehuisvest, deventer.stand, deventer.percentage) == (55, 40, 58)

    # The peildatum 1-3-2024 counts January and February only: 45 housed, 50 to go, 47%.
    per_maart = ingelogd.get(f"{HALFJAAR}?peildatum=2024-03-01")
    deventer = rij(per_maart, "GM0150")
    assert (deventer.gehuisvest, deventer.stand, deventer.percentage) == (45, 50, 47)
    assert per_maart.context["laatste_geteld"] == D(2024, 2, 1)


def test_amv_and_explanation_of_a_month_are_kept(ingelogd, overijssel, secretaris):
    from realisatie.invoer import services
    from realisatie.invoer.rijen import HuisvestingRij

    services.huisvesting_opslaan(
        provincie=overijssel,
        door=secretaris,
        rijen=[
            HuisvestingRij(
                "GM0150", D(2024, 1, 1), D(2024, 1, 31), 20, waarvan_amv=2, toelichting="Nidos"
            )
        ],
    )
    data = formulier(ingelogd.get(HALFJAAR))
    data["GM0150-2024-01"] = "22"
    assert ingelogd.post(HALFJAAR, data).status_code == 302
    januari = Huisvesting.objects.get(gemeente__code="GM0150", van=D(2024, 1, 1))
    assert (januari.gehuisvest, januari.waarvan_amv, januari.toelichting) == (22, 2, "Nidos")
    assert januari.versie == 2


def test_a_month_of_a_vastgestelde_peildatum_is_read_only(ingelogd, overijssel):
    Peildatum.objects.create(
        provincie=overijssel,
        datum=D(2024, 2, 1),
        vastgesteld_op=datetime.datetime(2024, 2, 5, tzinfo=datetime.UTC),
    )
    antwoord = ingelogd.get(HALFJAAR)
    form = antwoord.context["rijen"][0][0]
    assert "readonly" in str(form["2024-01"]) and "readonly" not in str(form["2024-02"])

    data = formulier(antwoord)
    data["GM0150-2024-01"] = "20"
    antwoord = ingelogd.post(HALFJAAR, data)
    assert antwoord.status_code == 400
    [melding] = antwoord.context["samenvatting"]
    assert "tellen mee in de vastgestelde peildatum(s) 1-2-2024" in melding.tekst
    assert not Huisvesting.objects.filter(gemeente__code="GM0150").exists()

    data["GM0150-2024-01"], data["GM0150-2024-02"] = "", "15"  # February is open
    assert ingelogd.post(HALFJAAR, data).status_code == 302
    assert Huisvesting.objects.get(gemeente__code="GM0150").van == D(2024, 2, 1)


def test_a_tenfold_month_is_confirmed_in_its_row(ingelogd, overijssel):
    data = formulier(ingelogd.get(HALFJAAR))
    data.update({"GM0150-2024-01": "3", "GM0150-2024-02": "30"})
    antwoord = ingelogd.post(HALFJAAR, data)
    assert antwoord.status_code == 400
    form = next(f for f, r in antwoord.context["rijen"] if r.gemeente.code == "GM0150")
    assert form.waarschuwingen == {
        "2024-02": [
            "Gehuisvest: 30 is tien keer het cijfer van januari 2024 (3) of meer; "
            "bevestig dat het klopt."
        ]
    }
    assert not Huisvesting.objects.filter(gemeente__code="GM0150").exists()
    data["GM0150-bevestigd"] = "on"
    assert ingelogd.post(HALFJAAR, data).status_code == 302
    assert Huisvesting.objects.filter(gemeente__code="GM0150").count() == 2


def test_the_peildatum_link_opens_the_months_it_counts(ingelogd, overijssel):
    Peildatum.objects.create(provincie=overijssel, datum=D(2024, 3, 1))
    Peildatum.objects.create(provincie=overijssel, datum=D(2024, 1, 1))
    pagina = ingelogd.get(reverse("invoer:provincie", args=["PV23"]))
    links = {r.peildatum.datum: r.statushouders_url for r in pagina.context["peildata"]}
    # Per 1-3-2024: 2024-I up to February; per 1-1-2024 the whole of 2023-II.
    assert links[D(2024, 3, 1)] == f"{HALFJAAR}?peildatum=2024-03-01"
    assert links[D(2024, 1, 1)] == (
        reverse("invoer:statushouders_halfjaar", args=["PV23", "2023-II"]) + "?peildatum=2024-01-01"
    )
    assert 'href="/invoer/PV23/statushouders/halfjaar/2024-I/?peildatum=2024-03-01"' in (
        pagina.content.decode()
    )


def test_the_month_page_links_to_the_months_around_it(ingelogd, overijssel):
    antwoord = ingelogd.get(reverse("invoer:statushouders", args=["PV23", "2024-01"]))
    html = antwoord.content.decode()
    assert 'href="/invoer/PV23/statushouders/2023-12/"' in html
    assert 'href="/invoer/PV23/statushouders/2024-02/"' in html
    assert 'href="/invoer/PV23/statushouders/halfjaar/2024-I/"' in html


def test_a_member_may_not_open_the_table(client, demodata):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="lid"))
    assert client.get(HALFJAAR).status_code == 403
