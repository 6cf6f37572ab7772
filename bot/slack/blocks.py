"""Answers as Block Kit messages, built with slack_sdk's block models so Slack's limits are checked.

Every message also carries a plain `text`: it is the notification and what
screen readers and old clients show. All text that can contain what a user
typed is escaped (see markup.escape).
"""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextActionsBlock,
    ContextBlock,
    FeedbackButtonObject,
    FeedbackButtonsElement,
    MarkdownTextObject,
    SectionBlock,
)

from bot.answer import CARD, EXAMPLES, PEOPLE, STATEMENTS, SUGGESTIONS, THEMES, Answer, Part, PersonRef, ThemeRef
from bot.slack.markup import escape, link, mention

MAX_BLOCKS = 50
SECTION_CHARS = 3000
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
FALLBACK_CHARS = 3000

SHOW_ALL = "show_all"
SHARE = "share"
FEEDBACK = "feedback"
ASK_PERSON = "ask_person"
SUGGEST_PREFIX = "suggest_"
HELPFUL = "up"
NOT_HELPFUL = "down"
METADATA_EVENT = "group_bot_answer"
NO_FEEDBACK_KINDS = ("help", "greeting", "error")


def person_line(person: PersonRef) -> str:
    """'• *Name* (@mention) · role · unit, organisation'."""
    where = "; ".join(escape(a) for a in person.affiliations)
    return f"• *{escape(person.name)}*{mention(person.slack, in_brackets=True)} · {escape(person.role)} · {where}"


def theme_text(theme: ThemeRef) -> str:
    lines = [f"*{theme.number}. {escape(theme.title)}*"]
    if theme.title_no:
        lines.append(f"_{escape(theme.title_no)}_")
    if theme.summary:
        lines.append(escape(theme.summary))
    return "\n".join(lines)


def _sections(lines: list[str]) -> list[Block]:
    """Lines packed into as few sections as the 3000-character limit allows."""
    blocks: list[Block] = []
    current: list[str] = []
    size = 0
    for line in lines:
        line = line[: SECTION_CHARS - 1]
        if current and size + len(line) + 1 > SECTION_CHARS:
            blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(current))))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        blocks.append(SectionBlock(text=MarkdownTextObject(text="\n".join(current))))
    return blocks


def _button(text: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    text = text if len(text) <= BUTTON_TEXT else text[: BUTTON_TEXT - 1] + "…"
    return ButtonElement(text=text, action_id=action_id, value=value[:BUTTON_VALUE], style=style)


def answer_blocks(
    answer: Answer,
    *,
    max_people: int | None = 15,
    ephemeral: bool = False,
    feedback: bool = True,
    kept: str | None = None,
) -> list[Block]:
    """The answer's blocks: its headline, then each typed part as Block Kit, then sources and buttons.

    Only the answer's parts are read, never its text: a front end that parsed the text back
    would break on the first change of wording.
    """
    headline = f"*{escape(answer.headline)}*"
    if answer.kind in ("person", "leader") and len(answer.people) == 1 and answer.people[0].slack:
        headline += mention(answer.people[0].slack, in_brackets=True)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=headline))]
    hidden = 0
    for part in answer.parts:
        part_blocks, cut = _part_blocks(part, max_people)
        blocks += part_blocks
        hidden += cut
    if not answer.parts and answer.details:  # an answer of plain lines (an FAQ entry, an apology)
        blocks += _sections([escape(d.strip()) for d in answer.details if d.strip()])
    actions: list[ButtonElement] = []
    if hidden > 0:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"…and {hidden} more.")]))
        actions.append(_button(f"Show all {len(answer.people)}", SHOW_ALL, answer.question))
    if answer.sources:
        links = " · ".join(link(url, "source") for url in answer.sources[:5])
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"Sources: {links}")]))
    if answer.suggestions:
        buttons = [
            _button(suggestion, f"{SUGGEST_PREFIX}{n}", suggestion)
            for n, suggestion in enumerate(answer.suggestions[:5])
        ]
        blocks.append(ActionsBlock(block_id="suggestions", elements=buttons))
    if not answer.answered and answer.kind != "error":
        value = packed_value({"q": answer.question, "s": kept or answer.question})
        actions.append(_button("Ask a person", ASK_PERSON, value, style="primary"))
    if ephemeral:
        actions.append(_button("Share in channel", SHARE, answer.question, style="primary"))
    if actions:
        blocks.append(ActionsBlock(block_id="answer_actions", elements=actions))
    if feedback and answer.kind not in NO_FEEDBACK_KINDS:
        blocks.append(feedback_block(answer, kept))
    return _within_limit(blocks)


def packed_value(fields: dict[str, str], limit: int = BUTTON_VALUE) -> str:
    """Fields as JSON within `limit` characters: the longest text is shortened until the encoding fits.

    Cutting the encoded JSON would leave it unreadable (escapes double some characters), and
    the click would be lost; shortening the text keeps it a question, only a shorter one.
    """
    fields = dict(fields)
    while True:
        encoded = json.dumps(fields, ensure_ascii=False)
        if len(encoded) <= limit:
            return encoded
        longest = max(fields, key=lambda name: len(fields[name]))
        if not fields[longest]:
            return json.dumps({})
        fields[longest] = fields[longest][: max(0, len(fields[longest]) - (len(encoded) - limit) - 1)]


