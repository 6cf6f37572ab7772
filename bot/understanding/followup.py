"""Follow-ups: a turn of a conversation read in the light of the turn before it.

The context is the previous turn's query and what its answer named (people,
themes). A turn that is a fragment ("and in <city>?", "which of them are at
the hospital?", "where does she work?", "the next one?", "how many is that?")
becomes an operation on that query; a full question starts afresh.
"""

from __future__ import annotations

from bot.answering.executor import select
from bot.language import concepts, lexicon
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.context import Context
from bot.understanding.followup_people import (
    _asked_of_her_there_step,
    _else_step,
    _including_step,
    _institution_step,
    _invert_step,
    _narrowing_step,
    _pronoun_step,
)
from bot.understanding.followup_steps import (
    _both_step,
    _count_step,
    _filtered_theme_leader_step,
    _host_step,
    _only_names,
    _other_one_step,
    _others_on_the_theme_step,
    _the_one_at_step,
    _their_themes_step,
    _theme_leader_step,
    _theme_step,
    _topic_step,
)
from bot.understanding.followup_words import (
    _ABOUT_STARTS,
    _BACK_REFERENCES,
    _CORRECTIONS,
    _DEFINITE_ARTICLES,
    _EXCLUDING,
    _FRAGMENT_STARTS,
    _FROM,
    _IT,
    _MY,
    _NEXT,
    _PLACE_OF_ASKER,
    _PREVIOUS,
    _SELF,
    _SELF_VERBS,
    _WHERE,
    TOPIC_KINDS,
    _has_pair,
    _left_over,
    _level,
    _starts,
)
from bot.understanding.index import CITY, ORG, Index
from bot.understanding.parser import Parse

_CITY = concepts.words("followup.city")


_CORRECTS_WORDS = concepts.words("followup.corrects")
_FRAGMENT_WORDS = concepts.words("followup.fragment")


def continue_from(context: Context, p: Parse, query: q.Query, index: Index) -> q.Query | None:
    """The query this turn means given the last one, or None when it is a question of its own."""
    if context.query is None and not context.people and not context.themes:
        return None
    keys = p.keys
    if not keys or p.help:
        return None
    if p.unknown_role and context.kind in TOPIC_KINDS and set(p.keys) & _IT:
        return q.Query(asks=q.STATEMENT, attribute=context.kind)  # "kven er vertskap for det?": about it
    if p.unknown_place or p.unknown_name or p.unknown_role:
        return None
    # "who leads the third one?", "... the next one?", "... the last one?": a theme of the conversation's
    one_of_the_themes = lexicon.ORDINALS.keys() | _NEXT | _PREVIOUS | lexicon.LAST_WORDS
    ordinal_of_themes = bool(context.themes) and any(k in one_of_the_themes for k in keys)
    refers = set(keys) & _BACK_REFERENCES and not set(keys) & lexicon.PROJECT_WORDS  # "hvem er det som leder gruppen?"
    if query.asks == q.LEADER and not refers and not ordinal_of_themes:
        return None  # "and who leads the group?": a question of its own, whatever came before
    own = _own_place(p, context, index)
    if own is not None:  # "which of them is from my university?": where the asker said they are from
        query = query.with_(asks=q.PEOPLE, filters=(*query.filters, own))
    fragment = (
        _starts(keys, _FRAGMENT_STARTS)
        or _has_pair(keys[:3], _ABOUT_STARTS)
        or _has_pair(keys, _CORRECTIONS)
        or _starts(keys, _FRAGMENT_WORDS)
        or _starts(keys, _EXCLUDING)  # "not counting the ones in Oslo", "bortsett fra Oslo"
    )
    steps = (
        _theme_leader_step,
        _filtered_theme_leader_step,
        _others_on_the_theme_step,
        _their_themes_step,
        _including_step,
        _asked_of_her_there_step,
        _host_step,
        _theme_step,
        _count_step,
        _topic_step,
        _other_one_step,
        _the_one_at_step,
        _institution_step,
        _pronoun_step,
        _else_step,
        _both_step,
        _narrowing_step,
    )
    for step in (*steps, _invert_step):
        result = step(context, p, query, index, fragment)
        if result is not None:
            return result
    about_people = context.query is not None and context.query.asks == q.THEMES and context.query.attribute == "people"
    if fragment and about_people and not (query.filters or query.people or query.themes):
        return q.Query(asks=q.THEMES, attribute="people")  # "and on <topic>?" after "who works on <topic>?"
    if (fragment or _only_names(p, query)) and not _left_over(p):
        return _replace(context, p, query, index)
    return None


