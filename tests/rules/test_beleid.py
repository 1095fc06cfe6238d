"""Who may read a province and who sees the entry pages, decided on the roles a user
holds (`toegang.beleid`), without the database: the roles are given as a request would
have read them once."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gemeenten.models import Gemeente, Provincie
from toegang.beleid import mag_ergens_invoeren, mag_lezen
from toegang.models import Rol, Rolsoort

GELDERLAND = Provincie(pk=6, code="PV25", naam="Gelderland")
OVERIJSSEL = Provincie(pk=5, code="PV23", naam="Overijssel")
DEVENTER = Gemeente(pk=150, code="GM0150", naam="Deventer", provincie=OVERIJSSEL)


def gebruiker(*rollen: Rol, superuser: bool = False):
    return SimpleNamespace(is_authenticated=True, is_superuser=superuser, _prt_rollen=list(rollen))


def rol(soort: str, provincie: Provincie | None = None, gemeente: Gemeente | None = None) -> Rol:
    return Rol(soort=soort, provincie=provincie, gemeente=gemeente)


@pytest.mark.parametrize(
    ("wie", "gelderland", "overijssel"),
    [
        (gebruiker(rol(Rolsoort.BEHEERDER)), True, True),
        (gebruiker(rol(Rolsoort.LANDELIJK)), True, True),
        (gebruiker(superuser=True), True, True),
        (gebruiker(rol(Rolsoort.SECRETARIS, GELDERLAND)), True, False),
        (gebruiker(rol(Rolsoort.LID, OVERIJSSEL)), False, True),
        (gebruiker(rol(Rolsoort.LID, GELDERLAND), rol(Rolsoort.LID, OVERIJSSEL)), True, True),
        (gebruiker(rol(Rolsoort.INVOERDER, gemeente=DEVENTER)), False, True),
        (gebruiker(), False, False),
    ],
)
def test_who_may_read_a_province(wie, gelderland, overijssel):
    assert mag_lezen(wie, GELDERLAND) is gelderland
    assert mag_lezen(wie, OVERIJSSEL) is overijssel


@pytest.mark.parametrize(
    ("wie", "ziet_invoer"),
    [
        (gebruiker(rol(Rolsoort.BEHEERDER)), True),
        (gebruiker(superuser=True), True),
        (gebruiker(rol(Rolsoort.SECRETARIS, GELDERLAND)), True),
        (gebruiker(rol(Rolsoort.INVOERDER, gemeente=DEVENTER)), True),
        (gebruiker(rol(Rolsoort.LANDELIJK)), False),
        (gebruiker(rol(Rolsoort.LID, GELDERLAND), rol(Rolsoort.LID, OVERIJSSEL)), False),
        (gebruiker(), False),
    ],
)
def test_who_sees_the_entry_pages(wie, ziet_invoer):
    assert mag_ergens_invoeren(wie) is ziet_invoer
