"""The last knowledge that passed `check`, kept in the data directory.

A maintainer's broken edit followed by a restart (a deploy, a crash, a reboot)
would otherwise stop the bot at start: a restart policy turns that into a crash
loop. With this copy the bot starts on the last good version, says so loudly,
and picks up the folder again as soon as it is fixed.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path

from bot.knowledge.files import MAX_FILE_BYTES, Snapshot, read_regular_file

log = logging.getLogger("bot.knowledge.last_good")

FILE_NAME = "last-good-knowledge.json"


class LastGood:
    """One JSON file: the folder it came from, when it was saved, and each YAML file's text."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._warned = False

    def save(self, snapshot: Snapshot, source: Path) -> None:
        """Replace the copy atomically; a read-only data directory only costs a warning (once)."""
        record = {
            "source": str(Path(source).resolve()),
            "saved": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            "files": {name: data.decode("utf-8") for name, data in snapshot.items()},
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=".last-good-", dir=self.path.parent)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                    json.dump(record, out, ensure_ascii=False)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as exc:
            if not self._warned:
                log.warning("could not keep a copy of the good knowledge in %s: %s", self.path.parent, exc)
                self._warned = True

    def load(self, source: Path) -> tuple[Snapshot, str] | None:
        """(files, when saved) if a copy of this same folder is kept, else None."""
        try:
            record = json.loads(read_regular_file(self.path, limit=5 * MAX_FILE_BYTES))
            if record.get("source") != str(Path(source).resolve()):
                return None
            files = {str(name): str(text).encode("utf-8") for name, text in record["files"].items()}
            return files, str(record.get("saved", "an unknown time"))
        except Exception as exc:  # missing, unreadable or damaged: there is simply no fallback
            log.debug("no usable last good knowledge in %s: %s", self.path, exc)
            return None
