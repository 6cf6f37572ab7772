"""Who leads a theme: the people the knowledge says lead it, in the theme's summary or their own note.

"Who leads theme 2?" asks for the theme's leader, not the group's: a group whose themes have
leaders writes so in words ("Led by <name>." in the summary, "Leads theme 2 on ..." in a note),
since the format has no field for it. A theme whose texts name no leader has no answer, and
the question says "I don't know" rather than naming the group's leader.
"""

from __future__ import annotations

import re

from bot.knowledge.model import KnowledgeBase, Person, Theme
from bot.language import concepts, lexicon
from bot.language.text import keys

LED_WORDS = concepts.words("leads.led")
"""Words that say someone leads something: 'led by', 'leads', 'coordinates', 'leder', 'leia'."""
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:Dr|Prof|St|Mr|Mrs|Ms|Assoc)\.$")
"""'Dr.', 'Prof.': a title's dot, which ends no sentence."""


def theme_leaders(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each theme's id, with the ids of the people its summary or their notes say lead it."""
    forms = name_forms(kb)
    found: dict[str, tuple[str, ...]] = {}
    for theme in kb.themes:
        leaders = [person.id for person in people_named_in(forms, tuple(_leading_sentences(theme.summary or "")))]
        leaders += [p.id for p in kb.people if p.note and _note_leads(p.note, theme)]
        if leaders:
            found[theme.id] = tuple(dict.fromkeys(leaders))
    return found


def name_forms(kb: KnowledgeBase) -> tuple[tuple[Person, frozenset[str]], ...]:
    """Each person with the forms a text names them by: all of the name, or its first and last word."""
    forms = []
    for person in kb.people:
        words = keys(person.name)
        if words:
            forms.append((person, frozenset({" ".join(words), f"{words[0]} {words[-1]}"})))
    return tuple(forms)


def people_named_in(forms: tuple[tuple[Person, frozenset[str]], ...], texts: tuple[str, ...]) -> list[Person]:
    """The people the texts name in full ("founded in 2016 by <first> <last>"), in the knowledge's order."""
    keyed = [f" {' '.join(keys(text))} " for text in texts]
    return [person for person, names in forms if any(f" {name} " in text for text in keyed for name in names)]


def _leading_sentences(text: str) -> list[str]:
    """The sentences that say someone leads ('Led by Dr. <name>.' is one sentence, its title's dot no end)."""
    sentences: list[str] = []
    for part in _SENTENCE_END.split(text):
        if sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return [s for s in sentences if set(keys(s)) & LED_WORDS]


def _note_leads(note: str, theme: Theme) -> bool:
    """A note saying the person leads the theme: by its number ('Leads theme 2', 'leads subproject 2'), by
    all of its title's words, or by most of them with a word for a theme (in one language: 'Leads the long-term
    <part of a title> monitoring' leads a programme, not the theme)."""
    titles = [{k for k in keys(title) if len(k) > 3} for title in (theme.title, theme.title_no or "")]
    for sentence in _leading_sentences(note):
        words = keys(sentence)
        pairs = range(len(words) - 1)
        numbered = any(words[i + 1] == str(theme.number) for i in pairs if words[i] in lexicon.THEME_WORDS)
        a_theme = bool(set(words) & lexicon.THEME_WORDS)  # "leads the theme on <most of its title>"
        if numbered or any(
            title and (title <= set(words) or (a_theme and len(title & set(words)) * 2 > len(title)))
            for title in titles
        ):
            return True
    return False
