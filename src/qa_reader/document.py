"""The document model: what a Q&A page *is*, independent of where it came from.

Plain frozen dataclasses, standard library only, so importers, the renderer and
exporters can share them and be tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Answer:
    """One doctor's answer. Paragraphs are separated by one blank line."""

    text: str
    author: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return split_paragraphs(self.text)


@dataclass(frozen=True)
class Question:
    """A patient's question with the answers given to it."""

    title: str
    details: str = ""
    answers: tuple[Answer, ...] = ()
    declared_answer_count: int | None = None

    @property
    def detail_paragraphs(self) -> tuple[str, ...]:
        return split_paragraphs(self.details)

    @property
    def answer_count_mismatch(self) -> bool:
        """True when the page announced a different number of answers than it holds."""
        return (
            self.declared_answer_count is not None
            and self.declared_answer_count != len(self.answers)
        )


@dataclass(frozen=True)
class DocumentSource:
    """Where a document was read from: a path (None for pasted text) and a format name.

    ``url`` is the web address the document itself names as its origin (a MedQuAD
    file's ``url``), shown as the document's source link; None when it names none.
    """

    path: str | None = None
    format: str = "text"
    url: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    questions: tuple[Question, ...] = ()
    disclaimer: str | None = None
    source: DocumentSource = field(default_factory=DocumentSource)

    @property
    def answer_count(self) -> int:
        return sum(len(question.answers) for question in self.questions)


LIST_ITEM_MARKER = "\u2022 "
"""Starts each line of a list paragraph: a paragraph whose every line starts with it is
a bulleted list, one item per line (importers write it, the renderer shows a list)."""


def list_items(paragraph: str) -> tuple[str, ...] | None:
    """The items of a list paragraph, or None when the paragraph is not a list."""
    lines = paragraph.split("\n")
    if not all(line.startswith(LIST_ITEM_MARKER) for line in lines):
        return None
    return tuple(line[len(LIST_ITEM_MARKER) :].strip() for line in lines)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a text whose paragraphs are separated by blank lines."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return tuple(blocks)