def asker_places(p: Parse) -> tuple[q.Value, ...]:
    """Where the asker says they are from: "I'm visiting from <city>", "jeg jobber ved <org>"."""
    found: list[q.Value] = []
    for mention in p.mentions:
        if mention.kind not in _PLACE_OF_ASKER or mention.start == 0:
            continue
        before = p.keys[mention.start - 1]
        sentence = next((s for s in p.sentences if mention.start in s), [])
        selves = [i for i in sentence if 0 <= i < mention.start and (p.tokens[i].original == "I" or p.keys[i] in _SELF)]
        if not selves:
            continue
        works = selves[-1] + 1 < len(p.keys) and p.keys[selves[-1] + 1] in _SELF_VERBS
        if before in _FROM or (works and before in lexicon.PLACE_PREPOSITIONS):
            found.extend(q.Value(t.kind, t.value) for t in mention.targets)
    return tuple(dict.fromkeys(found))


def _own_place(p: Parse, context: Context, index: Index) -> q.Filter | None:
    """'my university', 'min by': the place of that kind where the asker said they are from."""
    if not context.asker:
        return None
    kinds = lexicon.ORG_KIND_WORDS
    for position, key in enumerate(p.keys):
        if position == 0 or p.keys[position - 1] not in _MY:
            continue
        cities = tuple(dict.fromkeys(_city_of(v, index) for v in context.asker if _city_of(v, index)))
        kind = next((k for k, words in kinds.items() if key in words), None)
        if kind is not None:
            orgs = [o for o in index.kb.organisations if o.city in cities and index.org_kind(o) == kind]
            if orgs:
                return q.Filter(q.PLACE, tuple(q.Value(ORG, o.parent or o.id) for o in orgs))
        if (kind is not None or key in lexicon.CITY_LIST_WORDS | _CITY) and cities:
            return q.Filter(q.PLACE, tuple(q.Value(CITY, c) for c in cities))
    return None


def _city_of(value: q.Value, index: Index) -> str | None:
    if value.kind == CITY:
        return value.id
    org = index.kb.orgs_by_id.get(value.id) if value.kind in (ORG, "org_part") else None
    return org.city if org is not None else None


def _replace(context: Context, p: Parse, query: q.Query, index: Index) -> q.Query | None:
    """'and in <city>?', 'what about <a name>?', 'and theme 4?', 'no, I meant <place>'."""
    if query.themes:
        previous = context.query
        chosen_by_theme = previous is not None and bool(previous.filters_of(q.THEME))
        others = previous is not None and any(f.family != q.THEME for f in previous.filters)
        only_themes = all(f.family == q.THEME for f in query.filters)
        if chosen_by_theme and others and only_themes and topics.links_people(index):
            # "postdocs on theme 4" then "and theme 3?": the same people asked of another theme
            ids = tuple(q.Value(q.THEME, t.id) for t in index.kb.themes if t.number in query.themes)
            kept = tuple(f for f in previous.filters if f.family != q.THEME)
            asks = q.COUNT if previous.asks == q.COUNT else q.PEOPLE
            return previous.with_(asks=asks, filters=(*kept, q.Filter(q.THEME, ids)), themes=())
        return q.Query(asks=q.THEMES, themes=query.themes)
    if query.people and not query.filters:
        return q.Query(
            asks=q.ATTRIBUTE if query.attribute else q.PERSON, people=query.people, attribute=query.attribute
        )
    if p.count and query.filters and all(f.family == q.ROLE for f in query.filters):
        return None  # "and how many collaborators are there?": a count of its own
    previous = context.query
    if previous is None or previous.asks not in (q.PEOPLE, q.COUNT):
        if p.has("who") and query.filters:
            return None  # "where is she based?" then "and who is in <city>?": a question of its own
        previous = context.base  # "… which university is he at?" then "what about outside <region>?"
    if not query.filters or previous is None:
        return None
    if all(f.negated for f in query.filters) and _has_pair(p.keys[:3], _ABOUT_STARTS):
        # "what about outside <region>?": instead of the last place condition, negated or not
        replaced = _replaced_levels(query.filters)
        kept = tuple(f for f in previous.filters if _level(f) not in replaced)
        return previous.with_(asks=q.PEOPLE, filters=(*kept, *query.filters))
    if all(f.negated for f in query.filters):
        turned = [f for f in previous.filters if not f.negated and any(_same(f, n) for n in query.filters)]
        if turned:  # "who is at a hospital?" then "and who is not at a hospital?": the condition turned round
            first = previous.filters.index(turned[0])  # what narrowed the answer after it goes too
            kept = tuple(f for f in previous.filters[:first] if f not in turned)
            return previous.with_(filters=(*kept, *query.filters))
        added = previous.with_(filters=(*previous.filters, *query.filters))  # "and excluding <place>?"
        if select(added, index):
            return added
        # "… which of them are in Sweden?" then "and outside Europe?": instead of, not as well as
        families = {f.family for f in query.filters}
        kept = tuple(f for f in previous.filters if f.family not in families or f.negated)
        return previous.with_(filters=(*kept, *query.filters))
    replaced = _replaced_levels(query.filters)
    kept = tuple(f for f in previous.filters if _level(f) not in replaced)
    merged = previous.with_(
        filters=(*kept, *query.filters, *_the_one_there(p, previous, query, index)), excluded=query.excluded
    )
    if _corrects(p) and not select(merged, index) and replaced & {"area", "institution"}:
        # "who is at the hospital in <city>?" then "no wait, I meant <other city>": where it was is wrong,
        # the kind of place with it, when keeping the kind finds nobody
        kept = tuple(f for f in kept if f.family not in _WHERE)
        merged = previous.with_(filters=(*kept, *query.filters), excluded=query.excluded)
    return merged


