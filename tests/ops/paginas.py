"""The main pages of PRT Monitor, for the CSP tests: who opens them, at which URL.

Demo data (see `realisatie.demodata`): Gelderland (PV25) has the peildatum 8-1-2024 with
Oekraïne figures; Deventer (Overijssel, PV23) is GM0150.
"""

from __future__ import annotations

from html.parser import HTMLParser

PEILDATUM = "2024-01-08"

# (name, username, path): every page a member, secretary or beheerder reads or fills in.
PAGINAS = [
    ("login", None, "/accounts/login/"),
    ("home", "lid", "/"),
    ("dashboard", "lid", "/provincies/PV23/"),
    ("gebied", "lid", "/provincies/PV23/gebied/overijssel-ijsselland/"),
    ("gemeente", "lid", "/gemeenten/GM0150/"),
    ("trend", "lid", "/provincies/PV23/trend/"),
    ("vooruitblik", "lid", "/provincies/PV23/vooruitblik/"),
    ("signalen", "lid", "/provincies/PV23/signalen/"),
    ("print", "lid", "/provincies/PV23/print/"),
    ("landelijk", "beheerder", "/landelijk/"),
    ("twee_stap_instellen", "lid", "/accounts/twee-stap/instellen/"),
    ("twee_stap", "beheerder", "/accounts/twee-stap/"),
    ("invoer_start", "beheerder", "/invoer/"),
    ("invoer_provincie", "beheerder", "/invoer/PV23/"),
    ("grid_oekraine", "beheerder", f"/invoer/PV25/{PEILDATUM}/oekraine/"),
    ("grid_asiel", "beheerder", f"/invoer/PV25/{PEILDATUM}/asiel/"),
    ("statushouders", "beheerder", "/invoer/PV23/statushouders/2024-09/"),
    ("statushouders_halfjaar", "beheerder", "/invoer/PV23/statushouders/halfjaar/2024-I/"),
    ("grid_gebieden", "beheerder", f"/invoer/PV25/{PEILDATUM}/oekraine/gebieden/"),
    ("vaststellen", "beheerder", f"/invoer/PV25/{PEILDATUM}/vaststellen/"),
    ("verwijderen", "beheerder", f"/invoer/PV25/{PEILDATUM}/verwijderen/"),
    ("taakstellingen", "beheerder", "/invoer/PV23/taakstellingen/2024-I/"),
    ("locaties", "beheerder", "/invoer/PV23/locaties/"),
    ("historie", "beheerder", f"/invoer/PV25/{PEILDATUM}/historie/"),
    ("exports", "lid", "/exports/PV23/"),
    ("import", "beheerder", "/invoer/PV23/import/"),
    ("admin", "beheerder", "/admin/"),
    ("admin_changelist", "beheerder", "/admin/gemeenten/gemeente/"),
    ("admin_wijzigen", "beheerder", "/admin/gemeenten/provincie/"),
    ("api_documentatie", "lid", "/api/v1/documentatie"),
    ("regietafel", "lid", "/regietafel/PV23/"),
    ("actielijst", "lid", "/regietafel/PV23/acties/"),
    ("actielijst_print", "lid", "/regietafel/PV23/acties/print/"),
    ("provinciaal_verslag", "lid", "/regietafel/PV23/provinciaal-verslag/"),
    ("vergadering_nieuw", "beheerder", "/regietafel/PV23/vergaderingen/nieuw/"),
]


class InlineCode(HTMLParser):
    """Collects what a strict CSP refuses: inline scripts with code, inline styles
    (<style> and style=), event-handler attributes and javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.gevonden: list[str] = []
        self._in_script = False
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        for naam, waarde in attrs:
            if naam == "style":
                self.gevonden.append(f"<{tag} style={waarde!r}>")
            elif naam.startswith("on"):
                self.gevonden.append(f"<{tag} {naam}=...>")
            elif naam in ("href", "src", "action") and (waarde or "").strip().lower().startswith(
                "javascript:"
            ):
                self.gevonden.append(f"<{tag} {naam}={waarde!r}>")
        # json_script data blocks are not code; the browser never runs them.
        self._in_script = (
            tag == "script"
            and not attributen.get("src")
            and (attributen.get("type") not in ("application/json", "application/ld+json"))
        )
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in_script = self._in_style = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.gevonden.append(f"<script>{data.strip()[:60]}…")
        if self._in_style and data.strip():
            self.gevonden.append(f"<style>{data.strip()[:60]}…")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.gevonden
