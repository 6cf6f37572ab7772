"""Aggregates: the largest group by city, country or organisation, break-downs per group, and who has
the most affiliations. Expected counts are worked out here from the knowledge itself."""

from __future__ import annotations

from collections import Counter

from bot.engine import Engine
from tests.conftest import DATA


def _city_counts(engine: Engine, role: str | None = None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for person in engine.kb.people:
        if role and person.role.lower() != role:
            continue
        counts.update({engine.kb.orgs_by_id[a.org].city for a in person.affiliations})
    return counts


def test_which_city_has_the_most_people(engine):
    counts = _city_counts(engine)
    top = max(counts.values())
    answer = engine.answer("which city has the most people?")
    assert answer.kind == "count"
    for city, n in counts.items():
        assert f"{city}: {n}" in answer.text
    assert all(city in answer.headline for city, n in counts.items() if n == top)


def test_a_break_down_per_country_of_one_role(engine):
    answer = engine.answer("collabs per country?")
    expected: Counter[str] = Counter()
    for person in engine.kb.people:
        if person.role == "collaborator":
            expected.update({engine.kb.orgs_by_id[a.org].country for a in person.affiliations})
    lines = [line for part in answer.parts for line in part.text]
    assert len(lines) == len(expected)
    assert all(any(line.endswith(f": {n}") and country in line for line in lines) for country, n in expected.items())


def test_who_has_the_most_affiliations_names_them():
    glacier = Engine.from_directory(DATA / "kb_glacier")
    most = max(len(p.affiliations) for p in glacier.kb.people)
    expected = {p.id for p in glacier.kb.people if len(p.affiliations) == most}
    answer = glacier.answer("who has the most affiliations?")
    assert {ref.id for ref in answer.people} == expected


def test_most_without_a_group_is_not_an_aggregate(engine):
    assert engine.answer("who is the most senior?").kind != "count"
