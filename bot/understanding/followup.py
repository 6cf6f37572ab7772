"""Follow-ups: a turn of a conversation read in the light of the turn before it.

The context is the previous turn's query and what its answer named (people,
themes). A turn that is a fragment ("and in <city>?", "which of them are at
the hospital?", "where does she work?", "the next one?", "how many is that?")
becomes an operation on that query; a full question starts afresh.
"""

from __future__ import annotations

from itertools import pairwise

from bot.answering.executor import select
from bot.language import lexicon
from bot.language.ordinary import is_very_common
from bot.language.text import keys
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.context import Context
from bot.understanding.coverage import left_over
from bot.understanding.filters import BOTH
from bot.understanding.including import included_positions
from bot.understanding.index import CITY, COUNTRY, ORG, Index
from bot.understanding.only import ONLY_WORDS, only_before_a_place
from bot.understanding.parser import Parse

_w = lexicon.words

SINGULAR_PRONOUNS = _w("he she him her his hers han hun ho henne hennar hennes hans vedkommende")
PLURAL_PRONOUNS = _w("they them their those these dem dei de deira deres disse")
_NARROWING = _w("them those these dem dei disse desse")
_NARROWING_STARTS = ONLY_WORDS
_FRAGMENT_STARTS = _w("and og also ogsaa ogso plus")
_ABOUT_STARTS = tuple(
    keys(pair)
    for pair in (
        "what about",
        "how about",
        "hva med",
        "kva med",
        "ka med",
        "and what",
        "same question",
        "same for",
        "samme for",
        "samme spørsmål",
    )
)
_CORRECTIONS = (("i", "meant"), ("i", "mean"), ("jeg", "mente"), ("eg", "meinte"), ("eg", "mente"), ("mente", "jeg"))
_NEXT = _w("next after following neste etter paafolgende")
_PREVIOUS = _w("previous before preceding forrige foregaaende")
_BEFORE_TYPED = frozenset({"før", "foer"})  # "før" folds to "for", which is English for something else
_ELSE = _w("else other others another andre annen anna ellers flere fleire")
_THAT_PLACE = _w("there that same der dit samme det den dette denne")
_THEIR = _w("her his their hennes hans deres hennar deira")
"""'who else works at her hospital?': the institution of the person just named."""
_COUNTRY_WORDS = lexicon.COUNTRY_LIST_WORDS
_CITY_WORDS = lexicon.CITY_LIST_WORDS | _w("there der")
_INVERT = _w("not ikke ikkje rest remaining resten others andre")
_DOES = _w("does do gjor gjoer gjer er is are")
_FILLER_CONTENT = _w("rest remaining resten others andre")
_REQUESTS = _w("name list show give tell nevn vis gi list")
_EXCLUDING = _w("not except excluding minus unntatt utenom bortsett utanom drop remove fjern dropp")
_IN_ALL = _w("total totalt altogether alt all alle overall")
_WHERE = frozenset({q.PLACE, q.ORG_KIND})
_WHICH = _w("which hvilke hvilken")
_TO_BE = _w("are is er e")
_YES_NO = _w("is does did has er har var is isn does")
_IT = _w("it its this that den det dette dens")
TOPIC_KINDS = frozenset({"consortium"})
"""Answers whose subject a later 'it' refers to."""
_WHICH_ONE = (("which", "one"), ("which", "ones"), ("hvilken", "av"), ("hvilke", "av"), ("kven", "av"), ("kva", "for"))
_ONE = _w("one it that den det that one ones dei")


_BACK_REFERENCES = SINGULAR_PRONOUNS | PLURAL_PRONOUNS | _IT | _THAT_PLACE


