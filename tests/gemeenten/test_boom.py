"""The tree of areas (`gebiedsboom`), built from unsaved instances: no database.

The three shapes of the source documents: Overijssel (each veiligheidsregio is one
subregio), Gelderland (veiligheidsregio's with several subregio's) and Flevoland (one
veiligheidsregio, no subregio's).
"""

from __future__ import annotations

from gemeenten.boom import Knoop, gebiedsboom
from gemeenten.models import Gemeente, Niveau, Provincie, Subregio, Veiligheidsregio


def gemeenten_in(
    provincie: Provincie,
    regio: Veiligheidsregio | None,
    subregio: Subregio | None,
    *namen: str,
    eerste_pk: int,
) -> list[Gemeente]:
    return [
        Gemeente(
            pk=eerste_pk + i,
            code=f"GM{eerste_pk + i:04d}",
            naam=naam,
            provincie=provincie,
            veiligheidsregio=regio,
            subregio=subregio,
        )
        for i, naam in enumerate(namen)
    ]


def vorm(knoop: Knoop) -> tuple:
    """(niveau, naam, [children]) for comparing a whole tree at once."""
    return (str(knoop.niveau), knoop.naam, [vorm(kind) for kind in knoop.kinderen])


def bladeren(*namen: str) -> list[tuple]:
    return [("gemeente", naam, []) for naam in namen]


def namen(knopen: list[Knoop]) -> list[str]:
    return [k.naam for k in knopen]


# --- Overijssel: veiligheidsregio = subregio ------------------------------------------


def overijssel() -> tuple[Provincie, list[Gemeente]]:
    provincie = Provincie(pk=1, code="PV23", naam="Overijssel")
    ijsselland_vr = Veiligheidsregio(pk=4, code="VR04", naam="IJsselland", provincie=provincie)
    twente_vr = Veiligheidsregio(pk=5, code="VR05", naam="Twente", provincie=provincie)
    # Twente's subregio gets the lower pk and sorts first by name: the order of the
    # table must follow the veiligheidsregio code, not either of those.
    twente = Subregio(
        pk=1, code="twente", naam="Twente", provincie=provincie, veiligheidsregio=twente_vr
    )
    ijsselland = Subregio(
        pk=2,
        code="ijsselland",
        naam="IJsselland",
        provincie=provincie,
        veiligheidsregio=ijsselland_vr,
    )
    gemeenten = [
        *gemeenten_in(provincie, twente_vr, twente, "Hengelo", "Almelo", "Enschede", eerste_pk=10),
        *gemeenten_in(
            provincie, ijsselland_vr, ijsselland, "Zwolle", "Deventer", "Dalfsen", eerste_pk=20
        ),
    ]
    return provincie, gemeenten


def test_overijssel_subregio_staat_ook_voor_de_veiligheidsregio():
    provincie, gemeenten = overijssel()

    boom = gebiedsboom(provincie, gemeenten)

    assert vorm(boom) == (
        "provincie",
        "Overijssel",
        [
            ("subregio", "IJsselland", bladeren("Dalfsen", "Deventer", "Zwolle")),
            ("subregio", "Twente", bladeren("Almelo", "Enschede", "Hengelo")),
        ],
    )
    assert boom.sleutels == [(Niveau.PROVINCIE, 1)]
    ijsselland, twente = boom.kinderen
    assert ijsselland.sleutels == [(Niveau.SUBREGIO, 2), (Niveau.VEILIGHEIDSREGIO, 4)]
    assert twente.sleutels == [(Niveau.SUBREGIO, 1), (Niveau.VEILIGHEIDSREGIO, 5)]
    assert ijsselland.code == "ijsselland"
    deventer = ijsselland.kinderen[1]
    assert (deventer.code, deventer.sleutels) == ("GM0021", [(Niveau.GEMEENTE, 21)])
    assert deventer.is_gemeente
    assert not ijsselland.is_gemeente


