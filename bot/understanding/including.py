"""'including the leader', 'inkludert lederen', 'lederen inkludert': what is counted in as well is one
more alternative of the condition of its kind, never a condition of its own."""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.understanding import query as q
from bot.understanding.evidence import Parse
from bot.understanding.index import ROLE, Index
from bot.understanding.items import Item as _Item
from bot.understanding.negation import NEGATED_ALONG as _NEGATED_ALONG
from bot.understanding.negation import NEGATIONS

_INCLUDED = concepts.words("including.included")


_INCLUDING = concepts.words("including.including")


def included(keys: list[str], item: _Item, named: frozenset[int] = frozenset()) -> bool:
    """'group leader included', 'inkludert lederen': counted in as well, not a condition.
    In '<place>, including the leader' the 'including' is the leader's, not the place's."""
    after = keys[item.end] if item.end < len(keys) else ""
    return (after in _INCLUDED and not included_phrase(keys, item.end, named)) or item.start in included_positions(
        keys, named
    )


def included_phrase(keys: list[str], n: int, named: frozenset[int] = frozenset()) -> list[int]:
    """The words an 'including' at `n` brings in, ending in a noun or a name ('the one in the US'),
    none when it ends the phrase."""
    position = n + 1
    phrase: list[int] = []
    while position < len(keys) and position - n <= 6:
        phrase.append(position)
        if position in named or (keys[position] not in lexicon.STOPWORDS and keys[position] not in _NEGATED_ALONG):
            # the noun the phrase ends in, with the nouns right after it ("the group leader")
            while position + 1 < len(keys) and position + 1 - n <= 6 and _compound_goes_on(keys[position + 1]):
                position += 1
                phrase.append(position)
            return phrase
        position += 1
    return []


def _compound_goes_on(key: str) -> bool:
    return key not in lexicon.STOPWORDS and key not in _NEGATED_ALONG and key not in lexicon.CONJUNCTIONS


def included_positions(keys: list[str], named: frozenset[int] = frozenset()) -> frozenset[int]:
    """The words of what an 'including' brings in: 'including the foreign collaborators',
    'inkludert lederen' (a few words, articles and 'foreign' among them)."""
    if _INCLUDING.isdisjoint(keys):
        return frozenset()
    return frozenset(
        i
        for n, key in enumerate(keys)
        if key in _INCLUDING and not (n > 0 and keys[n - 1] in NEGATIONS)  # "not counting the leader" leaves out
        for i in included_phrase(keys, n, named)
    )


def named_positions(p: Parse) -> frozenset[int]:
    return frozenset(m.start for m in p.mentions)


def with_included(p: Parse, index: Index, items: list[_Item], filters: list[q.Filter]) -> list[q.Filter]:
    """'participants in <country>, including the leader': what is included is one more alternative
    of the condition of its kind (participants or the leader), not a condition of its own."""
    if _INCLUDING.isdisjoint(p.keys) and _INCLUDED.isdisjoint(p.keys):
        return filters
    named = named_positions(p)
    counted_in = [item for item in items if included(p.keys, item, named) and item.family != "person"]
    keys = p.keys
    leader_words = {i for i in included_positions(keys, named) if is_leader_word(keys[i])}
    leader_words |= {  # "lederen inkludert"
        i
        for i in range(len(keys) - 1)
        if is_leader_word(keys[i]) and keys[i + 1] in _INCLUDED and not included_phrase(keys, i + 1)
    }
    if leader_words and not any(item.family == q.ROLE and item.start in leader_words for item in counted_in):
        roles = tuple(q.Value(ROLE, role) for role, words in index.role_words.items() if words & lexicon.LEADER_WORDS)
        if roles:
            start = min(leader_words)
            counted_in.append(_Item(q.ROLE, roles, start, start + 1))
    result = list(filters)
    for item in counted_in:
        for n, f in enumerate(result):
            if f.family == item.family and not f.negated and not f.all_of:
                result[n] = q.Filter(f.family, tuple(dict.fromkeys([*f.values, *item.values])), f.negated, f.all_of)
                break
    return result


def is_leader_word(key: str) -> bool:
    forms = (key, *(key[: -len(e)] for e in lexicon.DEFINITE_ENDINGS if key.endswith(e) and len(key) > len(e) + 3))
    return any(form in lexicon.LEADER_WORDS for form in forms)
