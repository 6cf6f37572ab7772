"""Build the index (`index.py`) from a knowledge base, once per load: phrases, people by place,
role, title and theme, the vocabulary and word weights."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from bot.knowledge.model import KnowledgeBase, Person
from bot.language import lexicon
from bot.language.text import keys, stem, tokenize
from bot.understanding.cues import ALL_CUE_WORDS
from bot.understanding.index import (
    CITY,
    COUNTRY,
    FIRST_NAME,
    ORG,
    ORG_PART,
    PERSON,
    REGION,
    ROLE,
    SURNAME,
    TITLE,
    UNIT,
    Index,
    Target,
    _cue_words,
)


def build_index(kb: KnowledgeBase) -> Index:
    """Derive every look-up table from the knowledge base (done once per load)."""
    index = Index(kb=kb, person_order={p.id: n for n, p in enumerate(kb.people)})
    phrase_list: list[tuple[tuple[str, ...], Target]] = []
    domain = _domain_words(kb)

    _index_organisations(index, kb, phrase_list)
    _index_people(index, kb, phrase_list, domain)
    _index_places(index, kb, phrase_list)
    _index_roles(index, phrase_list)

    # first word -> phrase -> everything the phrase names (dict keys keep the order, dedupe targets)
    by_phrase: dict[str, dict[tuple[str, ...], dict[Target, None]]] = defaultdict(lambda: defaultdict(dict))
    for phrase, target in phrase_list:
        if phrase:
            by_phrase[phrase[0]][phrase][target] = None
    index.phrases = {
        first: sorted(((phrase, tuple(targets)) for phrase, targets in entries.items()), key=lambda e: -len(e[0]))
        for first, entries in by_phrase.items()
    }

    index.vocabulary = _vocabulary(kb) | {w for phrase, _ in phrase_list for w in phrase}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for word in sorted(index.vocabulary):
        if len(word) >= 10:
            by_prefix[word[:8]].append(word)
    index.long_words_by_prefix = {prefix: tuple(words) for prefix, words in by_prefix.items()}
    index.idf = _idf(kb)
    index.max_idf = max(index.idf.values(), default=1.0)
    names = {w for phrase, _ in phrase_list for w in phrase if len(w) >= 4 and not w.isdecimal()}
    names -= lexicon.STOPWORDS
    fuzzy = names | {w for w in _cue_words() if len(w) >= 4}
    fuzzy |= {w for w in index.vocabulary if len(w) >= 6 and not w.isdecimal()}
    fuzzy -= lexicon.STOPWORDS
    index.fuzzy_words = _by_length(fuzzy)
    index.fuzzy_names = _by_length(names)
    stems: dict[str, str] = {}
    # Inflections are looked for among common words only: a name in another form
    # (a city "Xen" is not a form of a surname "X") is never taken for a known name.
    common = {p[0] for p, t in phrase_list if len(p) == 1 and t.kind in (UNIT, TITLE, ROLE)}
    for word in sorted(common | _cue_words() | {w for w in lexicon.STOPWORDS if len(w) >= 5}):
        if len(word) >= 4 and not word.isdecimal():
            stems.setdefault(stem(word), word)
    index.stem_words = stems
    index.spelling = _spellings(kb)
    return index


def _spellings(kb: KnowledgeBase) -> dict[str, str]:
    """How the knowledge base writes each word ('malmo' -> 'Malmö'), to show corrections."""
    names = [p.name for p in kb.people] + [a for p in kb.people for a in p.aliases]
    for org in kb.organisations:
        names += [*org.all_names, org.city, *org.city_aliases, org.country]
    names += [t.title for t in kb.themes]
    names += [a.unit for p in kb.people for a in p.affiliations if a.unit]
    spelling: dict[str, str] = {}
    for name in names:
        for token in tokenize(name):
            if token.original.isalpha():
                spelling.setdefault(token.key, token.original)
    return spelling


def _by_length(words: set[str]) -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_length[len(word)].append(word)
    return dict(by_length)


def _domain_words(kb: KnowledgeBase) -> set[str]:
    """Words of the project's own description: too common here to single anyone out."""
    text = [kb.project.name, kb.project.summary, *(f.text for f in kb.project.facts)]
    if kb.project.name_no:
        text.append(kb.project.name_no)
    return {k for t in text for k in keys(t)}


