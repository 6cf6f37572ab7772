"""When a step is sent: 09:00 in the member's own time zone, on a workday.

A message that arrives at 03:00 or on a Saturday is read late or resented, so each step is
placed at the start of the member's working day. Slack's profile gives an IANA zone name
(`tz`) and its current offset (`tz_offset`); the name is preferred because it knows summer
time, the offset is the fallback when the name is unknown here, and UTC the last resort.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SEND_HOUR = 9
SATURDAY = 5


def member_zone(tz: str | None, tz_offset: int | None) -> tzinfo:
    """The member's time zone from Slack's `users.info` (`tz`, else `tz_offset` seconds, else UTC)."""
    if tz:
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    if isinstance(tz_offset, int) and not isinstance(tz_offset, bool) and abs(tz_offset) < 24 * 3600:
        return timezone(timedelta(seconds=tz_offset))
    return UTC


def workday(day: date) -> date:
    """The day itself, or the Monday after when it falls on a weekend."""
    if day.weekday() >= SATURDAY:
        return day + timedelta(days=7 - day.weekday())
    return day


def send_time(joined: datetime, day: int, zone: tzinfo) -> datetime:
    """09:00 local time `day` days after the local date of joining, moved from a weekend to Monday."""
    if joined.tzinfo is None:
        raise ValueError("the time of joining must carry its time zone")
    local_date = joined.astimezone(zone).date() + timedelta(days=day)
    return datetime.combine(workday(local_date), time(SEND_HOUR), tzinfo=zone)


def epoch(moment: datetime) -> int:
    """Whole seconds since 1970, as Slack's `post_at` takes them."""
    return int(moment.timestamp())
