"""`python -m bot report onboarding`: who joined lately and how far through their steps they are.

Maintainers see whether the steps are used (and by whom they are not), without asking each new
member. Members appear as Slack ids only: the bot keeps no names. The records are opened
read-only, so a report never changes what the running bot keeps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge
from bot.onboarding.store import Progress, read_progress
from bot.settings import Settings


def format_onboarding(progress: list[Progress], since: str, step_ids: tuple[str, ...] | None) -> str:
    """One line per member: when they joined, their Slack id, how many steps they ticked."""
    if not progress:
        return f"No new members in the last {since}."
    lines = [f"{len(progress)} member(s) joined in the last {since}:"]
    for item in progress:
        member = item.member
        if step_ids is None:
            done = f"{len(item.checked)} step(s) checked"
        else:
            done = f"{len(item.checked & set(step_ids))} of {len(step_ids)} steps checked"
        left = f" (left {member.left_at:%Y-%m-%d})" if member.left_at else ""
        lines.append(f"  {member.joined_at:%Y-%m-%d}  {member.user}  {done}{left}")
    return "\n".join(lines)


def run_onboarding_report(settings: Settings, since: timedelta | None, since_text: str | None) -> int:
    """The report over `since` (by default the whole retention period, BOT_ONBOARDING_DAYS)."""
    span = since if since is not None else timedelta(days=settings.onboarding_days)
    label = since_text or f"{settings.onboarding_days}d"
    try:
        step_ids: tuple[str, ...] | None = tuple(s.id for s in load_knowledge(settings.knowledge_dir).onboarding)
    except KnowledgeError:
        step_ids = None  # the counts of ticks are still right; only "of N" is left out
    now = datetime.now(UTC)
    progress = read_progress(settings.onboarding_path, now - span, settings.onboarding_days, now)
    print(format_onboarding(progress, label, step_ids))
    return 0
