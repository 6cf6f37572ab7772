"""Help, greetings, the FAQ, and the honest "I don't know" with examples."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answer import EXAMPLES, NOTE, Answer, Part
from bot.answering.base import AnswerBase, cue_content, explains_enough
from bot.answering.retrieval import best, rank
from bot.language import lexicon
from bot.language.phrases import say
from bot.understanding.parser import Parse, phrase_positions

FAQ_MIN = 0.75


_ASKS_SOMETHING = (lexicon.WHO_WORDS | lexicon.WHAT_WORDS | lexicon.WHERE_WORDS) - lexicon.GREETING_WORDS
"""Words of a question beside a greeting ('how' is left out: "hi, how are you?" is a hello)."""


class TalkAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _empty(self, p: Parse) -> Answer | None:
        if p.tokens:
            return None
        if p.text.strip(" ?!.,;:-"):
            return self._not_known(p, say("dont_know", p.language))  # emoji, symbols only
        return self._help_answer(p, kind="help")

    def _faq(self, p: Parse) -> Answer | None:
        if not self._faq_docs:
            return None
        # a count ("how many boats?") is not answered by an entry that only shares its noun
        found = (
            []
            if p.count
            else best(
                rank(p.content + cue_content(p), self._faq_docs, self.index, translate=p.language != "en"), FAQ_MIN
            )
        )
        if not found:
            asked = [(question, entry) for entry, _ in self._faq_docs for question in entry.questions]
            scored = process.extractOne(
                p.text, [question for question, _ in asked], scorer=fuzz.token_set_ratio, score_cutoff=90
            )
            if not scored:
                return None
            entry = asked[scored[2]][1]
            confidence = scored[1] / 100
        else:
            entry, confidence = found[0].item, found[0].score
        return Answer(p.text, "faq", True, entry.answer, confidence=confidence, language=p.language)

    def _help(self, p: Parse) -> Answer | None:
        about_the_bot = p.has("who", "what") and not p.mentions and any(k in lexicon.SELF_WORDS for k in p.keys)
        about_the_bot = about_the_bot and p.cues <= {"who", "what", "greeting"}  # not "can you list the themes"
        if p.help and p.mentions:
            return None  # "what do you know about <a name>?": about that, not about the bot
        asks_about_bot = about_the_bot and not p.unknown and explains_enough(p)
        return self._help_answer(p, kind="help") if p.help or asks_about_bot else None

    def _greeting(self, p: Parse) -> Answer | None:
        if not p.has("greeting") or p.unknown or p.mentions or not explains_enough(p):
            return None
        if any(k in _ASKS_SOMETHING for k in p.keys) and (p.content or p.has("who", "leader", "project")):
            return None  # "hey, who is <nobody knows>?": a question nothing answered, not a hello
        if phrase_positions(p.keys, lexicon.NORWEGIAN_GREETING_PHRASES):
            p.language = "no"  # 'god morgen', 'ha det': Norwegian by the phrase, though no single word says so
        bye = any(k in lexicon.BYE_WORDS for k in p.keys) or bool(phrase_positions(p.keys, lexicon.BYE_PHRASES))
        if bye or any(k in lexicon.THANKS_WORDS for k in p.keys):
            key = "thanks" if any(k in lexicon.THANKS_WORDS for k in p.keys) else "bye"
            return Answer(
                p.text, "greeting", True, say(key, p.language), confidence=1.0, language=p.language, closes=True
            )
        return self._help_answer(p, kind="greeting")

    def _stop(self, p: Parse) -> Answer | None:
        """'stop', 'that's enough', 'be quiet please': the asker wants the conversation to end."""
        if not p.keys or not any(k in lexicon.STOP_WORDS for k in p.keys):
            return None
        if not all(k in lexicon.STOP_WORDS or k in lexicon.STOP_FILLER for k in p.keys):
            return None  # "stop codon", "who works on enough ..." are questions
        return Answer(
            p.text, "greeting", True, say("stop", p.language), confidence=1.0, language=p.language, closes=True
        )

    def _help_answer(self, p: Parse, kind: str) -> Answer:
        project = self.kb.project
        name = project.name_no if p.language == "no" and project.name_no else project.name
        help_text = say("help", p.language, name=name)
        headline = say("greeting", p.language, help=help_text) if kind == "greeting" else help_text
        return Answer(
            p.text,
            kind,
            True,
            headline,
            parts=(Part(NOTE, (say("try", p.language),)), Part(EXAMPLES, tuple(self.examples(p.language)))),
            confidence=1.0,
            language=p.language,
        )

    def _dont_know(self, p: Parse) -> Answer:
        suggestions: tuple[str, ...] = ()
        if p.unknown and len(p.tokens) <= 4:
            suggestions = self._similar_people(" ".join(t.original for t in p.unknown), p)
        return self._not_known(p, say("dont_know", p.language), suggestions)
