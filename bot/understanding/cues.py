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
ALL_CUE_WORDS = frozenset().union(*CUES.values()) | lexicon.ANY_ORG_KIND_WORDS

# A person's attributes, by the words that ask for them. Only some are in any knowledge base;
# asking for another is answered with what is known and a plain "not known".
ATTRIBUTE_WORDS: dict[str, frozenset[str]] = {
    "email": lexicon.words(
        "email mail epost e-post emailadresse epostadresse mailadresse eposten epostadressa epostadressen"
        " postadresse postadressen"
    ),
    "phone": lexicon.words(
        "phone telephone mobile cell telefon telefonnummer telefonnummeret mobilnummer tlf nummer nummeret number"
    ),
    "age": lexicon.words("age old alder alderen gammal gammel born foedt fodd"),
    "office": lexicon.words("office room kontor kontoret rom address adresse adressa adressen"),
    "title": lexicon.words("title titles tittel tittelen titlar titler position stilling stillingen"),
    "place": lexicon.words("where hvor kvar kor city cities country countries by byer land based located sitter"),
    "unit": lexicon.words(
        "department departments dept avdeling avdelingen avdelinger unit units institute institutt seksjon"
    ),
}
ALL_ATTRIBUTE_WORDS = frozenset().union(*ATTRIBUTE_WORDS.values())
