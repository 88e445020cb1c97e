"""The medical disclaimer the reader accepts before any document is shown.

Raise DISCLAIMER_VERSION whenever the wording changes in substance: readers who
accepted an older version are shown the new one once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

DISCLAIMER_VERSION = 1


def disclaimer_title() -> str:
    return QCoreApplication.translate("Disclaimer", "Medical disclaimer")


def disclaimer_paragraphs() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate(
            "Disclaimer",
            "Q&A Reader shows questions and answers that you saved from other places. "
            "It makes them easier to read; it does not check whether they are right.",
        ),
        translate(
            "Disclaimer",
            "The answers are general information, written by people who have not examined "
            "you. They are not a diagnosis and not medical advice for you.",
        ),
        translate(
            "Disclaimer",
            "Before you start, stop or change any treatment, talk to your own doctor, nurse "
            "or pharmacist.",
        ),
        translate(
            "Disclaimer",
            "In an emergency, call your local emergency number now.",
        ),
    ]
