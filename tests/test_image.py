"""The Docker image, built and run for real: HTTP mode against the mock Web API.

Runs only where a Docker engine answers; elsewhere it is skipped with the reason. Containers use
the host's network, so the bot inside reaches the mock on 127.0.0.1 and serves on 127.0.0.1 itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, ROOT
from tests.net_helpers import answers_healthz, free_port
from tests.slack_helpers import SECRET, post_signed_mention
from tests.slack_mock import SlackMock, wait_until


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


pytestmark = [
    pytest.mark.docker,
    pytest.mark.skipif(not _docker_answers(), reason="no Docker engine answers (docker info failed)"),
]


def docker(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def image() -> Iterator[str]:
    tag = f"group-bot:test-{uuid.uuid4().hex[:8]}"
    built = docker("build", "--network", "host", "--quiet", "-t", tag, str(ROOT), timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    yield tag
    docker("rmi", "--force", tag)


def test_the_image_answers_a_mention_is_healthy_runs_as_non_root_and_serves_edits(image: str, tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    knowledge.chmod(0o755)
    port = free_port()
    name = f"group-bot-test-{uuid.uuid4().hex[:8]}"
    with SlackMock() as mock:
        started = docker(
            "run", "--detach", "--network", "host", "--name", name,
            "--env", f"PORT={port}",
            "--env", "SLACK_BOT_TOKEN=xoxb-container-test",
            "--env", f"SLACK_SIGNING_SECRET={SECRET}",
            "--env", f"SLACK_API_URL={mock.api_url}",
            "--volume", f"{knowledge}:/knowledge",
            image,
        )  # fmt: skip
        assert started.returncode == 0, started.stderr
        try:
            wait_until(
                lambda: answers_healthz(port) or docker("inspect", "-f", "{{.State.Running}}", name).stdout != "true\n"
            )
            assert answers_healthz(port), docker("logs", name).stderr

            assert post_signed_mention(f"http://127.0.0.1:{port}", "who is Elin Kure", "Ev0IMAGE1") == 200
            [answer] = mock.wait_for("chat.postMessage")
            assert "Elin Kure" in answer["text"]

            health = docker("exec", name, *_healthcheck_command())
            assert health.returncode == 0, health.stdout + health.stderr

            owner = docker("exec", name, "stat", "-c", "%u", "/proc/1")  # the bot is the container's process 1
            assert owner.returncode == 0 and owner.stdout.strip() not in ("", "0"), owner.stdout + owner.stderr

            version = docker("exec", name, "python", "-c", "import sys; print('%d.%d' % sys.version_info[:2])")
            assert _version(version.stdout.strip()) >= _required_python(), version.stdout

            people = knowledge / "people.yaml"
            people.write_text(people.read_text(encoding="utf-8").replace("name: Elin Kure", "name: Elin H. Kure"))
            later = people.stat().st_mtime + 2
            os.utime(people, (later, later))
            wait_until(lambda: "knowledge reloaded" in docker("logs", name).stderr)
            post_signed_mention(f"http://127.0.0.1:{port}", "who is Elin Kure", "Ev0IMAGE2")
            second = mock.wait_for("chat.postMessage", 2)[1]
            assert "Elin H. Kure" in second["text"], "an edit to the knowledge volume is served"
        finally:
            docker("rm", "--force", name)


def _running(name: str) -> bool:
    return docker("inspect", "-f", "{{.State.Running}}", name).stdout.strip() == "true"


def _healthcheck_command() -> list[str]:
    line = next(
        x for x in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines() if x.startswith("HEALTHCHECK")
    )
    found = re.search(r"CMD (\[.*\])", line)
    assert found, line
    return json.loads(found.group(1))


def _version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor)


def _required_python() -> tuple[int, int]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _version(project["requires-python"].removeprefix(">="))
