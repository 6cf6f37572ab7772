"""Say in words what a query's filters select: 'in <city>, with no affiliation at a hospital'.

An answer states the rule it applied, so a reader can see that "not at a
hospital" meant "no affiliation at a hospital", and can correct a misreading.
"""

from __future__ import annotations

from bot.answering import compose
from bot.language.phrases import join, role_name, say
from bot.understanding import query as q
from bot.understanding.index import CITY, COUNTRY, ORG, ORG_PART, REGION, UNIT, Index


def value_name(value: q.Value, index: Index, language: str) -> str:
    """A filter value as the knowledge (or the language) writes it."""
    if value.kind in (ORG, ORG_PART):
        org = index.kb.orgs_by_id[value.id]
        return org.name_no if language == "no" and org.name_no else org.name
    if value.kind == COUNTRY:
        return compose.country_name(value.id, language)
    if value.kind == REGION:
        return say(f"region_{value.id}", language)
    if value.kind == q.ORG_KIND:
        return say(f"kind_{value.id}", language)
    return value.id


def describe(query: q.Query, index: Index, language: str) -> str:
    """The filters as words, positive ones first; roles are left to the noun ('collaborators')."""
    parts: list[str] = []
    for f in sorted(query.filters, key=lambda f: f.negated):
        text = _describe_filter(f, index, language)
        if text:
            parts.append(text)
    if query.excluded:
        names = [index.kb.people_by_id[i].name for i in query.excluded if i in index.kb.people_by_id]
        parts.append(say("except", language, names=join(names, language)))
    return ", ".join(parts)


def _theme_name(theme_id: str, index: Index, language: str) -> str:
    """'theme 2 (<its title>)', in the asker's language where the knowledge has it."""
    theme = next(t for t in index.kb.themes if t.id == theme_id)
    title = theme.title_no if language == "no" and theme.title_no else theme.title
    return f"{say('theme_word', language)} {theme.number} ({title})"


def _describe_filter(f: q.Filter, index: Index, language: str) -> str:
    home = compose.country_name(index.home_country or "", language)
    if f.family == q.ABROAD:
        return say("in", language) + f" {home}" if f.negated else say("abroad", language, country=home)
    if f.family == q.HOME:
        return say("in", language) + f" {home}"
    if f.family == q.CONSORTIUM:
        c = index.kb.project.consortium
        return say("in_consortium", language, name=(c.short or c.name) if c else "")
    if f.family == q.THEME:
        names = [_theme_name(v.id, index, language) for v in f.values]
        joined = join(names, language, "and" if f.all_of else "or")
        if f.all_of:
            joined = say("both", language, names=joined)
        return say("not_on_theme" if f.negated else "on_theme", language, themes=joined)
    if f.family == q.ROLE:
        if not f.negated:
            return ""
        names = [role_name(v.id, language, 2) for v in f.values]
        return say("not_role", language, roles=join(names, language, "or"))
    names = [value_name(v, index, language) for v in f.values]
    joined = join(list(dict.fromkeys(names)), language, "and" if f.all_of else "or")
    if f.all_of:
        joined = say("both", language, names=joined)
    if f.family == q.ORG_KIND:
        key = "not_at_kind" if f.negated else "at_kind"
        return say(key, language, kind=joined)
    if f.family == q.TITLE:
        return say("not_titled" if f.negated else "titled", language, title=joined)
    at = all(v.kind in (ORG, ORG_PART) for v in f.values)
    in_unit = all(v.kind in (UNIT, CITY, COUNTRY, REGION) for v in f.values)
    preposition = say("at", language) if at or not in_unit else say("in", language)
    if f.negated:
        return f"{say('not', language)} {preposition} {joined}"
    return f"{preposition} {joined}"
