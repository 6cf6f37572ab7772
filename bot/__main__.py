"""`python -m bot`: see bot.cli."""

import sys

DEPENDENCIES = {"yaml", "rapidfuzz", "slack_bolt", "slack_sdk", "platformdirs", "waitress"}


def run() -> int:
    try:
        from bot.cli import main

        return main()
    except ModuleNotFoundError as missing:  # run from a checkout without installing: say how, calmly
        if (missing.name or "").split(".")[0] not in DEPENDENCIES:
            raise
        print(
            f"error: the bot needs the Python package '{missing.name}', which is not installed here. "
            "Install the bot first: python3 -m venv .venv && .venv/bin/pip install -e . (see README.md, Quickstart)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(run())
