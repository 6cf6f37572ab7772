"""Load and validate a knowledge directory: the one code path for `check`, start-up and reload.

Every problem is collected (not just the first), each as one line that names
the file, the line and the entry, so a maintainer fixes them all in one go.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import KnowledgeError
from bot.knowledge.fields import Reader
from bot.knowledge.files import Snapshot, read_files
from bot.knowledge.hints import closest, describe
from bot.knowledge.model import (
    Affiliation,
    Consortium,
    Fact,
    FaqEntry,
    KnowledgeBase,
    Organisation,
    Person,
    Project,
    Theme,
)
from bot.knowledge.yaml_lines import line_of, parse_yaml
from bot.onboarding.steps import read_steps

FILES = ("project.yaml", "themes.yaml", "organisations.yaml", "people.yaml", "faq.yaml", "onboarding.yaml")
REQUIRED_FILES = ("project.yaml", "people.yaml", "organisations.yaml")


def read_snapshot(directory: Path | str) -> Snapshot:
    """The bytes of every knowledge file in a directory, read once; KnowledgeError names each unreadable one."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeError([f"{directory}: no such knowledge directory"])
    found, problems = read_files(directory, FILES)
    if problems:
        raise KnowledgeError(problems)
    return found


@dataclass
class _Loaded:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_knowledge(directory: Path | str, snapshot: Snapshot | None = None) -> KnowledgeBase:
    """Load, validate and cross-check a knowledge directory, or raise KnowledgeError.

    `snapshot` is the files' bytes already read (see `read_snapshot`): the reloader reads each
    file once, checks those bytes and keeps exactly them as the last good version.
    """
    directory = Path(directory)
    if snapshot is None:
        snapshot = read_snapshot(directory)
    state = _Loaded()
    raw: dict[str, Any] = {}
    for name in FILES:
        if name not in snapshot:
            if name in REQUIRED_FILES:
                state.problems.append(f"{name}: the file is missing from {directory}")
            raw[name] = None
            continue
        try:
            raw[name] = parse_yaml(snapshot[name], name)
        except KnowledgeError as exc:
            state.problems.extend(exc.problems)
            raw[name] = None
    if state.problems:
        raise KnowledgeError(state.problems)

    orgs = _organisations(raw["organisations.yaml"], state)
    themes = _themes(raw["themes.yaml"], state)
    people = _people(raw["people.yaml"], state)
    project = _project(raw["project.yaml"], state)
    faq = _faq(raw["faq.yaml"], state)
    if project is None:
        raise KnowledgeError(state.problems)
    _cross_check((project, raw["project.yaml"]), people, orgs, themes, state)
    onboarding, problems, warnings = read_steps(raw["onboarding.yaml"], {p.id for p, _ in people})
    state.problems.extend(problems)
    state.warnings.extend(warnings)
    if state.problems:
        raise KnowledgeError(state.problems)
    return KnowledgeBase(
        project=project,
        people=tuple(p for p, _ in people),
        organisations=tuple(o for o, _ in orgs),
        themes=tuple(sorted((t for t, _ in themes), key=lambda t: t.number)),
        faq=faq,
        onboarding=onboarding,
        warnings=tuple(state.warnings),
    )


def _entries(raw: Any, file: str, state: _Loaded) -> list:
    if raw is None:
        return []
    if not isinstance(raw, list):
        state.problems.append(f"{file}:{line_of(raw, 1)}: should be a list of entries (lines starting with '- ')")
        return []
    return list(raw)


