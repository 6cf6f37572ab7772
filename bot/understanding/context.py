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

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query.to_dict() if self.query else None,
            "people": list(self.people),
            "themes": list(self.themes),
            "kind": self.kind,
            "named": list(self.named),
            "base": self.base.to_dict() if self.base else None,
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
        )
