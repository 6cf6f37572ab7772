"""The project, the consortium and the organisations: the knowledge's own statements."""

from __future__ import annotations

from bot.answer import LINES, STATEMENTS, THEMES, Answer, Part
from bot.answering import compose
from bot.answering.base import AnswerBase, explains_enough, notes, source
from bot.answering.retrieval import Scored, best, fact_words, rank
from bot.knowledge.model import Fact, Organisation
from bot.language import concepts, lexicon
from bot.language.ordinary import is_very_common
from bot.language.phrases import join, say
from bot.language.text import stem
from bot.understanding import query as q
from bot.understanding.coverage import left_out_words, left_over, matched_positions, thing_asked_of, word_importance
from bot.understanding.cues import ALL_CUE_WORDS, ATTRIBUTE_WORDS
from bot.understanding.filters import filter_mentions
from bot.understanding.index import CITY, COUNTRY, ORG, ORG_PART, REGION, ROLE
from bot.understanding.parser import Parse
from bot.understanding.sentences import refers_back

_OWN = concepts.words("statements.own")
_WHEN = concepts.words("statements.when")
# Role words that are verbs: "which hospitals take part / samarbeider" asks for no role.
_ROLE_VERBS = concepts.words("statements.role_verbs")
_WHICH = concepts.words("statements.which")
_ONE_INSTITUTION = concepts.words("statements.one_institution")
_PART_OF = concepts.words("statements.part_of")
# A person's attributes that a group does not have: "the lab's phone number" asks what the knowledge lacks.
_NOT_THE_GROUPS = frozenset().union(*(ATTRIBUTE_WORDS[a] for a in ("email", "phone", "age", "office"))) - ALL_CUE_WORDS


class StatementAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _consortium(self, p: Parse, about_it: bool = False) -> Answer | None:
        """The consortium's card; `about_it` when a follow-up's 'it' is the consortium."""
        consortium = self.kb.project.consortium
        if consortium is None or not (about_it or self._mentions_consortium(p)) or len(p.unknown) > 1:
            return None
        explained = self._consortium_text_positions(p)
        if about_it:  # "until when?": the follow-up's few words are about it, whatever they are
            explained |= {i for i, k in enumerate(p.keys) if is_very_common(k)}
        if not explains_enough(p, explained):
            return None
        facts = best(
            rank(p.content, self._fact_docs, self.index, word_importance(p), translate=p.language != "en"), within=0.99
        )
        if facts and (
            len(matched_positions(p, facts[0].matched)) >= len(explained)
            or len(self._fact_positions(p, facts[0], explained)) > len(explained)
        ):
            return None  # a sentence of the page says more of what is asked: see _themes_or_facts
        name = consortium.name
        if consortium.short:
            name = f"{name} ({consortium.short})"
        parts = [*notes(consortium.name_no or "")]
        if consortium.summary:
            parts.append(Part(STATEMENTS, (consortium.summary,), source=consortium.url))
        members = [self.kb.orgs_by_id[m] for m in consortium.members if m in self.kb.orgs_by_id]
        if members:
            names = join([compose.org_name(m, p.language) for m in members], p.language)
            parts.append(Part(LINES, (say("consortium_members", p.language, names=names),)))
        return Answer(
            p.text,
            "consortium",
            True,
            name,
            parts=tuple(parts),
            organisations=tuple(compose.org_ref(m) for m in members),
            confidence=0.95,
            sources=source(consortium.url),
            language=p.language,
        )

    def _project(self, p: Parse) -> Answer | None:
        names_topic = bool(p.content) and all(k in self._project_name_words for k in p.content)
        naming = any(k in lexicon.NAMING_WORDS for k in p.keys)
        filters = [m for m in filter_mentions(p) if not (naming and p.keys[m.start] in lexicon.LANGUAGE_WORDS)]
        if not any(refers_back(p.keys, i, p.sentence_starts) for i in p.asking if p.keys[i] in lexicon.THERE_WORDS):
            # "I'm a student from <country>. What does the group research?": the place is the asker's
            filters = [m for m in filters if m.start in p.asking]
        if not (p.has("project") or names_topic) or p.unknown or filters or p.how_to or asks_which_orgs(p):
            return None
        if p.count:
            return None  # "how many sequencing runs does the lab do?": the overview counts nothing
        if not explains_enough(p):
            return None
        if p.has("who") and not p.has("what") and not p.content:
            return None  # "who is in the project?": the people, see _everyone
        thing = self._thing_not_held(p)
        if thing:  # "when is the group's weekly meeting?": the group is named, the meeting is not known
            return self._not_known(p, say("dont_know_thing", p.language, thing=thing))
        if any(p.keys[i] in _WHEN for i in p.asking):  # "when does the lab meet?": the overview has no dates
            said = left_out_words(p)
            return self._not_known(p, say("dont_know_thing", p.language, thing=" ".join(said))) if said else None
        if p.has("who") and not p.has("what") and any(i in p.asking for i in left_over(p)):
            return None  # "who funds the group?": the overview names no one who does that
        project = self.kb.project
        name = project.name_no if p.language == "no" and project.name_no else project.name
        other_name = project.name if name != project.name else project.name_no
        themes = tuple(compose.theme_ref(t) for t in self.kb.themes)
        parts = [
            *notes(say("also_called", p.language, name=other_name) if other_name else ""),
            Part(STATEMENTS, (project.summary,), source=project.url),
            *notes(say("project_themes", p.language)),
            Part(THEMES, tuple(compose.theme_line(t, p.language) for t in self.kb.themes), themes=themes),
        ]
        people = ()
        if project.leader:
            leader = self.kb.people_by_id[project.leader]
            parts += notes(say("leader_line", p.language, name=leader.name))
            people = (compose.person_ref(self.kb, leader, p.language),)
        return Answer(
            p.text,
            "project",
            True,
            name,
            parts=tuple(parts),
            people=people,
            themes=themes,
            confidence=0.9,
            sources=source(project.url),
            language=p.language,
        )

    def _host(self, p: Parse) -> Answer | None:
        """'Which institution hosts the project?': the organisation the knowledge names as its host.
        The consortium's own card says who hosts it; a named person or place is another question."""
        if self._asks_host(p) is None or p.mentions or p.unknown or self._mentions_consortium(p):
            return None
        return self._host_answer(p)

    def _asks_host(self, p: Parse) -> int | None:
        """Where the question asks for a host of the project ('hosts the project', 'vertskap for gruppa',
        'who is the host?'), not someone's own host ('my host is on leave')."""
        if self.kb.project.host not in self.kb.orgs_by_id:
            return None
        if lexicon.HOST_WORDS.isdisjoint(p.keys) and not any(t.key in lexicon.HOST_WORDS for t in p.tokens):
            return self._asks_where_project_is(p)
        typed = [t.key for t in p.tokens]
        for position in sorted(p.asking):
            if not (p.keys[position] in lexicon.HOST_WORDS or typed[position] in lexicon.HOST_WORDS):
                continue
            if position > 0 and p.keys[position - 1] in _OWN:
                return None
            rest = [i for i in left_over(p) if i != position and i in p.asking and not is_very_common(p.keys[i])]
            return position if p.has("project") or not rest else None
        return None

    def _asks_where_project_is(self, p: Parse) -> int | None:
        """'Where is the group based?', 'which university is the project part of?', 'hvor holder gruppa
        til?': the project is the subject, and where it is (one institution) is all that is asked."""
        if not p.has("project") or p.has("who", "leader", "themes") or p.count or p.mentions or p.unknown:
            return None  # "who leads the group, and which department is she in?" asks about her
        asked = None
        for position in sorted(p.asking):
            key = p.keys[position]
            if key in lexicon.WHERE_WORDS:
                asked = position
            elif key in _ONE_INSTITUTION and position > 0 and p.keys[position - 1] in _WHICH:
                asked = position  # "which university", not "which hospitals"
        if asked is None or not self._host_is_the_kind_asked(p):
            return None
        if any(k in _NOT_THE_GROUPS for k in p.keys):
            return None  # "where is the group's office?": a place the knowledge does not hold
        rest = [i for i in left_over(p) if i in p.asking and p.keys[i] not in _PART_OF]  # not "where can I read …"
        return asked if not rest else None

    def _host_is_the_kind_asked(self, p: Parse) -> bool:
        """'Which hospital is the group part of?' is not answered by a university host."""
        asked_kinds = {kind for kind, words in lexicon.ORG_KIND_WORDS.items() if not words.isdisjoint(p.keys)}
        if not asked_kinds:
            return True
        return self.index.org_kind(self.kb.orgs_by_id[self.kb.project.host or ""]) in asked_kinds

    def _host_answer(self, p: Parse) -> Answer:
        project = self.kb.project
        org = self.kb.orgs_by_id[project.host or ""]
        host = compose.org_name(org, p.language)
        short = next((a for a in org.aliases if a.isupper() and 2 <= len(a) <= 6), None)
        if short and short not in host:  # "... hosted by <University name> (NTNU)": the name people use too
            host = f"{host} ({short})"
        if project.host_unit:
            host = f"{host} ({project.host_unit})"
        name = project.name_no if p.language == "no" and project.name_no else project.name
        return Answer(
            p.text,
            "project",
            True,
            say("hosted_by", p.language, project=name, host=host),
            parts=(Part(LINES, (compose.org_place_line(org, p.language),)),),
            organisations=(compose.org_ref(org),),
            confidence=0.9,
            sources=source(project.url),
            language=p.language,
        )

    def _fact_positions(self, p: Parse, fact: Scored, named: set[int]) -> set[int]:
        """The question's words a ranked fact explains: those it matched, and the consortium's name
        where the fact names the consortium too ('... in the portfolio of <the consortium>')."""
        words = fact_words(fact.item) if isinstance(fact.item, Fact) else set()
        return matched_positions(p, fact.matched) | {i for i in named if stem(p.keys[i]) in words}

    def _thing_not_held(self, p: Parse) -> str | None:
        """What the question asks of the group that nothing in the knowledge explains ('its wifi password')."""
        unexplained = set(left_over(p)) | {i for i, k in enumerate(p.keys) if k in _NOT_THE_GROUPS}
        unexplained = {i for i in unexplained if p.keys[i] not in lexicon.PROJECT_CARD_WORDS}  # its web page, summary
        if not unexplained:
            return None
        thing = thing_asked_of(p, lambda k: k in lexicon.PROJECT_WORDS or k in self._project_name_words, unexplained)
        attributes = [i for i in p.asking if p.keys[i] in _NOT_THE_GROUPS]
        if thing or not attributes:
            return thing
        # "which room is the weekly lab meeting in?": a room, a phone number is asked, and the overview has none
        return " ".join(left_out_words(p)) or p.tokens[attributes[0]].original

    def _organisation(self, p: Parse) -> Answer | None:
        orgs = [m for m in p.mentions if m.kind in (ORG, ORG_PART)]
        if not orgs or p.unknown or len(orgs) != len(filter_mentions(p)) or not explains_enough(p):
            return None
        found = [self.kb.orgs_by_id[t.value] for mention in orgs for t in mention.targets]
        return self._organisation_answer(p, found, 0.9 * min(m.score for m in orgs))

    def _organisation_answer(self, p: Parse, orgs: list[Organisation], confidence: float) -> Answer:
        """Each organisation's card: where it is, and who of the group is there."""
        lines: list[str] = []
        refs = []
        people_ids: set[str] = set()
        for org in orgs:
            refs.append(compose.org_ref(org))
            members = self.index.people_in_orgs([org.id])
            people_ids |= members
            names = [x.name for x in compose.people_sorted(self.index, members)]
            country = compose.country_name(org.country, p.language)
            lines.append(f"{compose.org_label(self.kb, org, p.language)}: {org.city}, {country}")
            names_text = join(names, p.language) or say("no_one_listed", p.language)
            lines.append(say("org_people", p.language, names=names_text))
        people = compose.people_sorted(self.index, people_ids)
        return Answer(
            p.text,
            "organisation",
            True,
            lines[0],
            parts=(Part(LINES, tuple(lines[1:])),),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in people),
            organisations=tuple(refs),
            confidence=confidence,
            language=p.language,
        )

    def _organisations(self, p: Parse) -> Answer | None:
        if not (p.has("orgs") or asks_which_orgs(p)) or p.unknown or p.how_to or not explains_enough(p):
            return None
        orgs = [o for o in self._orgs_with_people() if all(self.index.org_kind(o) == k for k in p.org_kinds)]
        if p.query is not None and not asks_which_orgs(p):
            # "any Swedish partners?": the place the question names holds for the list too
            places = p.query.filters_of(q.PLACE)  # "outside Norway": a negated place leaves its organisations out
            orgs = [o for o in orgs if all(any(_org_at(o, v) for v in f.values) != f.negated for f in places)]
            if not orgs:
                return None
        if asks_which_orgs(p):  # "which Norwegian hospitals ...?", "which universities in Sweden ...?"
            if p.query is not None:  # "which universities in Sweden ...?", "which universities are not in Norway?"
                places = [
                    f for f in p.query.filters_of(q.PLACE) if all(v.kind in (CITY, COUNTRY, REGION) for v in f.values)
                ]
                orgs = [o for o in orgs if all(any(_org_at(o, v) for v in f.values) != f.negated for f in places)]
            roles = {
                t.value
                for m in filter_mentions(p)
                if m.kind == ROLE and p.keys[m.start] not in _ROLE_VERBS
                for t in m.targets
            }
            if roles:  # "which hospitals have collaborators?"
                with_role = set().union(*(self.index.people_by_role.get(r, set()) for r in roles))
                orgs = [o for o in orgs if self.index.people_in_orgs([o.id]) & with_role]
            home = self.index.home_country
            if home and p.has("abroad"):  # "which hospitals abroad ...?"
                orgs = [o for o in orgs if lexicon.canonical_country(o.country) != home]
            elif home and p.has("home"):
                orgs = [o for o in orgs if lexicon.canonical_country(o.country) == home]
        lines = []
        named: set[str] = set()
        for org in orgs:
            members = self.index.people_in_orgs([org.id])
            named |= members
            names = [x.name for x in compose.people_sorted(self.index, members)]
            place = f"{org.city}, {compose.country_name(org.country, p.language)}"
            lines.append(f"{compose.org_name(org, p.language)} ({place}): {join(names, p.language)}")
        return Answer(
            p.text,
            "organisations",
            True,
            say("orgs", p.language, count=len(orgs)),
            parts=(Part(LINES, tuple(lines)),),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in compose.people_sorted(self.index, named)),
            organisations=tuple(compose.org_ref(o) for o in orgs),
            confidence=0.85,
            language=p.language,
        )


