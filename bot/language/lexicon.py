"""General language knowledge: question words, filler words, countries, ordinals.

Nothing here is about one research group; it is what any English or Norwegian
speaker means by "who", "hvor mange", "Swedish" or "the fifth". The words themselves are
data, one file per language (`data/en.txt`, `nb.txt`, `nn.txt`, read by `concepts.py`);
this module names the concepts the reading uses. Every word is stored by its `word_key`,
the same key the question's words get.
"""

from __future__ import annotations

from bot.language import concepts

words = concepts.keyed
"""A word list written in code (a knowledge base's own words): keyed as the language files' are."""

# Words that carry no content of their own, English and Norwegian.
STOPWORDS = concepts.words("stopwords")

# Words that ask for people.
WHO_WORDS = concepts.words("who_words")
# Words that make a sentence a question.
QUESTION_WORDS = concepts.words("question_words")
WHY_WORDS = concepts.words("why_words")
WHERE_WORDS = concepts.words("where_words")
# Words that ask for everybody, not one person: "who are the members", "who is involved".
EVERYONE_WORDS = concepts.words("everyone_words")
# The bot itself: "who are you?", "hvem er du?".
SELF_WORDS = concepts.words("self_words")
COUNTRY_LIST_WORDS = concepts.words("country_list_words")
CITY_LIST_WORDS = concepts.words("city_list_words")
WHAT_WORDS = concepts.words("what_words")
COUNT_PHRASES = concepts.phrases("count_phrases")
WORK_WORDS = concepts.words("work_words")

LEADER_WORDS = concepts.words("leader_words")
# "Who leads it", "group leader": leadership asked of the project, not of a place.
THEME_WORDS = concepts.words("theme_words")
# Words that turn the next named thing (or topic) into an exclusion: "not", "except", "utenom".
NEGATION_WORDS = concepts.words("negation_words")
# Words that ask which institution hosts something: "hosts" is also what "vertskap" is read as.
# What the project's own card holds (its web page, its summary): asked of the group, they are not missing.
PROJECT_CARD_WORDS = concepts.words("project_card_words")
HOST_WORDS = concepts.words("host_words")
PROJECT_WORDS = concepts.words("project_words")
# The group, addressed: "hva forsker dere på?" (a project cue only in a question with a question word).
YOU_THE_GROUP = concepts.words("you_the_group")
CONSORTIUM_WORDS = concepts.words("consortium_words")
# Words that name a consortium when its own name has them ("North Sea Kelp Network"); otherwise
# "our network" is the group itself.
NETWORK_WORDS = concepts.words("network_words")
ORG_LIST_WORDS = concepts.words("org_list_words")
HELP_WORDS = concepts.words("help_words")
"""'help' alone, or with a few words around it."""
HELP_PHRASES = concepts.phrases("help_phrases")
# "How do I ...": asks for instructions, which only the group's own FAQ can give.
HOW_TO_PHRASES = concepts.phrases("how_to_phrases")
AMOUNT_PHRASES = concepts.phrases("amount_phrases")
"""'how much': an amount (money, time spent), which a fact of the project or the FAQ may say."""
GREETING_WORDS = concepts.words("greeting_words")
THANKS_WORDS = concepts.words("thanks_words")
BYE_WORDS = concepts.words("bye_words")
# "Stop" ends a conversation (a Slack thread stops being read); with only these words around it.
STOP_WORDS = concepts.words("stop_words")
STOP_FILLER = concepts.words("stop_filler")
# Greetings of more than one word, whose words alone ("det", "god") are ordinary words.
GREETING_PHRASES = concepts.phrases("greeting_phrases")
BYE_PHRASES = concepts.phrases("bye_phrases")
NORWEGIAN_GREETING_PHRASES = concepts.phrases("norwegian_greeting_phrases")
ABROAD_WORDS = concepts.words("abroad_words")
HOME_WORDS = concepts.words("home_words")
THERE_WORDS = concepts.words("there_words")
"""'Who works there?': the place named in the sentence before."""
# "el", "evt": how Norwegian chat writes "eller".
CONJUNCTIONS = concepts.words("conjunctions")
ANOTHER_WORDS = concepts.words("another_words")
"""'at another institute': one the knowledge does not have, not a kind of place to filter by."""
PLACE_PREPOSITIONS = concepts.words("place_prepositions")
PERSON_PROMPTS = concepts.phrases("person_prompts")

# Words for the roles people commonly have in a research group, by the role a
# knowledge base writes. Any other role in the YAML matches by its own words.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": LEADER_WORDS,
    "collaborator": concepts.words("role_synonyms.collaborator"),
    "participant": concepts.words("role_synonyms.participant"),
}

# Names of languages: "the Norwegian name of the project" asks for a name, not for people in Norway.
LANGUAGE_WORDS = concepts.words("language_words")
NAMING_WORDS = concepts.words("naming_words")

# Kinds of organisation, by the word in their names: "who is at a hospital". The first kind
# whose word a name has wins: a "University Hospital" is a hospital.
ORG_KIND_WORDS: dict[str, frozenset[str]] = {
    "hospital": concepts.words("org_kind_words.hospital"),
    "institute": concepts.words("org_kind_words.institute"),
    "university": concepts.words("org_kind_words.university"),
}
ANY_ORG_KIND_WORDS = frozenset().union(*ORG_KIND_WORDS.values())
ANY_ROLE_WORDS = frozenset().union(*ROLE_SYNONYMS.values())
GENERIC_NAME_WORDS = concepts.words("generic_name_words") | STOPWORDS


# "the fifth theme": position words. "five themes" is a count, so cardinals are kept apart.
ORDINALS: dict[str, int] = concepts.numbered("ordinal")
CARDINALS: dict[str, int] = concepts.numbered("cardinal")
NUMBER_WORDS = concepts.words("number_words")
# Words that grade a title ("Associate Professor", "Senior Engineer") and are everyday words
# elsewhere ("associated with"): a title is asked for by its noun, never by these alone.
TITLE_MODIFIERS = concepts.words("title_modifiers")
# Norwegian's "the" is an ending: "mobilnummeret", "adressa", "gruppene".
DEFINITE_ENDINGS = ("ene", "ane", "et", "en", "a")
LAST_WORDS = concepts.words("last_words")
# Roman numerals, read only right after a word like "theme" ("theme IV"); "i" is left out: it is a word.
ROMAN: dict[str, int] = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


# Countries, roles' everyday names and word-for-word translations live in their own modules; they
# are part of the lexicon.
from bot.language.academic_roles import ROLE_PHRASES  # noqa: E402
from bot.language.countries import (  # noqa: E402
    CASE_SENSITIVE_FORMS,
    CODE_FORMS,
    COUNTRY_CODES,
    NORWEGIAN_COUNTRY_NAMES,
    REGION_PARTS,
    REGIONS,
    canonical_country,
    country_forms,
    country_region,
)
from bot.language.translations import ABBREVIATIONS, FIELD_TRANSLATIONS  # noqa: E402

__all__ = [
    "ABBREVIATIONS",
    "CASE_SENSITIVE_FORMS",
    "CODE_FORMS",
    "COUNTRY_CODES",
    "FIELD_TRANSLATIONS",
    "NORWEGIAN_COUNTRY_NAMES",
    "REGIONS",
    "REGION_PARTS",
    "ROLE_PHRASES",
    "canonical_country",
    "country_forms",
    "country_region",
]
