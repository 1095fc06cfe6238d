"""The tree of areas a province's tables are built on: provincie -> veiligheidsregio ->
subregio -> gemeente, with the levels that add nothing left out.

Gelderland: 3 veiligheidsregio's, each with subregio's (Noord- en Oost-Gelderland has
Achterhoek, Noord-Veluwe and Stedendriehoek). Overijssel: veiligheidsregio IJsselland
covers exactly subregio IJsselland, so one row stands for both. Flevoland has one
veiligheidsregio and no subregio's: its 6 gemeenten hang directly under the province.

A node carries the keys (niveau, pk) of every area it stands for, so a figure recorded
for a collapsed level (Overijssel's VR IJsselland) still lands on its row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from gemeenten.models import Gemeente, Niveau, Provincie

Sleutel = tuple[str, int]


@dataclass
class Knoop:
    niveau: str
    code: str
    naam: str
    sleutels: list[Sleutel]
    kinderen: list[Knoop] = field(default_factory=list)
    diepte: int = 0

    @property
    def is_gemeente(self) -> bool:
        return self.niveau == Niveau.GEMEENTE

    def doorlopen(self) -> Iterator[Knoop]:
        """Depth-first, parents before their children (the order of a table)."""
        yield self
        for kind in self.kinderen:
            yield from kind.doorlopen()


def gebiedsboom(provincie: Provincie, gemeenten: list[Gemeente]) -> Knoop:
    """Build the tree from the province's gemeenten (with subregio and
    veiligheidsregio selected)."""
    wortel = Knoop(
        Niveau.PROVINCIE, provincie.code, provincie.naam, [(Niveau.PROVINCIE, provincie.pk)]
    )
    regios: dict[int | None, dict[int | None, list[Gemeente]]] = {}
    for gemeente in sorted(gemeenten, key=lambda g: g.naam):
        regio_id = gemeente.veiligheidsregio_id
        if gemeente.subregio_id and gemeente.subregio.veiligheidsregio_id:
            regio_id = gemeente.subregio.veiligheidsregio_id
        regios.setdefault(regio_id, {}).setdefault(gemeente.subregio_id, []).append(gemeente)

    echte_regios = [r for r in regios if r is not None]
    if len(echte_regios) >= 2:
        for regio_id in sorted(echte_regios, key=lambda r: _regio(regios[r]).code):
            wortel.kinderen.append(_regioknoop(regios[regio_id]))
        wortel.kinderen.extend(_subregioknopen(regios.get(None, {})))
    else:
        for regio_id in echte_regios:  # one veiligheidsregio: it is the province
            wortel.sleutels.append((Niveau.VEILIGHEIDSREGIO, regio_id))
        for subregios in regios.values():
            wortel.kinderen.extend(_subregioknopen(subregios))
    _zet_diepte(wortel, 0)
    return wortel


def _regio(subregios: dict[int | None, list[Gemeente]]):
    eerste = next(iter(subregios.values()))[0]
    if eerste.subregio_id and eerste.subregio.veiligheidsregio_id:
        return eerste.subregio.veiligheidsregio
    return eerste.veiligheidsregio


def _regioknoop(subregios: dict[int | None, list[Gemeente]]) -> Knoop:
    regio = _regio(subregios)
    kinderen = _subregioknopen(subregios)
    if len(kinderen) == 1 and kinderen[0].niveau == Niveau.SUBREGIO:
        # The veiligheidsregio covers exactly one subregio: one row for both.
        enige = kinderen[0]
        enige.sleutels.append((Niveau.VEILIGHEIDSREGIO, regio.pk))
        return enige
    return Knoop(
        Niveau.VEILIGHEIDSREGIO,
        regio.code,
        regio.naam,
        [(Niveau.VEILIGHEIDSREGIO, regio.pk)],
        kinderen,
    )


def _subregioknopen(subregios: dict[int | None, list[Gemeente]]) -> list[Knoop]:
    knopen = []
    for subregio_id, gemeenten in sorted(
        subregios.items(), key=lambda item: (item[0] is None, _subregionaam(item[1]))
    ):
        bladeren = [
            Knoop(Niveau.GEMEENTE, g.code, g.naam, [(Niveau.GEMEENTE, g.pk)]) for g in gemeenten
        ]
        if subregio_id is None:
            knopen.extend(bladeren)
        else:
            subregio = gemeenten[0].subregio
            knopen.append(
                Knoop(
                    Niveau.SUBREGIO,
                    subregio.code,
                    subregio.naam,
                    [(Niveau.SUBREGIO, subregio.pk)],
                    bladeren,
                )
            )
    return knopen


def _subregionaam(gemeenten: list[Gemeente]) -> str:
    return gemeenten[0].subregio.naam if gemeenten[0].subregio_id else ""


def _zet_diepte(knoop: Knoop, diepte: int) -> None:
    knoop.diepte = diepte
    for kind in knoop.kinderen:
        _zet_diepte(kind, diepte + 1)
