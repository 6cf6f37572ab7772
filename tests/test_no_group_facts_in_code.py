"""No name, place or theme of the bundled group is written in bot/: another group's YAML must work."""

from __future__ import annotations

import re

from bot.knowledge.loader import load_knowledge
from bot.language.text import fold
from tests.conftest import BUNDLED_KNOWLEDGE, KNOWLEDGE, ROOT

# General words for kinds of institution, in English, Norwegian, Swedish and French.
GENERAL = {"norway", "sweden", "denmark", "france", "usa", "university", "hospital", "department", "institute"}
GENERAL |= {"hopital", "institutet", "universitetssykehus", "universitetssjukehus", "universitetet"}


def _distinctive_words() -> set[str]:
    texts: list[str] = []
    for directory in (KNOWLEDGE, BUNDLED_KNOWLEDGE):
        kb = load_knowledge(directory)
        texts += [p.name for p in kb.people]
        texts += [o.name for o in kb.organisations] + [a for o in kb.organisations for a in o.aliases]
        texts += [o.city for o in kb.organisations] + [t.title for t in kb.themes]
        texts += [kb.project.name]
    words = {w for t in texts for w in re.findall(r"[a-z]{5,}", fold(t))}
    return words - GENERAL - {"clinical", "intervention", "technology", "effect", "system", "changes", "culture"}


def test_bot_package_names_nothing_of_the_group():
    words = _distinctive_words()
    assert "molven" in words and "bergen" in words  # the check would see them
    found = {}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        text = fold(path.read_text(encoding="utf-8"))
        hits = sorted(w for w in words if re.search(rf"\b{w}\b", text))
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}
