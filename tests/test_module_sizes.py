"""Small modules with one job each: no module of the bot is over 400 lines (a reader finds where a
question is parsed, where people are filtered and where Block Kit is built from the file names)."""

from __future__ import annotations

from tests.conftest import ROOT

LIMIT = 400


def test_no_module_of_the_bot_is_over_400_lines():
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "bot").rglob("*.py")
    }
    assert sizes, "no modules found"
    assert {path: n for path, n in sizes.items() if n > LIMIT} == {}
