"""axe-core (node_modules, npm) run in the page through DevTools: the Content Security
Policy refuses an inline <script>, not an evaluated one."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def ernstige_schendingen(pagina) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations on the page as it stands."""
    assert AXE.is_file(), "axe-core ontbreekt: draai `make install` (npm ci)"
    pagina.evaluate(AXE.read_text())
    uitkomst = pagina.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, {v['nodes'][0]['target']}"
        for v in uitkomst["violations"]
        if v["impact"] in ("serious", "critical")
    ]
