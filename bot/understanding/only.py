"""'Only at X': at that place and at none of the others, in a question of its own or a follow-up.

"Who is only at <hospital>?" asks for the people at that hospital who are at no other
institution of the knowledge; "who is only at a university?" for those at a university and at
no other kind of place. Both are said with the filters the executor already has: the place,
and the other places negated.
"""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.understanding import query as q
from bot.understanding.index import ORG, Index
from bot.understanding.parser import Parse

ONLY_WORDS = concepts.words("only.only_words")
_PLACE_WORDS = lexicon.ANY_ORG_KIND_WORDS | lexicon.ABROAD_WORDS | lexicon.HOME_WORDS
_ONLY_FILLER = (
    lexicon.STOPWORDS
    | lexicon.PLACE_PREPOSITIONS
    | lexicon.WORK_WORDS
    | lexicon.NEGATION_WORDS
    | concepts.words("only.only_filler")
)


def only_before_a_place(p: Parse) -> bool:
    """'only at <A>', 'bare på <A>', 'berre er på sjukehuset': the 'only' stands right before a place
    (not 'just wondering, who is at <A>?')."""
    if ONLY_WORDS.isdisjoint(p.keys):
        return False
    starts = {m.start for m in p.mentions} | {i for i, k in enumerate(p.keys) if k in _PLACE_WORDS}
    for n, key in enumerate(p.keys):
        if key not in ONLY_WORDS:
            continue
        position = n + 1
        while position < len(p.keys) and p.keys[position] in _ONLY_FILLER and position not in starts:
            position += 1
        if position in starts:
            return True
    return False


def only_here(p: Parse, filters: tuple[q.Filter, ...], index: Index) -> tuple[q.Filter, ...]:
    """A question's one place, made exclusive when an 'only' stands before it; the filters unchanged otherwise."""
    positive = [f for f in filters if f.family in (q.PLACE, q.ORG_KIND) and not f.negated]
    if len(positive) != 1 or not only_before_a_place(p):
        return filters
    wanted = positive[0]
    if wanted.family == q.ORG_KIND:
        kinds = {v.id for v in wanted.values}
        others = tuple(q.Value(q.ORG_KIND, kind) for kind in lexicon.ORG_KIND_WORDS if kind not in kinds)
        extra = q.Filter(q.ORG_KIND, others, negated=True)
    elif all(v.kind in (ORG, "org_part") for v in wanted.values):
        inside = set().union(*(index.org_descendants.get(v.id, {v.id}) for v in wanted.values))
        around = {v.id for v in wanted.values} | {
            org.id for org in index.kb.organisations if inside & index.org_descendants.get(org.id, set())
        }
        others = tuple(
            q.Value(ORG, org.id) for org in index.kb.organisations if org.id not in inside and org.id not in around
        )
        extra = q.Filter(q.PLACE, others, negated=True)
    else:
        return filters  # "only in <city>": a city has no other places of the same person to leave out
    return (*filters, extra) if extra.values else filters
