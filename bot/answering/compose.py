"""Describe knowledge-base entries in words: people's lines, affiliations, places, themes.

Shared by every kind of answer, so a person reads the same in a list, a card,
the terminal and Slack.
"""

from __future__ import annotations

from bot.answer import OrgRef, PersonRef, ThemeRef
from bot.knowledge.model import KnowledgeBase, Organisation, Person, Theme
from bot.language import lexicon
from bot.language.phrases import join, role_name, say
from bot.understanding.index import Index


def org_name(org: Organisation, language: str = "en") -> str:
    """The organisation's name in the answer's language, where the knowledge has it."""
    return org.name_no if language == "no" and org.name_no else org.name


def org_place_line(org: Organisation, language: str = "en") -> str:
    """'Name (City, Country)' in the answer's language."""
    return f"{org_name(org, language)} ({org.city}, {country_name(org.country, language)})"


def org_label(kb: KnowledgeBase, org: Organisation, language: str = "en") -> str:
    """'Dept. X (DX), Some University' for a department, else the organisation's name."""
    name = org_name(org, language)
    if org.aliases and org.parent:
        name = f"{name} ({org.aliases[0]})"
    if org.parent and org.parent in kb.orgs_by_id:
        return f"{name}, {org_label(kb, kb.orgs_by_id[org.parent], language)}"
    return name


def affiliation_lines(kb: KnowledgeBase, person: Person, language: str = "en") -> tuple[str, ...]:
    """One line per organisation, units there grouped: 'Dept. A and Dept. B, Some University, City, Country'."""
    by_org: dict[str, list[str]] = {}
    for affiliation in person.affiliations:
        units = by_org.setdefault(affiliation.org, [])
        unit = affiliation.unit_no if language == "no" and affiliation.unit_no else affiliation.unit
        if unit and unit not in units:
            units.append(unit)
    lines = []
    for org_id, units in by_org.items():
        org = kb.orgs_by_id[org_id]
        place = f"{org.city}, {country_name(org.country, language)}"
        parts = [join(units, language)] if units else []
        lines.append(", ".join([*parts, org_label(kb, org, language), place]))
    return tuple(lines)


def person_ref(kb: KnowledgeBase, person: Person, language: str = "en") -> PersonRef:
    first_org = kb.orgs_by_id[person.affiliations[0].org]
    return PersonRef(
        id=person.id,
        name=person.name,
        role=role_name(person.role, language),
        affiliations=affiliation_lines(kb, person, language),
        title=(person.title_no if language == "no" and person.title_no else person.title),
        slack=person.slack,
        email=person.email,
        url=person.url or person.source,
        city=first_org.city,
        country=first_org.country,
    )


def person_line(ref: PersonRef) -> str:
    """'Name: role, affiliation; affiliation' on one line."""
    return f"{ref.name}: {ref.role}, {'; '.join(ref.affiliations)}"


def theme_ref(theme: Theme) -> ThemeRef:
    return ThemeRef(theme.id, theme.number, theme.title, theme.title_no, theme.summary)


def theme_line(theme: Theme, language: str = "en") -> str:
    title = theme.title
    if theme.title_no:
        title = f"{theme.title_no} ({theme.title})" if language == "no" else f"{theme.title} ({theme.title_no})"
    return say("theme_one", language, number=theme.number, title=title)


def org_ref(org: Organisation) -> OrgRef:
    return OrgRef(org.id, org.name, org.city, org.country)


def people_sorted(index: Index, ids: set[str]) -> list[Person]:
    """People in the knowledge base's own order, which is the group's order."""
    order = index.person_order
    return sorted((index.kb.people_by_id[i] for i in ids), key=lambda p: order[p.id])


def country_name(country: str, language: str) -> str:
    """A country as the answer's language writes it ('Sverige' in Norwegian)."""
    canonical = lexicon.canonical_country(country)
    if language == "no":
        return lexicon.NORWEGIAN_COUNTRY_NAMES.get(canonical, country)
    return country


def role_noun(roles: list[str], count: int, language: str) -> str:
    """'collaborators', 'participant' or, with no role asked, 'people'."""
    if roles:
        return role_name(roles[0], language, count)
    return say("person" if count == 1 else "people", language)
