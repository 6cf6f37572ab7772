"""`python -m bot healthcheck`: the container's HEALTHCHECK, for either mode.

HTTP mode asks the running server's /healthz. Socket Mode has no port, so the
serving process keeps a heartbeat file fresh while its websocket is connected,
and this checks its age.
"""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

from bot.settings import Settings

HEARTBEAT_FILE = "heartbeat"
STALE_AFTER_SECONDS = 60


def heartbeat_age(data_dir: Path) -> float | None:
    try:
        return time.time() - float((data_dir / HEARTBEAT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def check_health(data_dir: Path | None = None, timeout: float = 4.0) -> tuple[bool, str]:
    """(healthy, reason) for the bot configured by the environment."""
    settings = Settings.from_env(data_dir=data_dir)
    if settings.socket_mode:
        age = heartbeat_age(settings.data_dir)
        if age is None:
            return False, "no Socket Mode heartbeat yet"
        return age < STALE_AFTER_SECONDS, f"Socket Mode heartbeat {age:.0f} s old"
    port = settings.port
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as response:
            return response.status == 200, f"/healthz answered {response.status}"
    except OSError as exc:
        return False, f"/healthz on port {port} did not answer: {exc}"
