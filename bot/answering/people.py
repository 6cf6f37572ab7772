"""Lists of people: by place, organisation, unit, role and title, the leader, the consortium."""

from __future__ import annotations

from bot.answer import LINES, PEOPLE, Answer, Part
from bot.answering import compose
from bot.answering.base import AnswerBase, Selection, explains_enough, notes, read_as, uncertain
from bot.answering.retrieval import best, rank
from bot.answering.statements import asks_which_orgs
from bot.knowledge.model import Theme
from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary, is_very_common
from bot.language.phrases import join, say
from bot.language.text import fold, stem
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.coverage import coverage, left_out_words, left_over, matched_positions, word_importance
from bot.understanding.filters import filter_mentions
from bot.understanding.index import ORG, ORG_PART, ROLE, TITLE
from bot.understanding.parser import Parse


class PeopleAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _people_by_filters(self, p: Parse) -> Answer | None:
        mentions = filter_mentions(p)
        theme_filters = p.query.filters_of(q.THEME) if p.query is not None else []
        if theme_filters and p.has("leader") and not self._leader_word_in_a_theme(p) and not p.has("work"):
            return None  # "who leads the <topic> group?": a leader, never the theme's people
        if self._theme_is_a_condition(p) and explains_enough(p):
            return self._people_list(p, self._selection(p))
        if theme_filters and len(p.query.filters) == 1 and explains_enough(p):  # "who works on <topic>?"
            numbers = {t.number for t in self.kb.themes for v in theme_filters[0].values if v.id == t.id}
            return self._theme_answer(p, [t for t in self.kb.themes if t.number in numbers], 0.95, asks_people=True)
        leader_asked = p.has("leader") and not self._leader_word_in_a_theme(p)
        if leader_asked and mentions and not any(m.kind == ROLE for m in mentions) and not _leader_left_out(p):
            return self._leader_elsewhere(p)
        names_people = any(
            m.kind in (ROLE, TITLE) for m in mentions
        )  # "collaborators in X?", "pathologist in the grp?"
        asks_people = p.has("who") or names_people or (p.has("work") and not p.has("what")) or topics.which_ones(p.keys)
        names_only = not p.unknown and not p.content and not p.has("project", "themes")
        if not (mentions or p.has("abroad") or p.org_kinds):
            return None
        if p.query is not None and not p.query.filters and all(m.start not in p.asking for m in mentions):
            return None  # "Our faculty in <city> is interested in <topic>. Who works on that?": not everyone
        # A bare organisation name (one word, no question) gets the organisation's card, people included.
        bare_org = bool(mentions) and all(m.kind in (ORG, ORG_PART) for m in mentions)
        if (p.has("orgs") and not asks_people) or (asks_which_orgs(p) and not p.has("who")):
            return None  # "which hospitals?", "hvilke sykehus deltar?": organisations, not people
        if not explains_enough(p):
            return None  # "who in <city> plays football?": more is asked than a place
        consortium = not p.has("who") and self._mentions_consortium(p) and left_over(p)
        if consortium and coverage(p, self._consortium_text_positions(p)) > coverage(p):
            return None  # "does the group collaborate with <the consortium's funder>?": the consortium's card
        asked_leftover = [i for i in left_over(p) if i in p.asking and not is_very_common(p.keys[i])]
        if not _filters_asked(p, mentions) and asked_leftover:
            return None  # the places are context; the question asks about something else (a theme?)
        if asked_leftover and _asks_what(p) and not p.has("who") and not topics.which_ones(p.keys):
            return None  # "what is the salary of a postdoc?": something of the role is asked, not who has it
        if not _filters_asked(p, mentions) and p.has("project") and p.has("what") and not p.has("who"):
            return None  # "For my readers: what does the group research?": the group is asked about

        if asks_people or (names_only and not bare_org):
            return self._people_list(p, self._selection(p))
        return None

    def _theme_leader(self, p: Parse) -> Answer | None:
        """'who leads theme 2?', 'hvem leder <emne>-temaet?': the theme's leader, which its texts name, or none."""
        if not p.has("leader") or self._leader_word_in_a_theme(p) or _leader_left_out(p) or p.query is None:
            return None
        theme_ids = [v.id for f in p.query.filters_of(q.THEME) if not f.negated for v in f.values]
        # "who leads the work on <topic>?", "who leads the part about <topic>?"
        about_it = any(p.keys[i] in _ABOUT for i in p.asking) and not p.query.filters
        work_on_it = p.has("work", "project") or about_it
        if not theme_ids and work_on_it and (about_it or not topics.links_people(self.index)):
            theme_ids = self._the_theme_about(p)  # no theme read as a condition: the theme its words name
        work_on_it = bool(theme_ids) and work_on_it
        if _topic_names_the_group(p, self._project_name_words):
            return None  # "who leads this <topic> group?": the group's leader
        if work_on_it and not (p.has("themes") or p.theme_numbers):
            noted = self._person_by_note(p)  # "who leads the work on <topic>?": a note may say who
            if noted is not None:
                return noted
        if not (p.has("themes") or p.theme_numbers or work_on_it):
            return None  # "who runs the <instrument> on <island>?": a keyword of a theme is not the theme asked of
        theme_ids += [t.id for t in self.kb.themes if t.number in p.query.themes and t.id not in theme_ids]
        # "theme 3 lead", "who leads the <topic> theme?", "who is the leader for the <topic> theme?"
        leader_role = [f for f in p.query.filters_of(q.ROLE) if {v.id for v in f.values} <= self._leader_roles]
        others = [f for f in p.query.filters if f.family != q.THEME and f not in leader_role]
        numbers = {t.number for t in self.kb.themes}
        asked = [*p.theme_numbers, *p.query.themes, *(int(k) for k in p.keys if k.isdecimal() and len(k) <= 2)]
        missing = [n for n in asked if n not in numbers]
        if missing:  # "who leads theme 9?", "theme 0"
            headline = say("no_theme_number", p.language, number=missing[0], count=len(self.kb.themes))
            return self._not_known(p, headline)
        each = bool(set(p.keys) & _EACH)  # "hvem leder hvert tema?"
        if not theme_ids and not others and (each or (not p.content and not p.unknown)):  # "who are the theme leaders?"
            return self._all_theme_leaders(p)
        if len(theme_ids) != 1 or others:
            return None
        return self._theme_leader_answer(p, next(t for t in self.kb.themes if t.id == theme_ids[0]))

    def _leads_a_thing_the_knowledge_has(self, p: Parse) -> bool:
        """'who runs the <thing>?': the words left over name something a fact or a note is about."""
        named = self._consortium_words | self._project_name_words
        thing = [p.keys[i] for i in left_over(p) if i in p.asking and not is_very_common(p.keys[i])]
        thing = [k for k in thing if k not in named]
        if not thing:
            return False
        docs = self._fact_docs + self._note_docs
        found = best(rank(thing, docs, self.index, translate=p.language != "en"), minimum=THING_FOUND)
        return bool(found)

    def _the_theme_about(self, p: Parse) -> list[str]:
        """The one theme the question's words name, as a theme's card would be found for them."""
        found = best(rank(p.content, self._theme_docs, self.index, word_importance(p), translate=p.language != "en"))
        if len(found) != 1 or found[0].score < THEME_NAMED:
            return []
        explained = matched_positions(p, found[0].matched)
        return [found[0].item.id] if explains_enough(p, explained, with_mentions=False) else []

    def _all_theme_leaders(self, p: Parse) -> Answer:
        """Each theme with its leader(s), where its texts name them."""
        led = [(t, compose.people_sorted(self.index, set(self._theme_leaders.get(t.id, ())))) for t in self.kb.themes]
        led = [(t, leaders) for t, leaders in led if leaders]
        if not led:
            return self._not_known(p, say("dont_know_leader", p.language, where=say("the_themes", p.language)))
        people = list(dict.fromkeys(person for _, leaders in led for person in leaders))
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in people)
        lines = tuple(
            f"{compose.theme_line(t, p.language)}: {join([x.name for x in leaders], p.language)}" for t, leaders in led
        )
        return Answer(
            p.text,
            "leader",
            True,
            say("theme_leaders", p.language),
            parts=(Part(LINES, lines, people=refs),),
            people=refs,
            themes=tuple(compose.theme_ref(t) for t, _ in led),
            confidence=0.9,
            language=p.language,
        )

    def _theme_leader_answer(self, p: Parse, theme: Theme) -> Answer:
        """The theme's leader(s), or "the knowledge base does not say who leads theme N"."""
        named = f"{say('theme_word', p.language)} {theme.number}"
        leaders = compose.people_sorted(self.index, set(self._theme_leaders.get(theme.id, ())))
        if not leaders:
            ask = say("who_works", p.language, where=named)
            return self._not_known(p, say("dont_know_leader", p.language, where=named), (ask,))
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in leaders)
        title = compose.theme_line(theme, p.language)
        return Answer(
            p.text,
            "leader",
            True,
            say("theme_leader", p.language, name=join([r.name for r in refs], p.language), theme=title),
            parts=tuple(
                self._card(person, ref, p.language, with_name=len(refs) > 1)
                for person, ref in zip(leaders, refs, strict=True)
            ),
            people=refs,
            themes=(compose.theme_ref(theme),),
            confidence=0.9,
            language=p.language,
        )

    def _leader(self, p: Parse) -> Answer | None:
        if _leader_left_out(p) or self._leader_word_in_a_theme(p):
            return None  # "everyone at <place> except the leader" asks for the others
        topic_is_the_group = _topic_names_the_group(p, self._project_name_words)
        if p.query is not None and p.query.filters_of(q.THEME) and not topic_is_the_group:
            return None  # "who runs the <instrument of a theme>?": something in the group, not the group
        filters = [m for m in filter_mentions(p) if not (m.kind == ROLE and m.targets[0].value in self._leader_roles)]
        if not (p.has("leader") or len(filters) < len(filter_mentions(p))) or filters or p.unknown_place:
            return None
        if (p.unknown or not explains_enough(p)) and not (p.has("who") or p.has("project")):
            return None
        if not p.has("project") and self._leads_a_thing_the_knowledge_has(p):
            return None  # "who runs the <thing>?", "hvem styrer <tingen>?": something's, not the group's
        leaders = [self.kb.people_by_id[self.kb.project.leader]] if self.kb.project.leader else []
        if not leaders:
            leaders = compose.people_sorted(self.index, self.index.people_by_role.get("leader", set()))
        if not leaders:
            return None
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in leaders)
        cards = tuple(
            self._card(person, ref, p.language, with_name=len(refs) > 1)
            for person, ref in zip(leaders, refs, strict=True)
        )
        return Answer(
            p.text,
            "leader",
            True,
            say("leader", p.language, name=join([r.name for r in refs], p.language)),
            parts=cards,
            people=refs,
            confidence=0.95 if not p.unknown else 0.75,
            sources=tuple(dict.fromkeys(r.url for r in refs if r.url)),
            language=p.language,
        )

    def _leader_elsewhere(self, p: Parse) -> Answer:
        """'Who leads at X': the knowledge names one leader; say so rather than list X's people as leaders."""
        selection = self._selection(p)
        leaders = selection.people & self.index.people_by_role.get("leader", set())
        if self.kb.project.leader in selection.people:
            leaders.add(self.kb.project.leader)
        where = self._describe(selection, p.language)
        if leaders:
            return self._people_list(p, Selection(leaders, selection.query))
        ask = say("who_works", p.language, where=where)
        return self._not_known(p, say("dont_know_leader", p.language, where=where), (ask,))

    def _consortium_people(self, p: Parse) -> Answer | None:
        named = self._consortium_name_positions(p)  # its name is what the people reading filters by
        if not self._mentions_consortium(p) or not p.has("who") or not explains_enough(p, named):
            return None
        # "who funds the consortium?": its own text explains more of the question than a list of people
        if left_over(p, named) and coverage(p, self._consortium_text_positions(p)) > coverage(p, named):
            return None
        return self._people_list(p, self._selection(p, consortium=True))

    def _everyone(self, p: Parse) -> Answer | None:
        if not p.has("who") or p.unknown or p.mentions or p.how_to or not explains_enough(p):
            return None
        if not (p.has("project") or any(k in lexicon.EVERYONE_WORDS for k in p.keys)):
            return None  # a bare "who?", "who is it?": nothing says everybody
        if any(i in p.asking and not is_very_common(p.keys[i]) for i in left_over(p)):
            return None  # "who funds the group?": asks who does something the knowledge does not hold
        selection = self._selection(p)
        return self._people_list(p, selection)

    def _people_list(self, p: Parse, selection: Selection) -> Answer:
        unread = unread_topic(p, self.index.vocabulary)
        if unread:  # "which PhD students work on <a topic nobody wrote down>?": never all the PhD students
            return self._not_known(
                p, say("dont_know_topic", p.language, words=unread), (say("example_themes", p.language),)
            )
        people = compose.people_sorted(self.index, selection.people)
        where = self._describe(selection, p.language)
        if not people:
            noun = compose.role_noun(selection.roles, 1, p.language) if selection.roles else ""
            who = say("any_role" if noun else "anyone", p.language, role=noun)
            return self._not_known(
                p,
                say("nobody_matches", p.language, who=who, where=where or say("the_group", p.language)),
                (),
            )
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in people)
        if selection.is_empty:
            headline = say("everyone", p.language, count=len(refs))
        else:
            noun = compose.role_noun(selection.roles, len(refs), p.language)
            headline = say("people_found", p.language, count=len(refs), people=noun, where=where)
            headline = " ".join(headline.split()).replace(" :", ":")
        confidence = self._selection_confidence(p, selection)
        left_out = left_out_words(p)
        if left_out:  # named, never silently dropped
            confidence *= 0.8
        noted = ""
        if left_out:  # words of the knowledge's own texts are held, only not in this answer: never say otherwise
            held = any(fold(w) in self.index.vocabulary for w in left_out)
            noted = say(
                "left_out_held" if held else "left_out",
                p.language,
                words=join([f"'{w}'" for w in left_out], p.language),
            )
        return Answer(
            p.text,
            "people",
            True,
            headline,
            parts=(
                Part(PEOPLE, tuple(compose.person_line(r) for r in refs), people=refs),
                *notes(*read_as(p, self.index), noted),
            ),
            people=refs,
            confidence=confidence,
            suggestions=uncertain(p, confidence),
            language=p.language,
        )


