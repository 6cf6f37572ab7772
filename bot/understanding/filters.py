"""Read the filters of a question: what each names, its polarity, and how they combine.

"Which collaborators don't work in Sweden?" is role=collaborator AND NOT country=Sweden;
"anyone at both <A> and <B>" is one place filter whose values must all hold;
"<city> or <city>" is one filter of alternatives. A negation word ("not",
"except", "apart from", "ikkje", "utenfor" ...) applies to the next thing the
question names, as long as only filler stands between them.
"""

from __future__ import annotations

from itertools import pairwise

from bot.language import lexicon
from bot.language.ordinary import is_ordinary
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.evidence import PERSON_KINDS
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
from bot.understanding.sentences import refers_back

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
BOTH = lexicon.words("both baade bade begge")
_AND = lexicon.words("and og plus as well")
# What may stand between a negation (or a conjunction) and the thing it applies to.
_FILLER = (
    (
        lexicon.STOPWORDS
        | lexicon.WORK_WORDS
        | lexicon.WHO_WORDS
        | lexicon.PLACE_PREPOSITIONS
        | lexicon.PROJECT_WORDS
        | lexicon.words("based located sitting people folk de dei dem those ones them counting")
        | lexicon.words("assigned allocated linked attached connected knyttet knytta")
        | lexicon.words("samtidig simultaneously also ogsaa ogsa og")
    )
    - NEGATIONS
    - lexicon.words("but men")
)


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
    themes = _theme_items(p, index)
    if themes:
        all_items = [i for i in all_items if not _topic_rather_than_place(i, themes, p.keys)]
        all_items = sorted(all_items + themes, key=lambda item: item.start)
    items = [
        i
        for i in all_items
        if not included(p.keys, i, named_positions(p)) and not _a_verb_here(i, p.keys) and not _a_modifier(i, p)
    ]
    where = _where_the_filters_are(p, items)
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
        both = _says_both(first.start, keys) or _says_both_after(group[-1].end, keys)
        all_of = len(group) > 1 and both and _joined_by_and(group, keys)
        filters.append(q.Filter(first.family, values, negated, all_of))
    filters = with_included(p, index, all_items, filters)
    filters.extend(_place_words(p, index, negated_at, items, where, negated_starts))
    return tuple(filters), tuple(dict.fromkeys(excluded))


_AM = lexicon.words("am m er")
_AS = lexicon.words("as som")
_A = lexicon.words("a an en ei et")


# A part of an organisation's name, a unit or a title may also be a theme's word (a word in a
# division's name and in a theme's title): unless it stands after a place word ("at", "ved"), it
# is the topic. A country or region word gives way only inside a longer theme phrase ("Nordic languages").
_SOFT_KINDS = frozenset({ORG_PART, UNIT, TITLE})
_PLACE_KINDS_IN_TOPICS = frozenset({COUNTRY, REGION})


def _theme_items(p: Parse, index: Index) -> list[_Item]:
    """Themes named in a question that asks for people, as conditions (see `topics.py`)."""
    if not topics.links_people(index):
        return []
    if not topics.asks_for_people(p, {m.kind for m in p.mentions}):
        return []
    soft = _SOFT_KINDS | _PLACE_KINDS_IN_TOPICS
    taken = {i for m in p.mentions if m.kind not in soft for i in range(m.start, m.end)}
    # a country ('Norwegian'), or a name after a place word ('in Greenland'), is a place: a theme may
    # take its words only in a longer phrase of its own ('Norwegian dialects')
    places = {
        i
        for m in p.mentions
        if m.kind in _PLACE_KINDS_IN_TOPICS or (m.start > 0 and p.keys[m.start - 1] in lexicon.PLACE_PREPOSITIONS)
        for i in range(m.start, m.end)
    }
    spans = topics.theme_spans(p, index, taken, places)
    p.memo["theme_positions"] = frozenset(i for s in spans for i in range(s.start, s.end))
    return [_Item(q.THEME, tuple(q.Value(q.THEME, t) for t in s.theme_ids), s.start, s.end) for s in spans]


_WHO = lexicon.words("who hvem kven kem kam")
_PLACE_WORDS = lexicon.PLACE_PREPOSITIONS
_ON_A_TOPIC = lexicon.words("paa pa on om med with about innen within")


_VERB_LIKE = lexicon.words("forsker forskar research researches studerer")


