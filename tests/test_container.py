"""What the Dockerfile says, read without Docker; the health check's two modes.

The image itself is built and run in `test_image.py` wherever a Docker engine answers.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from bot.health import HEARTBEAT_FILE, check_health
from tests.conftest import ROOT
from tests.net_helpers import free_port


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined."""
    lines: list[str] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def environment(found: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for name, arguments in found:
        if name == "ENV":
            for pair in shlex.split(arguments):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def test_dockerfile_has_what_a_container_platform_needs():
    found = instructions()
    names = [name for name, _ in found]
    stages = [arguments for name, arguments in found if name == "FROM"]
    assert len(stages) >= 2 and "slim" in stages[-1], "a build stage, and a slim image that keeps only its result"
    final = found[len(found) - 1 - names[::-1].index("FROM") :]
    assert not any(name == "RUN" and "pip install" in arguments for name, arguments in final), "no installing in it"
    assert not any(name == "COPY" and arguments.split()[-2:-1] == ["tests"] for name, arguments in found)
    user = [arguments for name, arguments in found if name == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert "HEALTHCHECK" in names and "CMD" in names
    volumes = " ".join(arguments for name, arguments in found if name == "VOLUME")
    assert "/knowledge" in volumes and "/data" in volumes
    assert any("--no-cache-dir" in arguments for name, arguments in found if name == "RUN" and "pip" in arguments)
    assert (ROOT / ".dockerignore").exists()


HADOLINT = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")


@pytest.mark.skipif(HADOLINT is None, reason="hadolint is installed with the test extras")
def test_hadolint_finds_nothing():
    result = subprocess.run([str(HADOLINT), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_socket_mode_health_is_the_heartbeat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-test")
    assert check_health(tmp_path)[0] is False
    (tmp_path / HEARTBEAT_FILE).write_text(str(time.time()), encoding="utf-8")
    assert check_health(tmp_path)[0] is True
    (tmp_path / HEARTBEAT_FILE).write_text(str(time.time() - 3600), encoding="utf-8")
    assert check_health(tmp_path)[0] is False


def test_http_health_fails_when_nothing_listens(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.setenv("PORT", str(free_port()))
    healthy, reason = check_health()
    assert not healthy and "did not answer" in reason


def test_the_image_knows_where_its_files_are():
    env = environment(instructions())
    assert env["BOT_KNOWLEDGE_DIR"] == "/knowledge" and env["BOT_DATA_DIR"] == "/data"


def test_the_images_python_is_one_the_bot_supports():
    """The base image's tag names its Python; pyproject.toml names the oldest the bot runs on."""
    stages = [arguments for name, arguments in instructions() if name == "FROM"]
    tag = re.fullmatch(r"python:(\d+)\.(\d+)\S*(?: AS \w+)?", stages[-1], re.IGNORECASE)
    assert tag, stages[-1]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    oldest = tuple(int(part) for part in project["requires-python"].removeprefix(">=").split("."))
    assert (int(tag.group(1)), int(tag.group(2))) >= oldest
