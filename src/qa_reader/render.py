"""Turns a Document and a ReadingStyle into the rich-text HTML shown by the reader view.

Everything that comes from a document is escaped here and nowhere else: content is
always shown as text, never interpreted as markup. The only links produced are
in-page anchors and http(s) addresses found in the text.

The text size is deliberately *not* part of the HTML: the view applies it as the
document's default font, together with the font family, weight, letter and word
spacing, so a size step relayouts the text without re-parsing it. Heading sizes and
the line height are relative and follow by themselves. Qt's rich text resolves "em"
margins against a fixed 14 px, so paragraph and heading spacing are written in pixels
for `style.text_size`; the view scales them on a size step (see ReaderView).

Colours all come from `style.theme` (see themes.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .document import Answer, Document, Question, list_items, split_paragraphs
from .style import ReadingStyle

QUESTION_ANCHOR = "question-{q}"
ANSWERS_ANCHOR = "answers-{q}"
ANSWER_ANCHOR = "answer-{q}-{a}"
DISCLAIMER_ANCHOR = "disclaimer"

HEADING_LINE_HEIGHT = 1.2
"""Headings' line height at most (body text takes the reader's own)."""
CSS_PIXELS_PER_POINT = 96 / 72
"""Pixels per point on a screen of the usual 96 logical dots per inch (72 on macOS)."""

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_URL_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


@dataclass(frozen=True)
class RenderLabels:
    """The words the renderer adds around a document's own text.

    English by default so the renderer stays Qt-free; the UI passes translated
    templates (see ui/labels.py). Placeholders are filled with str.format().
    """

    answers_heading: str = "Doctors\u2019 answers ({count})"
    answer_heading: str = "Answer {number} of {count}"
    mismatch_note: str = "Answers announced by the page: {declared}. Answers found in it: {found}."
    no_answers: str = "No doctor has answered this question yet."
    disclaimer_heading: str = "Medical disclaimer"
    contents_heading: str = "Contents"
    untitled_question: str = "Untitled question"
    author_prefix: str = "\u2014 "
    source_link: str = "Source: {url}"


def stylesheet(style: ReadingStyle, pixels_per_point: float = CSS_PIXELS_PER_POINT) -> str:
    """CSS for Qt's rich-text engine (a subset of CSS 2.1).

    Qt reads a percentage line height as a multiple of the font's own line height (a bit
    more than its size), so the lines are at least as far apart as asked. Text is never
    justified: uneven gaps between words are hard to track for dyslexic readers.
    """
    theme = style.theme
    em = style.text_size * pixels_per_point

    def px(ems: float) -> str:
        return f"{round(ems * em)}px"  # whole pixels: Qt hit-tests a fractional gap badly

    line_height = f"{round(style.line_height * 100)}%"
    # Big headings with body-text line spacing fall apart into separate lines.
    heading_line_height = f"{round(min(style.line_height, HEADING_LINE_HEIGHT) * 100)}%"
    return f"""
body {{ color: {theme.text}; background-color: {theme.background}; }}
p {{ line-height: {line_height}; margin-top: 0; margin-bottom: {px(style.paragraph_spacing)}; }}
li {{ line-height: {line_height}; margin-bottom: {px(style.paragraph_spacing / 2)}; }}
h1 {{ color: {theme.heading}; line-height: {heading_line_height};
    margin-top: {px(0.3)}; margin-bottom: {px(0.6)}; font-weight: 700; }}
h2 {{ color: {theme.heading}; line-height: {heading_line_height};
    margin-top: {px(1.4)}; margin-bottom: {px(0.5)}; font-weight: 700; }}
h3 {{ color: {theme.heading}; line-height: {heading_line_height};
    margin-top: {px(1.2)}; margin-bottom: {px(0.4)}; font-weight: 700; }}
a[href] {{ color: {theme.link}; text-decoration: underline; }}
p.note {{ color: {theme.muted_text}; font-style: italic; }}
p.author {{ color: {theme.muted_text}; font-style: italic; }}
table.disclaimer {{ color: {theme.disclaimer_text};
    background-color: {theme.disclaimer_background};
    border-color: {theme.disclaimer_border}; border-style: solid; margin-top: {px(1.5)}; }}
"""


@dataclass(frozen=True)
class RenderedPage:
    """A rendered document: its style sheet, title and body, the body in top-level pieces
    (headings, paragraphs, lists, the disclaimer box) so a long page can be laid out in
    steps (see `chunks`)."""

    stylesheet: str
    title: str
    body: tuple[str, ...]
    text_size: float = 0.0
    """The text size the style sheet's pixel spacing was written for."""

    def html(self) -> str:
        """The whole page as one HTML string for QTextBrowser.setHtml()."""
        return "".join(
            [
                "<!DOCTYPE html><html><head><meta charset='utf-8'>",
                f"<title>{_escape(self.title)}</title>",
                f"<style>{self.stylesheet}</style></head><body>",
                *self.body,
                "</body></html>",
            ]
        )

    @property
    def size(self) -> int:
        """Characters of HTML in the body."""
        return sum(len(piece) for piece in self.body)

    def chunks(self, max_chars: int) -> list[str]:
        """The body in runs of about `max_chars` characters, each starting at a heading.

        Every run after the first starts with a heading, never inside a paragraph or with
        the disclaimer box, so a run can be appended to a document as a block of its own.
        """
        runs: list[str] = []
        run: list[str] = []
        size = 0
        for piece in self.body:
            if run and size >= max_chars and piece.startswith("<h"):
                runs.append("".join(run))
                run, size = [], 0
            run.append(piece)
            size += len(piece)
        if run:
            runs.append("".join(run))
        return runs