def _corrects(p: Parse) -> bool:
    """'no, I meant ...', 'nei vent, jeg mente ...': the turn corrects the one before."""
    return _has_pair(p.keys, _CORRECTIONS) or _starts(p.keys, _CORRECTS_WORDS)


def _the_one_there(p: Parse, previous: q.Query, query: q.Query, index: Index) -> tuple[q.Filter, ...]:
    """'who is at <a university>?' then 'no, I meant the hospital': the hospital in that city.

    A kind of institution in the definite ('the hospital', 'sykehuset') instead of a named one is
    the one of that kind where the named one is; 'and at a hospital?' is any hospital."""
    kinds = [f for f in query.filters if f.family == q.ORG_KIND and not f.negated]
    if not kinds or any(_level(f) == "area" for f in (*previous.filters, *query.filters)):
        return ()
    named = [v for f in previous.filters if _level(f) == "institution" and not f.negated for v in f.values]
    if not named or not _definite_kind(p):
        return ()
    cities = dict.fromkeys(index.kb.orgs_by_id[v.id].city for v in named if v.id in index.kb.orgs_by_id)
    return (q.Filter(q.PLACE, tuple(q.Value(CITY, c) for c in cities)),) if cities else ()


def _definite_kind(p: Parse) -> bool:
    kind_words = frozenset().union(*lexicon.ORG_KIND_WORDS.values())
    for position, key in enumerate(p.keys):
        if key not in kind_words:
            continue
        if position > 0 and p.keys[position - 1] in _DEFINITE_ARTICLES:
            return True
        if any(key.endswith(e) and key[: -len(e)] in kind_words for e in lexicon.DEFINITE_ENDINGS):
            return True
    return False


def _replaced_levels(new: tuple[q.Filter, ...]) -> set[str]:
    """Which earlier conditions a follow-up's conditions take the place of.

    An area ("and in <city>?", "and abroad?") replaces the area and any institution, and keeps a
    kind of institution ("who is at a hospital?" then "and in <city>?"); an institution replaces
    all of where; a kind of institution replaces institutions and kinds, and keeps the area."""
    replaced: set[str] = set()
    for f in new:
        level = _level(f)
        if level == "area":
            replaced |= {"area", "institution"}
        elif level == "institution":
            replaced |= {"area", "institution", "kind"}
        elif level == "kind":
            replaced |= {"institution", "kind"}
        else:
            replaced.add(level)
    return replaced


def _same(a: q.Filter, b: q.Filter) -> bool:
    return a.family == b.family and set(a.values) == set(b.values)
