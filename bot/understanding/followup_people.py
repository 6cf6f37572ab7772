"""Follow-ups about the people of the last answer: "which of them …", "who else …", "where does she
work?", "including …", "not those": operations on its people and places."""

from __future__ import annotations

from bot.answering.executor import select
from bot.language import concepts, lexicon
from bot.understanding import query as q
from bot.understanding.context import Context
from bot.understanding.followup_words import (
    _COUNTRY_WORDS,
    _DOES,
    _ELSE,
    _FILLER_CONTENT,
    _INVERT,
    _IT,
    _NARROWING,
    _NARROWING_STARTS,
    _REQUESTS,
    _THAT_PLACE,
    _THEIR,
    _TO_BE,
    _WHERE,
    _WHICH,
    _WHICH_ONE,
    _YES_NO,
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
    _has_pair,
    _left_over,
    _level,
    _narrows,
    _starts,
)
from bot.understanding.including import included_positions
from bot.understanding.index import CITY, COUNTRY, ORG, Index
from bot.understanding.only import only_before_a_place
from bot.understanding.parser import Parse
from bot.understanding.sentences import refers_back

_ELSE_STEP_WORDS = concepts.words("followup_people.else_step")
_THERE_WORDS = concepts.words("followup_people.there")


def _including_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and including <place>?' after '... apart from <place>': the exclusion goes; after '... in <A>',
    <B> is one more alternative."""
    previous = context.query
    if not fragment or previous is None or previous.asks not in (q.PEOPLE, q.COUNT):
        return None
    named = frozenset(m.start for m in p.mentions)
    included = included_positions(p.keys, named)
    values = {q.Value(t.kind, t.value) for m in p.mentions if m.start in included for t in m.targets}
    if not values or query.filters:
        return None
    asks = q.COUNT if p.count else previous.asks
    kept = tuple(f for f in previous.filters if not (f.negated and set(f.values) & values))
    if len(kept) < len(previous.filters):
        return previous.with_(asks=asks, filters=kept)
    widened = []
    for f in previous.filters:
        same = [v for v in values if not f.negated and f.values and _same_kind(v, f.values[0])]
        widened.append(q.Filter(f.family, tuple(dict.fromkeys([*f.values, *same])), f.negated, f.all_of) if same else f)
    return previous.with_(asks=asks, filters=tuple(widened)) if tuple(widened) != previous.filters else None


def _same_kind(a: q.Value, b: q.Value) -> bool:
    places = (CITY, COUNTRY, ORG, "org_part", "region")
    return a.kind == b.kind or (a.kind in places and b.kind in places)


def _asked_of_her_there_step(
    context: Context, p: Parse, query: q.Query, index: Index, fragment: bool
) -> q.Query | None:
    """'which department is she in at the hospital?' then 'and at the university?': the same thing
    asked of the same person, at another of her places (not who else is there)."""
    previous = context.query
    if not fragment or previous is None or previous.asks != q.ATTRIBUTE or len(previous.people) != 1:
        return None
    if previous.attribute not in ("unit", "place", "title") or query.people or p.count or p.has("who"):
        return None
    if not previous.filters or not query.filters:
        return None
    if not all(_level(f) in ("kind", "institution") and not f.negated for f in (*previous.filters, *query.filters)):
        return None
    person = index.kb.people_by_id.get(previous.people[0])
    orgs = (
        {o for a in person.affiliations for o in (a.org, index.kb.orgs_by_id[a.org].parent) if o} if person else set()
    )
    named = {v.id for f in query.filters if _level(f) == "institution" for v in f.values}
    kinds = {v.id for f in query.filters if _level(f) == "kind" for v in f.values}
    if not named <= orgs or not kinds <= {index.org_kind(index.kb.orgs_by_id[o]) for o in orgs}:
        return None  # "and at <an institution she is not at>?": who is there, a question of its own
    return q.Query(asks=q.ATTRIBUTE, people=previous.people, attribute=previous.attribute)


def _pronoun_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    keys = set(p.keys)
    if query.people:
        return None
    there = keys & _THERE_WORDS
    # "hvor sitter hun?" then "stip. der?": the PhD students where she sits (her own department)
    kinds_of_people = bool(query.filters) and all(f.family in (q.ROLE, q.TITLE) for f in query.filters)
    kinds_of_people = kinds_of_people and any(
        k in _THERE_WORDS and refers_back(p.keys, i, p.sentence_starts) for i, k in enumerate(p.keys)
    )
    asks_people = p.has("who") or kinds_of_people
    if there and asks_people and (not query.filters or kinds_of_people) and context.people and not keys & _ELSE:
        # "where does she work?" then "who all works there?": everyone at her institutions
        people = [index.kb.people_by_id[i] for i in context.people if i in index.kb.people_by_id]
        orgs = {index.kb.orgs_by_id[a.org] for person in people for a in person.affiliations}
        top = not kinds_of_people
        values = tuple(dict.fromkeys(q.Value(ORG, (o.parent if top else None) or o.id) for o in orgs))
        if values and len(people) == 1:
            return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.PLACE, values), *query.filters))
    name_them = _starts(p.keys, _REQUESTS) and keys & PLURAL_PRONOUNS  # "name them please", "list dem"
    if context.kind == "count" and context.people and (p.has("who") or name_them) and not query.filters:
        if context.query is not None and context.query.asks == q.COUNT:  # "how many …?" then "who are they?"
            return context.query.with_(asks=q.PEOPLE)
        return q.Query(asks=q.PEOPLE, within=context.people)
    asks_about_them = query.attribute is not None or p.has("where", "what") or _starts(p.keys, _YES_NO)
    which_is_that = (
        len(context.people) == 1
        and (keys & _THAT_PLACE or len(p.keys) <= 4)  # "which uni?", "hvilket sykehus?"
        and (keys & lexicon.WHAT_WORDS or _starts(p.keys, _YES_NO))  # "er det et sykehus?"
        and bool(query.filters)
        and (all(f.family == q.ORG_KIND for f in query.filters) or query.attribute in ("unit", "place"))
        and not keys & _ELSE
    )
    if which_is_that:  # "and which university is that?": the one the last answer named
        return q.Query(asks=q.PERSON, people=context.people, attribute="place")
    if _the_one_just_named(context, p, query, index):  # "which of them is a PhD student?" "what is the PhD about?"
        return q.Query(asks=q.PERSON, people=context.people)
    if query.filters and not (keys & SINGULAR_PRONOUNS and asks_about_them):
        return None  # "which of them are at <place>" narrows; "which hospital is he at?" asks about him
    bare = not query.filters and not _left_over(p) and (p.has("where") or query.attribute is not None)
    bare = bare and not keys & _ELSE and not p.count  # "anyone else in that country?", "kor mange …?"
    if keys & _ELSE and p.has("who"):
        return None  # "who else is at her institute?": the others there (the 'else' step)
    if keys & SINGULAR_PRONOUNS or (
        bare and len(context.people) == 1 and not keys & PLURAL_PRONOUNS
    ):  # "where exactly?"
        people = context.people if len(context.people) == 1 else ()
        if not people and context.query is not None and len(context.query.people) == 1:
            people = context.query.people
        if people:
            return q.Query(asks=q.ATTRIBUTE if query.attribute else q.PERSON, people=people, attribute=query.attribute)
    plural = keys & PLURAL_PRONOUNS and context.people and not (keys & _NARROWING and _narrows(p))
    asks_where = query.attribute in ("place", "unit") or p.has("where") or (p.has("orgs") and not p.count)
    if plural and asks_where:  # "where do they work?", "are they at the same institution?"
        people = context.people
        if len(people) == 1 and len(context.named) >= 2 and context.kind == "person":
            people = context.named[-2:]  # "Who is A?" "and B?" "do they ...?": both
        return q.Query(asks=q.PERSON, people=people, attribute=query.attribute)
    return None


def _institution_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'which city is it in?' after 'who is at <institution>?': 'it' is the one institution asked about."""
    keys = set(p.keys)
    if query.filters or query.people or p.count or not keys & _IT or context.query is None:
        return None
    if p.has("who") or keys & (_ELSE | SINGULAR_PRONOUNS | PLURAL_PRONOUNS):
        return None  # "anyone else in that country?" asks for people
    if not (query.attribute == "place" or p.has("where")):
        return None
    named = [f for f in context.query.filters if _level(f) == "institution" and not f.negated]
    if len(named) != 1 or len(named[0].values) != 1:
        return None
    return q.Query(asks=q.ORGANISATION, filters=tuple(named))


