"""The App Home tab: the group at a glance, built from the knowledge base alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.answering import compose
from bot.engine import Engine
from bot.knowledge.model import KnowledgeBase, Person
from bot.slack.blocks import SECTION_CHARS
from bot.slack.markup import escape, link, mention

MAX_HOME_BLOCKS = 100


def _mention(person: Person) -> str:
    return mention(person.slack, in_brackets=True)


def people_by_place(kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """('Organisation, City, Country', ['• Name · role · unit']) in the knowledge base's order."""
    groups: dict[str, list[str]] = {}
    for person in kb.people:
        for affiliation in person.affiliations:
            org = kb.orgs_by_id[affiliation.org]
            top = org
            while top.parent and top.parent in kb.orgs_by_id:
                top = kb.orgs_by_id[top.parent]
            title = f"{top.name} · {top.city}, {top.country}"
            unit = affiliation.unit or (org.name if org is not top else "")
            line = f"• {escape(person.name)}{_mention(person)} · {escape(person.role)}"
            line += f" · {escape(unit)}" if unit else ""
            lines = groups.setdefault(title, [])
            if not any(existing.startswith(f"• {escape(person.name)}") for existing in lines):
                lines.append(line)
            elif unit:
                index = next(i for i, e in enumerate(lines) if e.startswith(f"• {escape(person.name)}"))
                lines[index] += f", {escape(unit)}"
    return list(groups.items())


def home_view(engine: Engine, top: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The Home tab's view for views.publish; `top` (a new member's checklist) goes after the leader."""
    kb = engine.kb
    project = kb.project
    blocks: list[Block] = [HeaderBlock(text=project.name[:150])]
    summary = escape(project.summary)
    if project.url:
        summary += "\n" + link(project.url, "The group's page")
    blocks.append(SectionBlock(text=MarkdownTextObject(text=summary[:SECTION_CHARS])))
    if project.leader:
        leader = kb.people_by_id[project.leader]
        ref = compose.person_ref(kb, leader)
        text = f"*Group leader:* {escape(leader.name)}{_mention(leader)}\n" + escape("; ".join(ref.affiliations))
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text[:SECTION_CHARS])))
    if top:
        blocks += [DividerBlock(), *Block.parse_all(top)]
    if kb.themes:
        blocks.append(DividerBlock())
        lines = [f"*{len(kb.themes)} research themes*"]
        lines += [
            f"{t.number}. {escape(t.title)}" + (f" · _{escape(t.title_no)}_" if t.title_no else "") for t in kb.themes
        ]
        blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(lines)[:SECTION_CHARS])))
    blocks.append(DividerBlock())
    blocks.append(SectionBlock(text=MarkdownTextObject(text=f"*People* ({len(kb.people)})")))
    room = MAX_HOME_BLOCKS - len(blocks) - 4
    groups = people_by_place(kb)
    for n, (title, lines) in enumerate(groups):
        if n >= room:
            blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"…and {len(groups) - n} more places.")]))
            break
        text = f"*{escape(title)}*\n" + "\n".join(lines)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text[:SECTION_CHARS])))
    blocks.append(DividerBlock())
    examples = "\n".join(f"• {escape(e)}" for e in engine.examples())
    how = (
        "*How to ask*\nMention me in a channel, send me a direct message, or type `/ask` and a question. "
        f"English or Norwegian.\n{examples}"
    )
    blocks.append(SectionBlock(text=MarkdownTextObject(text=how)))
    return View(type="home", blocks=blocks).to_dict()
