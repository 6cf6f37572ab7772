"""The terminal front end: `ask` (one question, JSON, batch) and `chat` (a conversation)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from bot.answer import Answer
from bot.conversations import Conversations
from bot.engine import Engine
from bot.language.chat_markup import plain_text
from bot.render import render_text
from bot.service import AnswerService
from bot.settings import Settings
from bot.unanswered import recorder_for
from bot.understanding.followup import Context

_EXIT_WORDS = {"quit", "exit", "bye", "q", ":q", "avslutt", "ha det"}


def _service(args: argparse.Namespace, front_end: str) -> AnswerService:
    """The terminal's answer service: the configured knowledge and unanswered log (the flags win)."""
    settings = Settings.from_env(knowledge_dir=args.knowledge, data_dir=getattr(args, "data_dir", None))
    return AnswerService(Engine.from_directory(settings.knowledge_dir), front_end, recorder_for(settings))


def run_ask(args: argparse.Namespace) -> int:
    service = _service(args, "ask")
    if args.batch and getattr(args, "threads", False):
        return _run_threads(service, args)
    if args.batch:
        for line in sys.stdin:
            _emit(service.converse(plain_text(line.rstrip("\n")), explain=args.explain)[0], args)
        return 0
    question = " ".join(args.question)
    if not question and not sys.stdin.isatty():
        question = sys.stdin.read().strip()
    _emit(service.converse(plain_text(question), explain=args.explain)[0], args)
    return 0


def _run_threads(service: AnswerService, args: argparse.Namespace) -> int:
    """JSON lines {"thread": ID, "q": TEXT}, threads interleaved: each read with its own thread's context."""
    contexts = Conversations()
    for line in sys.stdin:
        try:
            turn = json.loads(line)
            thread, question = str(turn["thread"]), str(turn["q"])
        except (ValueError, KeyError, TypeError):
            _emit(Answer(line.strip()[:200], "error", False, 'Each line should be {"thread": ID, "q": TEXT}.'), args)
            continue
        answer, context = service.converse(plain_text(question), contexts.get(thread), args.explain)
        contexts.put(thread, context)
        _emit(answer, args)
    return 0


def _emit(answer: Answer, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(answer.to_json(explain=args.explain), ensure_ascii=False), flush=True)
    else:
        print(render_text(answer, explain=args.explain), flush=True)


def run_chat(args: argparse.Namespace) -> int:
    service = _service(args, "chat")
    interactive = sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401 - arrow keys and history at the prompt, where the platform has it
        print(f"{service.engine.kb.project.name}: ask me anything about the group (Ctrl-D or 'quit' to leave).")
        print("Try: " + " | ".join(service.engine.examples()[:3]))
    context: Context | None = None
    while True:
        try:
            question = input("> " if interactive else "")
        except EOFError:
            break
        if question.strip().lower() in _EXIT_WORDS:
            break
        if not question.strip() and not interactive:
            continue
        explain = getattr(args, "explain", False)
        answer, context = service.converse(plain_text(question), context, explain)
        print(render_text(answer, explain=getattr(args, "explain", False)))
        print()
    return 0
