"""Who leads a theme: the people the knowledge says lead it, in the theme's summary or their own note.

"Who leads theme 2?" asks for the theme's leader, not the group's: a group whose themes have
leaders writes so in words ("Led by <name>." in the summary, "Leads theme 2 on ..." in a note),
since the format has no field for it. A theme whose texts name no leader has no answer, and
the question says "I don't know" rather than naming the group's leader.
"""

from __future__ import annotations

import re

from bot.knowledge.model import KnowledgeBase, Theme
from bot.language import concepts
from bot.language.text import keys

LED_WORDS = concepts.words("leads.led")
"""Words that say someone leads something: 'led by', 'leads', 'coordinates', 'leder', 'leia'."""
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def theme_leaders(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each theme's id, with the ids of the people its summary or their notes say lead it."""
    found: dict[str, tuple[str, ...]] = {}
    for theme in kb.themes:
        leaders = [p.id for p in kb.people if _named_as_leader(p.name, theme.summary or "")]
        leaders += [p.id for p in kb.people if p.note and _note_leads(p.note, theme)]
        if leaders:
            found[theme.id] = tuple(dict.fromkeys(leaders))
    return found


def _leading_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if set(keys(s)) & LED_WORDS]


def _named_as_leader(name: str, text: str) -> bool:
    """The person's name (all of it, or its first and last word) in a sentence that says 'led by'."""
    words = keys(name)
    forms = {" ".join(words), f"{words[0]} {words[-1]}"} if words else set()
    return any(f" {form} " in f" {' '.join(keys(s))} " for s in _leading_sentences(text) for form in forms)


def _note_leads(note: str, theme: Theme) -> bool:
    """A note saying the person leads the theme: by its number ('Leads theme 2') or its title's words."""
    title = {k for k in keys(f"{theme.title} {theme.title_no or ''}") if len(k) > 3}
    for sentence in _leading_sentences(note):
        words = keys(sentence)
        numbered = any(words[i + 1] == str(theme.number) for i in range(len(words) - 1) if words[i] in _THEME)
        if numbered or (title and len(title & set(words)) * 2 > len(title)):
            return True
    return False


_THEME = concepts.words("leads.theme")
