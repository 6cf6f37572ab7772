"""Follow-ups about the last answer's subject: "and the next one?", "how many is that?", "what do they
work on?", "who else works on that?", "both", "the other one"."""

from __future__ import annotations

from itertools import pairwise

from bot.answering.executor import select
from bot.language import concepts, lexicon
from bot.language.ordinary import is_very_common
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.context import Context
from bot.understanding.filters import BOTH
from bot.understanding.followup_words import (
    _BEFORE_TYPED,
    _ELSE,
    _FRAGMENT_STARTS,
    _IN_ALL,
    _IT,
    _NARROWING,
    _NEXT,
    _ONE,
    _PREVIOUS,
    _THAT_ONE,
    _THAT_PLACE,
    _THE_ONE,
    _WHERE,
    _WORKS_ON,
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
    TOPIC_KINDS,
    _has_pair,
    _left_over,
)
from bot.understanding.index import Index
from bot.understanding.parser import Parse

_THE_THAT = concepts.words("followup_steps.before_one")
_ONE_ONES = concepts.words("followup_steps.one")


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


def _only_names(p: Parse, query: q.Query) -> bool:
    """'<city>?', '<a full name>?': nothing but a name, so it continues the conversation."""
    if not (query.filters or query.people or query.themes) or p.unknown:
        return False
    named = {i for m in p.mentions for i in range(m.start, m.end)}
    rest = [k for i, k in enumerate(p.keys) if i not in named]
    if any(k in lexicon.QUESTION_WORDS or k in lexicon.WHO_WORDS for k in rest):
        return False  # "who works in <city>?", "is anyone in <city> …?" are questions of their own
    return all(k in lexicon.STOPWORDS or k in lexicon.PLACE_PREPOSITIONS for k in rest)


