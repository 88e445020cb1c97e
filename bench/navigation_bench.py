"""Times the navigation features on a long page: finding the stops, searching, focus mode.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/navigation_bench.py [SIZE_KB]
Builds a page of about SIZE_KB kilobytes (default 1024) with 20 answers, shows it in the
real window and prints the median of several runs of each step, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from qa_reader.app import configure_application, launch
from qa_reader.cli import LaunchOptions
from qa_reader.document import Answer, Document, Question
from qa_reader.ui.reader_view import HighlightLayer

PARAGRAPH = ("A fever is the body's way of fighting an infection; rest, drink water and "
             "see a doctor when it lasts more than three days or goes above 39.5 degrees. ")


def long_document(kilobytes: int) -> Document:
    paragraphs_per_answer = max(1, kilobytes * 1024 // len(PARAGRAPH) // 20)
    body = "\n\n".join([PARAGRAPH * 3] * (paragraphs_per_answer // 3 or 1))
    answers = tuple(Answer(body, f"Dr. Number {n}") for n in range(1, 21))
    return Document("Long page", (Question("A long question?", PARAGRAPH, answers),),
                    disclaimer="Disclaimer: example.")


def median_ms(step: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    kilobytes = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    app = QApplication(sys.argv)
    configure_application()
    with tempfile.TemporaryDirectory() as config:
        window = launch(LaunchOptions(config_dir=config), ask_disclaimer=False)
        window.show()
        app.processEvents()
        document = long_document(kilobytes)
        window.show_document(document)
        app.processEvents()
        tools = window.reading_tools
        size = len(window.view.toPlainText())
        print(f"page: {size / 1024:.0f} KB of text, {len(tools.navigator.stops)} stops")
        print(f"find the stops (anchors): {median_ms(tools._on_html_shown):.1f} ms")
        print(f"next answer (scroll + caret): {median_ms(tools.go_next_answer):.1f} ms")
        bar = tools.find_bar
        bar.open_bar()
        for needle in ("doctor", "fever", "e"):
            def search(text: str = needle) -> None:
                bar.field.setText("")
                bar.field.setText(text)

            elapsed = median_ms(search)
            shown = len(window.view.highlights(HighlightLayer.FIND_MATCHES))
            print(f"find {needle!r}: {bar.match_count} matches ({shown} tinted) {elapsed:.1f} ms")
        print(f"find next: {median_ms(bar.find_next):.1f} ms")
        bar.close_bar()
        tools._preferences.update(focus_mode=True)
        for _ in range(10):
            tools.go_next_answer()

        def there_and_back() -> None:
            tools.go_next_answer()
            tools.go_previous_answer()

        print(f"focus mode, two moves: {median_ms(there_and_back):.1f} ms")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
