"""Research themes: by number, by topic, and who to ask about one."""

from __future__ import annotations

from bot.answer import STATEMENTS, THEMES, Answer, Part
from bot.answering import compose, leads
from bot.answering.base import AnswerBase, explains_enough, notes, read_as, source
from bot.answering.retrieval import best, rank
from bot.knowledge.model import Theme
from bot.language import concepts, lexicon
from bot.language.phrases import join, say
from bot.language.text import stem
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.coverage import matched_positions, word_importance
from bot.understanding.index import ORG_PART
from bot.understanding.negation import negated_topic
from bot.understanding.parser import Parse
from bot.understanding.theme_numbers import LAST

_ABOUT = concepts.words("topics.about")


class ThemeAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _theme_by_number(self, p: Parse) -> Answer | None:
        if not p.theme_numbers or self._theme_is_a_condition(p):
            return None
        last = max((t.number for t in self.kb.themes), default=0)
        wanted = {last if n == LAST else n for n in p.theme_numbers}
        themes = [t for t in self.kb.themes if t.number in wanted]
        if not themes:
            numbers = ", ".join(str(t.number) for t in self.kb.themes)
            return self._not_known(p, f"{say('themes_all', p.language, count=len(self.kb.themes))} {numbers}.")
        return self._theme_answer(p, themes, 1.0)

    def _themes_asked(self, p: Parse) -> Answer | None:
        asked = [m for m in p.mentions if m.start in p.asking]  # "I am a professor. ...": the asker's
        in_names = [m for m in asked if self._a_theme_word_in_a_name(p, m)]  # "which theme deals with <X>?"
        asked = [m for m in asked if m not in in_names]
        named = [p.keys[i] for m in in_names for i in range(m.start, m.end)]
        if not p.has("themes") or (asked and not p.has("who")) or self._theme_is_a_condition(p):
            return None
        if asked and p.query is not None and not p.query.filters_of(q.THEME) and p.query.filters:
            # "which themes are the colleagues in <country> on?": those people's themes, not every theme
            people = self._selection(p).people
            if not people or not topics.links_people(self.index):
                return None
            return self._their_themes(p, tuple(sorted(people)))
        negated = negated_topic(p)
        if negated:  # "which themes are not about <topic>?": the themes the topic leaves
            others = self._themes_not_about(p, negated)
            if others is not None:
                return others
        # The question is about themes, so a weaker match of its words to one theme still decides.
        matching = best(
            rank(p.content + named, self._theme_docs, self.index, word_importance(p), translate=p.language != "en"),
            minimum=0.3,
        )
        if matching:
            return self._theme_answer(p, [s.item for s in matching], matching[0].score)
        if (p.unknown or not explains_enough(p)) and not p.has("project", "what"):
            return None
        asked = p.asking or set(range(len(p.keys)))
        if any(t.index in asked for t in p.unknown) and any(k in _ABOUT for i, k in enumerate(p.keys) if i in asked):
            return None  # "which theme is about <a topic nobody wrote down>?": not every theme
        themes = list(self.kb.themes)
        refs = tuple(compose.theme_ref(t) for t in themes)
        return Answer(
            p.text,
            "themes",
            True,
            say("themes_all", p.language, count=len(themes)),
            parts=(Part(THEMES, tuple(compose.theme_line(t, p.language) for t in themes), themes=refs),),
            themes=refs,
            confidence=0.95,
            sources=source(self.kb.project.url),
            language=p.language,
        )

    def _themes_not_about(self, p: Parse, negated: list[int], asks_people: bool = False) -> Answer | None:
        """The themes none of the negated topic's words match, when some do and some are left."""
        words = [p.keys[i] for i in negated]
        about = {s.item.id for s in rank(words, self._theme_docs, self.index, translate=p.language != "en")}
        others = [t for t in self.kb.themes if t.id not in about]
        if not about or not others:
            return None
        topic = " ".join(p.tokens[i].original for i in range(negated[0], negated[-1] + 1))
        headline = say("themes_not_about", p.language, topic=topic)
        return self._theme_answer(p, others, 0.9, asks_people, headline=headline)

    def _a_theme_word_in_a_name(self, p: Parse, mention) -> bool:
        """A word of an organisation's name that is a theme's word too ('<Language> University' and the
        theme on that language): asked of themes, it is the theme's."""
        if mention.kind != ORG_PART or p.has("who") or set(p.keys) & lexicon.EVERYONE_WORDS:
            return False  # "which themes involve people at <org>?": the organisation is a condition
        terms = set().union(*topics.theme_terms(self.index).values())
        return all(stem(p.keys[i]) in terms for i in range(mention.start, mention.end))

    def _themes_or_facts(self, p: Parse, asks_people: bool = False, themes_only: bool = False) -> Answer | None:
        """The theme or the page's statement that explains most of the question."""
        # The project's own name (say "kelp" for a kelp ecology lab) is the topic of
        # every statement, so it neither finds nor rules one out; theme titles may share its words.
        content = [k for k in p.content if k not in self._project_name_words | self._consortium_words]
        if not content or (p.how_to and not p.amount) or self._theme_is_a_condition(p):
            return None
        asked_content = any(p.keys[i] in p.content for i in p.asking)
        if p.has("project") and p.has("what") and not p.has("who") and not asked_content:
            return None  # "For my readers: what does the group research?": the words before are the asker's
        negated = negated_topic(p)
        if negated:  # "what do you work on besides <topic>?": the themes the topic leaves
            others = self._themes_not_about(p, negated, asks_people)
            if others is not None:
                return others
        importance = word_importance(p)
        # the project's (and its consortium's) own name is the topic of every statement, so it neither
        # finds nor rules one out (say "kelp" in a kelp ecology lab)
        topic_words = self._project_name_words | self._consortium_words
        about_the_project = {i for i, k in enumerate(p.keys) if k in topic_words}
        # "how much money ...?": an amount is a statement's, never a theme's
        # "how many <instruments> do we have?": a count is a statement's, never a theme's card
        themes = (
            []
            if p.amount or p.count
            else best(rank(p.content, self._theme_docs, self.index, importance, translate=p.language != "en"))
        )
        facts = (
            []
            if themes_only
            else best(
                rank(content, self._fact_docs, self.index, importance, translate=p.language != "en"), within=0.99
            )[:2]
        )
        asks_why = any(k in lexicon.WHY_WORDS for k in p.keys)  # a reason is a statement, not a theme
        if themes and (not facts or (themes[0].score >= facts[0].score and not asks_why)):
            explained = matched_positions(p, tuple(w for s in themes for w in s.matched)) | about_the_project
            if not explains_enough(p, explained, with_mentions=False):
                return None
            return self._theme_answer(p, [s.item for s in themes], themes[0].score, asks_people)
        if not facts:
            return None
        explained = matched_positions(p, tuple(w for s in facts for w in s.matched)) | about_the_project
        if not explains_enough(p, explained, with_mentions=False):
            return None
        lines = tuple(s.item.text for s in facts)
        named = leads.people_named_in(self._name_forms, lines)  # "..., administered by <name>": the answer names them
        return Answer(
            p.text,
            "facts",
            True,
            lines[0],
            parts=(Part(STATEMENTS, lines[1:], source=self.kb.project.url),) if len(lines) > 1 else (),
            people=tuple(compose.person_ref(self.kb, person, p.language) for person in named),
            confidence=facts[0].score,
            sources=source(self.kb.project.url),
            language=p.language,
        )

    def _theme_answer(
        self, p: Parse, themes: list[Theme], score: float, asks_people: bool = False, headline: str | None = None
    ) -> Answer:
        """Theme cards; asked who works on one the knowledge does not say, name the leader to ask."""
        cards: list[str] = []
        said: list[str] = []
        people_ids: set[str] = set()
        asks_people = asks_people or p.has("who")
        unlinked = False
        for theme in themes:
            if len(themes) > 1:
                cards.append(compose.theme_line(theme, p.language))
            if theme.summary:
                cards.append(theme.summary)
            members = self.index.people_by_theme.get(theme.id, set())
            people_ids |= members
            if members:
                names = [x.name for x in compose.people_sorted(self.index, members)]
                said.append(say("theme_people", p.language, names=join(names, p.language)))
            elif asks_people:
                unlinked = True
        leader = self.kb.people_by_id.get(self.kb.project.leader or "")
        if unlinked:
            said.append(say("theme_no_people", p.language))
            if leader is not None:
                said.append(say("ask_leader", p.language, name=leader.name))
                people_ids.add(leader.id)
        one = len(themes) == 1
        if headline is None:
            headline = compose.theme_line(themes[0], p.language) if one else say("themes_some", p.language)
        people = compose.people_sorted(self.index, people_ids)
        refs = tuple(compose.theme_ref(t) for t in themes)
        return Answer(
            p.text,
            "theme",
            True,
            headline,
            parts=(Part(THEMES, tuple(cards), themes=refs), *notes(*said, *read_as(p, self.index))),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in people),
            themes=refs,
            confidence=min(1.0, score) * (0.9 if p.corrections else 1.0),
            sources=tuple(dict.fromkeys(t.source for t in themes if t.source)),
            language=p.language,
        )
