"""What read aloud says, in what order, and where each spoken word is on the page (no Qt).

`build_script(document, labels)` turns a Document into a tuple of `Utterance`s — one per
sentence or heading, in reading order: each question's title and details, then for every
answer "Answer 1 of 4", its sentences and its author, and the disclaimer last. Each
utterance keeps

* `spoken`: the text given to the speech engine, cleaned for listening (page clutter such
  as "Font Size: Increase | Decrease" removed, web addresses shortened to their host,
  symbols that engines spell out dropped, line breaks joined);
* `shown`: the text as the page displays it, so the view can find and highlight it;
* `part`: the question, answer or disclaimer it belongs to, for "next answer" and for
  searching from the part's anchor;
* `segments`: how ranges of `spoken` map back to ranges of `shown`, so a word the engine
  reports at spoken offset 12 is highlighted where it is shown.

`locate(text, start, shown)` finds a shown text in the view's document text despite the
whitespace the HTML renderer collapses, and maps every character of it to a position.
Speeds are presented as multiples of the normal speed ("0.8×") and converted to the
engine's −1…1 rate by `speed_to_rate` / `rate_to_speed`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .document import Document, split_paragraphs
from .render import (
    ANSWER_ANCHOR,
    DISCLAIMER_ANCHOR,
    QUESTION_ANCHOR,
    RenderLabels,
)
from .speech_ranges import (  # noqa: F401 (re-exported: the voice settings' ranges)
    DEFAULT_VOLUME,
    PITCH_RANGE,
    RATE_RANGE,
    VOLUME_RANGE,
)

# -- voice settings --------------------------------------------------------------------------

# RATE_RANGE, PITCH_RANGE, VOLUME_RANGE and DEFAULT_VOLUME live in speech_ranges (imported
# above), where the preferences read them without loading this module.

SPEEDS: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0)
"""Speeds offered to the reader. Below normal each step is a tenth of normal speed, above it
a fifth: both are 10–20 % changes, which listeners notice (smaller ones mostly go unheard)."""

PITCH_STEPS = 5
"""Pitch is offered as −5…+5 steps of 0.2 on the engine's −1…1 scale."""


def speed_to_rate(speed: float) -> float:
    """0.5× → −1, 1× → 0, 2× → +1, linear in between on each side."""
    speed = min(max(speed, SPEEDS[0]), SPEEDS[-1])
    if speed <= 1.0:
        return round((speed - 1.0) / 0.5, 4)
    return round(speed - 1.0, 4)


def rate_to_speed(rate: float) -> float:
    rate = min(max(rate, RATE_RANGE[0]), RATE_RANGE[1])
    return round(1.0 + rate * 0.5 if rate <= 0 else 1.0 + rate, 4)


def nearest_speed_index(rate: float) -> int:
    speed = rate_to_speed(rate)
    return min(range(len(SPEEDS)), key=lambda index: abs(SPEEDS[index] - speed))


def speed_label(speed: float) -> str:
    return f"{speed:.1f}\u00d7"


# -- the reading script -----------------------------------------------------------------------


class PartKind(enum.Enum):
    QUESTION = "question"
    ANSWER = "answer"
    DISCLAIMER = "disclaimer"


@dataclass(frozen=True)
class Part:
    """A question (with its details), one answer, or the disclaimer."""

    kind: PartKind
    anchor: str
    """The view's anchor name at the start of this part: searches for its text start there."""
    question: int = 0
    """1-based question number; 0 for the disclaimer."""
    answer: int = 0
    """1-based answer number within the question; 0 unless `kind` is ANSWER."""


@dataclass(frozen=True)
class Segment:
    """spoken[spoken_start:spoken_end] says shown[shown_start:shown_end].

    An exact segment is the same text on both sides (offsets map one to one); any other
    (a web address said as its host, a whitespace run said as one space) maps as a whole.
    """

    spoken_start: int
    spoken_end: int
    shown_start: int
    shown_end: int
    exact: bool


