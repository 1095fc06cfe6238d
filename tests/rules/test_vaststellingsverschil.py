"""The difference between two vaststellingen, without a database."""

import pytest

from vaststellingen.verschil import BESLUIT, Verschilregel, verschillen


def record(noodopvang, realisatie, besluit="Capaciteitsbesluit 2024", met_gemeente=False):
    regels = [
        {
            "code": "PV25",
            "naam": "Gelderland",
            "waarden": {
                "noodopvang": {"waarde": noodopvang},
                "realisatie": {"waarde": realisatie},
                "percentage": {"waarde": round(realisatie / 7590 * 100)},
            },
        }
    ]
    if met_gemeente:
        regels.append(
            {"code": "GM0200", "naam": "Apeldoorn", "waarden": {"realisatie": {"waarde": 0}}}
        )
    return {
        "samenvatting": {
            "blokken": [
                {
                    "soort": "asiel",
                    "titel": "Asiel",
                    "besluit": {"naam": besluit},
                    "kolommen": [
                        {"sleutel": "noodopvang", "label": "NO", "percentage": False},
                        {"sleutel": "realisatie", "label": "Realisatie", "percentage": False},
                        {"sleutel": "percentage", "label": "%", "percentage": True},
                    ],
                    "regels": regels,
                }
            ]
        }
    }


def test_same_record_has_no_difference():
    assert verschillen(record(3149, 9274), record(3149, 9274)) == []


def test_a_corrected_figure_and_what_follows_from_it():
    assert verschillen(record(3149, 9274), record(3194, 9319)) == [
        Verschilregel("Asiel", "Gelderland", "NO", 3149, 3194),
        Verschilregel("Asiel", "Gelderland", "Realisatie", 9274, 9319),
        Verschilregel("Asiel", "Gelderland", "%", 122, 123, percentage=True),
    ]


@pytest.mark.parametrize(
    ("oud", "nieuw", "verwacht"),
    [
        (
            record(3149, 9274),
            record(3149, 9274, besluit="Ander besluit"),
            [Verschilregel("Asiel", "", BESLUIT, "Capaciteitsbesluit 2024", "Ander besluit")],
        ),
        (
            record(3149, 9274),
            record(3149, 9274, met_gemeente=True),
            [Verschilregel("Asiel", "Apeldoorn", "Realisatie", None, 0)],
        ),
        (
            record(3149, 9274, met_gemeente=True),
            record(3149, 9274),
            [Verschilregel("Asiel", "Apeldoorn", "Realisatie", 0, None)],
        ),
    ],
    ids=["besluit", "new-area-unknown-is-not-0", "area-gone"],
)
def test_besluit_and_areas_in_one_record_only(oud, nieuw, verwacht):
    assert verschillen(oud, nieuw) == verwacht
