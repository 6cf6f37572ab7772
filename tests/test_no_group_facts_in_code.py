"""No name, place or theme of the bundled group is written in bot/: another group's YAML must work."""

from __future__ import annotations

import re

from bot.knowledge.loader import load_knowledge
from bot.language.ordinary import is_ordinary
from bot.language.text import fold, word_key
from tests.conftest import BUNDLED_KNOWLEDGE, KNOWLEDGE, ROOT

# General words for kinds of institution, in English, Norwegian, Swedish and French.
GENERAL = {"norway", "sweden", "denmark", "france", "usa", "university", "hospital", "department", "institute"}
GENERAL |= {"hopital", "institutet", "universitetssykehus", "universitetssjukehus", "universitetet"}


def _distinctive_words() -> set[str]:
    names: list[str] = []
    other: list[str] = []
    for directory in (KNOWLEDGE, BUNDLED_KNOWLEDGE):
        kb = load_knowledge(directory)
        names += [p.name for p in kb.people]
        names += [o.name for o in kb.organisations] + [a for o in kb.organisations for a in o.aliases]
        names += [o.city for o in kb.organisations] + [t.title for t in kb.themes]
        names += [kb.project.name]
        # Norwegian names, theme titles and the consortium: their rarer words name the group too
        other += [o.name_no or "" for o in kb.organisations] + [c for o in kb.organisations for c in o.city_aliases]
        other += [t.title_no or "" for t in kb.themes] + [kb.project.name_no or ""]
        if kb.project.consortium:
            other += [kb.project.consortium.name, kb.project.consortium.name_no or ""]
    words = {w for t in names for w in re.findall(r"[a-z]{5,}", fold(t))}
    words |= {w for t in other for w in re.findall(r"[a-z]{5,}", fold(t)) if not is_ordinary(word_key(w))}
    return words - GENERAL - {"clinical", "intervention", "technology", "effect", "system", "changes", "culture"}


def _abbreviations() -> set[str]:
    """Short names as the knowledge writes them ('ABC', 'AbC'): matched with their capitals."""
    found: set[str] = set()
    for directory in (KNOWLEDGE, BUNDLED_KNOWLEDGE):
        kb = load_knowledge(directory)
        found |= {a for o in kb.organisations for a in o.aliases if len(a) <= 7 and not a.islower()}
        if kb.project.consortium and kb.project.consortium.short:
            found.add(kb.project.consortium.short)
    return found


def test_bot_package_names_nothing_of_the_group():
    words = _distinctive_words()
    abbreviations = _abbreviations()
    assert "molven" in words and "bergen" in words  # the check would see them
    assert "UiO" in abbreviations
    found = {}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        raw = path.read_text(encoding="utf-8")
        text = fold(raw)
        hits = sorted(w for w in words if re.search(rf"\b{w}\b", text))
        hits += sorted(a for a in abbreviations if re.search(rf"\b{re.escape(a)}\b", raw))
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}
