"""Evaluate a query's filters over the knowledge: which people are left.

Families intersect; the values of one filter unite, or all must hold when the
question said "both"; a negated filter removes the people it would select;
`within` narrows to the people of an earlier answer ("which of them ...").
"""

from __future__ import annotations

from bot.understanding import query as q
from bot.understanding.index import Index, Target


def people_for(value: q.Value, index: Index) -> set[str]:
    """The people one filter value stands for."""
    if value.kind == q.THEME:
        return set(index.people_by_theme.get(value.id, set()))
    if value.kind == q.ORG_KIND:
        orgs = [org.id for org in index.kb.organisations if index.org_kind(org) == value.id]
        return index.people_in_orgs(orgs)
    return index.people_for(Target(value.kind, value.id))


def filter_people(f: q.Filter, index: Index) -> set[str]:
    """The people a filter selects, before its polarity is applied."""
    if f.family == q.ABROAD or f.family == q.HOME:
        home = index.people_by_country.get(index.home_country or "", set())
        return index.all_people() - home if f.family == q.ABROAD else set(home)
    if f.family == q.CONSORTIUM:
        consortium = index.kb.project.consortium
        return index.people_in_orgs(consortium.members) if consortium else set()
    chosen: set[str] | None = None
    for value in f.values:
        found = people_for(value, index)
        if f.all_of:
            chosen = found if chosen is None else chosen & found
        else:
            chosen = found if chosen is None else chosen | found
    return chosen or set()


def select(query: q.Query, index: Index) -> set[str]:
    """Everyone the query's filters, exclusions and `within` leave."""
    people = set(query.within) if query.within is not None else index.all_people()
    people &= index.all_people()
    for f in query.filters:
        found = filter_people(f, index)
        if f.negated:
            people -= found
        else:
            people &= found
    return people - set(query.excluded)


def roles(query: q.Query) -> list[str]:
    """The roles a query asks for positively: they name the people ('collaborators')."""
    return [v.id for f in query.filters if f.family == q.ROLE and not f.negated for v in f.values]


def is_everyone(query: q.Query) -> bool:
    return not query.filters and not query.excluded and query.within is None
