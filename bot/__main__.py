"""`python -m bot`: see bot.cli."""

import sys

try:
    from bot.cli import main
except ModuleNotFoundError as missing:  # run from a checkout without installing: say how, calmly
    sys.exit(
        f"error: the bot needs the Python package '{missing.name}', which is not installed here. "
        "Install the bot first: python3 -m venv .venv && .venv/bin/pip install -e . (see README.md, Quickstart)"
    )

if __name__ == "__main__":
    sys.exit(main())
