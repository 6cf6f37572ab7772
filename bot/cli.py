"""The command line: `python -m bot [ask|chat|check|serve|manifest|report]`.

Library errors become one calm line and an exit code here, in one place;
nothing below this module calls sys.exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import BotError, ConfigError, KnowledgeError
from bot.logs import setup_logging
from bot.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answers questions about a research group from its YAML knowledge base.",
        epilog="With no command: the Slack bot when Slack tokens are set, else the terminal chat.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def knowledge_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--knowledge",
            metavar="DIR",
            type=Path,
            help="knowledge directory (default: $BOT_KNOWLEDGE_DIR, ./knowledge, or the bundled one)",
        )

    def data_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data-dir",
            metavar="DIR",
            type=Path,
            help="where unanswered questions are kept (default: $BOT_DATA_DIR or a per-user data directory)",
        )

    ask = commands.add_parser("ask", help="answer one question, or many with --batch")
    knowledge_option(ask)
    data_option(ask)
    ask.add_argument("question", nargs="*", help="the question (quote it or not)")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--batch", action="store_true", help="read one question per line from stdin")
    ask.add_argument("--explain", action="store_true", help="show the typed query and which words matched what")
    ask.add_argument(
        "--threads",
        action="store_true",
        help='with --batch: JSON lines {"thread": ID, "q": TEXT}, each read in the light of its own thread',
    )

    chat = commands.add_parser("chat", help="talk to the bot in the terminal")
    knowledge_option(chat)
    data_option(chat)
    chat.add_argument("--explain", action="store_true", help="show how each answer was found")

    check = commands.add_parser("check", help="validate the knowledge files")
    knowledge_option(check)

    serve = commands.add_parser("serve", help="run the Slack bot (Socket Mode or HTTP)")
    knowledge_option(serve)
    data_option(serve)
    serve.add_argument("--port", type=int, help="HTTP mode port (default: $PORT or 3000)")

    manifest = commands.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument(
        "--http",
        metavar="URL",
        help="use HTTP request URLs at this public base URL instead of Socket Mode",
    )

    health = commands.add_parser("healthcheck", help="exit 0 when the running bot is healthy (for containers)")
    data_option(health)

    report = commands.add_parser(
        "report", help="list the questions the bot could not answer (or, with `onboarding`, new members' progress)"
    )
    data_option(report)
    report.add_argument(
        "what",
        nargs="?",
        choices=("questions", "onboarding"),
        default="questions",
        help="questions (the default) or onboarding: who joined lately and how many steps they ticked",
    )
    report.add_argument("--since", help="how far back: 7d, 12h, 30d (default 30d; for onboarding, BOT_ONBOARDING_DAYS)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        command = args.command or ("serve" if settings.bot_token else "chat")
        setup_logging("INFO" if command == "serve" else "WARNING", settings)
        if command == "ask":
            from bot.terminal import run_ask

            return run_ask(args)
        if command == "chat":
            from bot.terminal import run_chat

            return run_chat(_with_defaults(args, knowledge=None, data_dir=None, explain=False))
        if command == "check":
            return run_check(args.knowledge)
        if command == "serve":
            from bot.slack.serve import run_serve

            return run_serve(_with_defaults(args, knowledge=None, data_dir=None, port=None))
        if command == "manifest":
            from bot.slack.manifest import manifest_yaml

            print(manifest_yaml(http_url=args.http, agent_view=settings.agent_view), end="")
            return EXIT_OK
        if command == "healthcheck":
            from bot.health import check_health

            healthy, reason = check_health(args.data_dir)
            print(("healthy: " if healthy else "unhealthy: ") + reason)
            return EXIT_OK if healthy else EXIT_FAILED
        if command == "report":
            from bot.report import run_report

            return run_report(args)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_FAILED
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return EXIT_USAGE


def _with_defaults(args: argparse.Namespace, **defaults: object) -> argparse.Namespace:
    for key, value in defaults.items():
        if not hasattr(args, key):
            setattr(args, key, value)
    return args


def run_check(directory: Path | None) -> int:
    """Validate the knowledge; one line per problem, warnings too."""
    from bot.knowledge.loader import load_knowledge

    directory = Settings.from_env(knowledge_dir=directory).knowledge_dir
    kb = load_knowledge(directory)
    for warning in kb.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"ok: {directory}: {len(kb.people)} people, {len(kb.organisations)} organisations, "
        f"{len(kb.themes)} themes, {len(kb.project.facts)} facts, {len(kb.faq)} FAQ entries"
        + (f", {len(kb.onboarding)} onboarding steps" if kb.onboarding else "")
    )
    return EXIT_OK
