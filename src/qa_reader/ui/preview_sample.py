"""The short Q&A shown in the Preferences dialog's preview (our own text, translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..document import Answer, Document, Question


def preview_document() -> Document:
    def tr(text: str) -> str:
        return QCoreApplication.translate("PreviewSample", text)

    question = Question(
        title=tr("How much water should I drink on a hot day?"),
        details=tr(
            "I am 72 and the summer here is very warm. I never feel thirsty. "
            "How do I know that I drink enough?"
        ),
        answers=(
            Answer(
                text=tr(
                    "Thirst gets weaker with age, so do not wait for it. Keep a glass of "
                    "water in sight and drink a little every hour.\n\n"
                    "Pale yellow urine is a good sign; dark urine, dizziness or confusion "
                    "are reasons to drink more and to call your doctor."
                ),
                author=tr("Dr. Example, General Practitioner"),
            ),
        ),
        declared_answer_count=1,
    )
    return Document(
        title=question.title,
        questions=(question,),
        disclaimer=tr("This sample shows how pages will look. It is not medical advice."),
    )
