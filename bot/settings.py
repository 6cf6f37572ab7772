"""Every setting of the bot, read from the environment in one place and checked up front.

Each front end (terminal, Slack, health check, report) builds one `Settings` with
`Settings.from_env` and reads nothing from the environment itself. `VARIABLES` lists
every variable with its default and meaning; the README's settings table is checked
against it by a test, so the two cannot drift apart.

A mistake is one clear line naming the variable and the form it wants; a secret's
value is never echoed, not even in part.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import ConfigError

APP_NAME = "research-group-bot"
WELCOME_MODES = ("team", "channel", "off")
_OFF = {"0", "false", "no", "off"}
_ON = {"1", "true", "yes", "on"}
_BOT_TOKEN = re.compile(r"^xoxb-[A-Za-z0-9-]+$")
_APP_TOKEN = re.compile(r"^xapp-[A-Za-z0-9-]+$")
_SECRET = re.compile(r"^[0-9a-fA-F]{16,}$")


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, its default as a person reads it, and what it does."""

    name: str
    default: str
    meaning: str
    flag: str = ""


VARIABLES: tuple[Variable, ...] = (
    Variable("SLACK_BOT_TOKEN", "— (required for `serve`)", "the bot token, `xoxb-…`"),
    Variable("SLACK_APP_TOKEN", "—", "app-level token `xapp-…`; when set, Socket Mode"),
    Variable("SLACK_SIGNING_SECRET", "—", "the app's signing secret; HTTP mode (when there is no app token)"),
    Variable("SLACK_API_URL", "`https://slack.com/api/`", "another Web API host (GovSlack, a proxy, tests)"),
    Variable("PORT", "`3000`", "HTTP mode's port", "serve --port N"),
    Variable(
        "BOT_KNOWLEDGE_DIR",
        "`./knowledge` if present, else the bundled one",
        "the knowledge directory",
        "--knowledge DIR",
    ),
    Variable(
        "BOT_DATA_DIR",
        "the per-user data directory (`~/.local/share/research-group-bot` on Linux; `/data` in the image)",
        "unanswered log, feedback, onboarding records, Socket Mode heartbeat",
        "--data-dir DIR",
    ),
    Variable("BOT_RECORD_UNANSWERED", "`on`", "`off` keeps no unanswered questions and no feedback"),
    Variable("BOT_UNANSWERED_DAYS", "`90`", "days a stored question or feedback is kept before it is deleted"),
    Variable(
        "BOT_ONBOARDING_DAYS",
        "`90`",
        "days a new member's onboarding record (join date, ticked steps, scheduled message ids) is kept",
    ),
    Variable("BOT_WELCOME", "`team`", "`team`, `channel` (only `BOT_WELCOME_CHANNELS`) or `off`"),
    Variable("BOT_WELCOME_CHANNELS", "—", "comma-separated channel names or ids, for `BOT_WELCOME=channel`"),
    Variable("BOT_MAINTAINERS_CHANNEL", "—", "channel id for refused knowledge edits and handed-off questions"),
    Variable(
        "BOT_HTTP_MAX_BODY_BYTES",
        "`1000000`",
        "HTTP mode: a request body over this many bytes gets 413 without being read",
    ),
    Variable("BOT_HTTP_IDLE_TIMEOUT", "`15`", "HTTP mode: seconds a connection may send nothing before it is closed"),
    Variable(
        "BOT_HTTP_MAX_CONNECTIONS",
        "`1000`",
        "HTTP mode: open connections at most (lowered to fit `ulimit -n`); at the cap the longest-idle one is closed",
    ),
    Variable("BOT_AGENT_VIEW", "`off`", "`on`: the manifest asks for Slack's agent view and suggested prompts"),
    Variable(
        "LOG_LEVEL",
        "`INFO` for `serve`, `WARNING` otherwise",
        "`DEBUG`, `INFO`, `WARNING`, `ERROR`; each log line a JSON object, one per question at `INFO`; no tokens",
    ),
)


