"""Unknown words where a place, a person or a role should be: "at MIT", "who is Jane Doe", "who is the dean".

An unknown word in such a slot gives an honest "I don't know X" instead of an answer about
something else. Only the sentences that ask are searched.
"""

from __future__ import annotations

from itertools import pairwise

from bot.language import concepts, lexicon
from bot.language.text import Token
from bot.understanding.cues import ALL_CUE_WORDS
from bot.understanding.evidence import Parse
from bot.understanding.index import CITY, COUNTRY, FIRST_NAME, ORG, ORG_PART, PERSON, REGION, SURNAME
from bot.understanding.sentences import refers_back

# "who is <role> at/of <place>": what may follow a role that the knowledge does not have.
_ROLE_FOLLOWERS = lexicon.PLACE_PREPOSITIONS | concepts.words("slots.role_followers")
_DIRECTIONS = concepts.words("slots.directions")
_NOT_ROLES = concepts.words("slots.not_roles") | lexicon.NEGATION_WORDS | lexicon.YOU_THE_GROUP
_INDEFINITE = concepts.words("slots.indefinite")
_ARTICLES_AND_TITLES = concepts.words("slots.articles") | concepts.words("slots.titles_before_a_name")
_NAME_CONNECTORS = concepts.words("slots.name_connectors")
_ARTICLES = concepts.words("slots.articles")
_DEFINITE = concepts.words("slots.definite")
_ORG_KIND_KEYS = lexicon.ANY_ORG_KIND_WORDS
_INSTITUTION_WORDS = lexicon.GENERIC_NAME_WORDS - lexicon.STOPWORDS
_PLACES = (CITY, COUNTRY, ORG, ORG_PART, REGION)
"""'University', 'Hospital': a name with one of them is an institution's ('Doe' keyed 'do' is not one)."""


def name_like(token: Token, result: Parse) -> bool:
    """Typed as a name: in capitals ('NTNU'), or capitalised inside a sentence typed in mixed case."""
    if token.is_upper:
        return True
    capitalised = result.mixed_case and token.original[:1].isupper()
    return capitalised and token.index not in result.sentence_starts


def _points_back(keys: list[str], position: int, result: Parse) -> bool:
    """'Anyone there?', 'does anyone there work with you?': 'there' is the place named before."""
    after_someone = position > 0 and keys[position - 1] in lexicon.WHO_WORDS
    return after_someone or refers_back(keys, position, result.sentence_starts)