def _has_pair(keys: list[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    return any(pair in pairs for pair in pairwise(keys))


def _starts(keys: list[str], words: frozenset[str]) -> bool:
    return bool(keys) and keys[0] in words


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
    if query.asks == q.LEADER and not set(keys) & _BACK_REFERENCES:
        return None  # "and who leads the group?": a question of its own, whatever came before
    own = _own_place(p, context, index)
    if own is not None:  # "which of them is from my university?": where the asker said they are from
        query = query.with_(asks=q.PEOPLE, filters=(*query.filters, own))
    fragment = (
        _starts(keys, _FRAGMENT_STARTS)
        or _has_pair(keys[:3], _ABOUT_STARTS)
        or _has_pair(keys, _CORRECTIONS)
        or _starts(keys, lexicon.words("no nei nope sorry beklager unnskyld orsak wait vent oops"))
        or _starts(keys, _EXCLUDING)  # "not counting the ones in Oslo", "bortsett fra Oslo"
    )
    steps = (
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


_MY = _w("my min mi mitt")
_SELF = _w("jeg eg")
_FROM = _w("from fra")
_SELF_VERBS = _w("work works jobber jobbar arbeider arbeidar study studerer")
_PLACE_OF_ASKER = frozenset({CITY, ORG, "org_part", COUNTRY})


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
        if (kind is not None or key in lexicon.CITY_LIST_WORDS | _w("city by")) and cities:
            return q.Filter(q.PLACE, tuple(q.Value(CITY, c) for c in cities))
    return None


def _city_of(value: q.Value, index: Index) -> str | None:
    if value.kind == CITY:
        return value.id
    org = index.kb.orgs_by_id.get(value.id) if value.kind in (ORG, "org_part") else None
    return org.city if org is not None else None


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


def _host_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'which institute hosts it?' after an answer about the project: the project's host."""
    kinds_only = all(f.family == q.ORG_KIND for f in query.filters)  # "which institute hosts it?"
    if context.kind != "project" or not kinds_only or query.people or p.mentions or not set(p.keys) & _IT:
        return None
    if not any(k in lexicon.HOST_WORDS for k in (*p.keys, *(t.key for t in p.tokens))):
        return None
    return q.Query(asks=q.STATEMENT, attribute="host")


def _topic_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'who funds it?', 'hvor lenge er den finansiert?': 'it' is what the last answer was about."""
    if context.kind not in TOPIC_KINDS or query.filters or query.people or p.mentions:
        return None
    people_words = set(p.keys) & (lexicon.WHO_WORDS | lexicon.WORK_WORDS)
    if p.count and people_words and not [k for k in p.counted if k not in lexicon.WHO_WORDS | lexicon.WORK_WORDS]:
        return q.Query(asks=q.COUNT, counted="people", filters=(q.Filter(q.CONSORTIUM),))  # "how many work there?"
    if p.has("leader", "themes") or p.count:
        return None  # "who leads it?", "what are the themes?": questions of their own
    people_asked = p.has("work") or set(p.keys) & lexicon.EVERYONE_WORDS  # not "who funds it?"
    if p.has("who") and people_asked and set(p.keys) & (_NARROWING | _IT):
        # "and which of our people work at those institutions?": the consortium's people
        return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.CONSORTIUM),))
    leftover = [i for i in _left_over(p) if not is_very_common(p.keys[i])]
    bare = len(p.keys) <= 5 and len(leftover) <= 1  # "until when?", "kor lenge varer finansieringa?"
    if not (set(p.keys) & _IT or bare or p.has("project")):  # "which cities are the groups in?"
        return None
    return q.Query(asks=q.STATEMENT, attribute=context.kind)


_CONVERSATIONAL = _w(
    """
    meant mean mente meinte sorry actually instead then ok okay exactly da daa nei nope ja jo yes
    beklager unnskyld orsak wait vent oops ops counting generally generelt overall
    further south north east west lenger videre sorover nordover
    """
)


def _left_over(p: Parse) -> list[int]:
    """Content words a follow-up leaves unexplained, the words of talk ('I meant', 'sorry') aside."""
    return [i for i in left_over(p) if p.keys[i] not in _CONVERSATIONAL]


def _only_names(p: Parse, query: q.Query) -> bool:
    """'<city>?', '<a full name>?': nothing but a name, so it continues the conversation."""
    if not (query.filters or query.people or query.themes) or p.unknown:
        return False
    named = {i for m in p.mentions for i in range(m.start, m.end)}
    rest = [k for i, k in enumerate(p.keys) if i not in named]
    if any(k in lexicon.QUESTION_WORDS or k in lexicon.WHO_WORDS for k in rest):
        return False  # "who works in <city>?", "is anyone in <city> …?" are questions of their own
    return all(k in lexicon.STOPWORDS or k in lexicon.PLACE_PREPOSITIONS for k in rest)


def _theme_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    if not context.themes or query.themes or query.filters or query.people:
        return None
    keys = set(p.keys)
    numbers = sorted(t.number for t in index.kb.themes)
    if not numbers:
        return None
    if keys & _NEXT:
        wanted = context.themes[-1] + 1
    elif keys & _PREVIOUS or any(t.original.lower() in _BEFORE_TYPED for t in p.tokens):
        wanted = context.themes[0] - 1
    elif keys & lexicon.LAST_WORDS:
        wanted = numbers[-1]
    elif ordinals := [lexicon.ORDINALS[k] for k in p.keys if k in lexicon.ORDINALS]:
        wanted = ordinals[0]  # "the third one": the third of the themes
    elif numbered := _numbered(p.keys):
        wanted = numbered  # "hva går nummer tre ut på?"
    elif (bare := _bare_number(p.keys)) is not None:
        wanted = bare  # "what is theme 1?" then "and 4?"
    elif p.has("who") and keys & (_ONE | lexicon.THEME_WORDS | _THAT_PLACE) and len(context.themes) == 1:
        return q.Query(asks=q.THEMES, themes=context.themes, attribute="people")
    else:
        return None
    return q.Query(asks=q.THEMES, themes=(wanted,))


def _bare_number(keys: list[str]) -> int | None:
    """'and 4?', 'og tre?': a fragment that is nothing but a number."""
    rest = [k for k in keys if k not in _FRAGMENT_STARTS and k not in lexicon.STOPWORDS]
    if len(rest) != 1:
        return None
    return int(rest[0]) if rest[0].isdecimal() and 0 < int(rest[0]) < 100 else lexicon.CARDINALS.get(rest[0])


def _numbered(keys: list[str]) -> int | None:
    for word, following in pairwise(keys):
        if word in lexicon.NUMBER_WORDS:
            number = int(following) if following.isdecimal() else lexicon.CARDINALS.get(following)
            if number:
                return number
    return None


def _count_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    if not p.count or query.filters or query.people or query.counted not in (None, "people"):
        return None
    if set(p.keys) & BOTH:
        return None  # "how many are at both?": see _both_step
    if [k for k in p.counted if k not in lexicon.WHO_WORDS]:
        return None  # "how many research groups are in it?": a count of its own, not of the last answer
    if not context.people and not context.themes:
        return None
    content = [k for k in p.content if k not in lexicon.STOPWORDS]
    if content:
        return None
    if context.kind in ("themes", "theme") and context.themes and not context.people:
        every = len(context.themes) == 1 or set(p.keys) & _IN_ALL  # "how many are there in total?"
        return q.Query(asks=q.COUNT, counted="themes", themes=() if every else context.themes)
    previous = context.query
    same = previous is not None and previous.asks in (q.PEOPLE, q.COUNT)
    if same and select(previous, index) == set(context.people):  # the same people, said the same way
        return previous.with_(asks=q.COUNT, counted="people")
    return q.Query(asks=q.COUNT, counted="people", within=context.people)


def _pronoun_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    keys = set(p.keys)
    if query.people:
        return None
    there = keys & lexicon.words("there der")
    if there and p.has("who") and not query.filters and context.people and not keys & _ELSE:
        # "where does she work?" then "who all works there?": everyone at her institutions
        people = [index.kb.people_by_id[i] for i in context.people if i in index.kb.people_by_id]
        orgs = {index.kb.orgs_by_id[a.org] for person in people for a in person.affiliations}
        values = tuple(dict.fromkeys(q.Value(ORG, o.parent or o.id) for o in orgs))
        if values and len(people) == 1:
            return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.PLACE, values),))
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
    if query.filters and not (keys & SINGULAR_PRONOUNS and asks_about_them):
        return None  # "which of them are at <place>" narrows; "which hospital is he at?" asks about him
    bare = not query.filters and not _left_over(p) and (p.has("where") or query.attribute is not None)
    bare = bare and not keys & _ELSE and not p.count  # "anyone else in that country?", "kor mange …?"
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


def _narrows(p: Parse) -> bool:
    keys = p.keys
    return any(k in ("of", "av", "among", "blant") for k in keys)


_WORKS_ON = lexicon.WORK_WORDS | lexicon.THEME_WORDS | _w("does do doing research researches forsker forskar")


def _their_themes_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'what do they work on?', 'hva jobber de med?': the themes of the people just named, where the
    knowledge says who works on what."""
    keys = set(p.keys)
    if not context.people or query.people or query.filters or not topics.links_people(index):
        return None
    if not (keys & lexicon.WHAT_WORDS and keys & _WORKS_ON and keys & PLURAL_PRONOUNS):
        return None  # "what does she work on?" is her card, themes included (the pronoun step)
    return q.Query(asks=q.THEMES, people=context.people, attribute="of_people")


def _others_on_the_theme_step(
    context: Context, p: Parse, query: q.Query, index: Index, fragment: bool
) -> q.Query | None:
    """'who else works on that?' after what someone works on: that theme's other people."""
    keys = set(p.keys)
    if not (keys & _ELSE and keys & _WORKS_ON) or not context.themes or not context.people:
        return None
    if query.filters or query.people or not topics.links_people(index):
        return None
    ids = tuple(q.Value(q.THEME, t.id) for t in index.kb.themes if t.number in context.themes)
    return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.THEME, ids),), excluded=context.people)


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
    if not keys & _THAT_PLACE | (keys & (_COUNTRY_WORDS | lexicon.words("city by sted place institution"))):
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


