"""Themes and topics as conditions on people: "who in <city> works on <topic>?".

A knowledge base whose themes list their people (`themes.yaml` `people:`, or `people.yaml`
`themes:`) can answer a theme as a condition, like a place or a role: the people of theme 2
in one city, the postdocs not on the coral theme, those on both theme 1 and 3. This module finds
where a question names a theme, by its number ("theme 2", "the third theme") or by the words of
its title and keywords, and gives each such span as a condition item for the filter reader,
which then applies negation, "both" and "or" to it exactly as to a place.

It reads themes as conditions only in questions that ask for people, and only in a knowledge
base that links people to themes: where nobody is linked, "who works on <theme>?" keeps its
honest answer (the knowledge does not say; ask the leader).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import OSA

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary, is_very_common
from bot.language.text import keys, stem, stems_meet
from bot.understanding import query as q
from bot.understanding.evidence import Parse
from bot.understanding.index import Index
from bot.understanding.project_name import project_name_positions
from bot.understanding.theme_numbers import number_of

THEME = q.THEME


@dataclass(frozen=True, slots=True)
class ThemeSpan:
    """Words of the question, from `start` to `end`, that name one or more themes."""

    theme_ids: tuple[str, ...]
    start: int
    end: int
    weight: float = 1
    """How sure the span is of its themes: a keyword phrase word for word counts for as many words."""


def theme_terms(index: Index) -> dict[str, frozenset[str]]:
    """Each theme's distinctive word stems: its title (both languages) and keywords, less the
    words every theme shares and the words that carry no meaning of their own."""
    if index.theme_terms is None:
        index.theme_terms = _terms(index, weak=False)
        index.theme_weak_terms = _terms(index, weak=True)
    return index.theme_terms


def weak_theme_terms(index: Index) -> dict[str, frozenset[str]]:
    """The everyday short words of a theme's phrases ('land' of 'land uplift', 'voice' of 'voice
    biomarkers'): alone they name no theme; beside a word that does, they tip a tie."""
    theme_terms(index)
    return index.theme_weak_terms or {}


def _terms(index: Index, weak: bool) -> dict[str, frozenset[str]]:
    """The strong (distinctive) or the weak (everyday words of phrases) word stems of each theme."""
    terms: dict[str, set[str]] = {}
    for theme in index.kb.themes:
        text = [theme.title, theme.title_no or "", *theme.keywords]
        alone = {k for part in text if len(keys(part)) == 1 for k in keys(part)}
        strong = {k for part in text for k in keys(part) if k in alone or len(k) >= _DISTINCT or not is_ordinary(k)}
        words = {k for part in text for k in keys(part)} - strong if weak else strong
        terms[theme.id] = {
            stem(k)
            for k in words
            if k not in lexicon.STOPWORDS and k not in lexicon.THEME_WORDS and not k.isdecimal() and len(k) > 2
        }
    if len(terms) > 1 and not weak:
        shared = set.intersection(*terms.values())
        terms = {theme: words - shared for theme, words in terms.items()}
    return {theme: frozenset(words) for theme, words in terms.items()}


_DISTINCT = 8
"""An everyday word this long ('recognition', 'synthesis') is distinctive enough inside a theme's title."""


def links_people(index: Index) -> bool:
    """Whether the knowledge says who works on any theme."""
    return any(index.people_by_theme.values())


_WHICH = concepts.words("topics.which")
_RELATIVES = concepts.words("topics.relatives")


def which_ones(question_keys: list[str]) -> bool:
    """'Hvilke på <A> jobber ikke på <B>?', 'which in <country> work ...': "which" with no noun after it
    (a place word or a verb follows) asks which people."""
    follows = lexicon.PLACE_PREPOSITIONS | lexicon.WORK_WORDS | _RELATIVES  # "hvilke som jobber …"
    return any(
        k in _WHICH and n + 1 < len(question_keys) and question_keys[n + 1] in follows
        for n, k in enumerate(question_keys)
    )


_FRAGMENT_OPENERS = concepts.words("topics.fragment_openers")
_THEM = concepts.words("topics.them")


def asks_for_people(p: Parse, mention_kinds: set[str]) -> bool:
    """A question that asks for people (who, which postdocs, how many, which of them), not for a theme."""
    if p.has("who") or p.count or mention_kinds & {"role", "title"}:
        return True
    if which_ones(p.keys):
        return True
    if p.keys and p.keys[0] in _FRAGMENT_OPENERS and len(p.keys) <= 6:
        return True  # "and on <topic>?", "og med <topic>?": a follow-up of a question for people
    return any(k in lexicon.EVERYONE_WORDS or k in _THEM for k in p.keys)


