"""The plain-text page: a Q&A web page saved as text, turned into a :class:`Document`.

A saved page looks like this (blank lines matter)::

    Font Size: Increase | Decrease            <- site navigation: dropped

    Can I drink coffee before a blood test?   <- title: the first line of content
    My appointment is at 8 am.                <- details: the rest of the title's
                                                 paragraph and every paragraph
    I was told to fast for 12 hours.          <- up to the heading

    Doctors Answers (2)                       <- answers heading, N = 2

    Water only.                               <- answers: the paragraphs after it
    -- Dr. Ana Lima                           <- a signature: the answer's author

    Ask the lab what they need.

    Disclaimer: General information only.     <- disclaimer: this paragraph and all
                                                 after it, without the label

The rules, in the order they are applied:

* Lines are compared without their leading and trailing spaces; a line of spaces is a
  blank line, and blank lines separate paragraphs (how many does not matter).
* Leading lines that are nothing but site controls are dropped: font-size controls
  ("Font Size: Increase | Decrease", "Text size: + -", "A A A"), share and print
  links ("Print | Share") and breadcrumbs that start at "Home" ("Home > Questions").
  The patterns are deliberately narrow (short lines made only of known control words,
  breadcrumbs without a question mark) and apply only before the title, so a real
  question is never taken for navigation. A page with nothing else is refused.
* A paragraph starting "Disclaimer:" before the question is part of the disclaimer.
* Title: the first remaining line. The rest of its paragraph opens the details.
* Answers heading: the first later line that is only "Doctors Answers (N)",
  "Doctor Answers (N)", "Doctors' Answers (N)", "Answers (N)", "N Answers" or
  "N Answer" (any case; the count is optional, as in a bare "Answers"). N becomes
  ``declared_answer_count``. The heading also ends the paragraph it sits in.
* Disclaimer: the first paragraph starting "Disclaimer:" (any case) after the title,
  with everything after it up to the heading, or up to the end of the page when it
  comes after the heading or there is no heading. The label itself is removed; the
  renderer gives the disclaimer its own heading.
* Details: what lies between the title line and the heading (or, with no heading,
  the rest of the page) that is not disclaimer.
* Answers: the paragraphs after the heading, split into answers without ever
  inventing one:
    - N = 1: all paragraphs are that one answer.
    - A signature line ("-- Dr. Name", "— Dr Name", "- Jane Roe, MD"), as the last
      line of a paragraph or as a paragraph of its own (which then signs the
      paragraph before it), gives the answer's author and leaves the text.
    - No more paragraphs than N (a lone signature is not counted): each paragraph
      is an answer.
    - More paragraphs than N, or no N: a signature ends an answer, so the paragraphs
      up to it form one. Paragraphs after the last signature are one answer when
      exactly one answer is still to come, otherwise one answer each. Without any
      signature each paragraph is an answer.
    - Fewer answers than N from paragraphs: when the answers are separated by single
      line breaks instead, each line (a signature line signing the one before it)
      is an answer, provided that gives exactly N answers. A list stays together.
  A count that does not match what was found is kept as it is; the model reports it
  (``Question.answer_count_mismatch``).
* No heading and a first line longer than 160 characters (text pasted without a
  title): the whole text is the details; the title is its first sentence, shortened.
* Pages labelled "Question:" / "Answer:" are read by :mod:`.labelled_text` instead.

Everything here is linear in the size of the page: lines are cleaned by C-level string
methods, headings and disclaimers are found by compiled regular expressions that skip
from line break to line break, and Python loops run only over the few leading lines
and once per answer paragraph.
"""

from __future__ import annotations

import re

from ..document import LIST_ITEM_MARKER, Answer, Document, DocumentSource, Question
from .labelled_text import parse_labelled
from .textblocks import excerpt

__all__ = ["NothingToShowError", "parse_page_text"]

REASON_NOTHING_TO_SHOW = "the file does not contain any text to show"


class NothingToShowError(ValueError):
    """The page has no content besides navigation and blank lines."""

    def __init__(self, reason: str = REASON_NOTHING_TO_SHOW) -> None:
        super().__init__(reason)
        self.reason = reason


# --- cleaning ------------------------------------------------------------------------

# Compiled so that they start with a literal line break: the regular-expression engine
# then jumps from one line break to the next instead of trying every character.
_PARAGRAPH_BREAK = re.compile(r"\n\n+")


def _clean(text: str) -> str:
    """LF line ends, every line stripped, no blank lines at either end.

    ``splitlines`` knows the same line breaks as :func:`normalise_line_ends` and, with
    ``map(str.strip, ...)``, runs in C; this is the costliest step for a large page.
    """
    return "\n".join(map(str.strip, text.lstrip("\ufeff").splitlines())).strip()