_KIND_WORDS = lexicon.ANY_ORG_KIND_WORDS | lexicon.ABROAD_WORDS | lexicon.HOME_WORDS


_THERE = concepts.words("people.there")


_GROUP_NOUNS = concepts.words("people.group_nouns")
_ABOUT = concepts.words("topics.about")
_WHAT = concepts.words("people.what")
"""'what', 'hva', not 'which': "what is the <thing> of a <role>?" asks a thing, "which <role>s …?" people."""


def _asks_what(p: Parse) -> bool:
    """'what is the <thing> of a <role>?'; not 'what PhD students …?', which asks for them."""
    roles = {m.start for m in p.mentions if m.kind in (ROLE, TITLE)}
    return any(p.keys[i] in _WHAT and i + 1 not in roles for i in p.asking)


_THIS_GROUP = concepts.words("people.this_group")
_EACH = concepts.words("followup_words.each")


def _topic_names_the_group(p: Parse, project_words: frozenset[str]) -> bool:
    """'this <topic> group', 'your <topic> team', or 'the <words of the project's own name> group': a
    theme's words right before 'group' name the group itself ('the <topic> group' may be one of its
    theme groups, whose leader is asked)."""
    on_theme = p.memo.get("theme_positions", frozenset())
    ends = [i for i in on_theme if i + 1 not in on_theme]
    starts = [i for i in on_theme if i - 1 not in on_theme]
    if not ends or not all(i + 1 < len(p.keys) and p.keys[i + 1] in _GROUP_NOUNS for i in ends):
        return False
    this_group = all(i > 0 and p.keys[i - 1] in _THIS_GROUP for i in starts)
    own = {stem(w) for w in project_words}
    return this_group or all(stem(p.keys[i]) in own for i in on_theme)


