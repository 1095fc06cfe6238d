"""The national page (`realisatie.landelijk`, `realisatie.capaciteitsbesluit`) through
real requests: the provinces side by side, Nederland with the same signs."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.realisatie.hulp import rijtekst
from toegang.models import Rol, Rolsoort

D = datetime.date


def test_national_overview_for_the_beheerder_only(demodata, client, lid):
    assert lid.get(reverse("landelijk")).status_code == 403
    client.force_login(get_user_model().objects.get(username="beheerder"))
    html = client.get(reverse("landelijk"), {"peildatum": "2023-04-01"}).content.decode()
    zij_aan_zij = html[: html.index('data-tabel="besluittabel"')]
    assert zij_aan_zij.count('<tr data-code="PV') == 12
    gelderland = " ".join(rijtekst(html, 'data-code="PV25"').replace(" *", "").split())
    assert 'data-code="PV25"> Gelderland 7.590 4.735 tekort 2.855' in gelderland
    nederland = rijtekst(html, 'data-code="NL"')
    assert nederland.split()[1:3] == ["Nederland", "77.100"]


def test_national_role_sees_every_province(demodata, client):
    rijk = get_user_model().objects.create_user("rijk")
    Rol.objects.create(gebruiker=rijk, soort=Rolsoort.LANDELIJK)
    client.force_login(rijk)
    assert client.get(reverse("landelijk")).status_code == 200
    assert client.get(reverse("provincie", args=["PV24"])).status_code == 200


def test_national_letter_table_per_province(demodata, client):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    html = client.get(reverse("landelijk"), {"peildatum": "2023-04-01"}).content.decode()
    tabel = html[html.index('data-tabel="besluittabel"') :]
    gelderland = tabel[
        tabel.index('data-code="PV25"') : tabel.index("</tr>", tabel.index('data-code="PV25"'))
    ]
    for kolom, waarde in (
        ("regulier", "4.735"),
        ("basis", "7.454"),
        ("extra", "136"),
        ("opgave", "7.590"),
        ("verhoging", "2.855"),
    ):
        assert f'data-kolom="{kolom}">{waarde}<' in gelderland, kolom
    zuid_holland = tabel[tabel.index('data-code="PV28"') :]
    assert 'data-kolom="verhoging">16.193<' in zuid_holland


def test_nederland_row_is_the_letters_total_with_the_same_sign(demodata):
    from realisatie.landelijk import landelijk

    beeld = landelijk(D(2023, 4, 1))
    nederland = beeld.totalen["asiel"]
    # National letter (capaciteitsbehoefte 2023-II): 35.152 regular places against
    # 77.100, an increase of 41.948 needed: the verschil reads as a shortfall, like
    # every province's.
    assert nederland.waarde("opgave_effectief") == 77_100
    assert nederland.waarde("realisatie") == 35_152
    assert nederland.waarde("verschil") == -41_948
    gelderland = next(o for o in beeld.overzichten if o.provincie.code == "PV25")
    assert gelderland.blok("asiel").totaal.waarde("verschil") == -2_855
    assert nederland.cijfer("realisatie").bron == "gemeenten"  # every province known