def find_unknown_slots(tokens: list[Token], keys: list[str], result: Parse) -> None:
    """Unknown words where a place or a name should be: "at MIT", "who is Jane Doe"."""
    # Frequent words are names too when typed as names ("Per Hansen", "Harvard"), and, in a
    # question typed all in small letters, right after a preposition with no article ("at harvard").
    # Only the sentences that ask: "I'm visiting from <city>. Who works on X?" asks nothing of the city.
    asking = result.asking
    known_place_before = any(m.kind in _PLACES and m.start not in asking for m in result.mentions)
    if not known_place_before and any(keys[i] in lexicon.THERE_WORDS and _points_back(keys, i, result) for i in asking):
        # "… at <a place>. Does anyone there …?": the place is asked of; with a known place before
        # ("I study at <A> and visit <known B>. Anyone there?") 'there' is the known one
        asking = frozenset(range(len(tokens)))
    typed_as_names = {t.index for t in result.ordinary if name_like(t, result)}
    unknown_positions = ({t.index for t in result.unknown} | typed_as_names) & asking
    ordinary_positions = {t.index for t in result.ordinary} & asking
    bare_after_preposition = set() if result.mixed_case else ordinary_positions
    # In mixed case people type names with capitals, so only capitalised words may be names.
    capitalised = {i for i in unknown_positions if tokens[i].original[:1].isupper()}
    names = capitalised if result.mixed_case else unknown_positions
    for mention in result.mentions:
        if mention.kind == FIRST_NAME and mention.end in names:
            result.unknown_name = _span_text(tokens, mention.start, _run_end(mention.end, names))
        if mention.kind in (SURNAME, FIRST_NAME) and mention.start - 1 in names:
            start = mention.start - 1
            while start - 1 in names:
                start -= 1
            result.unknown_name = _span_text(tokens, start, mention.end)
    for position, key in enumerate(keys):
        if key not in lexicon.PLACE_PREPOSITIONS or (key == "i" and result.language != "no"):
            continue
        if position + 1 < len(keys) and keys[position + 1] in _INDEFINITE | _IDIOMS | lexicon.YOU_THE_GROUP:
            continue  # "at a conference", "in short", "i alt", "hos dere": a thing, a phrase or the group
        run = _name_run(keys, position + 1, tokens if result.mixed_case else None)
        bare = bool(run) and run[0] == position + 1 and run[0] in bare_after_preposition
        quantity = bool(run) and keys[run[0]] in _QUANTITIES | _TIMES  # "in two countries", "in June": no place
        if run and not quantity and (any(i in unknown_positions for i in run) or bare):
            result.unknown_place = _span_text(tokens, run[0], run[-1] + 1)
            break
    for first, last in pairwise(result.mentions):
        # one person's first name before another's surname names nobody the knowledge has
        adjacent = first.kind == FIRST_NAME and last.kind == SURNAME and first.end == last.start
        if adjacent and not {t.value for t in first.targets} & {t.value for t in last.targets}:
            result.unknown_name = _span_text(tokens, first.start, last.end)
    for mention in result.mentions:  # "western Norway": a part of a country the knowledge cannot draw
        before = mention.start - 1
        in_question = mention.start in result.asking
        if in_question and mention.kind in (COUNTRY, REGION, CITY) and before >= 0 and keys[before] in _DIRECTIONS:
            result.unknown_place = _span_text(tokens, before, mention.end)
    if result.unknown_name is None and result.unknown_place is None:
        _unknown_name_run(tokens, names | (typed_as_names & asking), result)
    if result.unknown_name is None and result.unknown_place is None:
        _unknown_place_there(tokens, keys, result)
    if result.unknown_name is None and result.unknown_place is None:
        _titled_name_before(tokens, keys, result)
    if result.unknown_name is None and result.unknown_place is None:
        _unknown_institution(tokens, keys, result, set(result.asking))  # "affiliated with the University of <X>?"
    if result.unknown_name is None and result.has("who"):
        for prompt in lexicon.PERSON_PROMPTS:
            n = len(prompt)
            for i in range(len(keys) - n + 1):
                if tuple(keys[i : i + n]) == prompt:
                    nxt = i + n
                    article = False
                    while nxt < len(keys) and keys[nxt] in _ARTICLES_AND_TITLES:
                        article = article or keys[nxt] in _ARTICLES
                        nxt += 1
                    followed_by_place = nxt + 1 >= len(keys) or keys[nxt + 1] in _ROLE_FOLLOWERS
                    bare_role = (
                        not article
                        and nxt in ordinary_positions
                        and keys[nxt] not in _NOT_ROLES
                        and not tokens[nxt].original[:1].isupper()
                        and followed_by_place
                    )
                    end = nxt
                    while end < len(keys) and (keys[end] not in lexicon.STOPWORDS or keys[end] in ALL_CUE_WORDS):
                        end += 1
                    # "the lab manager": a noun phrase whose words the knowledge does not all know
                    phrase_unknown = any(i in unknown_positions or i in ordinary_positions for i in range(nxt, end))
                    asks_who = prompt[0] in lexicon.WHO_WORDS  # "who is the X", not "ask about the X"
                    if asks_who and ((article and phrase_unknown) or bare_role):
                        # "who is the king of ...": a role the knowledge base does not have
                        result.unknown_role = _span_text(tokens, nxt, end)
                        return
                    if nxt in names:
                        result.unknown_name = _span_text(tokens, nxt, _run_end(nxt, names))
                        return


_TO_A_PLACE = lexicon.PLACE_PREPOSITIONS | concepts.words("slots.to_a_place")
_TIMES = concepts.words("slots.times")


def _unknown_place_there(tokens: list[Token], keys: list[str], result: Parse) -> None:
    """ "I'm visiting <town> next month. Anyone there?": 'there' is the place the sentence before
    names; when the knowledge has no place there, that name is an unknown place."""
    if not any(refers_back(keys, i, result.sentence_starts) for i in result.asking if keys[i] in lexicon.THERE_WORDS):
        return
    if any(m.kind in (CITY, COUNTRY, REGION, ORG, ORG_PART) for m in result.mentions):
        return
    named = {i for m in result.mentions for i in range(m.start, m.end)}
    candidates = {t.index for t in (*result.unknown, *result.ordinary) if name_like(t, result)}
    found = sorted(
        i
        for i in candidates - named - result.asking
        if keys[i] not in lexicon.STOPWORDS | _TIMES and i > 0 and keys[i - 1] in _TO_A_PLACE
    )
    if found:
        result.unknown_place = _span_text(tokens, found[-1], _run_end(found[-1], candidates))
        return
    _unknown_institution(tokens, keys, result, set(range(len(keys))) - result.asking)


def _unknown_institution(tokens: list[Token], keys: list[str], result: Parse, positions: set[int]) -> None:
    """'the University of <X>' that the knowledge does not have, named at `positions`: an unknown place."""
    named = {i for m in result.mentions for i in range(m.start, m.end)}
    for i in sorted(positions - named):
        singular = not tokens[i].original.lower().endswith(("ies", "s", "er", "ene"))  # "Universities and ..."
        connected = i + 2 < len(keys) and keys[i + 1] in _NAME_CONNECTORS and tokens[i + 2].original[:1].isupper()
        if (
            keys[i] in lexicon.ANY_ORG_KIND_WORDS
            and tokens[i].original[:1].isupper()
            and result.mixed_case
            and singular
            and connected
            and keys[i + 2] not in lexicon.ANY_ORG_KIND_WORDS
        ):
            end = i + 1
            while (
                end < len(keys)
                and end not in result.sentence_starts
                and (tokens[end].original[:1].isupper() or keys[end] in _NAME_CONNECTORS)
            ):
                end += 1
            while end > i + 1 and keys[end - 1] in _NAME_CONNECTORS:
                end -= 1
            if end > i + 1 and not any(j in named for j in range(i, end)):
                result.unknown_place = _span_text(tokens, i, end)
                return


