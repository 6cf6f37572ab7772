"""A local websocket server that plays Slack's Socket Mode: envelopes out, acks in."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve


class SocketModeServer:
    """Sends envelopes the way Slack's Socket Mode does and keeps the acks it gets back."""

    def __init__(self) -> None:
        self.outbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.acks: list[dict[str, Any]] = []
        self.connections = 0
        self._server = serve(self._handle, "127.0.0.1", 0)
        self.port = self._server.socket.getsockname()[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link/?ticket=test"

    def _handle(self, websocket: ServerConnection) -> None:
        self.connections += 1
        websocket.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}}))
        while True:
            try:
                websocket.send(json.dumps(self.outbox.get(timeout=0.02)))
            except queue.Empty:
                pass
            except ConnectionClosed:
                return
            try:
                self.acks.append(json.loads(websocket.recv(timeout=0.02)))
            except TimeoutError:
                continue
            except ConnectionClosed:
                return

    def send(self, envelope_id: str, kind: str, payload: dict[str, Any], retry_attempt: int = 0) -> None:
        self.outbox.put(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": retry_attempt,
                "retry_reason": "timeout" if retry_attempt else "",
            }
        )

    def acked(self, envelope_id: str) -> bool:
        return any(a.get("envelope_id") == envelope_id for a in self.acks)

    def close(self) -> None:
        self._server.shutdown()