def asks_which_orgs(p: Parse) -> bool:
    """'Which hospitals are in the project?', 'hvilke norske sykehus er med?': the organisations of a
    kind are asked for (a place-adjective may stand between), not the people there."""
    keys = p.keys
    named = {i for m in p.mentions if m.kind in (CITY, COUNTRY) for i in range(m.start, m.end)}
    for n, key in enumerate(keys):
        if key not in _WHICH or n not in p.asking:
            continue
        following = [
            i
            for i in range(n + 1, min(n + 4, len(keys)))
            if i not in named and keys[i] not in lexicon.ABROAD_WORDS | lexicon.HOME_WORDS
        ]
        if following and (
            keys[following[0]] in lexicon.ANY_ORG_KIND_WORDS or keys[following[0]] in lexicon.ORG_LIST_WORDS
        ):
            return True
    return False


def _org_at(org: Organisation, value: q.Value) -> bool:
    """An organisation at a place a query names: the organisation (or its parent), its city or country."""
    if value.kind in (ORG, ORG_PART):
        return value.id in (org.id, org.parent)
    if value.kind == REGION:  # "Nordic partners": the region of the organisation's country, or a part of it
        region = lexicon.country_region(lexicon.canonical_country(org.country))
        return region == value.id or region in lexicon.REGION_PARTS.get(value.id, ())
    return value.kind in (CITY, COUNTRY) and _org_in(org, value.kind, value.id)


def _org_in(org: Organisation, kind: str, value: str) -> bool:
    if kind == COUNTRY:
        return lexicon.canonical_country(org.country) == value
    return org.city == value
