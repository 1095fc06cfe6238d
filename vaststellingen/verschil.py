"""What changed between two vaststellingen of a peildatum (pure rule).

Two records are compared figure by figure: per opgave, per area (by CBS code) and per
column, every figure whose value differs is one line, old → new; an area or column
present in only one record counts as unknown (None) in the other. A changed besluit in
force is a line too. Example: Gelderland on 1-1-2024 reopened because noodopvang was
3.194, not 3.149: the lines are "Asiel · Gelderland · NO: 3.149 → 3.194" and
"… Realisatie: 9.274 → 9.319" (and the verschil and % that follow from it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verschilregel:
    opgave: str
    gebied: str
    kolom: str
    oud: int | str | None
    nieuw: int | str | None
    percentage: bool = False

    @property
    def is_tekst(self) -> bool:
        return isinstance(self.oud, str) or isinstance(self.nieuw, str)


BESLUIT = "besluit"


def verschillen(oud: dict, nieuw: dict) -> list[Verschilregel]:
    """The lines that differ between two decoded records (`codec.decoderen`)."""
    oude_blokken = {b["soort"]: b for b in oud["samenvatting"]["blokken"]}
    uit = []
    for blok in nieuw["samenvatting"]["blokken"]:
        vorig = oude_blokken.get(blok["soort"], {"regels": [], "kolommen": [], "besluit": None})
        uit += _blokverschillen(vorig, blok)
    return uit


def _besluitnaam(blok: dict) -> str | None:
    return blok["besluit"]["naam"] if blok.get("besluit") else None


def _blokverschillen(oud: dict, nieuw: dict) -> list[Verschilregel]:
    titel = nieuw["titel"]
    kolommen = {k["sleutel"]: k for k in oud["kolommen"]} | {
        k["sleutel"]: k for k in nieuw["kolommen"]
    }
    uit = []
    if _besluitnaam(oud) != _besluitnaam(nieuw):
        uit.append(Verschilregel(titel, "", BESLUIT, _besluitnaam(oud), _besluitnaam(nieuw)))
    oude_regels = {r["code"]: r for r in oud["regels"]}
    nieuwe_regels = {r["code"]: r for r in nieuw["regels"]}
    codes = list(nieuwe_regels) + [c for c in oude_regels if c not in nieuwe_regels]
    for code in codes:
        regel_oud = oude_regels.get(code, {"waarden": {}})
        regel_nieuw = nieuwe_regels.get(code, {"waarden": {}})
        naam = regel_nieuw.get("naam") or regel_oud.get("naam") or code
        for sleutel, kolom in kolommen.items():
            was = (regel_oud["waarden"].get(sleutel) or {}).get("waarde")
            wordt = (regel_nieuw["waarden"].get(sleutel) or {}).get("waarde")
            if was != wordt:
                uit.append(
                    Verschilregel(titel, naam, kolom["label"], was, wordt, kolom["percentage"])
                )
    return uit
