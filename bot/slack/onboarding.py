"""Onboarding in Slack: the day-0 steps in the welcome, later steps as Slack scheduled messages,
the checklist (Home tab, DM, `/ask onboarding`) and its ticks.

Slack holds the scheduled messages, so the bot needs no scheduler of its own: it keeps only
their ids (to change them when `onboarding.yaml` is edited, or cancel them when a member
leaves) and each member's ticks, in `OnboardingStore`. Without steps every entry point here
declines and the bot behaves as it did before onboarding existed.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from slack_sdk import WebClient

from bot.engine import Engine
from bot.knowledge.model import KnowledgeBase, OnboardingStep
from bot.onboarding.store import Member, OnboardingStore, Scheduled
from bot.onboarding.timing import epoch, member_zone, send_time
from bot.slack.blocks import SECTION_CHARS
from bot.slack.markup import escape, mention

log = logging.getLogger("bot.slack.onboarding")

CHECK_ACTION = "onboarding_check"
STEP_BLOCK = "onboarding_step:"
REQUEST_WORDS = frozenset({"onboarding"})
NORWEGIAN_LOCALES = ("nb", "nn", "no")
SOONEST_SECONDS = 60
"""A step due within a minute (or already past) is not scheduled: Slack refuses times in the past."""
MAX_MESSAGE_STEPS = 40
"""A message holds 50 blocks; the welcome's own need the rest."""

_WORDS = {
    "en": {
        "title": "Your first days",
        "done": "Done",
        "ask": "Who to ask",
        "later": "More steps will come here over your first days; tick them off here or in my *Home* tab.",
        "progress": "{done} of {total} done",
        "preview": "These are the steps a new member of the group gets, day by day:",
        "day": "day {day}",
        "welcome_day": "in the welcome",
        "step": "A step for your first days",
    },
    "no": {
        "title": "Dine første dager",
        "done": "Ferdig",
        "ask": "Spør",
        "later": "Flere steg kommer her de første dagene; kryss dem av her eller i *Hjem*-fanen min.",
        "progress": "{done} av {total} ferdig",
        "preview": "Dette er stegene et nytt medlem av gruppen får, dag for dag:",
        "day": "dag {day}",
        "welcome_day": "i velkomsten",
        "step": "Et steg for de første dagene dine",
    },
}


def is_request(text: str) -> bool:
    """`onboarding` on its own (a DM, `/ask onboarding`): the member asks for their checklist."""
    return " ".join((text or "").lower().strip(" ?!.").split()) in REQUEST_WORDS


def language(locale: str | None) -> str:
    """'no' for a Norwegian Slack locale (nb-NO, nn-NO), else 'en'."""
    return "no" if (locale or "").lower().startswith(NORWEGIAN_LOCALES) else "en"


def step_text(kb: KnowledgeBase, step: OnboardingStep, lang: str) -> str:
    """The step's mrkdwn as the maintainers wrote it, then the people it names, @-mentioned when known."""
    text = step.text_no if lang == "no" and step.text_no else step.text
    people = [kb.people_by_id[p] for p in step.people if p in kb.people_by_id]
    if people:
        names = ", ".join(escape(p.name) + mention(p.slack, in_brackets=True) for p in people)
        text += f"\n_{_WORDS[lang]['ask']}: {names}_"
    return text[:SECTION_CHARS]


def digest(kb: KnowledgeBase, step: OnboardingStep, lang: str) -> str:
    """What a scheduled message says, in short: a stored one whose digest differs is out of date."""
    return hashlib.sha256(f"{step.day}\n{step_text(kb, step, lang)}".encode()).hexdigest()[:16]


def step_block(kb: KnowledgeBase, step: OnboardingStep, lang: str, checked: bool) -> dict[str, Any]:
    """A section with the step and a 'Done' checkbox: the same block in the welcome, a scheduled
    message, the Home tab and the DM checklist, so a tick anywhere is the same tick."""
    option = {"text": {"type": "mrkdwn", "text": _WORDS[lang]["done"]}, "value": step.id}
    element: dict[str, Any] = {"type": "checkboxes", "action_id": CHECK_ACTION, "options": [option]}
    if checked:
        element["initial_options"] = [option]
    return {
        "type": "section",
        "block_id": STEP_BLOCK + step.id,
        "text": {"type": "mrkdwn", "text": step_text(kb, step, lang)},
        "accessory": element,
    }


