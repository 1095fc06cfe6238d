"""The extra places of a request of the Rijk, from the register (`regietafel.extra_plaatsen`).

The worked example of the module: on 1-12-2023 the Rijk asks for 200 extra asiel places
by 1-3-2024; an azc of 600 since 2020, a TGO of 150 from 1-1-2024 and a noodopvang of
100 from 1-2-2024 give 600 on the date of the request and 850 on 1-3-2024: 250 extra.
"""

from __future__ import annotations

from datetime import date

import pytest

from realisatie.capaciteit import GEPLAND, GEREALISEERD, VOORGENOMEN, Plaatsenperiode
from regietafel.extra_plaatsen import vervulling

G, P, V = GEREALISEERD, GEPLAND, VOORGENOMEN
VERZOEK, TERMIJN = date(2023, 12, 1), date(2024, 3, 1)

AZC = Plaatsenperiode(600, 40, date(2020, 3, 1), None, G, "RO")
TGO = Plaatsenperiode(150, 0, date(2024, 1, 1), date(2024, 12, 31), G, "TGO")
NOODOPVANG = Plaatsenperiode(100, 0, date(2024, 2, 1), None, G, "NO")
NOODOPVANG_LAAT = Plaatsenperiode(100, 0, date(2024, 4, 1), None, G, "NO")
PLAN = Plaatsenperiode(80, 0, date(2024, 2, 15), None, P, "RO")
VOORNEMEN = Plaatsenperiode(500, 0, date(2024, 1, 1), None, V, "RO")
SPORTHAL = Plaatsenperiode(150, 0, date(2023, 11, 1), date(2023, 12, 31), G, "CNO")
SPORTHAL_NIEUW = Plaatsenperiode(225, 0, date(2024, 2, 1), None, G, "CNO")


def _vervulling(perioden, gevraagd=200, soorten=None):
    return vervulling(
        perioden, gevraagd=gevraagd, gevraagd_op=VERZOEK, uiterlijk=TERMIJN, soorten=soorten
    )


@pytest.mark.parametrize(
    ("perioden", "bij_verzoek", "op_termijn", "extra", "vervuld", "nog_nodig", "procent"),
    [
        # The worked example: 600 -> 850, 250 extra of 200: met, 125%.
        ([AZC, TGO, NOODOPVANG], 600, 850, 250, True, 0, 125),
        # The noodopvang opens a month late: 150 extra, 50 still needed, 75%.
        ([AZC, TGO, NOODOPVANG_LAAT], 600, 750, 150, False, 50, 75),
        # Exactly the number asked for is met.
        (
            [AZC, TGO, Plaatsenperiode(50, 0, date(2024, 3, 1), None, G, "NO")],
            600,
            800,
            200,
            True,
            0,
            100,
        ),
        # A plan and an intention are not realised places.
        ([AZC, PLAN, VOORNEMEN], 600, 600, 0, False, 200, 0),
        # Capacity that closed meanwhile: negative extra, 0%; 350 needed to be 200 up.
        ([AZC, SPORTHAL], 750, 600, -150, False, 350, 0),
        # Nothing changes: 0 extra (known, not unknown).
        ([AZC], 600, 600, 0, False, 200, 0),
    ],
)
def test_extra_plaatsen_asiel(
    perioden, bij_verzoek, op_termijn, extra, vervuld, nog_nodig, procent
):
    uitkomst = _vervulling(perioden)
    assert (uitkomst.bij_verzoek, uitkomst.op_termijn, uitkomst.extra) == (
        bij_verzoek,
        op_termijn,
        extra,
    )
    assert (uitkomst.vervuld, uitkomst.nog_nodig, uitkomst.percentage) == (
        vervuld,
        nog_nodig,
        procent,
    )


def test_met_plannen_telt_de_vaste_plannen_mee_maar_beslist_niet():
    uitkomst = _vervulling([AZC, TGO, PLAN, VOORNEMEN])
    assert uitkomst.extra == 150
    assert uitkomst.extra_met_plannen == 230  # + 80 gepland; the 500 voorgenomen not
    assert uitkomst.vervuld is False


@pytest.mark.parametrize(
    ("soorten", "extra", "vervuld"),
    [
        (None, 325, True),  # asiel: every type, CNO included: 750 -> 1.075
        (frozenset({"CNO"}), 75, False),  # crisisnoodopvang: 150 -> 225 (the sports halls)
    ],
)
def test_soort_bepaalt_welke_locaties_tellen(soorten, extra, vervuld):
    uitkomst = _vervulling([AZC, TGO, NOODOPVANG, SPORTHAL, SPORTHAL_NIEUW], soorten=soorten)
    assert (uitkomst.extra, uitkomst.vervuld) == (extra, vervuld)


def test_crisisnoodopvang_zonder_cno_locaties_is_nul_niet_onbekend():
    uitkomst = _vervulling([AZC], soorten=frozenset({"CNO"}))
    assert (uitkomst.bij_verzoek, uitkomst.op_termijn, uitkomst.extra) == (0, 0, 0)
    assert uitkomst.vervuld is False


@pytest.mark.parametrize(
    ("perioden", "soorten"),
    [
        ([], None),  # no location of the area in the register
        ([AZC, TGO], frozenset()),  # a kind the register does not hold (Oekraïne)
    ],
)
def test_onbekend_is_geen_nul(perioden, soorten):
    uitkomst = _vervulling(perioden, soorten=soorten)
    assert uitkomst.gevraagd == 200
    assert uitkomst.extra is None
    assert uitkomst.vervuld is None
    assert uitkomst.nog_nodig is None
    assert uitkomst.percentage is None


@pytest.mark.parametrize(
    ("gevraagd", "gevraagd_op", "uiterlijk"),
    [(0, VERZOEK, TERMIJN), (-5, VERZOEK, TERMIJN), (200, TERMIJN, VERZOEK)],
)
def test_ongeldig_verzoek(gevraagd, gevraagd_op, uiterlijk):
    with pytest.raises(ValueError):
        vervulling(
            [AZC], gevraagd=gevraagd, gevraagd_op=gevraagd_op, uiterlijk=uiterlijk, soorten=None
        )
