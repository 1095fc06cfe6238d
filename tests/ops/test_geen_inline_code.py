"""Every main page satisfies the Content Security Policy without exceptions: no inline
script code, no inline styles, no event-handler attributes (the browser test checks
what scripts do at run time, e.g. the charts)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.ops.paginas import PAGINAS, inline_code


@pytest.mark.parametrize(("naam", "gebruiker", "pad"), PAGINAS, ids=[p[0] for p in PAGINAS])
def test_page_has_no_inline_code(demodata, client, naam, gebruiker, pad):
    if gebruiker:
        client.force_login(get_user_model().objects.get(username=gebruiker))
    response = client.get(pad)
    assert response.status_code == 200, f"{pad}: {response.status_code}"
    html = response.content.decode()
    assert "<html" in html.lower()
    assert inline_code(html) == []


def test_the_check_finds_inline_code():
    html = (
        '<p style="color:red" onclick="x()">a</p><script>alert(1)</script>'
        '<script type="application/json" id="d">{"a": 1}</script><script src="/s.js"></script>'
        '<a href="javascript:void(0)">b</a>'
    )
    assert inline_code(html) == [
        "<p style='color:red'>",
        "<p onclick=...>",
        "<script>alert(1)…",
        "<a href='javascript:void(0)'>",
    ]
