"""Slack settings from the environment, checked up front with one clear line per mistake."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConfigError

_BOT_TOKEN = re.compile(r"^xoxb-[A-Za-z0-9-]+$")
_APP_TOKEN = re.compile(r"^xapp-[A-Za-z0-9-]+$")
_SECRET = re.compile(r"^[0-9a-fA-F]{16,}$")
WELCOME_MODES = ("team", "channel", "off")


@dataclass(frozen=True)
class SlackSettings:
    """How the Slack app connects and behaves. Build it with `from_env`."""

    bot_token: str
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None
    port: int = 3000
    welcome: str = "team"
    welcome_channels: tuple[str, ...] = ()
    maintainers_channel: str | None = None
    data_dir: Path | None = None
    knowledge_dir: Path | None = None
    api_timeout: float = 15.0

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None

    @classmethod
    def from_env(
        cls,
        environ: dict[str, str] | None = None,
        port: int | None = None,
        data_dir: Path | None = None,
        knowledge_dir: Path | None = None,
    ) -> SlackSettings:
        """Read and check the variables; raise ConfigError naming the variable and its form."""
        env = dict(os.environ if environ is None else environ)
        bot_token = _required(env, "SLACK_BOT_TOKEN", _BOT_TOKEN, "a bot token starting with xoxb-")
        app_token = _optional(env, "SLACK_APP_TOKEN", _APP_TOKEN, "an app-level token starting with xapp-")
        secret = _optional(env, "SLACK_SIGNING_SECRET", _SECRET, "the app's signing secret, 32 hexadecimal characters")
        if app_token is None and secret is None:
            raise ConfigError(
                "set SLACK_APP_TOKEN (xapp-..., for Socket Mode) or SLACK_SIGNING_SECRET "
                "(32 hexadecimal characters, for HTTP mode); see the README's Slack set-up"
            )
        api_url = env.get("SLACK_API_URL") or None
        if api_url is not None:
            if not api_url.startswith(("http://", "https://")):
                raise ConfigError(f"SLACK_API_URL should be a URL like https://slack.com/api/, got {api_url!r}")
            api_url = api_url if api_url.endswith("/") else api_url + "/"
        welcome = env.get("BOT_WELCOME", "team").strip().lower() or "team"
        if welcome not in WELCOME_MODES:
            raise ConfigError(f"BOT_WELCOME should be one of {', '.join(WELCOME_MODES)}, got {welcome!r}")
        channels = tuple(c.strip().lstrip("#") for c in env.get("BOT_WELCOME_CHANNELS", "").split(",") if c.strip())
        if welcome == "channel" and not channels:
            raise ConfigError("BOT_WELCOME=channel needs BOT_WELCOME_CHANNELS, e.g. 'general' or 'C0123ABCD'")
        return cls(
            bot_token=bot_token,
            app_token=app_token,
            signing_secret=secret,
            api_url=api_url,
            port=port if port is not None else _port(env),
            welcome=welcome,
            welcome_channels=channels,
            maintainers_channel=(env.get("BOT_MAINTAINERS_CHANNEL") or "").strip().lstrip("#") or None,
            data_dir=data_dir,
            knowledge_dir=knowledge_dir,
        )


def _required(env: dict[str, str], name: str, pattern: re.Pattern, form: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is not set: it should be {form}")
    if not pattern.match(value):
        raise ConfigError(f"{name} is malformed: it should be {form} (got {_preview(value)})")
    return value


def _optional(env: dict[str, str], name: str, pattern: re.Pattern, form: str) -> str | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if not pattern.match(value):
        raise ConfigError(f"{name} is malformed: it should be {form} (got {_preview(value)})")
    return value


def _preview(value: str) -> str:
    """Enough of a bad value to recognise it, never the secret itself."""
    return f"{value[:5]!r}... ({len(value)} characters)" if len(value) > 5 else f"{len(value)} characters"


def _port(env: dict[str, str]) -> int:
    raw = env.get("PORT", "3000").strip() or "3000"
    if not raw.isdecimal() or not 0 < int(raw) < 65536:
        raise ConfigError(f"PORT should be a port number from 1 to 65535, got {raw!r}")
    return int(raw)
