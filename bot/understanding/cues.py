"""Cue words: the words that say what kind of thing a question asks about ("who", "themes", "how many")."""

from __future__ import annotations

from bot.language import concepts, lexicon

CUES: dict[str, frozenset[str]] = {
    "who": lexicon.WHO_WORDS,
    "where": lexicon.WHERE_WORDS,
    "what": lexicon.WHAT_WORDS,
    "work": lexicon.WORK_WORDS,
    "leader": lexicon.LEADER_WORDS,
    "themes": lexicon.THEME_WORDS,
    "project": lexicon.PROJECT_WORDS,
    "consortium": lexicon.CONSORTIUM_WORDS,
    "host": lexicon.HOST_WORDS,
    "orgs": lexicon.ORG_LIST_WORDS,
    "abroad": lexicon.ABROAD_WORDS,
    "home": lexicon.HOME_WORDS,
    "greeting": lexicon.GREETING_WORDS,
}
ALL_CUE_WORDS = frozenset().union(*CUES.values()) | lexicon.ANY_ORG_KIND_WORDS

# A person's attributes, by the words that ask for them. Only some are in any knowledge base;
# asking for another is answered with what is known and a plain "not known".
ATTRIBUTE_WORDS: dict[str, frozenset[str]] = {
    "email": concepts.words("cues.attribute_words.email"),
    "phone": concepts.words("cues.attribute_words.phone"),
    "age": concepts.words("cues.attribute_words.age"),
    "office": concepts.words("cues.attribute_words.office"),
    "title": concepts.words("cues.attribute_words.title"),
    "place": concepts.words("cues.attribute_words.place"),
    "unit": concepts.words("cues.attribute_words.unit"),
}
ALL_ATTRIBUTE_WORDS = frozenset().union(*ATTRIBUTE_WORDS.values())