def settings_table() -> str:
    """The README's settings table, made from `VARIABLES` (a test keeps the README equal to it)."""
    rows = ["| setting | default | meaning |", "| --- | --- | --- |"]
    for v in VARIABLES:
        name = f"`{v.name}` / `{v.flag}`" if v.flag else f"`{v.name}`"
        rows.append(f"| {name} | {v.default} | {v.meaning} |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Settings:
    """How the bot runs. Build it with `from_env`; the fields are already checked."""

    knowledge_dir: Path
    data_dir: Path
    record_unanswered: bool = True
    unanswered_days: int = 90
    onboarding_days: int = 90
    log_level: str | None = None
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None
    port: int = 3000
    welcome: str = "team"
    welcome_channels: tuple[str, ...] = ()
    maintainers_channel: str | None = None
    agent_view: bool = False
    api_timeout: float = 15.0
    http_max_body_bytes: int = 1_000_000
    http_idle_timeout: int = 15
    http_max_connections: int = 1000
    retry_backoff: float = 0.5
    """Seconds before retrying a dropped Slack connection, doubled each time, plus up to twice that at random."""

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values no log line may show."""
        return tuple(s for s in (self.bot_token, self.app_token, self.signing_secret) if s)

    @property
    def unanswered_path(self) -> Path:
        return self.data_dir / "unanswered.sqlite3"

    @property
    def onboarding_path(self) -> Path:
        return self.data_dir / "onboarding.sqlite3"

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        slack: bool = False,
        knowledge_dir: Path | None = None,
        data_dir: Path | None = None,
        port: int | None = None,
    ) -> Settings:
        """Read and check the variables (the flags given win over them).

        With `slack=True` the Slack variables are required and checked (for `serve`);
        otherwise they are read as they are, so a stray token never stops `ask`.
        """
        env = dict(os.environ if environ is None else environ)
        values = {
            "knowledge_dir": knowledge_dir or _directory(env, "BOT_KNOWLEDGE_DIR", _default_knowledge_dir),
            "data_dir": data_dir or _directory(env, "BOT_DATA_DIR", _default_data_dir),
            "record_unanswered": _switch(env, "BOT_RECORD_UNANSWERED", True),
            "unanswered_days": _whole_number(env, "BOT_UNANSWERED_DAYS", 90, low=1),
            "onboarding_days": _whole_number(env, "BOT_ONBOARDING_DAYS", 90, low=1),
            "log_level": (env.get("LOG_LEVEL") or "").strip().upper() or None,
            "port": port if port is not None else _port(env),
            "maintainers_channel": (env.get("BOT_MAINTAINERS_CHANNEL") or "").strip().lstrip("#") or None,
            "agent_view": _switch(env, "BOT_AGENT_VIEW", False),
            "http_max_body_bytes": _whole_number(env, "BOT_HTTP_MAX_BODY_BYTES", 1_000_000, low=1024),
            "http_idle_timeout": _whole_number(env, "BOT_HTTP_IDLE_TIMEOUT", 15, low=1),
            "http_max_connections": _whole_number(env, "BOT_HTTP_MAX_CONNECTIONS", 1000, low=1),
        }
        if slack:
            values.update(_slack_values(env))
        else:  # as they are: the health check needs the mode, the logs need the secrets to hide
            for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
                values[name.removeprefix("SLACK_").lower()] = (env.get(name) or "").strip() or None
        return cls(**values)


def _slack_values(env: dict[str, str]) -> dict[str, object]:
    bot_token = _token(env, "SLACK_BOT_TOKEN", _BOT_TOKEN, "a bot token starting with xoxb-", required=True)
    app_token = _token(env, "SLACK_APP_TOKEN", _APP_TOKEN, "an app-level token starting with xapp-")
    secret = _token(
        env, "SLACK_SIGNING_SECRET", _SECRET, "the app's signing secret (Slack gives 32 hexadecimal characters)"
    )
    if app_token is None and secret is None:
        raise ConfigError(
            "set SLACK_APP_TOKEN (xapp-..., for Socket Mode) or SLACK_SIGNING_SECRET "
            "(32 hexadecimal characters, for HTTP mode); see the README's Slack set-up"
        )
    welcome = (env.get("BOT_WELCOME") or "team").strip().lower() or "team"
    if welcome not in WELCOME_MODES:
        raise ConfigError(f"BOT_WELCOME should be one of {', '.join(WELCOME_MODES)}, got {welcome[:20]!r}")
    channels = tuple(c.strip().lstrip("#") for c in env.get("BOT_WELCOME_CHANNELS", "").split(",") if c.strip())
    if welcome == "channel" and not channels:
        raise ConfigError("BOT_WELCOME=channel needs BOT_WELCOME_CHANNELS, e.g. 'general' or 'C0123ABCD'")
    return {
        "bot_token": bot_token,
        "app_token": app_token,
        "signing_secret": secret,
        "api_url": _api_url(env),
        "welcome": welcome,
        "welcome_channels": channels,
    }


def _token(env: dict[str, str], name: str, pattern: re.Pattern, form: str, required: bool = False) -> str | None:
    value = env.get(name, "").strip()
    if not value:
        if required:
            raise ConfigError(f"{name} is not set: it should be {form}")
        return None
    if not pattern.match(value):
        # Say how long it is and nothing of what it holds: a secret pasted wrongly is still a secret.
        raise ConfigError(f"{name} is malformed: it should be {form} (got {len(value)} characters)")
    return value


def _api_url(env: dict[str, str]) -> str | None:
    value = (env.get("SLACK_API_URL") or "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        # A URL may carry a password (https://user:secret@proxy/): never echo it.
        raise ConfigError(
            "SLACK_API_URL should be a URL like https://slack.com/api/, with no user or password in it "
            f"(got {len(value)} characters)"
        )
    return value if value.endswith("/") else value + "/"


def _directory(env: dict[str, str], name: str, fallback: object) -> Path:
    """`$NAME` when set, else the fallback's directory: the one rule every directory setting follows."""
    configured = (env.get(name) or "").strip()
    if configured:
        return Path(configured).expanduser()
    return fallback()  # type: ignore[operator]


def _default_knowledge_dir() -> Path:
    """./knowledge when it holds people, else the knowledge bundled beside the package."""
    here = Path.cwd() / "knowledge"
    if (here / "people.yaml").exists():
        return here
    return Path(__file__).resolve().parents[1] / "knowledge"


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _switch(env: dict[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in _ON:
        return True
    if raw in _OFF:
        return False
    raise ConfigError(f"{name} should be on or off, got {raw[:20]!r}")


def _whole_number(env: dict[str, str], name: str, default: int, low: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdecimal() or int(raw) < low:
        raise ConfigError(f"{name} should be a whole number of at least {low}, got {raw[:20]!r}")
    return int(raw)


def _port(env: dict[str, str]) -> int:
    raw = (env.get("PORT") or "3000").strip() or "3000"
    if not raw.isdecimal() or not 0 < int(raw) < 65536:
        raise ConfigError(f"PORT should be a port number from 1 to 65535, got {raw[:20]!r}")
    return int(raw)