@dataclass(frozen=True)
class Utterance:
    spoken: str
    shown: str
    part: Part
    segments: tuple[Segment, ...]

    def shown_range(self, start: int, length: int) -> tuple[int, int]:
        """The shown characters that spoken[start:start + length] says."""
        end = start + max(length, 0)
        inside = [
            segment for segment in self.segments
            if segment.spoken_end > start and (segment.spoken_start < end or length <= 0)
        ]
        if not inside:
            return len(self.shown), len(self.shown)
        head, tail = inside[0], inside[-1]
        first = head.shown_start
        if head.exact:
            first += max(0, start - head.spoken_start)
        last = tail.shown_end
        if tail.exact:
            last = tail.shown_start + min(end, tail.spoken_end) - tail.spoken_start
        return first, max(first, last)


# -- cleaning text for listening --------------------------------------------------------------

_CLUTTER_LINES = re.compile(
    r"""^\s*(?:
        font\s*size\s*:?.*(?:increase|decrease|larger|smaller).*
      | (?:increase|decrease)\s*\|\s*(?:increase|decrease)
      | (?:share|print|report(?:\s+abuse)?|reply|upvote|downvote|like|helpful\??)
        (?:\s*[|·•]\s*(?:share|print|report(?:\s+abuse)?|reply|upvote|downvote|like))*
      | was\s+this\s+(?:answer\s+)?helpful\??.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Whole lines of page furniture that a saved web page may still contain."""

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\""
_SYMBOLS = re.compile(r"[|•·*#_~=<>^`\\]+|[-=_*~]{2,}")
"""Characters engines spell out ("vertical line", "asterisk") that a page uses as decoration."""
_SPACE = re.compile(r"\s+")
_HAS_WORD = re.compile(r"\w")


class _Spoken:
    """Builds a spoken text and its segments from pieces of a shown text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, spoken: str, shown_start: int, shown_end: int, exact: bool) -> None:
        if not spoken:
            return
        if spoken == " " and (not self.parts or self.parts[-1].endswith(" ")):
            return
        self.parts.append(spoken)
        self.segments.append(
            Segment(self.length, self.length + len(spoken), shown_start, shown_end, exact)
        )
        self.length += len(spoken)

    def finish(self) -> tuple[str, tuple[Segment, ...]]:
        while self.parts and self.parts[-1] == " ":
            self.parts.pop()
            self.segments.pop()
        return "".join(self.parts), tuple(self.segments)


def url_host(url: str) -> str:
    """The host of a web address without "www.", or the address when it has none."""
    target = url if "://" in url else "http://" + url
    try:
        host = urlsplit(target).hostname or ""
    except ValueError:
        host = ""
    if host.startswith("www."):
        host = host[4:]
    return host or url


def clean_for_speech(shown: str) -> tuple[str, tuple[Segment, ...]]:
    """The text to say for `shown`, and how it maps back."""
    builder = _Spoken()
    position = 0
    for match in _URL.finditer(shown):
        address = match.group(0).rstrip(_URL_TRAILING)
        start, end = match.start(), match.start() + len(address)
        _add_plain(builder, shown, position, start)
        builder.add(url_host(address), start, end, exact=False)
        position = end
    _add_plain(builder, shown, position, len(shown))
    return builder.finish()


def _add_plain(builder: _Spoken, shown: str, start: int, end: int) -> None:
    position = start
    pattern = re.compile(f"{_SPACE.pattern}|{_SYMBOLS.pattern}")
    for match in pattern.finditer(shown, start, end):
        if match.start() > position:
            builder.add(shown[position : match.start()], position, match.start(), exact=True)
        builder.add(" ", match.start(), match.end(), exact=False)
        position = match.end()
    if end > position:
        builder.add(shown[position:end], position, end, exact=True)


# -- sentences --------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st sr jr vs etc e.g i.e eg ie no nr approx ca cf fig min max mg ml "
    "hr hrs wk wks yr yrs dept tel inc ltd co jan feb mar apr jun jul aug sep sept oct nov dec"
    .split()
)
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+\S)")
_BULLET = re.compile(r"^(?:[-*\u2022\u2013\u2014]\s|\d{1,3}[.)]\s)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, surrounding whitespace excluded.

    A full stop ends a sentence unless it follows a known abbreviation ("Dr.", "e.g.") or a
    single initial ("J."), or the next word starts with a small letter. A line break ends a
    sentence unless the line ends with a small letter or a comma and the next one goes on
    with a small letter (a hard-wrapped sentence).
    """
    cuts: set[int] = set()
    for match in _SENTENCE_END.finditer(text):
        window = text[max(0, match.start() - 12) : match.start() + 1]
        word = re.search(r"([\w.]+)[.!?\u2026]*$", window)
        before = word.group(1).rstrip(".").lower() if word else ""
        if text[match.start()] == "." and (
            before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())
        ):
            continue
        following = text[match.end() :].lstrip()
        if following[:1].islower():
            continue
        cuts.add(match.end())
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines[:-1]):
        offset += len(line) + 1
        next_line = lines[number + 1].lstrip()
        stripped = line.rstrip()
        continues = (
            stripped[-1:].islower() or stripped.endswith(",")
        ) and next_line[:1].islower() and not _BULLET.match(next_line)
        if not continues:
            cuts.add(offset - 1)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            left = start + (len(piece) - len(piece.lstrip()))
            spans.append((left, left + len(stripped)))
        start = cut
    return spans


