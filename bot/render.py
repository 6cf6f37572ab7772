"""Answers as terminal text."""

from __future__ import annotations

from bot.answer import Answer


def render_text(answer: Answer, explain: bool = False) -> str:
    """A readable answer; with `explain`, what was matched and why this answer."""
    lines = [answer.headline]
    lines += [f"  {line}" if not line.startswith("  ") else line for line in answer.details]
    if answer.sources:
        lines.append("  Source: " + ", ".join(answer.sources))
    if explain:
        lines.append(f"  [kind {answer.kind}, answered {answer.answered}, confidence {answer.confidence:.2f}]")
        lines += [f"  [{line}]" for line in answer.explanation]
    return "\n".join(lines)
