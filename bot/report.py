"""`python -m bot report`: unanswered questions grouped by similar text, most asked first."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from bot.language.text import fold
from bot.settings import Settings
from bot.unanswered import (
    FEEDBACK_REASON,
    HANDED_OFF,
    THUMBS_DOWN,
    THUMBS_UP,
    UNANSWERED,
    StoredQuestion,
    parse_since,
    recorder_for,
)

# What a maintainer should act on: questions the bot missed, and answers people said were wrong.
_TO_ACT_ON = (UNANSWERED, THUMBS_DOWN, HANDED_OFF, "error")

SIMILAR = 80


@dataclass
class Group:
    """Questions that ask the same thing in other words."""

    key: str
    questions: list[StoredQuestion] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def example(self) -> str:
        texts = [q.question for q in self.questions]
        return max(set(texts), key=texts.count)

    @property
    def thumbs_down(self) -> int:
        return sum(q.reason == THUMBS_DOWN for q in self.questions)

    @property
    def handed_off(self) -> int:
        return sum(q.reason == HANDED_OFF for q in self.questions)


def helpfulness(questions: list[StoredQuestion]) -> dict[str, tuple[int, int]]:
    """Per kind of answer: (👍, 👍 + 👎), from the feedback buttons."""
    counts: dict[str, list[int]] = {}
    for q in questions:
        if q.reason in (THUMBS_UP, THUMBS_DOWN):
            up_total = counts.setdefault(q.kind or "unknown", [0, 0])
            up_total[0] += q.reason == THUMBS_UP
            up_total[1] += 1
    return {kind: (up, total) for kind, (up, total) in sorted(counts.items())}


def format_helpfulness(shares: dict[str, tuple[int, int]]) -> list[str]:
    if not shares:
        return []
    lines = ["Helpful answers (👍 of all 👍/👎), by kind of answer:"]
    lines += [f"{up * 100 // total:>5}%  {kind}  ({up} of {total})" for kind, (up, total) in shares.items()]
    return [*lines, ""]


def group_questions(questions: list[StoredQuestion]) -> list[Group]:
    """Greedy grouping by rapidfuzz's token-set similarity of the folded text."""
    groups: list[Group] = []
    for question in questions:
        key = " ".join("".join(c if c.isalnum() else " " for c in fold(question.question)).split())
        for group in groups:
            if fuzz.token_sort_ratio(key, group.key) >= SIMILAR:
                group.questions.append(question)
                break
        else:
            groups.append(Group(key, [question]))
    groups.sort(key=lambda g: (-g.count, g.key))
    return groups


def format_report(groups: list[Group], since: str, questions: list[StoredQuestion] | None = None) -> str:
    """The groups to act on, then how helpful each kind of answer was, then what people said was wrong."""
    questions = questions or []
    head = format_helpfulness(helpfulness(questions))
    reasons = [q for q in questions if q.reason == FEEDBACK_REASON]
    tail = ["What people said was wrong:", *(f"  [{q.kind}] {q.question}: {q.detail}" for q in reasons[-20:]), ""]
    if not groups:
        return "\n".join([*head, *(tail if reasons else []), f"No unanswered questions in the last {since}."])
    total = sum(g.count for g in groups)
    lines = [*head, f"{total} unanswered question(s) in the last {since}, in {len(groups)} group(s):", ""]
    for group in groups:
        last = max(q.asked_at for q in group.questions).strftime("%Y-%m-%d")
        extra = f", {group.thumbs_down} marked 👎" if group.thumbs_down else ""
        extra += f", {group.handed_off} handed to a person" if group.handed_off else ""
        lines.append(f"{group.count:>4} × {group.example}   (last {last}{extra})")
        variants = sorted({q.question for q in group.questions} - {group.example})
        lines += [f"       also: {v}" for v in variants[:3]]
    if reasons:
        lines += ["", *tail[:-1]]
    lines += ["", "Add answers to faq.yaml (or people and places to the other files) and run `python -m bot check`."]
    return "\n".join(lines)


def run_report(args: argparse.Namespace) -> int:
    if getattr(args, "what", "questions") == "onboarding":
        from bot.onboarding.report import run_onboarding_report

        settings = Settings.from_env(data_dir=args.data_dir)
        return run_onboarding_report(settings, parse_since(args.since) if args.since else None, args.since)
    args.since = args.since or "30d"
    span = parse_since(args.since)
    log = recorder_for(Settings.from_env(data_dir=args.data_dir))
    if log is None:
        print("Recording of unanswered questions is off (BOT_RECORD_UNANSWERED).")
        return 0
    questions = log.since(datetime.now(UTC) - span)
    to_act_on = [q for q in questions if q.reason in _TO_ACT_ON]
    print(format_report(group_questions(to_act_on), args.since, questions))
    return 0