THING_FOUND = 0.75
"""How much of what is asked of 'who runs <a thing>?' a fact or a note must name for it to be that thing's."""
THEME_NAMED = 0.9
"""How well a theme's words must match the question's for 'who leads the work on <topic>?' to name it."""


def _filters_asked(p: Parse, mentions: list) -> bool:
    """Whether the sentence that asks names a place, kind of place, unit, role or title itself."""
    # "… in <city> next month. Anyone there I could meet?": "there" is the place named before
    there = any(k in _THERE and i in p.asking for i, k in enumerate(p.keys))
    return (
        there
        or any(m.start in p.asking for m in mentions)
        or any(k in _KIND_WORDS and i in p.asking for i, k in enumerate(p.keys))
    )


_WORKS = lexicon.WORK_WORDS
_RESEARCHES = concepts.words("people.researches")
_THROUGH = concepts.words("people.between_a_verb_and_its_topic")
_ON = concepts.words("people.on")
_FILLERS = concepts.words("people.fillers")


def unread_topic(p: Parse, vocabulary: set[str] | frozenset[str]) -> str:
    """The words after 'works on' / 'jobber med' / 'researches' that nothing in the knowledge explains:
    the topic asked about, which an answer may not silently drop ('' when there are none)."""
    keys = p.keys
    unexplained = set(left_over(p))
    for n, key in enumerate(keys):
        if n not in p.asking or not (key in _WORKS or key in _RESEARCHES):
            continue
        on = n + 1 < len(keys) and keys[n + 1] in _ON
        if not on and key not in _RESEARCHES:
            continue  # "works solely at <place>": a place follows, not a topic
        start = n + 1 + on
        words = []
        for position in range(start, min(start + 6, len(keys))):
            word = keys[position]
            if word in _THROUGH:
                continue  # "<topic> and <topic>", "the weekend": the topic goes on
            if word in lexicon.STOPWORDS or position not in p.asking:
                break
            known = word in vocabulary or word[:-1] in vocabulary  # '<ABC>s' for a keyword '<ABC>'
            typed = p.tokens[position].key  # 'kreftforskning' read as its last word 'forskning': not that
            read_as_its_tail = (
                len(typed) > len(word) + 2
                and typed not in vocabulary
                and not is_ordinary(typed)
                and position not in p.memo.get("theme_positions", frozenset())  # a theme read it as typed
            )
            unread = position in unexplained and not known and not is_very_common(word) and word not in _FILLERS
            if unread or read_as_its_tail:
                words.append(p.tokens[position].original)
        if words:
            return " ".join(words)
    return ""


def _leader_left_out(p: Parse) -> bool:
    """'who at <place>, except the leader?': a role left out, so the leader is not what is asked."""
    return p.query is not None and any(f.negated and f.family == q.ROLE for f in p.query.filters)
