"""Read the filters of a question: what each names, its polarity, and how they combine.

"Which collaborators don't work in Sweden?" is role=collaborator AND NOT country=Sweden;
"anyone at both <A> and <B>" is one place filter whose values must all hold;
"<city> or <city>" is one filter of alternatives. A negation word ("not",
"except", "apart from", "ikkje", "utenfor" ...) applies to the next thing the
question names, as long as only filler stands between them.
"""

from __future__ import annotations

from itertools import pairwise

from bot.language import concepts, lexicon
from bot.understanding import query as q
from bot.understanding.evidence import PERSON_KINDS
from bot.understanding.filter_scope import the_askers_own, where_the_filters_are
from bot.understanding.including import (
    included,
    included_phrase,
    included_positions,
    is_leader_word,
    named_positions,
    with_included,
)
from bot.understanding.index import (
    CITY,
    COUNTRY,
    ORG,
    ORG_PART,
    REGION,
    ROLE,
    TITLE,
    UNIT,
    Index,
)
from bot.understanding.items import Item as _Item
from bot.understanding.negation import NEGATED_ALONG as _NEGATED_ALONG
from bot.understanding.negation import NEGATIONS, negation_positions
from bot.understanding.negation import barriers as sentence_barriers
from bot.understanding.parser import Mention, Parse, heads_a_name
from bot.understanding.theme_items import (
    a_modifier,
    a_verb_here,
    says_both_after,
    theme_items,
    topic_rather_than_place,
)

_FAMILY = {
    ORG: q.PLACE,
    ORG_PART: q.PLACE,
    CITY: q.PLACE,
    COUNTRY: q.PLACE,
    REGION: q.PLACE,
    UNIT: q.UNIT,
    ROLE: q.ROLE,
    TITLE: q.TITLE,
}
FILTER_KINDS = frozenset(_FAMILY)

# Words that turn the next named thing into an exclusion.
BOTH = concepts.words("filters.both")
_ALSO = concepts.words("topics.also")
_OVERLAP = concepts.words("filters.overlap")
BOTH_PHRASES = concepts.phrases("theme_items.both_after_phrases")
_AND = concepts.words("filters.and")
# What may stand between a negation (or a conjunction) and the thing it applies to.
_FILLER = (
    (
        lexicon.STOPWORDS
        | lexicon.WORK_WORDS
        | lexicon.WHO_WORDS
        | lexicon.PLACE_PREPOSITIONS
        | lexicon.PROJECT_WORDS
        | concepts.words("filters.between_negation_and_item.people_and_places")
        | concepts.words("filters.between_negation_and_item.linked")
        | concepts.words("filters.between_negation_and_item.also")
    )
    - NEGATIONS
    - concepts.words("filters.not_between_negation_and_item")
)


_SELF_WORD_WORDS = concepts.words("filters.self_word")
_NEW_IN_A_ROLE = concepts.words("filters.new_in_a_role")
"""'I'm a new PhD student', 'eg er ny stipendiat': words that describe what the asker is."""


def filter_mentions(parsed: Parse) -> list[Mention]:
    """The mentions that filter people: places, organisations, units, roles and titles."""
    if "filter_mentions" not in parsed.memo:
        parsed.memo["filter_mentions"] = [
            m
            for m in parsed.mentions
            if m.kind in FILTER_KINDS and not (m.kind in (TITLE, ROLE) and _said_of_oneself(parsed, m.start))
        ]
    return list(parsed.memo["filter_mentions"])


