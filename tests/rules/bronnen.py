"""Figures copied from the source documents, shared by the rule tests.

Overijssel: werkplan PRT Overijssel 2024 (seeds/002_*), per gemeente, in the order of
the document's tables. The document abbreviates "Hof van Twente" to "Hof v Twente" /
"Hof v. Twente".
"""

from __future__ import annotations

# Asielopgave per 1-1-2025 (Spreidingswet): (asielopvangplekken, waarvan geschikt voor amv).
ASIEL_IJSSELLAND: dict[str, tuple[int, int]] = {
    "Dalfsen": (188, 16),
    "Deventer": (529, 45),
    "Hardenberg": (355, 30),
    "Kampen": (308, 26),
    "Olst-Wijhe": (112, 9),
    "Ommen": (112, 10),
    "Raalte": (233, 20),
    "Staphorst": (112, 10),
    "Steenwijkerland": (245, 21),
    "Zwartewaterland": (139, 12),
    "Zwolle": (717, 61),
}
ASIEL_TWENTE: dict[str, tuple[int, int]] = {
    "Almelo": (323, 27),
    "Borne": (148, 13),
    "Dinkelland": (172, 15),
    "Enschede": (638, 54),
    "Haaksbergen": (143, 12),
    "Hellendoorn": (215, 18),
    "Hengelo": (415, 35),
    "Hof van Twente": (209, 18),
    "Losser": (130, 11),
    "Oldenzaal": (175, 15),
    "Rijssen-Holten": (230, 19),
    "Tubbergen": (137, 12),
    "Twenterand": (183, 16),
    "Wierden": (157, 13),
}

# Opvang Oekraïense ontheemden, opgave vóór 1-2-2024.
OEKRAINE_IJSSELLAND: dict[str, int] = {
    "Dalfsen": 288,
    "Deventer": 520,
    "Hardenberg": 572,
    "Kampen": 359,
    "Olst-Wijhe": 192,
    "Ommen": 264,
    "Raalte": 328,
    "Staphorst": 212,
    "Steenwijkerland": 480,
    "Zwartewaterland": 176,
    "Zwolle": 607,
}
OEKRAINE_TWENTE: dict[str, int] = {
    "Almelo": 450,
    "Borne": 149,
    "Dinkelland": 163,
    "Enschede": 980,
    "Haaksbergen": 149,
    "Hellendoorn": 220,
    "Hengelo": 500,
    "Hof van Twente": 216,
    "Losser": 142,
    "Oldenzaal": 194,
    "Rijssen-Holten": 234,
    "Tubbergen": 130,
    "Twenterand": 206,
    "Wierden": 151,
}

# Huisvesting statushouders: (taakstelling 2024-I, 2024-I incl. voor/achterstand).
STATUSHOUDERS_IJSSELLAND: dict[str, tuple[int, int]] = {
    "Dalfsen": (31, 40),
    "Deventer": (108, 95),
    "Hardenberg": (66, 111),
    "Kampen": (59, 106),
    "Olst-Wijhe": (20, 31),
    "Ommen": (20, 10),
    "Raalte": (41, 70),
    "Staphorst": (19, 0),
    "Steenwijkerland": (48, 88),
    "Zwartewaterland": (25, 27),
    "Zwolle": (139, 188),
}
STATUSHOUDERS_TWENTE: dict[str, tuple[int, int]] = {
    "Almelo": (78, 130),
    "Borne": (26, 13),
    "Dinkelland": (28, 51),
    "Enschede": (169, 184),
    "Haaksbergen": (26, 38),
    "Hellendoorn": (38, 57),
    "Hengelo": (86, 124),
    "Hof van Twente": (37, 63),
    "Losser": (25, 23),
    "Oldenzaal": (34, 11),
    "Rijssen-Holten": (41, 69),
    "Tubbergen": (23, 65),
    "Twenterand": (36, 55),
    "Wierden": (26, 44),
}

# The afbouw of crisisnoodopvang over the winter of 2024/2025 (worked example of
# `realisatie.tijdlijn`): (gemeente, location, [(places, from, through)]). The hotel
# drops to 60 places from February: a capacity change is its own period.
CRISISNOODOPVANG_WINTER: list[tuple[str, str, list[tuple[int, str, str]]]] = [
    ("Deventer", "Sporthal De Scheg", [(150, "2024-10-01", "2024-12-31")]),
    ("Zwolle", "Paviljoen Hanzeland", [(250, "2024-11-01", "2025-02-28")]),
    (
        "Zwolle",
        "Hotel Wijthmen",
        [(100, "2024-12-01", "2025-01-31"), (60, "2025-02-01", "2025-03-31")],
    ),
]
# Places on the first of each month, October 2024 .. April 2025.
CRISISNOODOPVANG_PER_MAAND = [150, 400, 500, 350, 310, 60, 0]
