"""The Dockerfile's own install and start steps, run in a fresh virtual environment.

There is no Docker engine on our machines, so this reads the Dockerfile and
does what it says: copy what it copies, run its `pip install`, start its
`CMD` (HTTP mode, against the local Slack mock), and run its `HEALTHCHECK`.
If the Dockerfile rots, this fails.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

from bot.health import HEARTBEAT_FILE, check_health
from tests.conftest import ROOT
from tests.slack_mock import SlackMock


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


def exec_form(arguments: str) -> list[str]:
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


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
    assert found[0][0] == "FROM" and "slim" in found[0][1]
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_image_steps_install_and_start_the_bot(tmp_path: Path):
    found = instructions()
    image = tmp_path / "image"
    workdir = image / "app"
    remap = {"/knowledge": str(image / "knowledge"), "/data": str(image / "data")}
    environment_of_image = {k: remap.get(v, v) for k, v in environment(found).items()}
    python = image / "venv" / "bin" / "python"
    venv.create(image / "venv", with_pip=True, system_site_packages=True)
    for name, arguments in found:
        if name == "WORKDIR":
            workdir = image / arguments.lstrip("/")
            workdir.mkdir(parents=True, exist_ok=True)
        elif name == "COPY":
            *sources, target = shlex.split(arguments)
            destination = Path(remap.get(target, target)) if target.startswith("/") else workdir / target
            for source in sources:
                origin = ROOT / source
                if origin.is_dir():
                    shutil.copytree(origin, destination, dirs_exist_ok=True)
                else:
                    destination.mkdir(parents=True, exist_ok=True)
                    shutil.copy(origin, destination / origin.name)
        elif name == "RUN" and arguments.startswith("pip "):
            command = [str(python), "-m", *shlex.split(arguments)]
            subprocess.run(command, cwd=workdir, check=True, capture_output=True, text=True, timeout=300)
    (image / "data").mkdir(exist_ok=True)
    start = next(exec_form(arguments) for name, arguments in found if name == "CMD")
    health = exec_form(next(arguments for name, arguments in found if name == "HEALTHCHECK").split("CMD", 1)[1].strip())
    assert start[0] == "python" and health[0] == "python"
    port = _free_port()
    with SlackMock() as mock:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))},
            **environment_of_image,
            "PORT": str(port),
            "SLACK_BOT_TOKEN": "xoxb-container-test",
            "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef",
            "SLACK_API_URL": mock.api_url,
        }
        outside = tmp_path / "elsewhere"  # the installed package, not this checkout, must serve
        outside.mkdir()
        server = subprocess.Popen(
            [str(python), *start[1:]], cwd=outside, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                        assert response.status == 200
                        break
                except OSError:
                    assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
                    time.sleep(0.2)
            else:
                raise AssertionError("the container's CMD never answered /healthz")
            result = subprocess.run([str(python), *health[1:]], cwd=outside, env=env, capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
        finally:
            server.terminate()
            server.wait(timeout=10)
    installed = subprocess.run(
        [str(python), "-c", "import bot, pathlib; print(pathlib.Path(bot.__file__).resolve())"],
        cwd=outside,
        capture_output=True,
        text=True,
    )
    assert str(image) in installed.stdout, "the bot ran from the image's install"


def test_socket_mode_health_is_the_heartbeat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-test")
    assert check_health(tmp_path)[0] is False
    (tmp_path / HEARTBEAT_FILE).write_text(str(time.time()), encoding="utf-8")
    assert check_health(tmp_path)[0] is True
    (tmp_path / HEARTBEAT_FILE).write_text(str(time.time() - 3600), encoding="utf-8")
    assert check_health(tmp_path)[0] is False


def test_http_health_fails_when_nothing_listens(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.setenv("PORT", str(_free_port()))
    healthy, reason = check_health()
    assert not healthy and "did not answer" in reason


def test_the_image_knows_where_its_files_are():
    env = environment(instructions())
    assert env["BOT_KNOWLEDGE_DIR"] == "/knowledge" and env["BOT_DATA_DIR"] == "/data"
    assert sys.version_info >= (3, 11)