# -- building the script ----------------------------------------------------------------------


def build_script(document: Document, labels: RenderLabels | None = None) -> tuple[Utterance, ...]:
    """Everything read aloud for `document`, in order. `labels` must be those the view shows."""
    labels = labels or RenderLabels()
    script: list[Utterance] = []
    for q_number, question in enumerate(document.questions, start=1):
        part = Part(PartKind.QUESTION, QUESTION_ANCHOR.format(q=q_number), q_number)
        title = question.title.strip() or labels.untitled_question
        script.extend(_utterances(title, part, split=False))
        for paragraph in question.detail_paragraphs:
            script.extend(_paragraph(paragraph, part))
        if not question.answers:
            script.extend(_utterances(labels.no_answers, part, split=False))
        count = len(question.answers)
        for a_number, answer in enumerate(question.answers, start=1):
            part = Part(
                PartKind.ANSWER, ANSWER_ANCHOR.format(q=q_number, a=a_number), q_number, a_number
            )
            heading = labels.answer_heading.format(number=a_number, count=count)
            script.extend(_utterances(heading, part, split=False))
            for paragraph in answer.paragraphs:
                script.extend(_paragraph(paragraph, part))
            if answer.author:
                script.extend(_utterances(answer.author.strip(), part, split=False))
    if document.disclaimer:
        part = Part(PartKind.DISCLAIMER, DISCLAIMER_ANCHOR)
        script.extend(_utterances(labels.disclaimer_heading, part, split=False))
        for paragraph in split_paragraphs(document.disclaimer):
            script.extend(_paragraph(paragraph, part))
    return tuple(script)


def _paragraph(paragraph: str, part: Part) -> Iterator[Utterance]:
    lines = [line for line in paragraph.split("\n") if not _CLUTTER_LINES.match(line)]
    if lines:
        yield from _utterances("\n".join(lines), part, split=True)


def _utterances(text: str, part: Part, split: bool) -> Iterator[Utterance]:
    spans = split_sentences(text) if split else [(0, len(text))]
    for start, end in spans:
        shown = text[start:end].strip()
        if not shown:
            continue
        spoken, segments = clean_for_speech(shown)
        if _HAS_WORD.search(spoken):
            yield Utterance(spoken, shown, part, segments)


# -- navigating the script --------------------------------------------------------------------


def next_part_start(script: Sequence[Utterance], index: int, kinds: Iterable[PartKind]) -> int:
    """Index of the first utterance of the next part of one of `kinds` after `index`; -1."""
    wanted = set(kinds)
    current = script[index].part if 0 <= index < len(script) else None
    for position in range(max(index + 1, 0), len(script)):
        part = script[position].part
        if part != current and part.kind in wanted:
            return position
    return -1


def part_start(script: Sequence[Utterance], index: int) -> int:
    """Index of the first utterance of the part `index` belongs to."""
    part = script[index].part
    while index > 0 and script[index - 1].part == part:
        index -= 1
    return index