def _index_organisations(index: Index, kb: KnowledgeBase, phrases: list) -> None:
    children: dict[str, list[str]] = defaultdict(list)
    for org in kb.organisations:
        if org.parent:
            children[org.parent].append(org.id)
    for org in kb.organisations:
        descendants, stack = set(), [org.id]
        while stack:
            current = stack.pop()
            if current in descendants:
                continue
            descendants.add(current)
            stack.extend(children.get(current, ()))
        index.org_descendants[org.id] = descendants

    city_keys = {k for org in kb.organisations for c in (org.city, *org.city_aliases) for k in keys(c)}
    for org in kb.organisations:
        for name in org.all_names:
            phrases.append((keys(name), Target(ORG, org.id)))
            core = tuple(k for k in keys(name) if k not in lexicon.GENERIC_NAME_WORDS)
            if core and core != keys(name) and not set(core) <= city_keys:
                phrases.append((core, Target(ORG_PART, org.id)))
            for word in core:
                if word not in city_keys and len(word) >= 4:
                    phrases.append(((word,), Target(ORG_PART, org.id)))


def _person_names(person: Person) -> list[tuple[str, ...]]:
    return [keys(n) for n in (person.name, *person.aliases) if keys(n)]


_CONNECTORS = ("of", "for")


def _connector_variants(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """'Institute for X' is also asked for as 'Institute of X'."""
    variants = [phrase]
    for n, word in enumerate(phrase):
        if word in _CONNECTORS:
            for other in _CONNECTORS:
                if other != word:
                    variants.append((*phrase[:n], other, *phrase[n + 1 :]))
    return variants


def _index_people(index: Index, kb: KnowledgeBase, phrases: list, domain: set[str]) -> None:
    orgs = kb.orgs_by_id
    by_org: dict[str, set[str]] = defaultdict(set)
    by_city: dict[str, set[str]] = defaultdict(set)
    by_country: dict[str, set[str]] = defaultdict(set)
    by_unit: dict[str, set[str]] = defaultdict(set)
    by_role: dict[str, set[str]] = defaultdict(set)
    by_title: dict[str, set[str]] = defaultdict(set)
    by_theme: dict[str, set[str]] = defaultdict(set)
    for person in kb.people:
        for name in _person_names(person):
            phrases.append((name, Target(PERSON, person.id)))
            words = [w for w in name if len(w) > 1]
            if len(words) >= 2:
                phrases.append(((words[0], words[-1]), Target(PERSON, person.id)))
                phrases.append(((words[0],), Target(FIRST_NAME, person.id)))
                surname = tuple(words[1:])
                phrases.append((surname, Target(SURNAME, person.id)))
                phrases.append(((words[-1],), Target(SURNAME, person.id)))
            elif words:
                phrases.append(((words[0],), Target(SURNAME, person.id)))
        by_role[person.role].add(person.id)
        for title in (person.title, person.title_no):
            for word in keys(title or ""):
                # leadership is a question of its own ("hvem leder gruppen?"), never a word of a title
                if (
                    word not in lexicon.STOPWORDS
                    and word not in domain
                    and len(word) >= 4
                    and word not in lexicon.LEADER_WORDS | lexicon.TITLE_MODIFIERS
                    and word not in lexicon.PROJECT_WORDS  # "Project Administrator": "in the project" is the group
                ):
                    by_title[word].add(person.id)
                    phrases.append(((word,), Target(TITLE, word)))
                    # "laboratorieledere": a long Norwegian title word's plurals. Not English "-s": "neurologists"
                    # would find the neurologist and miss the professor of neurology, a confident half answer
                    if len(word) >= 8 and title == person.title_no:
                        for plural in (word + "e", word + "er"):
                            if plural not in _KNOWN_WORDS:
                                phrases.append(((plural,), Target(TITLE, word)))
            for segment in (title or "").replace(",", ";").split(";"):
                words = keys(segment)  # "Associate Professor" as a whole, before "Professor" alone
                if len(words) >= 2 and words[1] in lexicon.ROMAN:  # "Professor II": a part-time position
                    words = words[:2]
                if 2 <= len(words) <= 4 and (words[0] in lexicon.TITLE_MODIFIERS or words[1] in lexicon.ROMAN):
                    by_title[" ".join(words)].add(person.id)
                    phrases.append((words, Target(TITLE, " ".join(words))))
                    plural = (*words[:-1], words[-1] + "s")
                    phrases.append((plural, Target(TITLE, " ".join(words))))
        for affiliation in person.affiliations:
            org = orgs[affiliation.org]
            by_org[org.id].add(person.id)
            by_city[org.city].add(person.id)
            by_country[lexicon.canonical_country(org.country)].add(person.id)
            for unit in (affiliation.unit, affiliation.unit_no):
                if not unit:
                    continue
                by_unit[unit].add(person.id)
                full = keys(unit)
                for variant in _connector_variants(full):
                    phrases.append((variant, Target(UNIT, unit)))
                core = tuple(k for k in full if k not in lexicon.GENERIC_NAME_WORDS)
                # A short form made only of words the group uses everywhere ("marine science" in a
                # marine-science group) names no unit: the full name still does.
                distinctive = any(k not in domain for k in core)
                if core and core != full and distinctive:
                    phrases.append((core, Target(UNIT, unit)))
                # without the leading "Department of": "haematology and oncology"
                start = next((n for n, k in enumerate(full) if k not in lexicon.GENERIC_NAME_WORDS), 0)
                if start > 0 and full[start:] != core and distinctive:
                    phrases.append((full[start:], Target(UNIT, unit)))
                for word in core:  # "Kelp Group" is not every "group" a question says
                    if word not in domain and len(word) >= 4 and word not in _cue_words():
                        phrases.append(((word,), Target(UNIT, unit)))
        for theme in person.themes:
            by_theme[theme].add(person.id)
    for theme in kb.themes:
        for person_id in theme.people:
            by_theme[theme.id].add(person_id)
    index.people_by_org = dict(by_org)
    index.people_by_city = dict(by_city)
    index.people_by_country = dict(by_country)
    index.people_by_unit = dict(by_unit)
    index.people_by_role = dict(by_role)
    index.people_by_title = dict(by_title)
    index.people_by_theme = dict(by_theme)


def _index_places(index: Index, kb: KnowledgeBase, phrases: list) -> None:
    for org in kb.organisations:
        for city in (org.city, *org.city_aliases):
            phrases.append((keys(city), Target(CITY, org.city)))
    for canonical, forms in lexicon.country_forms().items():
        for form in forms:
            phrases.append((form, Target(COUNTRY, canonical)))
    for region, forms in lexicon.REGIONS.items():
        for form in forms:
            phrases.append((form, Target(REGION, region)))
    host = kb.orgs_by_id.get(kb.project.host or "")
    if host is None and kb.project.leader in kb.people_by_id:
        leader = kb.people_by_id[kb.project.leader]
        host = kb.orgs_by_id.get(leader.affiliations[0].org)
    counted = Counter(a.org for p in kb.people for a in p.affiliations).most_common(1)
    if host is None and counted:
        host = kb.orgs_by_id[counted[0][0]]
    index.home_country = lexicon.canonical_country(host.country) if host else None


_KNOWN_WORDS = lexicon.STOPWORDS | ALL_CUE_WORDS | lexicon.ANY_ROLE_WORDS
"""Words a title's plural must not take over: "forskere" asks for people, whatever a title says."""


def _index_roles(index: Index, phrases: list) -> None:
    for role in index.people_by_role:
        words = set(lexicon.ROLE_SYNONYMS.get(role, frozenset()))
        role_keys = keys(role)
        words.add(" ".join(role_keys))
        index.role_words[role] = frozenset(words)
        phrases.append((role_keys, Target(ROLE, role)))
        for word in lexicon.ROLE_SYNONYMS.get(role, ()):
            if role != "leader":  # leadership is a question of its own, see the engine
                phrases.append(((word,), Target(ROLE, role)))
        if role_keys and not role_keys[-1].endswith("s"):  # "postdocs", "associate professors"
            phrases.append(((*role_keys[:-1], role_keys[-1] + "s"), Target(ROLE, role)))
        for phrase in lexicon.ROLE_PHRASES.get(" ".join(role_keys), ()):
            phrases.append((keys(phrase), Target(ROLE, role)))


def _vocabulary(kb: KnowledgeBase) -> set[str]:
    texts: list[str] = [kb.project.name, kb.project.summary, kb.project.name_no or ""]
    texts += [f.text + " " + " ".join(f.keywords) for f in kb.project.facts]
    if kb.project.consortium:
        c = kb.project.consortium
        texts += [c.name, c.name_no or "", c.short or "", c.summary or ""]
    for theme in kb.themes:
        texts += [theme.title, theme.title_no or "", theme.summary or "", *theme.keywords]
    for entry in kb.faq:
        texts += [*entry.questions]
    return {k for t in texts for k in keys(t)}


def _idf(kb: KnowledgeBase) -> dict[str, float]:
    """How rare each word stem is across the knowledge base's texts."""
    documents: list[set[str]] = []
    for theme in kb.themes:
        documents.append({stem(k) for k in keys(" ".join([theme.title, theme.title_no or "", *theme.keywords]))})
    for fact in kb.project.facts:
        documents.append({stem(k) for k in keys(fact.text + " " + " ".join(fact.keywords))})
    documents.append({stem(k) for k in keys(kb.project.summary + " " + kb.project.name)})
    counts: Counter[str] = Counter()
    for doc in documents:
        counts.update(doc)
    total = max(len(documents), 1)
    return {word: math.log(1 + total / count) for word, count in counts.items()}