def step_of(block_id: str) -> str | None:
    return block_id.removeprefix(STEP_BLOCK) if block_id.startswith(STEP_BLOCK) else None


def checklist_blocks(kb: KnowledgeBase, lang: str, checks: set[str]) -> list[dict[str, Any]]:
    """A heading with how many are done, then every step with its checkbox."""
    words = _WORDS[lang]
    steps = kb.onboarding[:MAX_MESSAGE_STEPS]
    done = sum(s.id in checks for s in kb.onboarding)
    progress = words["progress"].format(done=done, total=len(kb.onboarding))
    head = {"type": "section", "text": {"type": "mrkdwn", "text": f"*{words['title']}* ({progress})"}}
    return [head, *(step_block(kb, s, lang, s.id in checks) for s in steps)]


def preview_text(kb: KnowledgeBase) -> str:
    """The steps as a list, for someone who is not onboarding: nothing to tick, but the same steps."""
    words = _WORDS["en"]
    lines = [words["preview"]]
    for step in kb.onboarding[:MAX_MESSAGE_STEPS]:
        when = words["welcome_day"] if step.day == 0 else words["day"].format(day=step.day)
        lines.append(f"• _{when}_: {step_text(kb, step, 'en')}")
    return "\n".join(lines)[:SECTION_CHARS]


