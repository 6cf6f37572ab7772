"""A conversation's context: what the next turn may refer to. Small, and serialisable as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.understanding import query as q


@dataclass(frozen=True, slots=True)
class Context:
    """What a conversation remembers of its last turn: small, and serialisable as JSON."""

    query: q.Query | None = None
    people: tuple[str, ...] = ()
    themes: tuple[int, ...] = ()
    kind: str = ""
    named: tuple[str, ...] = ()
    """Everyone the conversation's answers have named so far (the latest 50): 'everyone else' is the rest."""
    base: q.Query | None = None
    """The conversation's last question about people, for 'what about <place>?' after a card."""
    asker: tuple[q.Value, ...] = ()
    """Where the asker said they are from ("I'm visiting from <city>"), for 'my university' later."""
    earlier: q.Query | None = None
    """The question about people before `base`: 'who is at <A>?', 'and at <B>?', 'who is at both?'."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query.to_dict() if self.query else None,
            "people": list(self.people),
            "themes": list(self.themes),
            "kind": self.kind,
            "named": list(self.named),
            "base": self.base.to_dict() if self.base else None,
            "asker": [{"kind": v.kind, "id": v.id} for v in self.asker],
            "earlier": self.earlier.to_dict() if self.earlier else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Context:
        if not data:
            return cls()
        query = data.get("query")
        return cls(
            query=q.Query.from_dict(query) if query else None,
            people=tuple(data.get("people", ())),
            themes=tuple(int(n) for n in data.get("themes", ())),
            kind=str(data.get("kind", "")),
            named=tuple(data.get("named", ())),
            base=q.Query.from_dict(data["base"]) if data.get("base") else None,
            asker=tuple(q.Value(v["kind"], v["id"]) for v in data.get("asker", ())),
            earlier=q.Query.from_dict(data["earlier"]) if data.get("earlier") else None,
        )


def _known_query(query: q.Query | None, orgs: set[str], people: set[str]) -> q.Query | None:
    if query is None:
        return None
    filters = []
    for f in query.filters:
        values = tuple(v for v in f.values if v.kind not in ("org", "org_part") or v.id in orgs)
        if f.values and not values:
            continue  # everything it named is gone
        filters.append(q.Filter(f.family, values, f.negated, f.all_of))
    return query.with_(
        filters=tuple(filters),
        people=tuple(i for i in query.people if i in people),
        excluded=tuple(i for i in query.excluded if i in people),
        within=tuple(i for i in query.within if i in people) if query.within is not None else None,
    )


def known_only(context: Context, org_ids: set[str], person_ids: set[str]) -> Context:
    """The context with what the knowledge no longer has left out: a conversation can outlive a
    reload (or come from another knowledge base), and must never name what is gone."""
    return Context(
        query=_known_query(context.query, org_ids, person_ids),
        people=tuple(i for i in context.people if i in person_ids),
        themes=context.themes,
        kind=context.kind,
        named=tuple(i for i in context.named if i in person_ids),
        base=_known_query(context.base, org_ids, person_ids),
        asker=tuple(v for v in context.asker if v.kind not in ("org", "org_part") or v.id in org_ids),
        earlier=_known_query(context.earlier, org_ids, person_ids),
    )