def theme_spans(
    p: Parse, index: Index, taken: set[int], places: set[int] | frozenset[int] = frozenset()
) -> list[ThemeSpan]:
    """Where the question names a theme: by number, or by words of its title and keywords.

    `taken` holds the positions other readings already use (places, names, roles): a word is
    read as one thing only.
    """
    spans = _numbered(p, index, taken) + _any_theme(p, index, taken)
    used = {i for s in spans for i in range(s.start, s.end)} | taken | _project_name(p, index)
    phrases = _by_phrases(p, index, used)
    used |= {i for s in phrases for i in range(s.start, s.end)}
    words = sorted(phrases + _by_words(p, index, used | set(places), p.asking), key=lambda s: s.start)
    if not words and not spans and any(p.keys[i] in _THIS for i in p.asking):
        # "I'm writing about <topic>. Who works on that?": 'that' is the topic of the sentences before
        context = _by_words(p, index, used, frozenset(range(len(p.keys))))
        # the sentence's own subject, not its framing: what a story is "about", else its rare words
        about = [s for s in context if set(p.keys[max(0, s.start - 2) : s.start]) & _ABOUT]
        rare = [s for s in context if any(not is_ordinary(p.keys[i]) for i in range(s.start, s.end))]
        merged = _one_topic(context, p.keys)
        for preferred in (about, rare):
            if len(merged) == 1 and len(merged[0].theme_ids) > 1:  # a tie: the subject decides
                kept = {t for s in preferred for t in s.theme_ids} & set(merged[0].theme_ids)
                if kept:
                    ids = tuple(t for t in merged[0].theme_ids if t in kept)
                    merged = [ThemeSpan(ids, merged[0].start, merged[0].end)]
        words = merged
        p.memo["theme_from_context"] = bool(merged)
    if words and all(w.weight < 1 for w in words):
        words = []  # everyday words of a theme's phrases alone ('land', 'front', 'water') name no theme
    spans += _one_topic(words, p.keys)
    return sorted(spans, key=lambda s: s.start)


_ABOUT = concepts.words("topics.about")
_THIS = concepts.words("topics.this")


def _project_name(p: Parse, index: Index) -> set[int]:
    return set(project_name_positions(p.keys, index))


_ANY = concepts.words("topics.any")


def _any_theme(p: Parse, index: Index, taken: set[int]) -> list[ThemeSpan]:
    """'not on any theme', 'ikke på noe tema': all the themes, so its negation leaves those on none."""
    keys = p.keys
    spans = []
    for n, key in enumerate(keys):
        if key in lexicon.THEME_WORDS and n not in taken and n > 0 and set(keys[max(0, n - 2) : n]) & _ANY:
            following = keys[n + 1] if n + 1 < len(keys) else ""
            if number_of(following) is None:
                start = n - 1 if keys[n - 1] in _ANY else n - 2
                spans.append(ThemeSpan(tuple(t.id for t in index.kb.themes), start, n + 1))
    return spans


def most_named(spans: list[ThemeSpan]) -> tuple[str, ...]:
    """The themes most of the spans name (a post's topic): ties kept, in the order first named."""
    counts: dict[str, int] = {}
    for span in spans:
        for theme in span.theme_ids:
            counts[theme] = counts.get(theme, 0) + span.weight
    if not counts:
        return ()
    top = max(counts.values())
    return tuple(t for t in dict.fromkeys(t for s in spans for t in s.theme_ids) if counts[t] == top)


_ALTERNATIVES = concepts.words("topics.alternatives")
_ONE_TOPIC_WORDS = concepts.words("topics.one_topic")
_ALSO = concepts.words("topics.also")
_TOGETHER_PHRASES = concepts.phrases("theme_items.both_after_phrases")


def said_together_before(start: int, keys: list[str]) -> bool:
    """'working at the same time on <A> and <B>', 'jobber samtidig med <A> og <B>'."""
    before = tuple(keys[max(0, start - 6) : start])
    if set(before[-3:]) & _ONE_TOPIC_WORDS:
        return True
    return any(before[i : i + len(ph)] == ph for ph in _TOGETHER_PHRASES for i in range(len(before)))


