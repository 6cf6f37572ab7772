"""Where a question names the project itself, by its full name or a short one."""

from __future__ import annotations

from bot.language import lexicon
from bot.language.text import keys
from bot.understanding.index import Index


def project_name_positions(question_keys: list[str], index: Index) -> frozenset[int]:
    """Where the question names the project itself ('the <project name> group'): its
    words are the group's name there, not a theme's or a department's."""
    found: set[int] = set()
    content = [i for i, k in enumerate(question_keys) if k not in lexicon.STOPWORDS]
    for name in (index.kb.project.name, index.kb.project.name_no or ""):
        phrase = tuple(k for k in keys(name) if k not in lexicon.STOPWORDS)
        if len(phrase) < 2:
            continue
        for n in range(len(content) - len(phrase) + 1):
            window = content[n : n + len(phrase)]
            if tuple(question_keys[i] for i in window) == phrase:
                found.update(range(window[0], window[-1] + 1))
    short = {k for name in index.kb.project.short_names for k in keys(name)}  # "the <ABC> group", "<Short>"
    found.update(i for i, k in enumerate(question_keys) if k in short)
    return frozenset(found)