def read_filters(p: Parse, index: Index) -> tuple[tuple[q.Filter, ...], tuple[str, ...]]:
    """The question's filters, and the people it excludes by name ("besides X, who ...")."""
    all_items = _resolve_possessives(p, _items(p))
    themes = theme_items(p, index)
    if themes:
        all_items = [i for i in all_items if not topic_rather_than_place(i, themes, p.keys)]
        all_items = sorted(all_items + themes, key=lambda item: item.start)
    items = [
        i
        for i in all_items
        if not included(p.keys, i, named_positions(p)) and not a_verb_here(i, p.keys) and not a_modifier(i, p)
    ]
    askers = the_askers_own(p, items)
    items = [item for item in items if item not in askers]
    where = where_the_filters_are(p, items)
    # 'that' in the question is the topic of the sentence before ("a piece on <topic> ... who studies that?")
    pointed = p.memo.get("theme_from_context", False)
    items = [item for item in items if item.start in where or (pointed and item.family == q.THEME)]
    keys = p.keys
    negated_at = negation_positions(keys)
    # "non-Swedish": by the word as typed, since "noen" (someone) is keyed like "non"
    negated_at += [t.index for t in p.tokens if t.original.lower() == "non"]
    barriers = sentence_barriers(p) if negated_at else frozenset()
    if negated_at:
        items = sorted(items + _negated_leader(p, index, items, negated_at, barriers), key=lambda item: item.start)
    filters: list[q.Filter] = []
    excluded: list[str] = []
    groups = _group(items, keys)
    previous_negated: _Item | None = None
    negated_starts: set[int] = set()
    for group in groups:
        first = group[0]
        negated = (
            _negated(first.start, negated_at, keys, barriers)
            or _right_after_no(first.start, keys)
            or _excluded_after(keys, group[-1].end, p)  # "the leader excluded"
        )
        if not negated and previous_negated is not None:
            # "apart from the leader and the international collaborators": the negation goes on
            between = keys[previous_negated.end : first.start]
            # "not counting the leader or the external collaborators": neither of them
            joined = _AND | lexicon.CONJUNCTIONS
            modifier = between[-1:] if between and _describes(between[-1]) else []  # "the external collaborators"
            negated = any(k in joined for k in between) and all(
                k in _FILLER or k in joined or k in _NEGATED_ALONG for k in between[: len(between) - len(modifier)]
            )
        previous_negated = group[-1] if negated else None
        if negated:
            negated_starts.add(first.start)
        if first.family == "person":
            if negated:
                excluded.extend(v.id for item in group for v in item.values)
            continue
        values = tuple(dict.fromkeys(v for item in group for v in item.values))
        both = _says_both(first.start, keys) or says_both_after(group[-1].end, keys) or _and_also(group, keys)
        # "<topic A> and <topic B> overlap": one run of words naming two themes, both said after it
        one_run_of_two = len(group) == 1 and len(values) > 1 and first.family == q.THEME
        one_run_of_two = one_run_of_two and group[-1].end < len(keys) and keys[group[-1].end] in _OVERLAP
        all_of = both and ((len(group) > 1 and _joined_by_and(group, keys)) or one_run_of_two)
        filters.append(q.Filter(first.family, values, negated, all_of))
    filters = with_included(p, index, all_items, filters)
    filters.extend(_place_words(p, index, negated_at, items, where, negated_starts))
    return tuple(filters), tuple(dict.fromkeys(excluded))


_AM = concepts.words("filters.am")
_AS = concepts.words("filters.as")
_A = concepts.words("filters.a")


def _said_of_oneself(p: Parse, start: int) -> bool:
    """'I am a <title>', 'jeg er <title>', 'As a <title>, I ...': what the asker is."""
    before = start - 1
    described = 0  # "eg er ny stipendiat", "I'm a new PhD student": a word or two describing the role
    while before >= 0 and (p.keys[before] in _A or (described < 2 and p.keys[before] in _NEW_IN_A_ROLE)):
        described += p.keys[before] not in _A
        before -= 1
    if before < 0:
        return False
    if p.keys[before] in _AS and before + 1 < start and (before == 0 or before in p.sentence_starts):
        return True  # "As a professor emeritus, I ..."
    self_word = before >= 1 and (p.tokens[before - 1].original == "I" or p.keys[before - 1] in _SELF_WORD_WORDS)
    return p.keys[before] in _AM and self_word


def _describes(key: str) -> bool:
    """A word that may describe the thing after it ('external', 'former'), not a verb or a question word."""
    return key not in _VERBS | lexicon.STOPWORDS | lexicon.QUESTION_WORDS | NEGATIONS and key.isalpha()


