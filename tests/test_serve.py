"""`python -m bot serve` as a real process: HTTP mode, live reload, refused edits reported, restarts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import KNOWLEDGE, ROOT
from tests.net_helpers import answers_healthz, free_port, stop
from tests.slack_helpers import post_signed_mention
from tests.slack_mock import SlackMock, wait_until

SECRET = "0123456789abcdef0123456789abcdef"


def mention(port: int, text: str, event_id: str) -> int:
    return post_signed_mention(f"http://127.0.0.1:{port}", text, event_id, SECRET)


class Served:
    """A running `serve` process: its port and its log (stderr, in a file that can be read at any time)."""

    def __init__(self, process: subprocess.Popen, port: int, log: Path) -> None:
        self.process, self.port, self.log_path = process, port, log

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(knowledge: Path, data: Path, mock: SlackMock, *, files: int | None = None, **env: str) -> Iterator[Served]:
    """Start `python -m bot serve` in HTTP mode against the mock; SIGTERM it at the end.

    `files` sets the process's limit of open files (`ulimit -n`), as a container would.
    """
    port = free_port()
    variables = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_", "LOG_"))},
        "SLACK_BOT_TOKEN": "xoxb-serve-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": mock.api_url,
        "BOT_MAINTAINERS_CHANNEL": "C0MAINTAIN",
        "BOT_DATA_DIR": str(data),
        **env,
    }

    def limit_files() -> None:
        if files is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))

    log = data.parent / f"serve-{port}.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--knowledge", str(knowledge), "--port", str(port)],
            cwd=ROOT,
            env=variables,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            preexec_fn=limit_files if files is not None else None,
        )
    served = Served(process, port, log)
    try:
        wait_until(lambda: answers_healthz(port) or process.poll() is not None, timeout=30)
        assert process.poll() is None, f"serve stopped at start:\n{served.log}"
        yield served
    finally:
        stop(process)


def _to_maintainers(mock: SlackMock) -> list[dict]:
    return [m for m in mock.of("chat.postMessage") if m.get("channel") == "C0MAINTAIN"]


def _in_general(mock: SlackMock) -> list[dict]:
    return [m for m in mock.of("chat.postMessage") if m.get("channel") == "C0GENERAL"]


def _touch(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def test_serve_answers_reloads_good_edits_reports_bad_ones_and_restarts_on_the_last_good(tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    data = tmp_path / "data"
    with SlackMock() as mock:
        with serving(knowledge, data, mock) as served:
            assert mention(served.port, "who is Elin Kure", "Ev0SERVE1") == 200
            first = mock.wait_for("chat.postMessage", 1)[0]
            assert "Elin Kure" in first["text"]

            _touch(knowledge / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
            wait_until(lambda: "knowledge reloaded" in served.log)
            mention(served.port, "who is Elin Kure", "Ev0SERVE2")
            second = mock.wait_for("chat.postMessage", 2)[1]
            assert "Elin H. Kure" in second["text"]

            _touch(knowledge / "people.yaml", "  - org: uib", "  - org: uibb")
            wait_until(lambda: any(m.get("channel") == "C0MAINTAIN" for m in mock.of("chat.postMessage")), 10)
            report = next(m for m in mock.of("chat.postMessage") if m.get("channel") == "C0MAINTAIN")
            assert "people.yaml:" in report["text"] and "uibb" in report["text"]

            mention(served.port, "who works in Bergen", "Ev0SERVE3")
            third = [m for m in mock.wait_for("chat.postMessage", 4) if m.get("channel") == "C0GENERAL"][-1]
            assert "Anders Molven" in third["text"], "the last good knowledge keeps serving"
        log = served.log
        assert "people.yaml:" in log and "uibb" in log
        assert "xoxb-serve-test" not in log and SECRET not in log
        assert served.process.returncode == 0, "SIGTERM is a normal stop"
        records = [json.loads(line) for line in log.splitlines()]  # every line one JSON object, bolt's too
        assert all(r.keys() >= {"time", "level", "logger", "message"} for r in records)
        assert any(r["logger"] == "bot.questions" and r["front_end"] == "slack" for r in records)

        reports = len(_to_maintainers(mock))
        with serving(knowledge, data, mock) as restarted:  # the broken edit is still there
            assert "serving the last good version" in restarted.log and "uibb" in restarted.log
            mention(restarted.port, "who is Elin Kure", "Ev0SERVE4")
            wait_until(lambda: len(_in_general(mock)) == 4)
            assert "Elin H. Kure" in _in_general(mock)[3]["text"], "the last good version, not the bundled one"
            wait_until(lambda: len(_to_maintainers(mock)) > reports)  # told again: the edit is still refused