def _paragraphs(region: str) -> list[str]:
    """The paragraphs of cleaned text (lines within one joined by a single LF)."""
    region = region.strip()
    return _PARAGRAPH_BREAK.split(region) if region else []


def _as_text(region: str) -> str:
    """Cleaned text with paragraphs separated by exactly one blank line.

    The same as joining :func:`_paragraphs`, without a string per paragraph.
    """
    return _PARAGRAPH_BREAK.sub("\n\n", region.strip())


# --- navigation ----------------------------------------------------------------------

_NAVIGATION_MAX_LENGTH = 150
_SIZE_LABEL = re.compile(r"(?:font|text)[\s-]*size\s*:?")
_SIZE_WORDS = frozenset(
    {
        "increase", "decrease", "reset", "default", "normal", "larger", "smaller",
        "bigger", "small", "medium", "large", "a", "aa", "aaa", "a+", "a-", "a−",
        "+", "-", "−", "–",
    }
)  # fmt: skip
_CONTROL_WORDS = _SIZE_WORDS | frozenset(
    {
        "print", "share", "email", "e-mail", "mail", "save", "bookmark", "tweet",
        "facebook", "twitter", "whatsapp", "linkedin",
    }
)  # fmt: skip
_CONTROL_SEPARATORS = re.compile(r"[\s|/·•,;]+")
_BREADCRUMB_SEPARATORS = re.compile(r"[>»›→/]")
_BREADCRUMB_START = re.compile(r"(?:you are here\s*:?\s*)?home")
_CRUMB_MAX_LENGTH = 60


def _is_navigation(line: str) -> bool:
    """True for a short line made only of site controls or a breadcrumb from "Home".

    Narrow on purpose: anything with a word outside the control vocabulary, or a
    question mark in a breadcrumb, is content.
    """
    if len(line) > _NAVIGATION_MAX_LENGTH:
        return False
    folded = line.casefold()
    label = _SIZE_LABEL.match(folded)
    if label is not None:
        words = _CONTROL_SEPARATORS.split(folded[label.end() :])
        return all(word in _SIZE_WORDS for word in words if word)
    crumbs = _BREADCRUMB_SEPARATORS.split(folded)
    if len(crumbs) >= 2 and _BREADCRUMB_START.fullmatch(crumbs[0].strip()):
        return all(
            0 < len(crumb.strip()) <= _CRUMB_MAX_LENGTH and "?" not in crumb for crumb in crumbs[1:]
        )
    words = [word for word in _CONTROL_SEPARATORS.split(folded) if word]
    return len(words) >= 2 and all(word in _CONTROL_WORDS for word in words)


# --- headings and disclaimers ----------------------------------------------------------

_DOCTORS = r"(?:doctors?['’]?|doctor['’]s)"
# A whole line, found with the line break before it (see _PARAGRAPH_BREAK). Searched
# in text that starts with a line break, so the first line is covered too.
_HEADING = re.compile(
    rf"""
    \n(?=[0-9adAD])(?i:  # the cheap first-letter test saves time on pages of short lines
        (?:{_DOCTORS}[^\S\n]+)?answers?
        (?:[^\S\n]*\([^\S\n]*(?P<count>[0-9]{{1,9}})[^\S\n]*\))?[^\S\n]*:?
      | (?P<count_first>[0-9]{{1,9}})[^\S\n]+(?:{_DOCTORS}[^\S\n]+)?answers?[^\S\n]*:?
    )(?=\n|\Z)
    """,
    re.VERBOSE,
)
# "Disclaimer:", or a line that is only "Disclaimer", opening a paragraph.
_DISCLAIMER_LABEL = re.compile(r"(?i:disclaimer)[^\S\n]*(?::|(?=\n|\Z))")
_DISCLAIMER_PARAGRAPH = re.compile(r"\n\n" + _DISCLAIMER_LABEL.pattern)


def _split_disclaimer(region: str) -> tuple[str, str | None]:
    """(text before the first "Disclaimer:" paragraph, that paragraph and the rest).

    ``region`` must start at a paragraph start or with the line break before one.
    """
    if _DISCLAIMER_LABEL.match(region):
        return "", region
    found = _DISCLAIMER_PARAGRAPH.search(region)
    if found is None:
        return region, None
    return region[: found.start()], region[found.start() + 2 :]


def _disclaimer_text(part: str) -> str:
    """A disclaimer part without its "Disclaimer:" label."""
    label = _DISCLAIMER_LABEL.match(part)
    return _as_text(part[label.end() :] if label else part)