def _theme_leader_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'and theme 4?', 'og tema 1' after 'who leads theme 3?': the leader of that theme."""
    previous = context.query
    if previous is None or previous.asks != q.THEMES or previous.attribute != "leader" or query.people:
        return None
    named = set(query.themes) | {
        t.number for f in query.filters_of(q.THEME) for v in f.values for t in index.kb.themes if t.id == v.id
    }
    others = [f for f in query.filters if f.family != q.THEME]
    if len(named) != 1 or others or not (fragment or len(p.keys) <= 3):
        return None
    if set(p.keys) & (lexicon.WHO_WORDS | lexicon.EVERYONE_WORDS) or p.count:
        return None  # "theme 4 members?": its people, not its leader
    return q.Query(asks=q.THEMES, themes=tuple(named), attribute="leader")


def _filtered_theme_leader_step(
    context: Context, p: Parse, query: q.Query, index: Index, fragment: bool
) -> q.Query | None:
    """'Who leads that theme?' after 'which of them work on <topic>?': the leader of the one theme the
    last list was chosen by (the list names people, not themes)."""
    keys = set(p.keys)
    if context.themes or query.people or query.themes or query.filters or p.count or context.query is None:
        return None
    if not (keys & lexicon.LEADER_WORDS and keys & lexicon.THEME_WORDS) or keys & lexicon.PROJECT_WORDS:
        return None
    if keys & (lexicon.EVERYONE_WORDS | _EACH):
        return None  # "who leads each theme?": every theme's leader, a question of its own
    if _left_over(p):
        return None
    chosen_by = [f for f in context.query.filters_of(q.THEME) if not f.negated]
    if len(chosen_by) != 1 or len(chosen_by[0].values) != 1:
        return None
    number = next((t.number for t in index.kb.themes if t.id == chosen_by[0].values[0].id), None)
    return q.Query(asks=q.THEMES, themes=(number,), attribute="leader") if number is not None else None


def _theme_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    if not context.themes or query.themes or query.people:
        return None
    keys = set(p.keys)
    about_it = keys & (_IT | _THAT_PLACE | lexicon.THEME_WORDS) and len(context.themes) == 1
    people_counted = all(k in lexicon.WHO_WORDS | lexicon.EVERYONE_WORDS | lexicon.WORK_WORDS for k in p.counted)
    if p.count and about_it and people_counted and not query.filters:
        # "how many people work on it?" after a theme: its people, counted
        ids = tuple(q.Value(q.THEME, t.id) for t in index.kb.themes if t.number in context.themes)
        return q.Query(asks=q.COUNT, filters=(q.Filter(q.THEME, ids),), counted="people")
    if query.filters:  # "and who are the PhD students on that theme?", "who works on that in <country>?"
        that_theme = (keys & lexicon.THEME_WORDS and keys & (_THAT_PLACE | _IT)) or _works_on_it(p)
        that_theme = that_theme and len(context.themes) == 1
        kinds_of_people = all(f.family in (q.ROLE, q.TITLE) for f in query.filters)  # "which PhD students …"
        if not that_theme or query.filters_of(q.THEME) or not (p.has("who") or kinds_of_people):
            return None
        ids = tuple(q.Value(q.THEME, t.id) for t in index.kb.themes if t.number in context.themes)
        return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.THEME, ids), *query.filters))
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
    elif (
        keys & lexicon.LEADER_WORDS
        and keys & (_IT | _ONE | lexicon.THEME_WORDS)
        and len(context.themes) == 1
        and not keys & lexicon.PROJECT_WORDS  # "hvem er det som leder gruppen?": the group's leader
        and not _left_over(p)
    ):
        return q.Query(asks=q.THEMES, themes=context.themes, attribute="leader")  # "who leads it?"
    elif p.has("who") and keys & (_ONE | lexicon.THEME_WORDS | _THAT_PLACE) and len(context.themes) == 1:
        return q.Query(asks=q.THEMES, themes=context.themes, attribute="people")
    else:
        return None
    if keys & lexicon.LEADER_WORDS:  # "who leads the third one?": that theme's leader
        return q.Query(asks=q.THEMES, themes=(wanted,), attribute="leader")
    return q.Query(asks=q.THEMES, themes=(wanted,))


_ON = concepts.words("people.on")
_EACH = concepts.words("followup_words.each")


def _works_on_it(p: Parse) -> bool:
    """'who works on that …', 'hvem jobber med det …': the work is on what was just talked about."""
    return p.has("work") and any(key in _IT and i > 0 and p.keys[i - 1] in _ON for i, key in enumerate(p.keys))


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


def _their_themes_step(context: Context, p: Parse, query: q.Query, index: Index, fragment: bool) -> q.Query | None:
    """'what do they work on?', 'hva jobber de med?': the themes of the people just named, where the
    knowledge says who works on what."""
    keys = set(p.keys)
    if not context.people or query.people or not topics.links_people(index):
        return None
    their_theme = keys & PLURAL_PRONOUNS and keys & lexicon.THEME_WORDS and len(p.keys) <= 4  # "their theme?"
    # "what is the research topic of that candidate?": the one person just named, by a word for them
    that_one = len(context.people) == 1 and keys & lexicon.THEME_WORDS and keys & lexicon.WHAT_WORDS
    # 'that' right before the word for them: "… of that candidate", not "which PhD students are in that theme"
    that_one = that_one and any(
        p.keys[m.start - 1] in _IT for m in p.mentions if m.kind in ("role", "title") and m.start > 0
    )
    if that_one and query.filters and all(f.family in (q.ROLE, q.TITLE) for f in query.filters):
        return q.Query(asks=q.THEMES, people=context.people, attribute="of_people")
    if query.filters:
        return None
    if not (keys & lexicon.WHAT_WORDS and keys & _WORKS_ON and keys & PLURAL_PRONOUNS) and not their_theme:
        return None  # "what does she work on?" is her card, themes included (the pronoun step)
    return q.Query(asks=q.THEMES, people=context.people, attribute="of_people")


def _others_on_the_theme_step(
    context: Context, p: Parse, query: q.Query, index: Index, fragment: bool
) -> q.Query | None:
    """'who else works on that?' after what someone works on: that theme's other people."""
    keys = set(p.keys)
    if not (keys & _ELSE and keys & _WORKS_ON) or not context.themes or not context.people:
        return None
    if keys & SINGULAR_PRONOUNS and not p.has("who"):
        return None  # "does he have another affiliation?": about him
    places = [f for f in query.filters if f.family == q.PLACE]  # "who else in <city> works on that theme?"
    if len(places) != len(query.filters) or query.people or not topics.links_people(index):
        return None
    ids = tuple(q.Value(q.THEME, t.id) for t in index.kb.themes if t.number in context.themes)
    return q.Query(asks=q.PEOPLE, filters=(q.Filter(q.THEME, ids), *places), excluded=context.people)


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
    if keys & SINGULAR_PRONOUNS and len(context.people) == 1 and not p.has("who"):
        return None  # "where else does he work?", "does he have another affiliation?": about him
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
            m.start > 0 and keys[m.start - 1] in _THE_THAT and m.end < len(keys) and keys[m.end] in _ONE_ONES
            for m in p.mentions
        )
    )
    if not pointed:
        return None
    found = select(query.with_(asks=q.PEOPLE, within=context.named, people=(), excluded=()), index)
    if len(found) != 1:
        return None
    return q.Query(asks=q.ATTRIBUTE if query.attribute else q.PERSON, people=tuple(found), attribute=query.attribute)
