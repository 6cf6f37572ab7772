"""The welcome a new member gets: what the group works on, whom to talk to where, what to ask."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, MarkdownTextObject, SectionBlock

from bot.engine import Engine
from bot.slack.blocks import SECTION_CHARS
from bot.slack.markup import escape, mention


def welcome_message(engine: Engine) -> dict[str, Any]:
    kb = engine.kb
    project = kb.project
    intro = f"*Welcome!* I'm the bot of *{escape(project.name)}*. {escape(project.summary)}"
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=intro[:SECTION_CHARS]))]
    if kb.themes:
        themes = "\n".join(f"{t.number}. {escape(t.title)}" for t in kb.themes)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*What we work on*\n{themes}"[:SECTION_CHARS])))
    contacts = []
    if project.leader:
        leader = kb.people_by_id[project.leader]
        contacts.append(f"• Group leader: {escape(leader.name)}" + mention(leader.slack, in_brackets=True))
    by_city: dict[str, list[str]] = {}
    for person in kb.people:
        city = kb.orgs_by_id[person.affiliations[0].org].city
        at = mention(person.slack, in_brackets=True)
        by_city.setdefault(city, []).append(escape(person.name) + at)
    for city, names in by_city.items():
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        contacts.append(f"• {escape(city)}: {shown}")
    blocks.append(
        SectionBlock(text=MarkdownTextObject(text=("*Whom to talk to*\n" + "\n".join(contacts))[:SECTION_CHARS]))
    )
    examples = "\n".join(f"• {escape(e)}" for e in engine.examples())
    blocks.append(
        SectionBlock(
            text=MarkdownTextObject(
                text=f"*Ask me anything about the group* (mention me, DM me, or use `/ask`):\n{examples}"
            )
        )
    )
    text = f"Welcome! I'm the bot of {project.name}. Ask me about the group's people, places and themes."
    return {"text": escape(text), "blocks": [b.to_dict() for b in blocks]}
