"""A closed half year's statushouders figures are kept by what they are made of
(`halfjaarverloop._gesloten`): the tree's shape and the half year's rows, compared in
full. No database."""

from __future__ import annotations

import datetime

from gemeenten.boom import Knoop
from realisatie.bronnen import Huisvestingsrij, Taakstellingrij
from realisatie.halfjaarverloop import Boomvorm, _cijfers, _gesloten

D = datetime.date


def boom(naam_a: str = "A-dorp", b_onder_regio: bool = True) -> Knoop:
    """A province with one region holding gemeente A (and B, or B directly below the
    province)."""
    a = Knoop("gemeente", "GM1", naam_a, [("gemeente", 1)], diepte=2)
    b = Knoop("gemeente", "GM2", "B-stad", [("gemeente", 2)], diepte=2)
    regio = Knoop("veiligheidsregio", "VR1", "Regio", [("veiligheidsregio", 9)], [a], 1)
    wortel = Knoop("provincie", "PV1", "Provincie", [("provincie", 7)], [regio], 0)
    if b_onder_regio:
        regio.kinderen.append(b)
    else:
        b.diepte = 1
        wortel.kinderen.append(b)
    return wortel


TAAK = (
    Taakstellingrij(("gemeente", 1), 5, 40, None, 3, None),
    Taakstellingrij(("gemeente", 2), 5, 60, None, -2, None),
)
HUIS = (
    Huisvestingsrij(("gemeente", 1), D(2023, 1, 1), D(2023, 6, 30), 30, None),
    Huisvestingsrij(("gemeente", 2), D(2023, 1, 1), D(2023, 6, 30), 55, None),
)


def test_the_figures_of_a_half_year_per_area():
    cijfers = {code: rest for code, *rest in _cijfers(Boomvorm(boom()), TAAK, HUIS, False)}
    # (taakstelling, stand at the start, housed), added up the tree (rule 1).
    assert cijfers == {
        "PV1": [100, 1, 85],
        "VR1": [100, 1, 85],
        "GM1": [40, 3, 30],
        "GM2": [60, -2, 55],
    }
    assert _cijfers(Boomvorm(boom()), TAAK, HUIS, True) == (("PV1", 100, 1, 85),)


def test_trees_of_the_same_shape_are_one_key_whatever_their_names():
    assert Boomvorm(boom()) == Boomvorm(boom(naam_a="A-dorp (nieuw)"))
    assert hash(Boomvorm(boom())) == hash(Boomvorm(boom(naam_a="ander")))
    assert Boomvorm(boom()) != Boomvorm(boom(b_onder_regio=False))


def test_kept_until_what_it_is_made_of_changes():
    _gesloten.cache_clear()
    eerst = _gesloten(Boomvorm(boom()), TAAK, HUIS, False)
    # A tree built anew for the next request, same shape: kept.
    assert _gesloten(Boomvorm(boom()), TAAK, HUIS, False) is eerst
    assert _gesloten.cache_info().hits == 1
    # One row housed more: computed anew, not the kept figures.
    meer = (HUIS[0]._replace(gehuisvest=31), HUIS[1])
    anders = {code: rest for code, *rest in _gesloten(Boomvorm(boom()), TAAK, meer, False)}
    assert anders["PV1"] == [100, 1, 86]
    # Gemeente B moved out of the region: the region no longer adds it up.
    verhuisd = _gesloten(Boomvorm(boom(b_onder_regio=False)), TAAK, HUIS, False)
    assert {code: rest for code, *rest in verhuisd}["VR1"] == [40, 3, 30]
    assert _gesloten.cache_info().hits == 1
