"""100 mentions arriving 10 at a time over signed HTTP: ack times and exactly-once answers.

    python benchmarks/bench_slack.py

Runs the real app (bolt, our listeners, the waitress HTTP server) against the
local mock of Slack's Web API, as the tests do, and prints the numbers.
"""

from __future__ import annotations

import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Engine  # noqa: E402
from tests.slack_helpers import event, running_bot  # noqa: E402
from tests.slack_mock import SlackMock  # noqa: E402

MENTIONS = 100
AT_ONCE = 10


def main() -> None:
    engine = Engine.from_directory(ROOT / "knowledge")
    with SlackMock() as mock, running_bot(mock, lambda: engine, process_before_response=False) as bot:

        def send(n: int) -> float:
            body = event("app_mention", event_id=f"Ev0BENCH{n:04d}", ts=f"1715002000.{n:06d}")
            started = time.perf_counter()
            status, _ = bot.send_event(body)
            assert status == 200
            return time.perf_counter() - started

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
            acks = list(pool.map(send, range(MENTIONS)))
        mock.wait_for("chat.postMessage", MENTIONS, timeout=60)
        elapsed = time.perf_counter() - started
        time.sleep(0.5)
        posted = mock.of("chat.postMessage")
        # ordinary questions point at no post: reading one (conversations.*) would cost them a call to Slack
        fetched = len(mock.of("conversations.replies")) + len(mock.of("conversations.info"))
    threads = {m["thread_ts"] for m in posted}
    print(f"{MENTIONS} mentions, {AT_ONCE} at a time, signed HTTP, real bolt app, local mock Web API")
    print(f"   ack: median {statistics.median(acks) * 1000:.0f} ms, max {max(acks) * 1000:.0f} ms (target < 3000 ms)")
    print(f"   all answered in {elapsed:.2f} s; {len(posted)} replies for {len(threads)} distinct questions")
    print(f"   exactly once: {len(posted) == MENTIONS == len(threads)}")
    print(f"   posts read for 'this' (conversations.replies/info): {fetched} (expected 0)")


if __name__ == "__main__":
    main()
