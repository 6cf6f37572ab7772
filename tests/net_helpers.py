"""Ports and health checks for tests that run the bot as a process or a container."""

from __future__ import annotations

import socket
import subprocess
import urllib.request


def free_port() -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_healthz(port: int, timeout: float = 1) -> bool:
    """True once a bot in HTTP mode on this port says it is healthy."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """SIGTERM, as a container platform stops the bot; a bot that ignores it is killed (so none is left
    running after the tests) and the test fails."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