def _same_theme_together(spans: list[ThemeSpan], keys: list[str]) -> list[ThemeSpan]:
    """Neighbouring spans that name a theme in common are one topic ('bias/evaluation', 'sea level
    projections'), whatever stands between them: their shared themes."""
    merged: list[ThemeSpan] = []
    for span in spans:
        if merged and set(merged[-1].theme_ids) & set(span.theme_ids) and span.start - merged[-1].end <= 2:
            shared = tuple(t for t in merged[-1].theme_ids if t in span.theme_ids)
            merged[-1] = ThemeSpan(shared, merged[-1].start, span.end, merged[-1].weight + span.weight)
        elif merged and span.start == merged[-1].end:  # side by side: one noun phrase ('<word> <keyword phrase>')
            merged[-1] = _heavier(merged[-1], span)
        else:
            merged.append(span)
    return merged


def _heavier(first: ThemeSpan, second: ThemeSpan) -> ThemeSpan:
    """Two spans side by side as one: the themes the heavier names (both when they weigh the same)."""
    if first.weight == second.weight:
        ids = tuple(dict.fromkeys((*first.theme_ids, *second.theme_ids)))
    else:
        ids = (first if first.weight > second.weight else second).theme_ids
    return ThemeSpan(ids, first.start, second.end, max(first.weight, second.weight))


def _one_topic(spans: list[ThemeSpan], keys: list[str]) -> list[ThemeSpan]:
    """Words of one topic spread over a question ('<word> and <word> at <word>') name one
    theme: the one most of them name. Only 'or' or 'both' between them makes them several topics."""
    spans = _same_theme_together(spans, keys)
    if len(spans) < 2:
        return spans
    between = {k for a, b in pairwise(spans) for k in keys[a.end : b.start]}
    before = set(keys[max(0, spans[0].start - 3) : spans[0].start])
    if between & (_ALTERNATIVES | _ALSO) or before & _ONE_TOPIC_WORDS or said_together_before(spans[0].start, keys):
        return spans  # "<A> or <B>", "<A> and also <B>", "both <A> and <B>", "at the same time <A> and <B>"
    counts: dict[str, float] = {}
    for span in spans:
        for theme in span.theme_ids:
            counts[theme] = counts.get(theme, 0) + span.weight
    top = max(counts.values())
    order = [t for s in spans for t in s.theme_ids]
    chosen = tuple(dict.fromkeys(t for t in order if counts[t] == top))
    return [ThemeSpan(chosen, min(s.start for s in spans), max(s.end for s in spans))]


def _numbered(p: Parse, index: Index, taken: set[int]) -> list[ThemeSpan]:
    """'theme 2', 'themes 1 and 3', 'the third theme', 'tema 4'."""
    by_number = {t.number: t.id for t in index.kb.themes}
    last = max(by_number, default=0)
    keys = p.keys
    spans: list[ThemeSpan] = []
    for position, key in enumerate(keys):
        if key not in lexicon.THEME_WORDS or position in taken:
            continue
        before = position - 1
        if before >= 0 and (keys[before] in lexicon.ORDINALS or keys[before] in lexicon.LAST_WORDS):
            number = last if keys[before] in lexicon.LAST_WORDS else lexicon.ORDINALS[keys[before]]
            if number in by_number:
                spans.append(ThemeSpan((by_number[number],), before, position + 1))
            continue
        following = position + 1
        if following < len(keys) and keys[following] in lexicon.NUMBER_WORDS:
            following += 1
        start = position
        while following < len(keys) and (number := number_of(keys[following])) is not None:
            if number in by_number:
                spans.append(ThemeSpan((by_number[number],), start, following + 1))
            following += 1
            if following + 1 < len(keys) and keys[following] in lexicon.CONJUNCTIONS:
                following += 1  # "themes 2 or 6": the next number is a condition of its own, the 'or' between
            start = following
    return spans


def _by_phrases(p: Parse, index: Index, used: set[int]) -> list[ThemeSpan]:
    """A theme's keyword or title of two words or more, word for word ('heat stress', 'fish larvae'):
    the surest sign of a theme, read before single words."""
    found: list[ThemeSpan] = []
    question = p.keys
    taken = set(used)
    for phrase, theme_ids in theme_phrases(index):
        size = len(phrase)
        for start in range(len(question) - size + 1):
            span = range(start, start + size)
            if tuple(question[start : start + size]) == phrase and not taken & set(span) and start in p.asking:
                found.append(ThemeSpan(theme_ids, start, start + size, weight=size))
                taken.update(span)
    return found


