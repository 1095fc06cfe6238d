"""In real Chromium, with the Content Security Policy enforced, no page reports a
violation: not the templates, not ECharts drawing its SVG charts and tooltips, not the
invoer scripts, not the admin."""

from __future__ import annotations

import pytest

from tests.ops.paginas import PAGINAS

# Runs before any page script (through DevTools, so the policy does not apply to it).
LUISTERAAR = """
window.__cspSchendingen = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspSchendingen.push(
    `${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`
  );
});
"""


def _schendingen(pagina, live_server, pad: str, console: list[str]) -> list[str]:
    console.clear()
    antwoord = pagina.goto(f"{live_server.url}{pad}")
    assert antwoord.status == 200, f"{pad}: {antwoord.status}"
    assert "content-security-policy" in antwoord.headers
    pagina.wait_for_load_state("load")
    grafieken = pagina.locator("[data-grafiek] svg")
    if grafieken.count():
        # Hovering shows ECharts' tooltip, HTML it writes at run time.
        grafieken.first.wait_for()
        grafieken.first.scroll_into_view_if_needed()
        vak = grafieken.first.bounding_box()
        pagina.mouse.move(vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2)
        pagina.locator(".grafiek-tooltip").first.wait_for(state="visible")
    gevonden = pagina.evaluate("window.__cspSchendingen")
    return [f"{pad}: {s}" for s in gevonden] + [f"{pad}: {c}" for c in console]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("gebruiker", ["lid", "beheerder"])
def test_no_csp_violations(demodata, pagina, inloggen, live_server, gebruiker):
    console: list[str] = []
    pagina.on(
        "console",
        lambda bericht: (
            console.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    pagina.add_init_script(LUISTERAAR)
    schendingen = []
    if gebruiker == "lid":
        schendingen += _schendingen(pagina, live_server, "/accounts/login/", console)
    inloggen(gebruiker, "demo-prt-2024")
    paden = [pad for _naam, wie, pad in PAGINAS if wie == gebruiker]
    assert len(paden) >= 10
    for pad in paden:
        schendingen += _schendingen(pagina, live_server, pad, console)
    assert schendingen == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_listener_sees_a_violation(demodata, pagina, live_server):
    """Negative control: an inline style set through markup is reported."""
    pagina.add_init_script(LUISTERAAR)
    pagina.goto(f"{live_server.url}/accounts/login/")
    pagina.evaluate(
        """document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>')"""
    )
    pagina.wait_for_timeout(200)
    assert any(s.startswith("style-src") for s in pagina.evaluate("window.__cspSchendingen"))