def _items(p: Parse) -> list[_Item]:
    items: list[_Item] = []
    for mention in p.mentions:
        if mention.kind in (TITLE, ROLE) and _said_of_oneself(p, mention.start):
            continue  # "I am a professor emeritus", "as a participant myself": the asker's, not a condition
        if mention.kind in FILTER_KINDS:
            values = tuple(q.Value(t.kind, t.value) for t in mention.targets)
            items.append(_Item(_FAMILY[mention.kind], values, mention.start, mention.end))
        elif mention.kind in PERSON_KINDS:
            values = tuple(q.Value("person", t.value) for t in mention.targets)
            items.append(_Item("person", values, mention.start, mention.end))
    consumed = {i for m in p.mentions for i in range(m.start, m.end)}
    for position, key in enumerate(p.keys):
        if position in consumed or heads_a_name(p.keys, position, p.mentions):
            continue
        if not _in_place_slot(p.keys, position):
            continue  # "the report for the institute" names no kind of place to filter by
        if position > 0 and p.keys[position - 1] in lexicon.ANOTHER_WORDS:
            continue  # "at another institute": one the knowledge does not have, not a kind to filter by
        for kind, kind_words in lexicon.ORG_KIND_WORDS.items():
            if key in kind_words:
                items.append(_Item(q.ORG_KIND, (q.Value(q.ORG_KIND, kind),), position, position + 1))
    return sorted(items, key=lambda item: item.start)


_NOT_A_PLACE_BEFORE = concepts.words("filters.not_a_place_before")
_ARTICLES = concepts.words("filters.articles")


def _in_place_slot(keys: list[str], position: int) -> bool:
    """A kind of organisation filters people unless it is what something is for or about:
    'at a hospital', 'any hospital affiliation' do; 'the report for the institute' does not."""
    before = position - 1
    while before >= 0 and keys[before] in _ARTICLES:
        before -= 1
    return not (before >= 0 and keys[before] in _NOT_A_PLACE_BEFORE)


_ADJACENT_NEGATIONS = concepts.words("filters.adjacent_negations")
_EXCLUDED_AFTER = concepts.words("filters.excluded_after")
_TIES = concepts.words("filters.ties")
_NO_TIE = _TIES | lexicon.STOPWORDS


def _excluded_after(keys: list[str], end: int, p: Parse) -> bool:
    """'<X> excluded', 'lederen unntatt': a negation after what it negates, when nothing it could
    negate follows it ('i <city>, unntatt <name>' negates the name)."""
    return end < len(keys) and keys[end] in _EXCLUDED_AFTER and not included_phrase(keys, end, named_positions(p))


def _right_after_no(start: int, keys: list[str]) -> bool:
    """'no hospital affiliation', 'ingen sykehus': 'no' negates only what it stands right before; and
    'no affiliation with the <org>', 'ingen tilknytning til <org>': a 'no' before what ties them to it."""
    if start > 0 and keys[start - 1] in _ADJACENT_NEGATIONS:
        return True
    for j in range(max(0, start - 5), start - 1):
        between = keys[j + 1 : start]
        if keys[j] in _ADJACENT_NEGATIONS and all(k in _NO_TIE for k in between) and any(k in _TIES for k in between):
            return True
    return False


def _negated(start: int, negated_at: list[int], keys: list[str], barriers: frozenset[int] = frozenset()) -> bool:
    """A negation applies when only filler stands between it and the thing named, within its
    sentence and not into a question of its own (`barriers`)."""
    return any(
        n < start
        and all(k in _FILLER or k in _NEGATED_ALONG for k in keys[n + 1 : start])
        and not any(n < b <= start for b in barriers)
        for n in negated_at
    )


def _group(items: list[_Item], keys: list[str]) -> list[list[_Item]]:
    """Adjacent items of one family joined by 'and'/'or' are one group: alternatives or 'both'."""
    groups: list[list[_Item]] = []
    for item in items:
        if groups:
            last = groups[-1][-1]
            between = keys[last.end : item.start]
            listed = not between and _list_goes_on(groups[-1], item, items, keys)  # "<A>, <B> or <C>"
            if listed or (
                last.family == item.family
                and between
                and any(k in lexicon.CONJUNCTIONS for k in between)
                and all(k in _FILLER or k in lexicon.CONJUNCTIONS or k in lexicon.THEME_WORDS for k in between)
                and not any(k in _VERBS for k in between)  # "at <A> and is in <B>": two conditions
            ):
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _list_goes_on(group: list[_Item], item: _Item, items: list[_Item], keys: list[str]) -> bool:
    """Two names of one family side by side (a comma between them) continue a list that ends in
    'and' or 'or': 'at <A>, <B> or <C>'."""
    if group[-1].family != item.family:
        return False
    following = [i for i in items if i.start > item.start and i.family == item.family]
    return bool(following) and any(k in lexicon.CONJUNCTIONS for k in keys[item.end : following[0].start])