def with_first_steps(welcome: dict[str, Any], kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    """The welcome DM with the day-0 steps (and a word that more will come) after its first section."""
    first = [s for s in kb.onboarding if s.day == 0][:MAX_MESSAGE_STEPS]
    words = _WORDS[lang]
    added: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*{words['title']}*"}}]
    added += [step_block(kb, s, lang, False) for s in first]
    if any(s.day > 0 for s in kb.onboarding):
        added.append({"type": "context", "elements": [{"type": "mrkdwn", "text": words["later"]}]})
    blocks = welcome["blocks"]
    return {**welcome, "blocks": [*blocks[:1], *added, *blocks[1:]][:50]}


class Onboarding:
    """Schedules, reschedules and cancels each member's steps; one lock, so a Slack retry, a live
    reload and a departure never interleave for the same member (all of them are rare)."""

    def __init__(self, store: OnboardingStore, now: Callable[[], datetime]) -> None:
        self.store = store
        self.now = now
        self._lock = threading.Lock()

    def start(
        self, client: WebClient, current: Callable[[], Engine], user: str, welcome: Callable[[Engine], dict[str, Any]]
    ) -> bool:
        """Welcome a new member with the day-0 steps and schedule the rest, once per member.

        False when there are no steps: the caller sends its plain welcome, as before onboarding.
        The knowledge is read under the lock, so a reload that ran meanwhile is never undone."""
        with self._lock:
            engine = current()
            kb = engine.kb
            if not kb.onboarding:
                return False
            if not self.store.join(user, self.now()):
                log.info("member %s is already onboarding; nothing is sent again", user)
                return True
            tz, tz_offset, lang = self._profile(client, user)
            self.store.update(user, tz=tz, tz_offset=tz_offset, lang=lang)
            try:
                posted = client.chat_postMessage(channel=user, **with_first_steps(welcome(engine), kb, lang))
            except Exception:
                self.store.forget(user)  # so that a later join event for them tries again
                raise
            self.store.update(user, channel=posted.get("channel") or user)
            member = self.store.member(user)
            if member is not None:
                self._bring_up_to_date(client, kb, member)
        return True

    def reschedule(self, client: WebClient, current: Callable[[], Engine]) -> None:
        """After an edit of the knowledge (or at start): steps not yet sent that changed are deleted and
        scheduled again, removed ones deleted, new ones scheduled; what was sent stays sent.

        The knowledge is read under the lock: a catch-up that waited for a reload then uses the newest."""
        if not self.store.exists():
            return
        with self._lock:
            kb = current().kb
            self.store.forget_old()
            for member in self.store.active_members():
                self._bring_up_to_date(client, kb, member)

    def leave(self, client: WebClient, user: str) -> None:
        """A deactivated member: their waiting messages are deleted, their record marked as left."""
        member = self.store.member(user)
        if member is None or member.left_at is not None:
            return
        with self._lock:
            waiting = epoch(self.now())
            for item in self.store.scheduled(user):
                if item.post_at > waiting:
                    self._delete(client, item)
            self.store.mark_left(user)
        log.info("member %s left; their waiting onboarding messages were deleted", user)

    def tick(self, user: str, step: str, checked: bool) -> bool:
        return self.store.set_check(user, step, checked)

    def member(self, user: str) -> Member | None:
        """A member who is onboarding (joined while there were steps, and has not left)."""
        member = self.store.member(user)
        return member if member is not None and member.left_at is None else None

    def checklist(self, engine: Engine, user: str) -> list[dict[str, Any]]:
        """The checklist blocks for an onboarding member; none for anyone else or without steps."""
        member = self.member(user) if engine.kb.onboarding else None
        if member is None:
            return []
        return checklist_blocks(engine.kb, member.lang, self.store.checks(user))

    def request_message(self, engine: Engine, user: str) -> dict[str, Any] | None:
        """What `onboarding` in a DM or `/ask` shows: the member's checklist, or the steps as a list.
        None without steps (the question is then answered as any other)."""
        kb = engine.kb
        if not kb.onboarding:
            return None
        blocks = self.checklist(engine, user)
        if not blocks:
            text = preview_text(kb)
            return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}
        member = self.member(user)
        return {"text": _WORDS[member.lang if member else "en"]["title"], "blocks": blocks}

    def _profile(self, client: WebClient, user: str) -> tuple[str | None, int | None, str]:
        """(tz, tz_offset, language) from users.info; UTC and English when Slack does not say."""
        try:
            profile = client.users_info(user=user, include_locale=True).get("user") or {}
        except Exception as exc:
            log.warning("could not read the time zone of %s (steps go out at 09:00 UTC): %s", user, exc)
            return None, None, "en"
        offset = profile.get("tz_offset")
        offset = offset if isinstance(offset, int) and not isinstance(offset, bool) else None
        return profile.get("tz") or None, offset, language(profile.get("locale"))

    def _bring_up_to_date(self, client: WebClient, kb: KnowledgeBase, member: Member) -> None:
        zone = member_zone(member.tz, member.tz_offset)
        now = epoch(self.now())
        wanted = {s.id: s for s in kb.onboarding if s.day > 0}
        kept: dict[str, Scheduled] = {}
        for item in self.store.scheduled(member.user):
            step = wanted.get(item.step)
            sent = item.post_at <= now
            if sent or (
                step is not None
                and item.digest == digest(kb, step, member.lang)
                and item.post_at == epoch(send_time(member.joined_at, step.day, zone))
            ):
                kept[item.step] = item
            else:
                self._delete(client, item)
        for step in wanted.values():
            if step.id in kept:
                continue
            post_at = epoch(send_time(member.joined_at, step.day, zone))
            if post_at <= now + SOONEST_SECONDS:
                continue  # its day has passed: a late step would only confuse
            self._schedule(client, kb, member, step, post_at)

    def _schedule(self, client: WebClient, kb: KnowledgeBase, member: Member, step: OnboardingStep, at: int) -> None:
        channel = member.channel or member.user
        text = step_text(kb, step, member.lang)
        fallback = f"{_WORDS[member.lang]['step']}: {text}"[:SECTION_CHARS]
        try:
            answer = client.chat_scheduleMessage(
                channel=channel, post_at=at, text=fallback, blocks=[step_block(kb, step, member.lang, False)]
            )
        except Exception as exc:
            log.warning("could not schedule step %s for %s: %s", step.id, member.user, exc)
            return
        message_id = str(answer.get("scheduled_message_id") or "")
        self.store.keep_scheduled(
            Scheduled(
                member.user, step.id, message_id, answer.get("channel") or channel, at, digest(kb, step, member.lang)
            )
        )

    def _delete(self, client: WebClient, item: Scheduled) -> None:
        try:
            client.chat_deleteScheduledMessage(channel=item.channel, scheduled_message_id=item.message_id)
        except Exception as exc:  # already sent, or deleted in Slack: nothing waits any more either way
            log.warning("could not delete scheduled step %s of %s: %s", item.step, item.user, exc)
        self.store.drop_scheduled(item.user, item.step)


def reload_hook(
    client: WebClient, onboarding: Onboarding, current: Callable[[], Engine]
) -> Callable[[Engine | None], None]:
    """For `KnowledgeSource.on_reload` (and a catch-up at start): bring every member's scheduled steps
    up to date with the knowledge `current()` serves when it runs (never an older one it was given)."""

    def on_reload(_engine: Engine | None = None) -> None:
        try:
            onboarding.reschedule(client, current)
        except Exception:
            log.exception("rescheduling the onboarding steps after a knowledge edit failed")

    return on_reload
