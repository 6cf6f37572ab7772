"""`python -m bot report`: unanswered questions grouped by similar text, most asked first."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from bot.language.text import fold
from bot.settings import Settings
from bot.unanswered import THUMBS_DOWN, StoredQuestion, parse_since, recorder_for

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


def format_report(groups: list[Group], since: str) -> str:
    if not groups:
        return f"No unanswered questions in the last {since}."
    total = sum(g.count for g in groups)
    lines = [f"{total} unanswered question(s) in the last {since}, in {len(groups)} group(s):", ""]
    for group in groups:
        last = max(q.asked_at for q in group.questions).strftime("%Y-%m-%d")
        extra = f", {group.thumbs_down} marked 👎" if group.thumbs_down else ""
        lines.append(f"{group.count:>4} × {group.example}   (last {last}{extra})")
        variants = sorted({q.question for q in group.questions} - {group.example})
        lines += [f"       also: {v}" for v in variants[:3]]
    lines += ["", "Add answers to faq.yaml (or people and places to the other files) and run `python -m bot check`."]
    return "\n".join(lines)


def run_report(args: argparse.Namespace) -> int:
    span = parse_since(args.since)
    log = recorder_for(Settings.from_env(data_dir=args.data_dir))
    if log is None:
        print("Recording of unanswered questions is off (BOT_RECORD_UNANSWERED).")
        return 0
    questions = log.since(datetime.now(UTC) - span)
    print(format_report(group_questions(questions), args.since))
    return 0