def _says_both(start: int, keys: list[str]) -> bool:
    """'both at <A> and <B>', 'at the same time at <A> and <B>': "both" said before the list."""
    if any(k in BOTH for k in keys[max(0, start - 3) : start]):
        return True
    before = tuple(keys[max(0, start - 6) : start])
    return any(before[i : i + len(ph)] == ph for ph in BOTH_PHRASES for i in range(len(before)))


def _and_also(group: list[_Item], keys: list[str]) -> bool:
    """'on <A> and also on <B>', 'med <A> og også <B>': the second as well as the first."""
    if len(group) < 2 or any(item.family not in (q.THEME, q.PLACE) for item in group):
        return False  # "the postdocs and also the PhD students": both lists, not people who are both
    return all(set(keys[a.end : b.start]) & _ALSO for a, b in pairwise(group))


def _joined_by_and(group: list[_Item], keys: list[str]) -> bool:
    return all(
        any(k in _AND for k in keys[a.end : b.start]) and "or" not in keys[a.end : b.start] for a, b in pairwise(group)
    )


_POSSESSIVES = concepts.words("filters.possessives")
_VERBS = lexicon.WORK_WORDS | concepts.words("filters.verbs")


def _negated_leader(
    p: Parse, index: Index, items: list[_Item], negated_at: list[int], barriers: frozenset[int]
) -> list[_Item]:
    """'utenom gruppelederen', 'except the head': a leader word in a negation's reach is the leader's
    role, left out, in any language (the leader's words are otherwise a question of their own)."""
    taken = {i for item in items for i in range(item.start, item.end)}
    roles = tuple(q.Value(ROLE, role) for role, words in index.role_words.items() if words & lexicon.LEADER_WORDS)
    if not roles:
        return []
    return [
        _Item(q.ROLE, roles, n, n + 1)
        for n, key in enumerate(p.keys)
        if n not in taken and is_leader_word(key) and _negated(n, negated_at, p.keys, barriers)
    ]


def _resolve_possessives(p: Parse, items: list[_Item]) -> list[_Item]:
    """'anyone from my university?' after 'I'm from the University of X': my university is X."""
    resolved: list[_Item] = []
    for item in items:
        if item.family == q.ORG_KIND and item.start > 0 and p.keys[item.start - 1] in _POSSESSIVES:
            named = [i for i in items if i.family == q.PLACE and any(v.kind in (ORG, ORG_PART) for v in i.values)]
            if named:
                resolved.append(_Item(q.PLACE, named[0].values, item.start, item.end))
            continue
        resolved.append(item)
    return resolved


def _place_words(
    p: Parse,
    index: Index,
    negated_at: list[int],
    items: list[_Item],
    where: frozenset[int],
    negated_starts: set[int] | frozenset[int] = frozenset(),
) -> list[q.Filter]:
    """'abroad', 'international' and 'national', 'domestic': places relative to the group's home."""
    if index.home_country is None:
        return []
    found: list[q.Filter] = []
    keys = p.keys
    place_after = {item.start for item in items if item.family == q.PLACE}
    included = included_positions(keys, named_positions(p))
    for position, key in enumerate(keys):
        if position not in where or position in included:
            continue
        if key in lexicon.ABROAD_WORDS:
            if key in NEGATIONS and _next_item_start(position, items, keys) in place_after:
                continue  # "outside Europe": a negated place, read above
            negated = _negated(position, [n for n in negated_at if n != position], keys, sentence_barriers(p))
            # "not the international collaborators", "excluding the collaborators abroad": negated with
            # the thing it describes, before it or right after it
            negated = negated or _next_item_start(position, items, keys) in negated_starts
            negated = negated or any(item.start in negated_starts and item.end == position for item in items)
            found.append(q.Filter(q.ABROAD, (), negated))
            break
    if not found and any(k in lexicon.HOME_WORDS for n, k in enumerate(keys) if n in where):
        found.append(q.Filter(q.HOME))
    return found


def _next_item_start(position: int, items: list[_Item], keys: list[str]) -> int | None:
    for item in items:
        if item.start > position and all(k in _FILLER for k in keys[position + 1 : item.start]):
            return item.start
    return None
