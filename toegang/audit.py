"""The audit log `prt.audit`: one line per action with actor, action, object and result.

The four values are also separate fields, so a JSON log (prt/logboek.py) can be searched
per actor, action or result. Never pass secrets: the object is named, not dumped.
"""

from __future__ import annotations

import logging

audit = logging.getLogger("prt.audit")


def log_audit(door, actie: str, object_: object, resultaat: str) -> None:
    velden = {
        "actor": door.get_username() if hasattr(door, "get_username") else "-",
        "actie": actie,
        "object": str(object_),
        "resultaat": resultaat,
    }
    audit.info(
        "actor=%(actor)s action=%(actie)s object=%(object)s result=%(resultaat)s",
        velden,
        extra=velden,
    )