def _else_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    keys = set(p.keys)
    if not (keys & _ELSE) or not context.people or query.people:
        return None
    people = [index.kb.people_by_id[i] for i in context.people if i in index.kb.people_by_id]
    orgs = [index.kb.orgs_by_id[a.org] for person in people for a in person.affiliations]
    kinds = [v.id for f in query.filters if f.family == q.ORG_KIND for v in f.values]
    if kinds and keys & (_THAT_PLACE | _THEIR) and all(f.family == q.ORG_KIND for f in query.filters):
        # "anyone else at that hospital?": the hospital of the person asked about
        values = tuple(dict.fromkeys(q.Value(ORG, o.parent or o.id) for o in orgs if index.org_kind(o) in kinds))
        if values:
            return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.PLACE, values),), excluded=context.people)
    if query.filters:  # "and everyone else abroad?": not the ones the conversation already named
        return query.with_(asks=q.PEOPLE, excluded=context.named or context.people)
    if not keys & _THAT_PLACE | (keys & (_COUNTRY_WORDS | _ELSE_STEP_WORDS)):
        return None
    if keys & _COUNTRY_WORDS:
        values = tuple(dict.fromkeys(q.Value(COUNTRY, lexicon.canonical_country(o.country)) for o in orgs))
    elif keys & lexicon.CITY_LIST_WORDS:
        values = tuple(dict.fromkeys(q.Value(CITY, o.city) for o in orgs))
    else:  # "anyone else there?": where they work, the institution
        values = tuple(dict.fromkeys(q.Value(ORG, o.parent or o.id) for o in orgs))
    return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.PLACE, values),), excluded=context.people)