def _a_verb_here(item: _Item, keys: list[str]) -> bool:
    """'Hvem (i gruppen) forsker på <topic>?': a role's or title's word right after "who" or before "on"
    is the verb ("researches on"), not the role."""
    if item.family not in (ROLE, TITLE) or item.end - item.start != 1:
        return False
    on_a_topic = item.end < len(keys) and keys[item.end] in _ON_A_TOPIC
    before_who = item.start > 0 and keys[item.start - 1] in _WHO
    return on_a_topic and (before_who or keys[item.start] in _VERB_LIKE)


_NOT_A_NOUN = NEGATIONS | lexicon.words(
    "excluded ekskludert unntatt fratrukket included including inkludert inkl medregnet iberegnet counting too also"
)
_ROLE_NOUNS = frozenset(w for phrases in lexicon.ROLE_PHRASES.values() for p in phrases for w in p.split())


def _a_modifier(item: _Item, p: Parse) -> bool:
    """'the partner visit', 'a safety course', 'postdoc positions': a role's or title's word right before
    a noun describes that noun; it asks for nobody."""
    keys = p.keys
    if item.family not in (ROLE, TITLE) or item.end - item.start != 1 or item.end >= len(keys):
        return False
    word, following = keys[item.start], keys[item.end]
    if word.endswith("s") or following in lexicon.STOPWORDS or following in lexicon.WORK_WORDS:
        return False
    if following in _ROLE_NOUNS or following.startswith("student"):  # "PhD-studentene": one role
        return False
    if following in _NOT_A_NOUN or following.endswith("ed"):  # "the leader excluded", "lederen inkludert"
        return False
    named_next = any(m.start == item.end for m in p.mentions)
    return not named_next and following.isalpha() and following not in lexicon.QUESTION_WORDS and is_ordinary(following)


def _topic_rather_than_place(item: _Item, themes: list[_Item], keys: list[str]) -> bool:
    """Whether a theme span overlapping this item reads the item's words as the theme's instead."""
    kinds = {v.kind for v in item.values}
    overlapping = [t for t in themes if t.start < item.end and item.start < t.end]
    if not overlapping or not kinds:
        return False
    after_place_word = item.start > 0 and keys[item.start - 1] in lexicon.PLACE_PREPOSITIONS
    inside_a_name = item.end - item.start >= 2 and all(item.start <= t.start and t.end <= item.end for t in overlapping)
    if kinds == {TITLE}:  # "who is the <title>?": the title, unless a theme's phrase says more
        longer = any(t.end - t.start > item.end - item.start for t in overlapping)
        return longer or (item.start > 0 and keys[item.start - 1] in _ON_A_TOPIC - _PLACE_WORDS)
    if kinds <= _SOFT_KINDS:
        return not after_place_word and not inside_a_name  # "the Department of <field> and <field>"
    if kinds <= _PLACE_KINDS_IN_TOPICS:
        return any(t.end - t.start > item.end - item.start for t in overlapping)
    return False


_BOTH_AFTER = lexicon.words("both together begge samtidig baade")


def _says_both_after(end: int, keys: list[str]) -> bool:
    """'theme 1 and 4 both?', 'in theme 2 and theme 6 together': "both" said after the list."""
    return any(k in _BOTH_AFTER for k in keys[end : end + 2])


def _said_of_oneself(p: Parse, start: int) -> bool:
    """'I am a <title>', 'jeg er <title>', 'As a <title>, I ...': what the asker is."""
    before = start - 1
    while before >= 0 and p.keys[before] in _A:
        before -= 1
    if before < 0:
        return False
    if p.keys[before] in _AS and before + 1 < start and (before == 0 or before in p.sentence_starts):
        return True  # "As a professor emeritus, I ..."
    self_word = before >= 1 and (p.tokens[before - 1].original == "I" or p.keys[before - 1] in lexicon.words("jeg eg"))
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


_NOT_A_PLACE_BEFORE = lexicon.words("for til to of about om")
_ARTICLES = lexicon.words("a an the et ei en den det my our min mitt vaar vart vaart")


def _in_place_slot(keys: list[str], position: int) -> bool:
    """A kind of organisation filters people unless it is what something is for or about:
    'at a hospital', 'any hospital affiliation' do; 'the report for the institute' does not."""
    before = position - 1
    while before >= 0 and keys[before] in _ARTICLES:
        before -= 1
    return not (before >= 0 and keys[before] in _NOT_A_PLACE_BEFORE)


