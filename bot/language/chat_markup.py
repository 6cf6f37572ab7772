"""Chat markup read as the words the writer meant: `plain_text`.

People type questions in chat the way they chat: an emoji between words, a phrase in
`*bold*`, a word struck out and corrected (`who is in ~the north~ the south?`), a line quoted
from someone else above their own. The understanding reads words, so what is not a word
of the question must go before it reads: emoji and emphasis markers are noise, a struck-out
word was taken back by its writer, and a quoted line is context, not the question. Slack
and the terminal both type this way, so it lives here, with no Slack import; Slack's own
`<…>` specials (mentions, links) are decoded before this, by the Slack front end.

Markup is only markup where chat apps treat it so: a marker opens after a space or
punctuation and closes before one, so `snake_case`, `2*3`, `10:30` and `note: …` are the
writer's text and survive.
"""

from __future__ import annotations

import re

# Code is quoted literally: its contents are kept as typed, only the backticks go.
_FENCED_CODE = re.compile(r"```(.*?)```", re.DOTALL)
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
# A web address is where to look, not words of the question (its parts would read as unknown names).
_ADDRESS = re.compile(r"\b(?:https?|ftp)://[^\s<>]*[^\s<>.,;:!?)\]'\"]", re.IGNORECASE)
# ~struck out~: opens after a non-letter, closes before one, on one line, never around blanks.
_STRUCK = re.compile(r"(?<![^\W_])(?<!~)~(?=[^\s~])[^~\n]*?(?<=[^\s~])~(?![^\W_])(?!~)")
# :shortcode: (:+1:, :male-scientist:, :wave::skin-tone-3:); never after a letter or digit (10:30:45).
_SHORTCODE = re.compile(r"(?<![^\W_]):[a-z0-9_+-]+:(?::skin-tone-[2-6]:)?")
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"  # pictographs, emoticons, transport, regional indicators (flags), skin tones
    "\u2600-\u27bf"  # miscellaneous symbols and dingbats (☀ ✅ ❤)
    "\u2b00-\u2bff"  # ⭐ ⬆ and their kin
    "\u231a\u231b\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa"  # ⌚ ⌛ ⏩ ⏰ …
    "\u3030\u303d\u3297\u3299"
    "]+"
)
# What only joins or dresses an emoji: the zero-width joiner, variation selectors, the keycap
# (2️⃣ keeps its digit) and the tags of subdivision flags. They go without leaving a blank.
_EMOJI_PARTS = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]+")
_PAUSE = " - "
_WORD_END = re.compile(r"\w$")
_QUOTE = re.compile(r"^\s*>(?!>>) ?")
_QUOTE_REST = re.compile(r"^\s*>>> ?")


_LONGEST_EMPHASIS = 200
"""Characters in one emphasised span at most: with no bound, a message of many lone `*` took seconds
to read (each one searched to the end of its line); a longer span keeps its markers, which are not words."""


def _emphasis(marker: str) -> re.Pattern[str]:
    """`*bold*` or `_italic_`: the marker opens after a non-letter and closes before one, on one line."""
    m = re.escape(marker)
    span = rf"([^\n]{{1,{_LONGEST_EMPHASIS}}}?)"
    return re.compile(rf"(?<![^\W_])(?<!{m}){m}(?=[^\s{m}]){span}(?<=[^\s{m}]){m}(?![^\W_])(?!{m})")


_BOLD = _emphasis("*")
_ITALIC = _emphasis("_")


def plain_text(text: str) -> str:
    """The words of a chat message as its writer meant them, one line per line typed.

    Emoji (shortcodes and Unicode), emphasis and code markers and web addresses go;
    struck-out words go with their markers; quoted lines go when the writer wrote
    anything of their own, and are the question when they did not.
    """
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match.group(1))
        return f"\ue000{len(codes) - 1}\ue001"

    text = (text or "").replace("\ue000", "").replace("\ue001", "")  # the placeholders' own marks
    text = _INLINE_CODE.sub(keep_code, _FENCED_CODE.sub(keep_code, text))
    text = _ADDRESS.sub(" ", text)
    own: list[str] = []
    quoted: list[str] = []
    rest_quoted = False
    for line in text.split("\n"):
        if _QUOTE_REST.match(line):
            rest_quoted, line = True, _QUOTE_REST.sub("", line, count=1)
        is_quote = rest_quoted or bool(_QUOTE.match(line))
        words = _words(_QUOTE.sub("", line, count=1) if is_quote else line)
        restored = _PLACEHOLDER.sub(lambda m: codes[int(m.group(1))], words)
        (quoted if is_quote else own).extend(restored.split("\n"))
    kept = own if any(re.search(r"\w", line) for line in own) else quoted
    lines = (" ".join(line.split()) for line in kept)
    return "\n".join(line for line in lines if line)


def _words(line: str) -> str:
    """One line with its struck-out parts, emphasis markers and emoji gone (code still held aside)."""
    line = _STRUCK.sub(" ", line)
    for _ in range(3):  # *_nested_* emphasis loses one pair of markers per pass
        unmarked = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", line))
        if unmarked == line:
            break
        line = unmarked
    line = _SHORTCODE.sub(_pause, line)
    return _EMOJI.sub(_pause, _EMOJI_PARTS.sub("", line))


_ASKS = re.compile(
    r"(?:who|what|which|where|when|how|why|is|are|does|do|can|could|any|anyone|hvem|hva|hvor|hvilke|hvilken|"
    r"kven|kva|kvar|kor|er|finnes|fins|noen|nokon|vem|vad|var|hur|finns|hvad)\b",
    re.IGNORECASE,
)


def _pause(match: re.Match[str]) -> str:
    """An emoji between two words ends what came before it ("I'm a bit lost 😅 is anyone in …?"): a
    sentence break, as the understanding read it when it still saw the emoji. Elsewhere it is a blank."""
    start, end = match.span()  # a few characters either side: slicing the whole line per emoji was quadratic
    before, after = match.string[max(0, start - 40) : start].rstrip(), match.string[end : end + 40].lstrip()
    # "who in <city> 🇳🇴 works on X?" is one question: only a new question after the emoji starts one
    return _PAUSE if _WORD_END.search(before) and _ASKS.match(after) else " "
