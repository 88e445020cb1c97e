"""Translated words the renderer puts around a document's own text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..render import RenderLabels


def translated_render_labels() -> RenderLabels:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Document", text)

    return RenderLabels(
        answers_heading=tr("Doctors\u2019 answers ({count})"),
        answer_heading=tr("Answer {number} of {count}"),
        mismatch_note=tr(
            "Answers announced by the page: {declared}. Answers found in it: {found}."
        ),
        no_answers=tr("No doctor has answered this question yet."),
        disclaimer_heading=tr("Medical disclaimer"),
        contents_heading=tr("Contents"),
        untitled_question=tr("Untitled question"),
        author_prefix=tr("\u2014 "),
        source_link=tr("Source: {url}"),
    )