def _replace(context: Context, p: Parse, query: q.Query, index: Index) -> q.Query | None:
    """'and in <city>?', 'what about <a name>?', 'and theme 4?', 'no, I meant <place>'."""
    if query.themes:
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
    return _has_pair(p.keys, _CORRECTIONS) or _starts(p.keys, lexicon.words("no nei nope sorry beklager unnskyld"))


_DEFINITE_ARTICLES = _w("the den det")


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


def _level(f: q.Filter) -> str:
    """What a condition is about: an institution (or a kind of one), an area, or its own family."""
    if f.family == q.ORG_KIND:
        return "kind"
    if f.family == q.PLACE and all(v.kind in (ORG, "org_part") for v in f.values):
        return "institution"
    if f.family in (q.PLACE, q.ABROAD, q.HOME):
        return "area"
    return f.family


def _same(a: q.Filter, b: q.Filter) -> bool:
    return a.family == b.family and set(a.values) == set(b.values)


def _both_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and who is at both?': every place the last question named must hold."""
    if query.filters or query.people or not set(p.keys) & BOTH or context.query is None:
        return None
    places = [f for f in context.query.filters if f.family == q.PLACE]
    values = tuple(v for f in places for v in f.values)
    if len(values) < 2:
        # "who is at <A>?", "and at <B>?", "which of them are at both?": where the question before said too
        earlier = context.earlier.filters if context.earlier is not None else ()
        kept = [f for f in earlier if f.family in _WHERE and not f.negated and f not in context.query.filters]
        if not kept or context.query.asks not in (q.PEOPLE, q.COUNT):
            return None
        return context.query.with_(asks=q.COUNT if p.count else q.PEOPLE, filters=(*context.query.filters, *kept))
    others = tuple(f for f in context.query.filters if f.family != q.PLACE)
    asks = q.COUNT if p.count else q.PEOPLE
    return context.query.with_(asks=asks, filters=(*others, q.Filter(q.PLACE, values, all_of=True)))