# --- signatures ----------------------------------------------------------------------

_DASHES = "-—–―−~"
_DASH_LINE = re.compile(r"\n[-—–―−~]")
_SIGNATURE = re.compile(r"(?P<dash>--?|[—–―−~])[^\S\n]*(?P<name>\S.{0,119})")
_TITLES = frozenset({"dr", "dr.", "dra", "dra.", "doctor", "prof", "prof.", "professor"})
_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "den", "der", "di", "du", "el", "ibn",
     "la", "le", "van", "von", "y"}
)  # fmt: skip
_CREDENTIALS = frozenset(
    {"MD", "DO", "MBBS", "MBCHB", "FRCP", "FRCS", "FACP", "FACS", "FAAP", "FACC", "PHD",
     "PHARMD", "RN", "NP", "PA-C", "DNP", "MPH", "MRCGP", "DDS", "DMD", "MS", "DM"}
)  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_SHORT_ENDINGS = frozenset({"jr.", "sr."})
_MAX_NAME_WORDS = 6
_MAX_TAIL_WORDS = 10


def _is_name_word(word: str) -> bool:
    first_letter = next((char for char in word if char.isalpha()), "")
    return first_letter.isupper() or word.casefold() in _PARTICLES


def _ends_like_a_name(name: str) -> bool:
    """Sentences end in punctuation; names only in abbreviations like "M.D." or "Jr."."""
    last = name.rsplit(None, 1)[-1]
    if last[-1] in "?!:;,":
        return False
    if last[-1] != ".":
        return True
    return "." in last[:-1] or last.casefold() in _SHORT_ENDINGS or len(last) == 2


def _is_signature_name(name: str) -> bool:
    """True for names like "Dr. Jane Roe, Cardiologist" or "Jane Roe, MD", not sentences."""
    head, comma, tail = name.partition(",")
    words = head.split()
    if not words or len(words) > _MAX_NAME_WORDS or _POSSESSIVE.search(head):
        return False
    if words[0].casefold() in _TITLES:
        names = words[1:]
    else:
        names = words
        credentials = tail.split()
        if not comma or len(names) < 2 or not credentials:
            return False
        if credentials[0].replace(".", "").rstrip(",;").upper() not in _CREDENTIALS:
            return False
    if not names or not all(_is_name_word(word) for word in names):
        return False
    return len(tail.split()) <= _MAX_TAIL_WORDS and _ends_like_a_name(name)


def _split_signature(paragraph: str) -> tuple[str, str | None]:
    """(paragraph without its signature line, author); author None when unsigned."""
    cut = paragraph.rfind("\n")
    last = paragraph[cut + 1 :]
    if not last or last[0] not in _DASHES:
        return paragraph, None
    signature = _SIGNATURE.fullmatch(last)
    if signature is None or not _is_signature_name(signature.group("name")):
        return paragraph, None
    body = paragraph[:cut] if cut >= 0 else ""
    if body:
        previous = body[body.rfind("\n") + 1 :]
        if previous.startswith(signature.group("dash")):
            return paragraph, None  # the last item of a dashed list, not a signature
    return body, signature.group("name")


# --- answers -------------------------------------------------------------------------


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _one_answer(paragraphs: list[str], last_body: str, author: str | None) -> Answer:
    """All paragraphs as one answer, signed when the last paragraph ends in a signature.

    Signatures earlier on stay in the text: the page said there is one answer.
    """
    if author is not None and (last_body or len(paragraphs) > 1):
        return Answer(_join(paragraphs[:-1] + ([last_body] if last_body else [])), author)
    return Answer(_join(paragraphs))