def _narrowing_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'which of them ...', 'only the ones ...', 'which one is ...': the last answer, narrowed further."""
    keys = p.keys
    narrowing = (
        (_narrows(p) and set(keys) & _NARROWING)
        or (_starts(keys, _NARROWING_STARTS) and only_before_a_place(p))  # not "just curious, who …?"
        or _has_pair(keys[:3], _WHICH_ONE)
        or (len(keys) > 2 and keys[0] in _WHICH and keys[1] in _TO_BE)  # "which are in Scandinavia?"
    )
    only = _only_at(p, query, context, index)  # "hvem er bare på <A>?" narrows without "of them"
    if only is not None:
        return only
    if not narrowing or not context.people:
        return None
    asks = q.COUNT if p.count else q.PEOPLE
    previous = context.query
    if previous is not None and previous.asks in (q.PEOPLE, q.COUNT) and previous.filters:
        # the last question's conditions and the new ones, so that "and in <place>?" can replace either
        if not (query.filters or query.excluded or p.count):
            return None
        return previous.with_(
            asks=asks, filters=(*previous.filters, *query.filters), excluded=(*previous.excluded, *query.excluded)
        )
    if query.filters or query.excluded:
        return query.with_(asks=asks, within=context.people, people=())
    if p.count:
        return q.Query(asks=q.COUNT, counted="people", within=context.people)
    return None


def _only_at(p: Parse, query: q.Query, context: Context, index: Index) -> q.Query | None:
    """'and who is only at <A>?', 'which one is only at the university?', 'kva med dei som berre er på <A>?':
    there, and at none of the other places the conversation named (in its last questions about people)."""
    if not only_before_a_place(p):
        return None
    previous = context.query
    if previous is None or previous.asks not in (q.PEOPLE, q.COUNT):
        previous = context.base  # "… which departments are they in?" then "and who is only at <A>?"
    if previous is None:
        return None
    earlier = context.earlier.filters if context.earlier is not None and previous is context.query else ()
    named = [v for f in (*previous.filters, *earlier) if f.family == q.PLACE for v in f.values]
    places = [v for v in dict.fromkeys(named) if v.kind in (ORG, "org_part")]
    new = [f for f in query.filters if f.family in _WHERE and not f.negated]
    if not places or len(new) != 1:
        return None
    wanted = list(new[0].values)
    if new[0].family == q.ORG_KIND:  # "the university": the one of that kind the conversation named
        wanted = [v for v in places if v.kind == ORG and index.org_kind(index.kb.orgs_by_id[v.id]) == wanted[0].id]
        if len(wanted) != 1:
            return None
    others = tuple(v for v in places if v not in wanted and not any(_nested(v, w, index) for w in wanted))
    if not others:
        return None
    filters = (q.Filter(q.PLACE, tuple(wanted)), q.Filter(q.PLACE, others, negated=True))
    return q.Query(asks=q.COUNT if p.count else q.PEOPLE, filters=filters)


def _nested(a: q.Value, b: q.Value, index: Index) -> bool:
    """One institution is part of the other (a department of a university)."""
    return b.id in index.org_descendants.get(a.id, ()) or a.id in index.org_descendants.get(b.id, ())


def _invert_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and who isn't?', 'the rest?': the previous question's last condition, turned round."""
    keys = set(p.keys)
    previous = context.query
    if query.people or previous is None or len(p.keys) > 7:
        return None
    repeated = all(f in previous.filters for f in query.filters)  # "and the rest of the collaborators?"
    if [k for k in p.content if k not in _FILLER_CONTENT | _DOES | _INVERT]:
        return None
    if previous.asks == q.THEMES and context.themes and keys & _INVERT and not (query.filters or query.themes):
        # "which themes are about <topic>?" then "and which aren't?": the other themes
        others = tuple(t.number for t in index.kb.themes if t.number not in context.themes)
        return q.Query(asks=q.THEMES, themes=others) if others else None
    if not repeated:  # "og resten av de norske?": those, less the ones just named
        if keys & _FILLER_CONTENT and query.filters and context.people:
            return query.with_(asks=q.PEOPLE, excluded=context.people)
        return None
    negated = [f for f in previous.filters if f.negated]
    if not keys & _INVERT and p.has("who") and negated and _DOES & keys:
        # "hvem i Norge jobber ikke på sykehus?" then "og hvem gjør det?": the negation taken back
        last = negated[-1]
        turned = q.Filter(last.family, last.values, False, last.all_of)
        return previous.with_(asks=q.PEOPLE, filters=tuple(turned if f is last else f for f in previous.filters))
    if not keys & _INVERT:
        return None
    if previous.within is not None and not previous.filters:
        return None
    candidates = [f for f in previous.filters if f not in query.filters]
    if candidates:
        last = candidates[-1]
        flipped = q.Filter(last.family, last.values, not last.negated, last.all_of)
        return previous.with_(asks=q.PEOPLE, filters=tuple(flipped if f is last else f for f in previous.filters))
    return None