_ADJACENT_NEGATIONS = lexicon.words("no ingen inga")
_EXCLUDED_AFTER = lexicon.words("excluded ekskludert unntatt fratrukket")


def _excluded_after(keys: list[str], end: int, p: Parse) -> bool:
    """'<X> excluded', 'lederen unntatt': a negation after what it negates, when nothing it could
    negate follows it ('i <city>, unntatt <name>' negates the name)."""
    return end < len(keys) and keys[end] in _EXCLUDED_AFTER and not included_phrase(keys, end, named_positions(p))


def _right_after_no(start: int, keys: list[str]) -> bool:
    """'no hospital affiliation', 'ingen sykehus': 'no' negates only what it stands right before."""
    return start > 0 and keys[start - 1] in _ADJACENT_NEGATIONS


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
    return any(k in BOTH for k in keys[max(0, start - 3) : start])


def _joined_by_and(group: list[_Item], keys: list[str]) -> bool:
    return all(
        any(k in _AND for k in keys[a.end : b.start]) and "or" not in keys[a.end : b.start] for a, b in pairwise(group)
    )


_POSSESSIVES = lexicon.words("my our min mitt mi vaar vaart vaare")
_VERBS = lexicon.WORK_WORDS | lexicon.words("is are er e was var")


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


def _where_the_filters_are(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The positions whose filters count: the asking sentences', else the nearest sentence before
    them that names any ("We have Nordic speakers. We'd like people from outside the Nordic
    countries. Who could come?" asks for the second sentence's people)."""
    asked = _embedded_question(p, items)
    if asked:  # "As a professor in <city>, I'd be grateful if you told me which collaborators are at <org>"
        return asked
    there = _there_place(p, items)
    if there:  # "I worked with colleagues at <org>. Which collaborators are there?"
        return p.asking | there
    if any(item.start in p.asking for item in items) or len(p.sentences) < 2:
        return p.asking if any(item.start in p.asking for item in items) else frozenset(range(len(p.tokens)))
    last_asking = max(p.asking, default=len(p.tokens))
    starts = {item.start for item in items}
    for sentence in reversed(p.sentences):
        positions = [i for i in sentence if i >= 0]
        if positions and positions[0] <= last_asking and starts & set(positions):
            return frozenset(positions) | p.asking
    return frozenset(range(len(p.tokens)))


_TOLD = lexicon.words("me meg us oss know vite wonder wondering lurer whether hvorvidt")
_EMBEDDED_ASKING = lexicon.words("which who hvilke hvilken hvem kven kva")
_SELF = lexicon.words("i myself jeg eg")
_ABOUT_IT = lexicon.words("about paa pa")


def _embedded_question(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The positions whose filters count when a sentence about the asker ends in the question it
    asks ('..., I should be grateful if you would inform me which collaborators are at <org>'):
    from that question on. What the asker says of themselves before it is context."""
    keys = p.keys
    for w in range(1, len(keys)):
        told = keys[w - 1] in _TOLD or (w > 1 and keys[w - 1] in _ABOUT_IT and keys[w - 2] in _TOLD)
        if keys[w] not in _EMBEDDED_ASKING or not told or w not in p.asking:
            continue
        sentence = next((s for s in p.sentences if w in s), [])
        before = [i for i in sentence if 0 <= i < w]
        selves = [i for i in before if keys[i] in _SELF - {"i"} or p.tokens[i].original == "I"]
        if not selves or not any(item.start > w for item in items):
            return frozenset()
        return frozenset(i for i in p.asking if i >= w or i not in sentence)
    return frozenset()


def _there_place(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The sentence before the asking one that names the place its 'there' / 'der' refers to."""
    there = [i for i in p.asking if p.keys[i] in lexicon.THERE_WORDS]
    if len(p.sentences) < 2 or not any(refers_back(p.keys, i, p.sentence_starts) for i in there):
        return frozenset()
    if any(item.start in p.asking and item.family == q.PLACE for item in items):
        return frozenset()
    first_asking = min(p.asking, default=0)
    places = {item.start for item in items if item.family == q.PLACE and item.start < first_asking}
    for sentence in reversed(p.sentences):
        positions = [i for i in sentence if i >= 0]
        if positions and places & set(positions):
            return frozenset(positions)
    return frozenset()


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