def test_overijssel_diepte_en_volgorde():
    provincie, gemeenten = overijssel()

    boom = gebiedsboom(provincie, gemeenten)

    assert [(k.diepte, k.naam) for k in boom.doorlopen()] == [
        (0, "Overijssel"),
        (1, "IJsselland"),
        (2, "Dalfsen"),
        (2, "Deventer"),
        (2, "Zwolle"),
        (1, "Twente"),
        (2, "Almelo"),
        (2, "Enschede"),
        (2, "Hengelo"),
    ]


# --- Gelderland: veiligheidsregio -> subregio -> gemeente -----------------------------


def gelderland() -> tuple[Provincie, list[Gemeente]]:
    provincie = Provincie(pk=2, code="PV25", naam="Gelderland")
    noord_oost = Veiligheidsregio(
        pk=6, code="VR06", naam="Noord- en Oost-Gelderland", provincie=provincie
    )
    midden = Veiligheidsregio(pk=7, code="VR07", naam="Gelderland-Midden", provincie=provincie)

    def subregio(pk: int, naam: str, regio: Veiligheidsregio) -> Subregio:
        return Subregio(
            pk=pk, code=naam.lower(), naam=naam, provincie=provincie, veiligheidsregio=regio
        )

    achterhoek = subregio(3, "Achterhoek", noord_oost)
    noord_veluwe = subregio(4, "Noord-Veluwe", noord_oost)
    stedendriehoek = subregio(5, "Stedendriehoek", noord_oost)
    arnhem = subregio(6, "Arnhem e.o.", midden)
    food_valley = subregio(7, "Food Valley", midden)
    return provincie, [
        # Midden first and subregio's out of order: the tree sorts them.
        *gemeenten_in(provincie, midden, food_valley, "Ede", "Barneveld", eerste_pk=100),
        *gemeenten_in(provincie, midden, arnhem, "Arnhem", eerste_pk=110),
        *gemeenten_in(provincie, noord_oost, stedendriehoek, "Zutphen", "Apeldoorn", eerste_pk=120),
        # Without its own veiligheidsregio: the subregio's one places it.
        *gemeenten_in(provincie, None, noord_veluwe, "Harderwijk", eerste_pk=130),
        *gemeenten_in(provincie, noord_oost, achterhoek, "Winterswijk", "Aalten", eerste_pk=140),
    ]


def test_gelderland_veiligheidsregio_subregio_gemeente():
    provincie, gemeenten = gelderland()

    boom = gebiedsboom(provincie, gemeenten)

    assert vorm(boom) == (
        "provincie",
        "Gelderland",
        [
            (
                "veiligheidsregio",
                "Noord- en Oost-Gelderland",
                [
                    ("subregio", "Achterhoek", bladeren("Aalten", "Winterswijk")),
                    ("subregio", "Noord-Veluwe", bladeren("Harderwijk")),
                    ("subregio", "Stedendriehoek", bladeren("Apeldoorn", "Zutphen")),
                ],
            ),
            (
                "veiligheidsregio",
                "Gelderland-Midden",
                [
                    ("subregio", "Arnhem e.o.", bladeren("Arnhem")),
                    ("subregio", "Food Valley", bladeren("Barneveld", "Ede")),
                ],
            ),
        ],
    )
    noord_oost, midden = boom.kinderen
    assert boom.sleutels == [(Niveau.PROVINCIE, 2)]
    assert (noord_oost.code, noord_oost.sleutels) == ("VR06", [(Niveau.VEILIGHEIDSREGIO, 6)])
    assert midden.sleutels == [(Niveau.VEILIGHEIDSREGIO, 7)]
    assert [k.sleutels for k in noord_oost.kinderen] == [
        [(Niveau.SUBREGIO, 3)],
        [(Niveau.SUBREGIO, 4)],
        [(Niveau.SUBREGIO, 5)],
    ]