_NAME_TITLES = concepts.words("slots.name_titles")
_IDIOMS = concepts.words("slots.after_a_preposition_no_place")
_QUANTITIES = concepts.words("aggregates.several") | frozenset(lexicon.CARDINALS)
_HE_OR_SHE = concepts.words("slots.he_or_she")
_HERE = concepts.words("slots.here")
"""Norwegian "her" is "here": not the English pronoun in a Norwegian question."""


def _titled_name_before(tokens: list[Token], keys: list[str], result: Parse) -> None:
    """'A claim from a Professor Ola Berg, who says he is one of you. Which department is he in?': a
    name after a title, in a sentence before the question that asks about 'him', is the person asked
    about, and the knowledge has nobody of that name (its words may be everyday ones: berg, bjorn)."""
    if not any(keys[i] in _HE_OR_SHE and not (keys[i] in _HERE and result.language == "no") for i in result.asking):
        return
    named = {i for m in result.mentions if m.kind in (PERSON, FIRST_NAME, SURNAME) for i in range(m.start, m.end)}
    for i in range(1, len(keys) - 1):
        if keys[i - 1] not in _NAME_TITLES or i in result.asking:
            continue
        run = [j for j in range(i, min(i + 3, len(keys))) if tokens[j].original[:1].isupper() and keys[j].isalpha()]
        run = [j for n, j in enumerate(run) if j == i + n]
        if len(run) >= 2 and not any(j in named for j in run):
            result.unknown_name = _span_text(tokens, run[0], run[-1] + 1)
            return


def _unknown_name_run(tokens: list[Token], unknown: set[int], result: Parse) -> None:
    """'Is Ola Nordmann a member?': two or more capitalised words inside a sentence, none of them
    known, are a name the knowledge lacks (an institution's when one is a word like 'University')."""
    named = {i for m in result.mentions for i in range(m.start, m.end)}
    candidates = sorted(i for i in unknown if name_like(tokens[i], result) and i not in named)
    # "Is Per Due in the group?": a capitalised stopword inside a sentence is a name beside another name
    capitalised_stops = [t for t in tokens if t.original[:1].isupper() and t.key in lexicon.STOPWORDS]
    stops = {
        t.index
        for t in capitalised_stops
        if len(t.original) > 1
        and not t.is_upper
        and t.index in result.asking
        and t.index not in named
        and t.index not in result.sentence_starts
    }
    if stops and not result.mixed_case:
        stops = set()
    words = set(candidates) | stops
    for position in sorted(words):
        end = _run_end(position, words)
        if end - position >= 2 and any(i in candidates for i in range(position, end)):
            text = _span_text(tokens, position, end)
            if any(tokens[i].key in _INSTITUTION_WORDS for i in range(position, end)):
                result.unknown_place = text
            else:
                result.unknown_name = text
            return


def _name_run(keys: list[str], start: int, tokens: list[Token] | None = None) -> list[int]:
    """The positions of the name after a preposition: 'the University of X', 'Known-City Unknown Cluster'.

    With `tokens` from a question in mixed case, the name goes on only through capitalised
    words: in "who in Rome likes pizza" the name is "Rome".
    """
    while start < len(keys) and keys[start] in _DEFINITE:
        start += 1
    lowercase_start = tokens is not None and start < len(keys) and not tokens[start].original[:1].isupper()
    if lowercase_start and keys[start] not in lexicon.GENERIC_NAME_WORDS:
        return []  # "i huset", "at work": in mixed case, a name starts with a capital
    run: list[int] = []
    position = start
    while position < len(keys):
        key = keys[position]
        if key in lexicon.PLACE_PREPOSITIONS and not (run and key == "i"):
            break
        if key in _NAME_CONNECTORS and run and position + 1 < len(keys):
            following = keys[position + 1]
            if following not in lexicon.STOPWORDS and following not in ALL_CUE_WORDS - _ORG_KIND_KEYS:
                run.append(position)
                position += 1
                continue
        if key in lexicon.STOPWORDS or (key in ALL_CUE_WORDS and key not in _ORG_KIND_KEYS):
            break
        if key in lexicon.NEGATION_WORDS:
            break  # "på utenom <topic>": what follows a negation is excluded, not a place
        if run and tokens is not None and not tokens[position].original[:1].isupper():
            break
        run.append(position)
        position += 1
    return run


def _run_end(position: int, positions: set[int]) -> int:
    while position in positions:
        position += 1
    return position


def _span_text(tokens: list[Token], start: int, end: int) -> str:
    seen: list[str] = []
    for token in tokens[start:end]:
        if not seen or seen[-1] != token.original:
            seen.append(token.original)
    return " ".join(seen)
