"""Cost of one text-size step in the reader view, with and without paragraph-spacing scaling.

Qt's rich text has no font-relative margins, so the view scales paragraph and heading
margins on every size step (see ReaderView._scale_block_margins). This measures what that
adds to a step, next to the cost of re-parsing the page (which the design avoids).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/size_step_spacing.py
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtWidgets import QApplication

from qa_reader.document import Answer, Document, DocumentSource, Question
from qa_reader.render import render_html
from qa_reader.style import WCAG_TEXT_SPACING, ReadingStyle
from qa_reader.ui.reader_view import ReaderView

PARAGRAPH = "Plenty of words to fill the line and then some more words. " * 8
STEPS = 10


def page(answers: int) -> Document:
    body = tuple(Answer("\n\n".join([PARAGRAPH] * 10)) for _ in range(answers))
    return Document("Bench", (Question("A question", answers=body),), "Disclaimer.",
                    DocumentSource("/bench.txt", "text"))


def median_step_ms(app: QApplication, view: ReaderView, scale_margins: bool) -> float:
    times = []
    for step in range(STEPS):
        if not scale_margins:
            view._margins_size = 0  # the view then leaves the margins alone
        started = time.perf_counter()
        view.set_text_size(18 if step % 2 == 0 else 16)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication([])
    style = ReadingStyle(**WCAG_TEXT_SPACING)  # type: ignore[arg-type]
    for answers in (20, 200):
        html = render_html(page(answers), style)
        view = ReaderView()
        view.resize(800, 600)
        view.show()
        view.set_text_size(16)
        view.show_html(html, "bench")
        app.processEvents()
        with_margins = median_step_ms(app, view, scale_margins=True)
        font_only = median_step_ms(app, view, scale_margins=False)
        started = time.perf_counter()
        view.show_html(html, "bench")
        app.processEvents()
        reparse = (time.perf_counter() - started) * 1000
        print(
            f"{len(html) // 1024} KB, {view.document().blockCount()} blocks: size step "
            f"{with_margins:.1f} ms (font only {font_only:.1f} ms); re-parse {reparse:.1f} ms"
        )


if __name__ == "__main__":
    main()
