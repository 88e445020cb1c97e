"""Turning the loose text of XML collections into the model's paragraphs and lists.

MedQuAD and TREC LiveQA keep their answers as plain text in which each line break
ends a paragraph (the collections were made from web pages, one paragraph per
line) and lines starting with a dash or bullet are list items. Here every
non-blank line becomes a paragraph, and a run of list-item lines becomes one list
paragraph whose lines start with :data:`~qa_reader.document.LIST_ITEM_MARKER`.
"""

from __future__ import annotations

import re

from ..document import LIST_ITEM_MARKER

__all__ = ["collapse_spaces", "excerpt", "lines_to_paragraphs"]

_LIST_ITEM = re.compile(r"(?:[-*•·▪◦‣]|[0-9]{1,3}[.)])[^\S\n]+(?=\S)")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s")
EXCERPT_LENGTH = 100


def collapse_spaces(text: str) -> str:
    """One line: every run of white space (line breaks too) becomes one space."""
    return _SPACES.sub(" ", text).strip()


def lines_to_paragraphs(text: str) -> str:
    """Each line a paragraph, runs of list-item lines a list; blank lines dropped."""
    blocks: list[str] = []
    items: list[str] = []
    for raw_line in text.splitlines():
        line = collapse_spaces(raw_line)
        if not line:
            continue
        item = _LIST_ITEM.match(line)
        if item is not None:
            items.append(LIST_ITEM_MARKER + line[item.end() :])
            continue
        if items:
            blocks.append("\n".join(items))
            items = []
        blocks.append(line)
    if items:
        blocks.append("\n".join(items))
    return "\n\n".join(blocks)


def excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """The first sentence of ``text`` on one line, cut at a word with "…" if too long."""
    line = collapse_spaces(text)
    sentence_end = _SENTENCE_END.search(line)
    if sentence_end is not None:
        line = line[: sentence_end.start()]
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip() + "\u2026"
