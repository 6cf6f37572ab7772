"""The terminal front end: `ask` (one question, JSON, batch) and `chat` (a conversation)."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import time

from bot.answer import Answer
from bot.conversations import Conversations
from bot.engine import Engine
from bot.knowledge.loader import default_knowledge_dir
from bot.observability import log_question
from bot.render import render_text
from bot.unanswered import UnansweredLog, recorder_from_settings
from bot.understanding.followup import Context

log = logging.getLogger("bot.terminal")

_EXIT_WORDS = {"quit", "exit", "bye", "q", ":q", "avslutt", "ha det"}


def _engine(args: argparse.Namespace) -> Engine:
    return Engine.from_directory(args.knowledge or default_knowledge_dir())


def _safe_answer(
    engine: Engine,
    question: str,
    front_end: str,
    recorder: UnansweredLog | None = None,
    context: Context | None = None,
    explain: bool = False,
) -> tuple[Answer, Context | None]:
    """Answer, log, record; a bug in the engine becomes an apology, not a crash."""
    started = time.perf_counter()
    try:
        answer, context = engine.converse(question, context, explain)
    except Exception:
        log.exception("the engine failed on a question")
        answer = Answer(question, "error", False, "Sorry, something went wrong while answering that.")
    elapsed = (time.perf_counter() - started) * 1000
    log_question(front_end, answer, elapsed)
    if recorder is not None:
        try:
            recorder.record(answer, front_end)
        except Exception as exc:  # storage trouble must not cost the user their answer
            log.warning("could not store an unanswered question in %s: %s", recorder.path, exc)
    return answer, context


def run_ask(args: argparse.Namespace) -> int:
    engine = _engine(args)
    recorder = _recorder(args)
    if args.batch and getattr(args, "threads", False):
        return _run_threads(engine, recorder, args)
    if args.batch:
        for line in sys.stdin:
            answer, _ = _safe_answer(engine, line.rstrip("\n"), "ask", recorder, explain=args.explain)
            _emit(answer, args)
        return 0
    question = " ".join(args.question)
    if not question and not sys.stdin.isatty():
        question = sys.stdin.read().strip()
    _emit(_safe_answer(engine, question, "ask", recorder, explain=args.explain)[0], args)
    return 0


def _run_threads(engine: Engine, recorder: UnansweredLog | None, args: argparse.Namespace) -> int:
    """JSON lines {"thread": ID, "q": TEXT}, threads interleaved: each read with its own thread's context."""
    contexts = Conversations()
    for line in sys.stdin:
        try:
            turn = json.loads(line)
            thread, question = str(turn["thread"]), str(turn["q"])
        except (ValueError, KeyError, TypeError):
            _emit(Answer(line.strip()[:200], "error", False, 'Each line should be {"thread": ID, "q": TEXT}.'), args)
            continue
        answer, context = _safe_answer(engine, question, "ask", recorder, contexts.get(thread), args.explain)
        contexts.put(thread, context)
        _emit(answer, args)
    return 0


def _emit(answer: Answer, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps(answer.to_json(explain=args.explain), ensure_ascii=False), flush=True)
    else:
        print(render_text(answer, explain=args.explain), flush=True)


def run_chat(args: argparse.Namespace) -> int:
    engine = _engine(args)
    recorder = _recorder(args)
    interactive = sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401 - arrow keys and history at the prompt, where the platform has it
        print(f"{engine.kb.project.name}: ask me anything about the group (Ctrl-D or 'quit' to leave).")
        print("Try: " + " | ".join(engine.examples()[:3]))
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
        answer, context = _safe_answer(engine, question, "chat", recorder, context, explain)
        print(render_text(answer, explain=getattr(args, "explain", False)))
        print()
    return 0


def _recorder(args: argparse.Namespace) -> UnansweredLog | None:
    return recorder_from_settings(getattr(args, "data_dir", None))