def _signed_units(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """(text, author) per paragraph, signatures taken out of the text.

    A signature on a line of its own signs the paragraph before it; with nothing
    unsigned before it, it stays as text.
    """
    units: list[tuple[str, str | None]] = []
    for paragraph in paragraphs:
        body, author = _split_signature(paragraph)
        if author is None:
            units.append((paragraph, None))
        elif body:
            units.append((body, author))
        elif units and units[-1][1] is None:
            units[-1] = (units[-1][0], author)
        else:
            units.append((paragraph, None))
    return units


def _lines_as_units(paragraphs: list[str]) -> list[str]:
    """Every line a unit of its own, except that a list stays together."""
    units: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith(LIST_ITEM_MARKER):
            units.append(paragraph)
        else:
            units.extend(paragraph.split("\n"))
    return units


def _group_answers(region: str, declared: int | None) -> tuple[Answer, ...]:
    """The answers in the text after the heading (see the module docstring)."""
    paragraphs = _paragraphs(region)
    by_paragraph = _group_paragraphs(paragraphs, declared)
    if declared is not None and len(by_paragraph) < declared:
        # Answers separated by single line breaks: accepted when the lines give
        # exactly the number of answers the heading announced.
        lines = _lines_as_units(paragraphs)
        if len(lines) > len(paragraphs):
            by_line = _group_paragraphs(lines, declared)
            if len(by_line) == declared:
                return by_line
    return by_paragraph


def _group_paragraphs(paragraphs: list[str], declared: int | None) -> tuple[Answer, ...]:
    if not paragraphs:
        return ()
    if declared == 1:
        return (_one_answer(paragraphs, *_split_signature(paragraphs[-1])),)
    if not any(p[:1] in _DASHES or _DASH_LINE.search(p) for p in paragraphs):
        return tuple(map(Answer, paragraphs))  # no line could be a signature
    units = _signed_units(paragraphs)
    if (declared is not None and len(units) <= declared) or all(
        author is None for _, author in units
    ):
        return tuple(Answer(text, author) for text, author in units)
    # More paragraphs than answers, or no count: signatures mark where answers end.
    answers: list[Answer] = []
    pending: list[str] = []
    for text, author in units:
        pending.append(text)
        if author is not None:
            answers.append(Answer(_join(pending), author))
            pending = []
    if pending:
        if declared is not None and declared - len(answers) == 1:
            answers.append(Answer(_join(pending)))
        else:
            answers.extend(map(Answer, pending))
    return tuple(answers)


# --- the page ------------------------------------------------------------------------

_TITLE_MAX_LENGTH = 160


def _skip_navigation(text: str) -> int:
    """Offset of the first line that is neither blank nor navigation (len if none)."""
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        if end < 0:
            end = len(text)
        line = text[position:end]
        if line and not _is_navigation(line):
            return position
        position = end + 1
    return len(text)


def _take_leading_disclaimers(text: str, position: int, parts: list[str]) -> int:
    """Moves "Disclaimer:" paragraphs placed before the question into ``parts``.

    A disclaimer that is the only content is left alone: it then becomes the title,
    as the first line of content.
    """
    while _DISCLAIMER_LABEL.match(text, position):
        end = text.find("\n\n", position)
        if end < 0:
            break
        parts.append(text[position:end])
        position = end + 2
        while position < len(text) and text[position] == "\n":
            position += 1
    return position


def parse_page_text(text: str, source: DocumentSource) -> Document:
    """Reads a plain-text Q&A page; see the module docstring for the rules.

    Raises :class:`NothingToShowError` when there is no content besides navigation.
    Any other text gives a document, never an error.
    """
    text = _clean(text)
    start = _skip_navigation(text)
    if start >= len(text):
        raise NothingToShowError()
    labelled = parse_labelled(text[start:], source)
    if labelled is not None:
        return labelled
    disclaimer_parts: list[str] = []
    start = _take_leading_disclaimers(text, start, disclaimer_parts)

    title_end = text.find("\n", start)
    if title_end < 0:
        title_end = len(text)
    title = text[start:title_end]
    # Keeping the title's line break means a paragraph after a blank line starts with
    # "\n\n" here as everywhere else, while lines right under the title do not.
    rest = text[title_end:]

    heading = _HEADING.search(rest)
    declared: int | None = None
    answers_region = ""
    if heading is None:
        details_region, disclaimer = _split_disclaimer(rest)
        if disclaimer is not None:
            disclaimer_parts.append(disclaimer)
    else:
        count = heading.group("count") or heading.group("count_first")
        declared = int(count) if count is not None else None
        details_region, early_disclaimer = _split_disclaimer(rest[: heading.start()])
        answers_region, disclaimer = _split_disclaimer(rest[heading.end() :].lstrip("\n"))
        for part in (early_disclaimer, disclaimer):
            if part is not None:
                disclaimer_parts.append(part)

    disclaimer_text = _join([text for text in map(_disclaimer_text, disclaimer_parts) if text])
    if heading is None and len(title) > _TITLE_MAX_LENGTH:
        # No heading and a first line too long for a title: the text someone pasted is
        # all details, named by its first sentence.
        details_region = title + details_region
        title = excerpt(title)
    question = Question(
        title=title,
        details=_as_text(details_region),
        answers=_group_answers(answers_region, declared),
        declared_answer_count=declared,
    )
    return Document(
        title=title,
        questions=(question,),
        disclaimer=disclaimer_text or None,
        source=source,
    )