def test_gelderland_diepte_en_volgorde():
    provincie, gemeenten = gelderland()

    boom = gebiedsboom(provincie, gemeenten)

    assert [(k.diepte, k.niveau, k.naam) for k in boom.doorlopen()] == [
        (0, Niveau.PROVINCIE, "Gelderland"),
        (1, Niveau.VEILIGHEIDSREGIO, "Noord- en Oost-Gelderland"),
        (2, Niveau.SUBREGIO, "Achterhoek"),
        (3, Niveau.GEMEENTE, "Aalten"),
        (3, Niveau.GEMEENTE, "Winterswijk"),
        (2, Niveau.SUBREGIO, "Noord-Veluwe"),
        (3, Niveau.GEMEENTE, "Harderwijk"),
        (2, Niveau.SUBREGIO, "Stedendriehoek"),
        (3, Niveau.GEMEENTE, "Apeldoorn"),
        (3, Niveau.GEMEENTE, "Zutphen"),
        (1, Niveau.VEILIGHEIDSREGIO, "Gelderland-Midden"),
        (2, Niveau.SUBREGIO, "Arnhem e.o."),
        (3, Niveau.GEMEENTE, "Arnhem"),
        (2, Niveau.SUBREGIO, "Food Valley"),
        (3, Niveau.GEMEENTE, "Barneveld"),
        (3, Niveau.GEMEENTE, "Ede"),
    ]


# --- Flevoland: one veiligheidsregio, no subregio's -------------------------------------


def flevoland() -> tuple[Provincie, list[Gemeente]]:
    provincie = Provincie(pk=3, code="PV24", naam="Flevoland")
    regio = Veiligheidsregio(pk=25, code="VR25", naam="Flevoland", provincie=provincie)
    return provincie, gemeenten_in(
        provincie,
        regio,
        None,
        "Zeewolde",
        "Urk",
        "Almere",
        "Noordoostpolder",
        "Lelystad",
        "Dronten",
        eerste_pk=200,
    )


def test_flevoland_gemeenten_direct_onder_de_provincie():
    provincie, gemeenten = flevoland()

    boom = gebiedsboom(provincie, gemeenten)

    assert boom.niveau == Niveau.PROVINCIE
    assert boom.sleutels == [(Niveau.PROVINCIE, 3), (Niveau.VEILIGHEIDSREGIO, 25)]
    assert namen(boom.kinderen) == [
        "Almere",
        "Dronten",
        "Lelystad",
        "Noordoostpolder",
        "Urk",
        "Zeewolde",
    ]
    assert all(k.is_gemeente and not k.kinderen for k in boom.kinderen)
    assert [k.diepte for k in boom.doorlopen()] == [0, 1, 1, 1, 1, 1, 1]
    almere = boom.kinderen[0]
    assert (almere.code, almere.sleutels) == ("GM0202", [(Niveau.GEMEENTE, 202)])


def test_een_veiligheidsregio_met_subregios_hangt_onder_de_provincie():
    """One veiligheidsregio is the province itself; its subregio's stay."""
    provincie = Provincie(pk=4, code="PV26", naam="Utrecht")
    regio = Veiligheidsregio(pk=9, code="VR09", naam="Utrecht", provincie=provincie)
    oost = Subregio(pk=8, code="oost", naam="Oost", provincie=provincie, veiligheidsregio=regio)
    west = Subregio(pk=9, code="west", naam="West", provincie=provincie, veiligheidsregio=regio)
    gemeenten = [
        *gemeenten_in(provincie, regio, west, "Woerden", eerste_pk=300),
        *gemeenten_in(provincie, regio, oost, "Veenendaal", "Amersfoort", eerste_pk=310),
    ]

    boom = gebiedsboom(provincie, gemeenten)

    assert boom.sleutels == [(Niveau.PROVINCIE, 4), (Niveau.VEILIGHEIDSREGIO, 9)]
    assert [(k.diepte, k.naam) for k in boom.doorlopen()] == [
        (0, "Utrecht"),
        (1, "Oost"),
        (2, "Amersfoort"),
        (2, "Veenendaal"),
        (1, "West"),
        (2, "Woerden"),
    ]


def test_zonder_gemeenten_alleen_de_provincie():
    provincie = Provincie(pk=5, code="PV20", naam="Groningen")

    boom = gebiedsboom(provincie, [])

    assert vorm(boom) == ("provincie", "Groningen", [])
    assert boom.sleutels == [(Niveau.PROVINCIE, 5)]
    assert list(boom.doorlopen()) == [boom]