def _the_one_just_named(context: Context, p: Parse, query: q.Query, index: Index) -> bool:
    """'what is the PhD about?' after an answer of one PhD student: the role (or place) says who, and
    that is the one person the conversation just named; 'what' asks about them, not for a list."""
    if len(context.people) != 1 or not query.filters or p.has("who") or p.count or not p.has("what"):
        return False
    if not all(f.family in (q.ROLE, q.TITLE, q.PLACE) and not f.negated for f in query.filters):
        return False
    if not any(f.family in (q.ROLE, q.TITLE) for f in query.filters):
        return False  # "what's the weather in <her city>?": a place alone does not say it is her
    keys = p.keys
    roles = [m for m in p.mentions if m.kind in ("role", "title")]
    definite = bool(roles) and all(m.start > 0 and keys[m.start - 1] in _DEFINITE for m in roles)
    plural = any(p.tokens[m.end - 1].original.lower().endswith("s") for m in roles)
    if not definite or plural or set(keys) & (_ELSE | _WHICH):
        return False  # "what postdocs do we have?", "what other postdocs ...": the role's people, not the one
    return context.people[0] in select(query.with_(asks=q.PEOPLE), index)


_DEFINITE = concepts.words("followup_people.definite")
"""'the PhD', 'den stipendiaten': one, known from the conversation."""
