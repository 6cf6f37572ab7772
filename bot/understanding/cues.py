"""Cue words: the words that say what kind of thing a question asks about ("who", "themes", "how many")."""

from __future__ import annotations

from bot.language import lexicon

CUES: dict[str, frozenset[str]] = {
    "who": lexicon.WHO_WORDS,
    "where": lexicon.WHERE_WORDS,
    "what": lexicon.WHAT_WORDS,
    "work": lexicon.WORK_WORDS,
    "leader": lexicon.LEADER_WORDS,
    "themes": lexicon.THEME_WORDS,
    "project": lexicon.PROJECT_WORDS,
    "consortium": lexicon.CONSORTIUM_WORDS,
    "orgs": lexicon.ORG_LIST_WORDS,
    "abroad": lexicon.ABROAD_WORDS,
    "home": lexicon.HOME_WORDS,
    "greeting": lexicon.GREETING_WORDS,
}
ALL_CUE_WORDS = frozenset().union(*CUES.values(), *lexicon.ORG_KIND_WORDS.values())
