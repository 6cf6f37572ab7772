"""The bundled knowledge, as maintainers edit it: it loads, `check` passes, and questions answer.

Every other test runs on the frozen fixture in tests/fixtures/knowledge, so these assertions stay
loose on purpose: an edit of knowledge/ that keeps it valid must not fail CI.
"""

from __future__ import annotations

import subprocess
import sys

from bot.engine import Engine
from tests.conftest import BUNDLED_KNOWLEDGE, ROOT


def test_bundled_knowledge_passes_check():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(BUNDLED_KNOWLEDGE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_bundled_knowledge_answers_about_its_own_people_places_and_themes():
    engine = Engine.from_directory(BUNDLED_KNOWLEDGE)
    kb = engine.kb
    someone = kb.people[0]
    assert someone.id in {p.id for p in engine.answer(f"Who is {someone.name}?").people}
    city = kb.orgs_by_id[someone.affiliations[0].org].city
    assert someone.id in {p.id for p in engine.answer(f"Who works in {city}?").people}
    if kb.themes:
        assert engine.answer("What are the research themes?").themes
    assert not engine.answer("Who is at the Massachusetts Institute of Technology?").people