def unpacked_value(value: str, *names: str) -> dict[str, str] | None:
    """The fields of a packed value, each a string; None when a field is missing or the value was forged."""
    try:
        data = json.loads(value)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(n), str) for n in names):
        return None
    return {n: data[n] for n in names}


def feedback_block(answer: Answer, kept: str | None = None) -> ContextActionsBlock:
    """Slack's own 👍/👎 under an answer; each button's value says which answer, of what kind, it rates.

    The question rides in the form the log may keep (`kept`: Slack users as ids, not names).
    """

    def value(verdict: str) -> str:
        return packed_value({"v": verdict, "k": answer.kind[:40], "q": kept or answer.question})

    return ContextActionsBlock(
        block_id="feedback",
        elements=[
            FeedbackButtonsElement(
                action_id=FEEDBACK,
                positive_button=FeedbackButtonObject(
                    text="👍", accessibility_label="This answer helped", value=value(HELPFUL)
                ),
                negative_button=FeedbackButtonObject(
                    text="👎", accessibility_label="This answer did not help", value=value(NOT_HELPFUL)
                ),
            )
        ],
    )


def read_feedback(value: str) -> tuple[str, str, str] | None:
    """(verdict, kind, question) from a feedback button's value; None for anything else."""
    data = unpacked_value(value, "v", "k", "q")
    if data is None or data["v"] not in (HELPFUL, NOT_HELPFUL):
        return None
    return data["v"], data["k"][:40], data["q"]


def _part_blocks(part: Part, max_people: int | None) -> tuple[list[Block], int]:
    """One typed part as blocks, and how many people it left out for the 'Show all' button."""
    if part.kind == PEOPLE:
        shown = part.people if max_people is None else part.people[:max_people]
        return _sections([person_line(p) for p in shown]), len(part.people) - len(shown)
    if part.kind == CARD:
        lines = [escape(line) for line in part.text]
        if part.title and part.people:
            person = part.people[0]
            lines.insert(0, f"*{escape(part.title)}*" + mention(person.slack, in_brackets=True))
        return _sections(lines), 0
    if part.kind == THEMES and len(part.themes) > 1:
        return [block for t in part.themes for block in _sections([theme_text(t)])], 0
    if part.kind == EXAMPLES:
        return _sections([f"• {escape(line)}" for line in part.text]), 0
    if part.kind == SUGGESTIONS:
        return [], 0  # they are the buttons under the answer
    if part.kind == STATEMENTS:
        return _sections([f">{escape(line)}" for line in part.text]), 0
    return _sections([escape(line) for line in part.text if line.strip()]), 0


def _within_limit(blocks: list[Block]) -> list[Block]:
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    tail: list[Block] = []
    while blocks and blocks[-1].type in ("actions", "context_actions") and len(tail) < 2:
        tail.insert(0, blocks.pop())  # the buttons (Ask a person, Show all, 👍/👎) are never cut
    keep = blocks[: MAX_BLOCKS - 1 - len(tail)]
    keep.append(ContextBlock(elements=[MarkdownTextObject(text="…the rest is cut to fit one message.")]))
    return [*keep, *tail]


def fallback_text(answer: Answer) -> str:
    text = escape(answer.text)
    return text if len(text) <= FALLBACK_CHARS else text[: FALLBACK_CHARS - 1] + "…"


def answer_message(answer: Answer, **options: Any) -> dict[str, Any]:
    """`text`, `blocks` and metadata for chat.postMessage or respond().

    Links are not unfurled (a source link would otherwise grow a preview bigger than the
    answer), and the metadata names the kind of answer so other tools can build on it.
    """
    blocks = answer_blocks(answer, **options)
    return {
        "text": fallback_text(answer),
        "blocks": [b.to_dict() for b in blocks],
        "unfurl_links": False,
        "unfurl_media": False,
        "metadata": {
            "event_type": METADATA_EVENT,
            "event_payload": {"kind": answer.kind, "answered": answer.answered},
        },
    }


def all_people_messages(answer: Answer) -> list[dict[str, Any]]:
    """Every person of an answer, split over as many messages as Block Kit needs."""
    lines = [person_line(p) for p in answer.people]
    sections = _sections(lines)
    per_message = MAX_BLOCKS - 1
    messages = []
    for start in range(0, len(sections), per_message):
        header = SectionBlock(text=MarkdownTextObject(text=f"*{escape(answer.headline)}*"))
        blocks = [header, *sections[start : start + per_message]]
        names = ", ".join(p.name for p in answer.people)
        messages.append({"text": escape(names)[:FALLBACK_CHARS], "blocks": [b.to_dict() for b in blocks]})
    return messages


def text_message(text: str) -> dict[str, Any]:
    """A short plain message (apologies, thanks), escaped."""
    return mrkdwn_message(escape(text))


def mrkdwn_message(safe_text: str) -> dict[str, Any]:
    """A one-section message from mrkdwn that is already safe (its user parts escaped)."""
    return {"text": safe_text, "blocks": [SectionBlock(text=MarkdownTextObject(text=safe_text)).to_dict()]}
