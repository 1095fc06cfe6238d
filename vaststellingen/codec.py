"""The stored form of what the engine computed for a province and peildatum: JSON with
a version, so a record written today can still be read after the code moves on.

Content (version 1):
- `samenvatting`: the overview exactly as the API's samenvatting gives it (every block,
  row per area, every column with its figure, source (`bron`), herkomst and peildatum,
  the besluit in force);
- `telregels`: per block, the soorten that count toward the opgave and who says so;
- `volledigheid`: per opgave, how many areas delivered and which did not.
"""

from __future__ import annotations

import dataclasses
import json

from django.core.serializers.json import DjangoJSONEncoder

from api.samenvatting import SamenvattingSerializer

VERSIE = 1


class OnbekendeVersie(ValueError):
    pass


def coderen(*, overzicht, volledigheid) -> str:
    inhoud = {
        "versie": VERSIE,
        "samenvatting": SamenvattingSerializer(overzicht).data,
        "telregels": {
            blok.soort: {"soorten": list(blok.telling.soorten), "bron": blok.telling.bron}
            for blok in overzicht.blokken
            if blok.telling is not None
        },
        "volledigheid": [dataclasses.asdict(v) for v in volledigheid],
    }
    return json.dumps(inhoud, cls=DjangoJSONEncoder, ensure_ascii=False)


def decoderen(tekst: str) -> dict:
    inhoud = json.loads(tekst)
    if inhoud.get("versie") != VERSIE:
        raise OnbekendeVersie(f"Unknown snapshot version {inhoud.get('versie')!r}")
    return inhoud
