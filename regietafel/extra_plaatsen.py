"""Extra places: how far an ad-hoc request of the Rijk is met, from the location register.

Rule: the Rijk asks a province (or one of its veiligheidsregio's) for a number of EXTRA
places of a kind by a date ("200 extra places before 1 March"). Extra means on top of
what there was when the request was made, so:

    extra = capacity on the by-date − capacity on the date of the request

Capacity is `realisatie.capaciteit.capaciteit_op` over the register's capacity periods
of the locations in the area, counting realised places only (status gerealiseerd, as
the dashboard's realisatie does); a kind asiel counts every type of location, a kind
crisisnoodopvang only CNO. The request is met when extra ≥ requested; "still needed"
is requested − extra, and never below 0 (capacity that fell gives a negative extra).
The same figure with firm plans (status gepland) added says whether the plans would
meet it; a plan is not a realisation.

Unknown is not 0: an area without a single location in the register has no figure
(the register does not cover it), and Oekraïne places are not in the register at all
(they are counted per peildatum), so both stay unknown.

Worked example: on 1-12-2023 the Rijk asks Overijssel for 200 extra asiel places by
1-3-2024. The register has an azc of 600 places since 2020, a TGO of 150 from 1-1-2024
and a noodopvang of 100 from 1-2-2024: 600 places on 1-12-2023 and 850 on 1-3-2024,
so 250 extra: met (125%). Had the noodopvang opened on 1-4-2024, there would be 150
extra on 1-3-2024: not met, 50 still needed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from opgaven.verschil import percentage
from prt.formaat import datum_kort
from realisatie.capaciteit import (
    GEPLAND,
    GEREALISEERD,
    Plaatsenperiode,
    capaciteit_op,
)

ALLEEN_GEREALISEERD = (GEREALISEERD,)
MET_PLANNEN = (GEREALISEERD, GEPLAND)


@dataclass(frozen=True)
class Vervulling:
    """A request measured against the register; every figure None when unknown."""

    gevraagd: int
    bij_verzoek: int | None  # realised capacity on the date of the request
    op_termijn: int | None  # realised capacity on the by-date
    extra: int | None
    extra_met_plannen: int | None  # realised + firm plans (gepland) on the by-date
    vervuld: bool | None
    nog_nodig: int | None
    percentage: int | None  # extra as a whole percentage of what was asked; 0 when it fell


def vervulling(
    perioden: Iterable[Plaatsenperiode],
    *,
    gevraagd: int,
    gevraagd_op: date,
    uiterlijk: date,
    soorten: Collection[str] | None,
) -> Vervulling:
    """Measure a request of `gevraagd` extra places against the area's `perioden`.

    `soorten` limits the location types counted (None: every type); an empty
    collection means the kind is not in the register, so the outcome is unknown.
    """
    if gevraagd < 1:
        raise ValueError(f"Een verzoek vraagt om minstens 1 plaats, niet {gevraagd}.")
    if uiterlijk < gevraagd_op:
        raise ValueError(
            f"De termijn {datum_kort(uiterlijk)} ligt voor de datum van het verzoek "
            f"{datum_kort(gevraagd_op)}."
        )
    alle = list(perioden)
    if not alle or (soorten is not None and not soorten):
        return Vervulling(gevraagd, None, None, None, None, None, None, None)
    telt = [p for p in alle if soorten is None or p.soort in soorten]
    bij_verzoek = capaciteit_op(telt, gevraagd_op, statussen=ALLEEN_GEREALISEERD)
    op_termijn = capaciteit_op(telt, uiterlijk, statussen=ALLEEN_GEREALISEERD)
    extra = op_termijn - bij_verzoek
    met_plannen = capaciteit_op(telt, uiterlijk, statussen=MET_PLANNEN) - bij_verzoek
    return Vervulling(
        gevraagd=gevraagd,
        bij_verzoek=bij_verzoek,
        op_termijn=op_termijn,
        extra=extra,
        extra_met_plannen=met_plannen,
        vervuld=extra >= gevraagd,
        nog_nodig=max(0, gevraagd - extra),
        percentage=percentage(max(extra, 0), gevraagd),
    )