def previous_part_start(script: Sequence[Utterance], index: int, kinds: Iterable[PartKind]) -> int:
    """Start of the part before the one holding `index` (of one of `kinds`); -1 if none."""
    if not 0 <= index < len(script):
        return -1
    wanted = set(kinds)
    position = part_start(script, index) - 1
    while position >= 0:
        start = part_start(script, position)
        if script[start].part.kind in wanted:
            return start
        position = start - 1
    return -1


# -- finding utterances in the view's text ----------------------------------------------------


@dataclass(frozen=True)
class Location:
    """Where an utterance's shown text is in the view's document text."""

    start: int
    end: int
    positions: tuple[int, ...] | None = None
    """Document position of each shown character (and one past the end); None when the
    document holds the shown text unchanged, so position = start + offset."""

    def position(self, shown_offset: int) -> int:
        if self.positions is None:
            return self.start + shown_offset
        return self.positions[min(max(shown_offset, 0), len(self.positions) - 1)]


_WHITESPACE = re.compile(r"\s+")


def locate(text: str, start: int, shown: str) -> Location | None:
    """Finds `shown` in `text` at or after `start`, ignoring how whitespace is spelled.

    The view's text collapses runs of spaces, turns line breaks into U+2028 and may hold
    no-break spaces; the words themselves are unchanged.
    """
    words = shown.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    match = pattern.search(text, max(start, 0))
    if match is None:
        return None
    found = match.group(0)
    if found == shown:
        return Location(match.start(), match.end())
    positions: list[int] = []
    i = j = 0
    while i < len(shown):
        if shown[i].isspace():
            run_end = _WHITESPACE.match(shown, i)
            doc_run = _WHITESPACE.match(found, j)
            i_end = run_end.end() if run_end else i + 1
            j_end = doc_run.end() if doc_run else j
            positions.extend([match.start() + j] * (i_end - i))
            i, j = i_end, j_end
        else:
            positions.append(match.start() + j)
            i += 1
            j += 1
    positions.append(match.start() + j)
    return Location(match.start(), match.end(), tuple(positions))


def locate_script(
    text: str, anchors: Mapping[str, int], script: Sequence[Utterance]
) -> list[Location | None]:
    """The location of every utterance: each searched from its part's anchor, or from the
    previous utterance of the same part so a sentence said twice is found twice."""
    locations: list[Location | None] = []
    previous_part: Part | None = None
    cursor = 0
    for utterance in script:
        if utterance.part != previous_part:
            cursor = anchors.get(utterance.part.anchor, cursor)
            previous_part = utterance.part
        location = locate(text, cursor, utterance.shown)
        locations.append(location)
        if location is not None:
            cursor = location.end
    return locations


# -- highlight colours ------------------------------------------------------------------------


@dataclass(frozen=True)
class HighlightColours:
    """Colours of the sentence being read and of its current word (text and background, so
    the contrast holds whatever colour the theme gives the text)."""

    sentence_background: str
    sentence_text: str
    word_background: str
    word_text: str


MIN_HIGHLIGHT_CONTRAST = 4.5
"""WCAG AA for normal text: every highlight's text keeps at least this contrast."""


def highlight_colours(theme: str, system_is_dark: bool = False) -> HighlightColours:
    """The read-aloud colours of a theme name ("system" follows the desktop's light or dark
    scheme), taken from the theme itself."""
    from .themes import theme_for  # Qt-free, like this module

    colours = theme_for(theme, system_is_dark)
    return HighlightColours(
        colours.sentence_background, colours.sentence_text, colours.word_background,
        colours.word_text,
    )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- reading a selection ----------------------------------------------------------------------


def selection_script(text: str, part: Part) -> tuple[Utterance, ...]:
    """Utterances for a selected piece of the page (paragraphs separated by line breaks)."""
    script: list[Utterance] = []
    for paragraph in re.split("[\n\u2028\u2029\ufdd0\ufdd1]", text):
        script.extend(_paragraph(paragraph.strip(), part))
    return tuple(script)
