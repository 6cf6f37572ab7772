"""Search structures built once from a knowledge base.

The parser asks the index three things: which phrases of the knowledge base a
question contains (people, organisations, places, units, roles), which word of
the knowledge base a misspelt word was meant to be, and which people belong to
an organisation, place, unit or role. All of them are dictionary look-ups or
set operations, so a question costs about the same with a dozen people or 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge.model import KnowledgeBase, Organisation
from bot.language import concepts, lexicon
from bot.language.text import keys, stem
from bot.understanding.cues import CUES

# Kinds of things a phrase can name, strongest first when two share a span.
PERSON = "person"
ORG = "org"
CITY = "city"
COUNTRY = "country"
REGION = "region"
UNIT = "unit"
TITLE = "title"
ROLE = "role"
FIRST_NAME = "first_name"
SURNAME = "surname"
ORG_PART = "org_part"

PLACE_KINDS = frozenset({ORG, CITY, COUNTRY, REGION, ORG_PART})


@dataclass(frozen=True, slots=True)
class Target:
    """What a phrase names: a kind and the id (person, org) or value (city, role)."""

    kind: str
    value: str


@dataclass
class FuzzyHit:
    word: str
    distance: int


@dataclass
class Index:
    """Everything the engine looks up, derived from one KnowledgeBase."""

    kb: KnowledgeBase
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[Target, ...]]]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    fuzzy_words: dict[int, list[str]] = field(default_factory=dict)
    fuzzy_names: dict[int, list[str]] = field(default_factory=dict)
    people_by_org: dict[str, set[str]] = field(default_factory=dict)
    people_by_city: dict[str, set[str]] = field(default_factory=dict)
    people_by_country: dict[str, set[str]] = field(default_factory=dict)
    people_by_unit: dict[str, set[str]] = field(default_factory=dict)
    people_by_role: dict[str, set[str]] = field(default_factory=dict)
    people_by_title: dict[str, set[str]] = field(default_factory=dict)
    people_by_theme: dict[str, set[str]] = field(default_factory=dict)
    theme_terms: dict[str, frozenset[str]] | None = None
    theme_phrases: list[tuple[tuple[str, ...], tuple[str, ...]]] | None = None
    theme_weak_terms: dict[str, frozenset[str]] | None = None
    """Each theme's distinctive word stems (`topics.theme_terms`), worked out on first use."""
    org_descendants: dict[str, set[str]] = field(default_factory=dict)
    role_words: dict[str, frozenset[str]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    stem_words: dict[str, str] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)
    person_order: dict[str, int] = field(default_factory=dict)
    home_country: str | None = None
    max_idf: float = 1.0
    """The weight of a word no text of the knowledge has: the rarest there is."""
    long_words_by_prefix: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # -- look-ups -------------------------------------------------------------

    def inflected(self, word: str) -> str | None:
        """The knowledge-base or cue word this is another form of: 'lederen', 'oncologist'."""
        if len(word) < 5:
            return None
        once = stem(word)
        found = self.stem_words.get(once) or self.stem_words.get(stem(once))
        if found and word.endswith("ing") and found.endswith(("tion", "tions", "sjon", "sjoner")):
            return None  # "organising a visit": a verb, not the organisations
        return found

    def correct(self, word: str, names_only: bool = False) -> FuzzyHit | None:
        """The knowledge-base word a misspelt word most likely means, if it is close enough.

        One edit (a transposition counts as one) from five letters on, two from
        nine: enough for a dropped or swapped letter in a place or a surname, but
        a different name ("Petersen" for "Peters") is never taken for a typo.
        With `names_only` (a capitalised word), only names of the knowledge base
        are candidates: "Peter" is a name, never a misspelt ordinary word.
        """
        if len(word) < 3 or word.isdecimal():
            return None
        if len(word) < 5:
            return self._correct_short(word, names_only)
        allowed = 2 if len(word) >= 9 else 1
        candidates: list[str] = []
        pool = self.fuzzy_names if names_only else self.fuzzy_words
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            candidates.extend(pool.get(length, ()))
        if not candidates:
            return None
        hits = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=3)
        if not hits:
            return None
        best = min(h[1] for h in hits)
        closest = sorted({h[0] for h in hits if h[1] == best})
        if len(closest) > 1 and len({self._single_word_targets(w) for w in closest}) > 1:
            return None  # two words equally close that mean different things: a coin toss
        return FuzzyHit(closest[0], int(best))

    def _correct_short(self, word: str, names_only: bool) -> FuzzyHit | None:
        """'Olso', 'whre', 'Kuer': a word of three or four letters is one edit from so many words that it
        is corrected only when exactly one word of the knowledge's names and the question words fits
        (a three-letter word only by two letters swapped)."""
        pool = self.fuzzy_names if names_only else self.fuzzy_words
        candidates = [w for length in range(len(word) - 1, len(word) + 2) for w in pool.get(length, ())]
        if not names_only:
            candidates += [w for w in _SHORT_CORRECTABLE if abs(len(w) - len(word)) <= 1]
        close = {w for w in candidates if OSA.distance(word, w, score_cutoff=1) <= 1}
        swapped = {w for w in close if len(w) == len(word) and sorted(w) == sorted(word)}
        # a name one letter off is often another name ('Jane', 'Jan'); two letters swapped is a typo
        only_swaps = names_only or len(word) == 3
        close = swapped if only_swaps else swapped or {w for w in close if w in _SHORT_CORRECTABLE}
        meanings = {self._single_word_targets(w) for w in close}
        if len(meanings) != 1:
            return None
        return FuzzyHit(sorted(close)[0], 1)

    def names_only_places(self, word: str) -> bool:
        """Whether the word, alone, names nothing but places: a city, a country or a region."""
        targets = self._single_word_targets(word)
        return bool(targets) and all(t.kind in (CITY, COUNTRY, REGION) for t in targets)

    def _single_word_targets(self, word: str) -> frozenset[Target]:
        """What a single word means: what it names, else its group of cue words ('jobber', 'jobbe': work)."""
        named = frozenset(t for phrase, ts in self.phrases.get(word, ()) if phrase == (word,) for t in ts)
        if named:
            return named
        group = _cue_group_of().get(word)
        return frozenset({Target("cue", group) if group is not None else Target("word", word)})

    def people_in_orgs(self, org_ids: Iterable[str]) -> set[str]:
        """People at these organisations or any of their departments."""
        found: set[str] = set()
        for org_id in org_ids:
            for member in self.org_descendants.get(org_id, {org_id}):
                found |= self.people_by_org.get(member, set())
        return found

    def people_for(self, target: Target) -> set[str]:
        """The people a named place, unit, role or title stands for."""
        if target.kind in (ORG, ORG_PART):
            return self.people_in_orgs([target.value])
        if target.kind == CITY:
            return set(self.people_by_city.get(target.value, set()))
        if target.kind == COUNTRY:
            return set(self.people_by_country.get(target.value, set()))
        if target.kind == REGION:
            found: set[str] = set()
            for country, people in self.people_by_country.items():
                region = lexicon.country_region(country)
                if region == target.value or region in lexicon.REGION_PARTS.get(target.value, ()):
                    found |= people
            return found
        if target.kind == UNIT:
            return set(self.people_by_unit.get(target.value, set()))
        if target.kind == ROLE:
            return set(self.people_by_role.get(target.value, set()))
        if target.kind == TITLE:
            return set(self.people_by_title.get(target.value, set()))
        if target.kind in (PERSON, FIRST_NAME, SURNAME):
            return {target.value}
        return set()

    def org_kind(self, org: Organisation) -> str | None:
        """'hospital', 'institute' or 'university', by the words of the organisation's names."""
        words = {k for name in org.all_names for k in keys(name)}
        return next((kind for kind, kind_words in lexicon.ORG_KIND_WORDS.items() if words & kind_words), None)

    def all_people(self) -> set[str]:
        return set(self.person_order)


# -- building -------------------------------------------------------------------


_KNOWN_FORM_CUES = ("who", "where", "work", "leader", "themes", "project", "consortium", "orgs", "abroad")
"""Cues whose words are corrected and read in other forms ('lederen'); 'what', 'home' and greetings are not."""


_SHORT_CORRECTABLE = lexicon.QUESTION_WORDS | concepts.words("index.short_correctable")
"""Words a short typo may be read as by one letter more, less or changed: 'whre', 'grup'."""


def _cue_groups() -> tuple[frozenset[str], ...]:
    return (
        *(CUES[cue] for cue in _KNOWN_FORM_CUES),
        *lexicon.ROLE_SYNONYMS.values(),
        *lexicon.ORG_KIND_WORDS.values(),
    )


@cache
def _cue_words() -> frozenset[str]:
    return frozenset().union(*_cue_groups())


@cache
def _cue_group_of() -> dict[str, int]:
    """Each cue word's group, so that two spellings of one cue are not a coin toss between meanings."""
    return {word: n for n, group in enumerate(_cue_groups()) for word in group}


# Building the index from a knowledge base is its own module; `build_index` is imported from here.
from bot.understanding.index_build import build_index  # noqa: E402

__all__ = ["build_index"]