def theme_phrases(index: Index) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each theme's phrases of two words or more, longest first, with the themes that have them."""
    if index.theme_phrases is None:
        by_phrase: dict[tuple[str, ...], list[str]] = {}
        for theme in index.kb.themes:
            for text in (theme.title, theme.title_no or "", *theme.keywords):
                phrase = keys(text)
                if len(phrase) >= 2 and any(k not in lexicon.STOPWORDS for k in phrase):
                    by_phrase.setdefault(phrase, [])
                    if theme.id not in by_phrase[phrase]:
                        by_phrase[phrase].append(theme.id)
        index.theme_phrases = sorted(((p, tuple(t)) for p, t in by_phrase.items()), key=lambda e: -len(e[0]))
    return index.theme_phrases


def _by_words(p: Parse, index: Index, used: set[int], where: frozenset[int]) -> list[ThemeSpan]:
    """Runs of adjacent words that name a theme's title or keywords ('coral bleaching'); a run
    names the themes all its matching words share, or, when they share none, those most of them name."""
    terms = theme_terms(index)
    weak = weak_theme_terms(index)
    order = {t.id: t.number for t in index.kb.themes}
    matches: dict[int, set[str]] = {}
    weak_matches: dict[int, set[str]] = {}
    hints: set[tuple[int, str]] = set()
    for position, key in enumerate(p.keys):
        if position in used or position not in where or key in lexicon.STOPWORDS or len(key) < 3:
            continue
        if key in lexicon.QUESTION_WORDS or key in lexicon.THEME_WORDS or key.isdecimal():
            continue
        word = stem(key)
        everyday = is_ordinary(key)
        themes = {theme for theme, words in terms.items() if any(_same_word(word, w, everyday) for w in words)}
        typed = p.tokens[position].key  # as typed: a compound read as its last word (a neighbour language's compound)
        if not themes and typed != key and not is_ordinary(typed) and len(typed) >= 7:
            word, everyday = stem(typed), False
        if not themes and not everyday and len(word) >= 7:
            # a Swedish or Danish form of a Norwegian keyword, or a misspelt one
            allowed = 1 if len(word) < 9 else 2
            themes = {
                theme
                for theme, words in terms.items()
                if any(len(w) >= 7 and OSA.distance(word, w, score_cutoff=allowed) <= allowed for w in words)
            }
        weak_themes = {theme for theme, words in weak.items() if any(word == w for w in words)}
        if themes:
            matches[position] = themes
            hints.update({(position, t) for t in weak_themes})  # '<adjective> <noun>': the noun's theme leans the tie
        elif weak_themes:
            weak_matches[position] = weak_themes
    spans = _runs(matches, order, 1.0, hints) + _runs(weak_matches, order, WEAK, set())
    return sorted(spans, key=lambda s: s.start)


WEAK = 0.5
"""The weight of a span of everyday words from a theme's phrases: never a condition alone."""


def _runs(
    matches: dict[int, set[str]], order: dict[str, int], weight: float, hints: set[tuple[int, str]]
) -> list[ThemeSpan]:
    spans: list[ThemeSpan] = []
    run: list[int] = []
    for position in sorted(matches):
        if run and position != run[-1] + 1:
            spans.append(_span(run, matches, order, weight, hints))
            run = []
        run.append(position)
    if run:
        spans.append(_span(run, matches, order, weight, hints))
    return spans


def _same_word(word: str, term: str, everyday: bool) -> bool:
    """A question's word and a theme's word are one word in two forms. An everyday word must be the
    theme's word or an inflection of it ('corals' for 'coral'), never merely share its beginning
    ('project' and 'projections', 'coralline' and 'coral')."""
    if word == term or (word == term + "s" and len(term) >= 3 and not is_very_common(term)):  # "<ABC>s" for "<ABC>"
        return True
    short, long = sorted((word, term), key=len)
    if not everyday and len(short) >= 7:
        return stems_meet(word, term)
    return (
        len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3 and (term == short or not everyday)
    )


def _span(
    run: list[int],
    matches: dict[int, set[str]],
    order: dict[str, int],
    weight: float = 1.0,
    hints: set[tuple[int, str]] | None = None,
) -> ThemeSpan:
    shared = set.intersection(*(matches[i] for i in run))
    if not shared:
        counts: dict[str, float] = {}
        for i in run:
            for theme in matches[i]:
                counts[theme] = counts.get(theme, 0) + 1
        for i, theme in hints or ():
            if i in run and theme in counts:
                counts[theme] += WEAK
        top = max(counts.values())
        shared = {theme for theme, n in counts.items() if n == top}
    return ThemeSpan(tuple(sorted(shared, key=order.__getitem__)), run[0], run[-1] + 1, weight)