def _label(kind: str, entry: Any, position: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return f"{kind} '{entry['id']}'"
    return f"{kind} #{position}"


def _entry_id(reader: Reader, entry: dict, label: str, seen: dict[str, int]) -> str | None:
    value = reader.text(entry, "id", label, required=True)
    if value is None:
        return None
    if value in seen:
        reader.problems.append(
            f"{reader.where(entry, label)}: duplicate id '{value}' (first used on line {seen[value]})"
        )
        return None
    seen[value] = line_of(entry)
    return value


def _each_entry(raw: Any, file: str, kind: str, state: _Loaded) -> Iterator[tuple[Reader, dict, str, str | None]]:
    """Every entry of a list file that is a mapping, with its reader, label and (unique) id."""
    reader = Reader(file, state.problems, state.warnings)
    seen: dict[str, int] = {}
    for position, entry in enumerate(_entries(raw, file, state), 1):
        label = _label(kind, entry, position)
        node = reader.mapping(entry, label, kind, line_of(raw))
        if node is not None:
            yield reader, node, label, _entry_id(reader, node, label, seen)


def _organisations(raw: Any, state: _Loaded) -> list[tuple[Organisation, dict]]:
    result = []
    for reader, node, label, org_id in _each_entry(raw, "organisations.yaml", "organisation", state):
        name = reader.text(node, "name", label, required=True)
        city = reader.text(node, "city", label, required=True)
        country = reader.text(node, "country", label, required=True)
        values = dict(
            name_no=reader.text(node, "name_no", label),
            aliases=reader.texts(node, "aliases", label),
            city_aliases=reader.texts(node, "city_aliases", label),
            parent=reader.text(node, "parent", label),
            url=reader.text(node, "url", label),
            source=reader.source(node, label),
        )
        if org_id and name and city and country:
            result.append((Organisation(id=org_id, name=name, city=city, country=country, **values), node))
    return result


def _themes(raw: Any, state: _Loaded) -> list[tuple[Theme, dict]]:
    numbers: dict[int, str] = {}
    result = []
    for reader, node, label, theme_id in _each_entry(raw, "themes.yaml", "theme", state):
        title = reader.text(node, "title", label, required=True)
        number = node.get("number")
        if number is None:
            state.problems.append(f"{reader.where(node, label)}: missing required field 'number'")
        elif isinstance(number, bool) or not isinstance(number, int) or number < 1:
            where = reader.where(node, label, key="number")
            state.problems.append(f"{where}: field 'number' should be a whole number from 1, not {describe(number)}")
            number = None
        elif number in numbers:
            where = reader.where(node, label, key="number")
            state.problems.append(f"{where}: theme number {number} is already used by '{numbers[number]}'")
            number = None
        values = dict(
            title_no=reader.text(node, "title_no", label),
            summary=reader.text(node, "summary", label),
            keywords=reader.texts(node, "keywords", label),
            people=reader.texts(node, "people", label),
            source=reader.source(node, label),
        )
        if theme_id and title and number:
            numbers[number] = theme_id
            result.append((Theme(id=theme_id, number=number, title=title, **values), node))
    return result


def _people(raw: Any, state: _Loaded) -> list[tuple[Person, dict]]:
    result = []
    for reader, node, label, person_id in _each_entry(raw, "people.yaml", "person", state):
        name = reader.text(node, "name", label, required=True)
        role = reader.text(node, "role", label, required=True)
        affiliations = _affiliations(reader, node, label)
        values = dict(
            aliases=reader.texts(node, "aliases", label),
            title=reader.text(node, "title", label),
            title_no=reader.text(node, "title_no", label),
            themes=reader.texts(node, "themes", label),
            slack=reader.text(node, "slack", label),
            email=reader.text(node, "email", label),
            url=reader.text(node, "url", label),
            note=reader.text(node, "note", label),
            source=reader.source(node, label),
        )
        slack = values["slack"]
        if slack and not (slack[:1] in "UW" and slack[1:].isalnum()):
            state.problems.append(
                f"{reader.where(node, label)}: 'slack' should be a Slack user id like U0123ABCD, not {slack!r}"
            )
        if person_id and name and role and affiliations is not None:
            result.append(
                (
                    Person(id=person_id, name=name, role=role.lower(), affiliations=affiliations, **values),
                    node,
                )
            )
    return result


def _affiliations(reader: Reader, node: dict, label: str) -> tuple[Affiliation, ...] | None:
    value = node.get("affiliations")
    if value is None:
        reader.problems.append(f"{reader.where(node, label)}: missing required field 'affiliations'")
        return None
    if not isinstance(value, list) or not value:
        reader.problems.append(
            f"{reader.where(node, label, key='affiliations')}: 'affiliations' should be a list like "
            f"'- org: <organisation id>', not {describe(value)}"
        )
        return None
    result = []
    for item in value:
        if isinstance(item, str):
            item_node: dict | None = {"org": item}
        else:
            item_node = reader.mapping(item, f"{label} affiliation", "affiliation", line_of(node))
        if item_node is None:
            return None
        org = reader.text(item_node, "org", f"{label} affiliation", required=True)
        if org is None:
            return None
        result.append(
            Affiliation(
                org=org,
                unit=reader.text(item_node, "unit", label),
                unit_no=reader.text(item_node, "unit_no", label),
            )
        )
    return tuple(result)


def _project(raw: Any, state: _Loaded) -> Project | None:
    file = "project.yaml"
    reader = Reader(file, state.problems, state.warnings)
    node = reader.mapping(raw, "project", "project", 1)
    if node is None:
        return None
    name = reader.text(node, "name", "project", required=True)
    summary = reader.text(node, "summary", "project", required=True)
    facts = []
    raw_facts = node.get("facts") or []
    if not isinstance(raw_facts, list):
        state.problems.append(f"{reader.where(node, 'project')}: 'facts' should be a list")
        raw_facts = []
    for item in raw_facts:
        if isinstance(item, str):
            facts.append(Fact(text=" ".join(item.split())))
            continue
        fact_node = reader.mapping(item, "project fact", "fact", line_of(raw_facts))
        if fact_node is None:
            continue
        text = reader.text(fact_node, "text", "project fact", required=True)
        if text:
            facts.append(Fact(text=text, keywords=reader.texts(fact_node, "keywords", "project fact")))
    facts = _with_keywords(reader, node, facts)
    consortium = None
    raw_consortium = node.get("consortium")
    if raw_consortium is not None:
        c_node = reader.mapping(raw_consortium, "consortium", "consortium", line_of(node))
        if c_node is not None:
            c_name = reader.text(c_node, "name", "consortium", required=True)
            if c_name:
                consortium = Consortium(
                    name=c_name,
                    members=reader.texts(c_node, "members", "consortium"),
                    name_no=reader.text(c_node, "name_no", "consortium"),
                    short=reader.text(c_node, "short", "consortium"),
                    summary=reader.text(c_node, "summary", "consortium"),
                    url=reader.text(c_node, "url", "consortium"),
                )
    if not (name and summary):
        return None
    return Project(
        name=name,
        summary=summary,
        leader=reader.text(node, "leader", "project"),
        name_no=reader.text(node, "name_no", "project"),
        url=reader.text(node, "url", "project"),
        url_no=reader.text(node, "url_no", "project"),
        host=reader.text(node, "host", "project"),
        host_unit=reader.text(node, "host_unit", "project"),
        facts=tuple(facts),
        consortium=consortium,
        source=reader.text(node, "source", "project"),
    )


def _with_keywords(reader: Reader, node: dict, facts: list[Fact]) -> list[Fact]:
    """`fact_keywords` maps a phrase of a fact to other words people use when asking about it."""
    raw = node.get("fact_keywords")
    if raw is None:
        return facts
    if not isinstance(raw, dict):
        where = reader.where(node, "project", key="fact_keywords")
        reader.problems.append(f"{where}: 'fact_keywords' should map a phrase of a fact to a list of words")
        return facts
    extra: dict[int, list[str]] = {}
    for phrase in raw:
        found = [n for n, fact in enumerate(facts) if str(phrase).lower() in fact.text.lower()]
        if not found:
            where = reader.where(raw, "project", key=str(phrase))
            reader.warnings.append(f"{where}: fact_keywords: no fact contains {str(phrase)!r}; the words are unused")
        listed = reader.texts(raw, str(phrase), "fact_keywords")
        for n in found:
            extra.setdefault(n, []).extend(listed)
    return [Fact(f.text, f.keywords + tuple(extra.get(n, ()))) for n, f in enumerate(facts)]


def _faq(raw: Any, state: _Loaded) -> tuple[FaqEntry, ...]:
    result = []
    for reader, node, label, faq_id in _each_entry(raw, "faq.yaml", "faq", state):
        questions = reader.texts(node, "questions", label, required=True)
        answer = reader.text(node, "answer", label, required=True)
        if faq_id and questions and answer:
            result.append(FaqEntry(id=faq_id, questions=questions, answer=answer))
    return tuple(result)


def _cross_check(
    project: tuple[Project, Any],
    people: list[tuple[Person, dict]],
    orgs: list[tuple[Organisation, dict]],
    themes: list[tuple[Theme, dict]],
    state: _Loaded,
) -> None:
    """Every reference names an entry that exists; say which one does not."""
    project, project_node = project

    def at(key: str) -> str:
        line = line_of(project_node, 0, key)
        return f"project.yaml:{line}" if line else "project.yaml"

    org_ids = {o.id for o, _ in orgs}
    theme_ids = {t.id for t, _ in themes}
    person_ids = {p.id for p, _ in people}

    def unknown(kind: str, value: str, known: set[str]) -> str:
        hint = closest(value, known)
        return f"unknown {kind} '{value}'" + (f" (did you mean '{hint}'?)" if hint else "")

    for org, node in orgs:
        if org.parent and org.parent not in org_ids:
            state.problems.append(
                f"organisations.yaml:{line_of(node)}: organisation '{org.id}': parent is an "
                + unknown("organisation", org.parent, org_ids)
            )
    for person, node in people:
        for affiliation in person.affiliations:
            if affiliation.org not in org_ids:
                state.problems.append(
                    f"people.yaml:{line_of(node)}: person '{person.id}': affiliation names an "
                    + unknown("organisation", affiliation.org, org_ids)
                )
        for theme in person.themes:
            if theme not in theme_ids:
                state.problems.append(
                    f"people.yaml:{line_of(node)}: person '{person.id}': " + unknown("theme", theme, theme_ids)
                )
    for theme, node in themes:
        for person_id in theme.people:
            if person_id not in person_ids:
                state.problems.append(
                    f"themes.yaml:{line_of(node)}: theme '{theme.id}': " + unknown("person", person_id, person_ids)
                )
    if project.leader and project.leader not in person_ids:
        state.problems.append(f"{at('leader')}: leader is an {unknown('person', project.leader, person_ids)}")
    if project.host and project.host not in org_ids:
        state.problems.append(f"{at('host')}: host is an {unknown('organisation', project.host, org_ids)}")
    if project.consortium:
        for member in project.consortium.members:
            if member not in org_ids:
                state.problems.append(
                    f"{at('consortium')}: consortium member is an {unknown('organisation', member, org_ids)}"
                )
