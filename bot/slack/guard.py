"""What bolt must never see: oversized, unsigned, stale, replayed or malformed Slack requests.

bolt reads and decodes the whole body before it checks the signature, answers a
malformed one with a 500 and a traceback, and logs the body of every request
whose signature fails. This WSGI layer goes first: it refuses a body over the
size limit from its Content-Length, checks the signature on the raw bytes
before anything is parsed, acts on a signed request once (keyed by its
timestamp and signature, as events are by their id), and answers 400 for a
body bolt could not parse. Each refusal is one log line with the reason and
never the body.
"""

from __future__ import annotations

import hmac
import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl

from slack_sdk.signature import SignatureVerifier

from bot.slack.dedupe import SeenEvents

log = logging.getLogger("bot.serve")

MAX_CLOCK_SKEW_SECONDS = 5 * 60  # Slack's own rule, as in slack_sdk's SignatureVerifier


class Refused(Exception):
    """A request that is answered `status` without reaching bolt."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class SlackRequestGuard:
    """WSGI middleware in front of bolt's adapter for POSTs to Slack's path; anything else passes through."""

    def __init__(
        self,
        inner: Callable,
        signing_secret: str,
        *,
        max_body_bytes: int,
        path: str = "/slack/events",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.inner = inner
        self.verifier = SignatureVerifier(signing_secret)  # Slack's own v0 signature, from slack_sdk
        self.max_body_bytes = max_body_bytes
        self.path = path
        self.clock = clock
        self.seen = SeenEvents()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") != "POST":
            return self.inner(environ, start_response)
        try:
            body, key = self._checked(environ)
        except Refused as refusal:
            log.warning("refused a request from %s: %s", environ.get("REMOTE_ADDR", "?"), refusal.reason)
            start_response(refusal.status, [("Content-Type", "application/json")])
            return [json.dumps({"error": refusal.reason}).encode()]
        if not self.seen.first_time(key):
            log.info("a signed request came again (same timestamp and signature): acknowledged, not acted on")
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b""]
        environ = {**environ, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
        return self.inner(environ, start_response)

    def _checked(self, environ: dict) -> tuple[bytes, str]:
        """(the body, its replay key) of a signed, well-formed request; Refused otherwise."""
        raw_length = (environ.get("CONTENT_LENGTH") or "0").strip()
        if not raw_length.isdecimal() or not raw_length.isascii():
            raise Refused("400 Bad Request", "Content-Length is not a number")
        if int(raw_length) > self.max_body_bytes:
            raise Refused("413 Content Too Large", f"a body over {self.max_body_bytes} bytes")
        body = environ["wsgi.input"].read(int(raw_length))
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not timestamp or not signature:
            raise Refused("401 Unauthorized", "not signed")
        if not (timestamp.isascii() and timestamp.isdecimal() and len(timestamp) <= 12):
            raise Refused("401 Unauthorized", "the signature's timestamp is not a number")
        if abs(self.clock() - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
            raise Refused("401 Unauthorized", "the signature's timestamp is more than 5 minutes off")
        text = _utf8(body)  # Slack signs text; bytes that are not UTF-8 cannot carry a valid signature
        expected = self.verifier.generate_signature(timestamp=timestamp, body=text) or ""
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise Refused("401 Unauthorized", "the signature does not match")
        _check_body(text, environ.get("CONTENT_TYPE", ""))
        return body, f"{timestamp}:{signature}"


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("400 Bad Request", "the body is not UTF-8") from None


def _check_body(text: str, content_type: str) -> None:
    """Refuse what bolt's parser would fail on: bad JSON, JSON nested past Python's stack."""
    if "json" in content_type or text.lstrip().startswith("{"):
        _check_json(text, "the body")
        return
    fields = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in fields:
        _check_json(fields["payload"], "the form's payload")


def _check_json(text: str, what: str) -> None:
    try:
        value = json.loads(text)
    except RecursionError:
        raise Refused("400 Bad Request", f"{what} is JSON nested too deeply") from None
    except ValueError:
        raise Refused("400 Bad Request", f"{what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise Refused("400 Bad Request", f"{what} is JSON but not an object")


class WithoutBodies(logging.Filter):
    """bolt writes request bodies into some log lines (a failed signature, an unhandled request):
    keep the line, drop the body."""

    KEYWORDS = ("Invalid request signature", "for the request", "Unhandled request")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for keyword in self.KEYWORDS:
            start = message.find(keyword)
            at = message.find(" (", start) if start >= 0 else -1
            if at >= 0:
                record.msg, record.args = message[:at] + " (body not logged)", None
                break
        return True


def keep_bodies_out_of_bolt_logs(*logger_names: str) -> None:
    """Put the filter on bolt's loggers (once each)."""
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithoutBodies) for f in logger.filters):
            logger.addFilter(WithoutBodies())