def _other_one_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and the other one?': of the people the last question narrowed from, those it left out."""
    keys = set(p.keys)
    previous = context.query
    last_of_them = not context.themes and keys & lexicon.LAST_WORDS  # "og den siste, kven er det?"
    if query.filters or query.people or not (keys & _ELSE or last_of_them) or previous is None:
        return None
    if previous.within is not None:
        base = set(previous.within)
    elif len(previous.filters) >= 2:  # "which of them are at <place>?": the base is the question before
        base = select(previous.with_(filters=previous.filters[:-1]), index)
    else:
        return None
    rest = tuple(i for i in base if i not in context.people)
    if not rest:
        return None
    if len(rest) == 1:
        return q.Query(asks=q.PERSON, people=rest)
    return q.Query(asks=q.PEOPLE, within=rest)


_THE_ONE = (("the", "one"), ("that", "one"), ("the", "person"), ("den", "ene"), ("han", "ene"), ("hun", "ene"))
_THAT_ONE = _w("den han hun ho")


def _the_one_at_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and the one in <city>, which departments?', 'og den i <city>?': of the people the conversation
    named, the one there (not of the last answer, which a 'which of them' may have narrowed)."""
    keys = p.keys
    if query.people or not query.filters or any(f.negated for f in query.filters) or not context.named:
        return None
    pointed = (
        _has_pair(keys, _THE_ONE)
        or any(  # "og den i <city>"
            k in _THAT_ONE and keys[n + 1] in lexicon.PLACE_PREPOSITIONS and any(m.start == n + 2 for m in p.mentions)
            for n, k in enumerate(keys[:-2])
        )
        or any(  # "the <city> one"
            m.start > 0 and keys[m.start - 1] in _w("the that") and m.end < len(keys) and keys[m.end] in _w("one ones")
            for m in p.mentions
        )
    )
    if not pointed:
        return None
    found = select(query.with_(asks=q.PEOPLE, within=context.named, people=(), excluded=()), index)
    if len(found) != 1:
        return None
    return q.Query(asks=q.ATTRIBUTE if query.attribute else q.PERSON, people=tuple(found), attribute=query.attribute)