def render_page(
    document: Document,
    style: ReadingStyle | None = None,
    labels: RenderLabels | None = None,
    pixels_per_point: float = CSS_PIXELS_PER_POINT,
) -> RenderedPage:
    """The document rendered for the reader view (see `RenderedPage`).

    `pixels_per_point` is the target's logical DPI / 72 (spacing is written in pixels).
    """
    style = style or ReadingStyle()
    labels = labels or RenderLabels()
    body: list[str] = []
    questions = document.questions
    if len(questions) > 1:
        body.extend(_contents(document, labels))
    heading_level = 1 if len(questions) == 1 else 2
    for number, question in enumerate(questions, start=1):
        body.extend(_question(question, number, heading_level, labels))
    if not questions:
        body.append(f"<h1>{_escape(document.title)}</h1>")
    if document.source.url:
        source_line = labels.source_link.format(url=document.source.url)
        body.append(f"<p class='note'>{_linkify(source_line)}</p>")
    if document.disclaimer:
        body.extend(_disclaimer(document.disclaimer, labels))
    return RenderedPage(
        stylesheet(style, pixels_per_point), document.title, tuple(body), style.text_size
    )


def render_html(
    document: Document,
    style: ReadingStyle | None = None,
    labels: RenderLabels | None = None,
    pixels_per_point: float = CSS_PIXELS_PER_POINT,
) -> str:
    """The whole document as one HTML string for QTextBrowser.setHtml()."""
    return render_page(document, style, labels, pixels_per_point).html()


def _contents(document: Document, labels: RenderLabels) -> Iterable[str]:
    yield f"<h1>{_escape(document.title)}</h1>"
    yield f"<p><b>{_escape(labels.contents_heading)}</b></p><ol>"
    for number, question in enumerate(document.questions, start=1):
        anchor = QUESTION_ANCHOR.format(q=number)
        title = _question_title(question, labels)
        yield f"<li><a href='#{anchor}'>{_escape(title)}</a></li>"
    yield "</ol>"


def _question(
    question: Question, number: int, heading_level: int, labels: RenderLabels
) -> Iterable[str]:
    h_question = f"h{heading_level}"
    h_section = f"h{heading_level + 1}"
    h_answer = f"h{heading_level + 2}"
    anchor = QUESTION_ANCHOR.format(q=number)
    yield _heading(h_question, anchor, _question_title(question, labels))
    yield from _paragraphs(question.detail_paragraphs)

    count = len(question.answers)
    yield _heading(
        h_section, ANSWERS_ANCHOR.format(q=number), labels.answers_heading.format(count=count)
    )
    if question.answer_count_mismatch and question.declared_answer_count is not None:
        note = labels.mismatch_note.format(declared=question.declared_answer_count, found=count)
        yield _note(note)
    if not question.answers:
        yield _note(labels.no_answers)
    for answer_number, answer in enumerate(question.answers, start=1):
        heading = labels.answer_heading.format(number=answer_number, count=count)
        anchor = ANSWER_ANCHOR.format(q=number, a=answer_number)
        yield _heading(h_answer, anchor, heading)
        yield from _answer_body(answer, labels)


def _answer_body(answer: Answer, labels: RenderLabels) -> Iterable[str]:
    yield from _paragraphs(answer.paragraphs)
    if answer.author:
        yield f"<p class='author'>{_escape(labels.author_prefix + answer.author)}</p>"


def _disclaimer(text: str, labels: RenderLabels) -> Iterable[str]:
    yield (
        "<table class='disclaimer' width='100%' border='2' cellspacing='0' cellpadding='14'>"
        "<tr><td>" + _heading("h2", DISCLAIMER_ANCHOR, labels.disclaimer_heading)
    )
    yield from _paragraphs(split_paragraphs(text))
    yield "</td></tr></table>"


def _heading(tag: str, anchor: str, text: str) -> str:
    """A heading that is also a place to go to (contents links, structure navigation).

    The anchor wraps the heading's text and carries that text as its title. Qt's format
    table hashes a character format without its anchor names, so thousands of anchors
    that differ only in their names share one hash bucket and setHtml() turns quadratic
    (measured: 20,000 answers, 7 MB, 14 s instead of 0.5 s). The title is hashed and keeps
    the formats apart; readers see it only as a tooltip repeating the heading.
    """
    escaped = _escape(text)
    return f"<{tag}><a name='{anchor}' title='{escaped}'>{escaped}</a></{tag}>"


def _note(text: str) -> str:
    return f"<p class='note'>{_escape(text)}</p>"


def _question_title(question: Question, labels: RenderLabels) -> str:
    return question.title.strip() or labels.untitled_question


def _paragraphs(paragraphs: Iterable[str]) -> Iterable[str]:
    for paragraph in paragraphs:
        items = list_items(paragraph)
        if items is not None:
            yield "<ul>" + "".join(f"<li>{_linkify(item)}</li>" for item in items) + "</ul>"
            continue
        lines = (_linkify(line) for line in paragraph.splitlines())
        yield f"<p>{'<br>'.join(lines)}</p>"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _linkify(text: str) -> str:
    """Escapes `text`, turning http(s) addresses in it into links and nothing else."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING_PUNCTUATION)
        start, end = match.start(), match.start() + len(url)
        out.append(_escape(text[position:start]))
        out.append(f"<a href=\"{_escape(url)}\">{_escape(url)}</a>")
        position = end
    out.append(_escape(text[position:]))
    return "".join(out)
