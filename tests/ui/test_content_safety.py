"""Content is shown as text: nothing executed, nothing fetched, only web links opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextImageFormat

from qa_reader.ui.reader_view import ReaderView

from .conftest import Launcher

INJECTION_LINES = (
    "<script>alert('x')</script>",
    '<img src="file:///etc/passwd">',
    '<a href="javascript:alert(1)">click me</a>',
    '<link rel="stylesheet" href="https://tracker.invalid/x.css">',
)


@pytest.fixture
def hostile_page(tmp_path: Path) -> Path:
    page = tmp_path / "hostile.txt"
    body = "\n\n".join(INJECTION_LINES)
    page.write_text(
        f"Is <b>this</b> safe?\n\n{body}\n\nDoctors Answers (1)\n\n{body}\n\n"
        f"Disclaimer: {INJECTION_LINES[0]}\n",
        encoding="utf-8",
    )
    return page


class LinkRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def browser_links() -> object:
    """Stands in for the system browser: records what would have been opened."""
    recorder = LinkRecorder()
    for scheme in ("http", "https", "file", "javascript"):
        # The stubs ask for bytes, but PySide6 accepts only a str method name here.
        QDesktopServices.setUrlHandler(scheme, recorder, "open")  # type: ignore[arg-type]
    yield recorder
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_markup_in_content_is_shown_as_text(
    start_app: Launcher, hostile_page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    requested: list[str] = []
    original = ReaderView.loadResource

    def recording_load(self: ReaderView, kind: int, url: QUrl) -> object:
        requested.append(QUrl(url).toString())
        return original(self, kind, url)

    monkeypatch.setattr(ReaderView, "loadResource", recording_load)
    window = start_app(hostile_page)
    text = window.view.toPlainText()
    for line in INJECTION_LINES:
        assert line in text
    assert "Is <b>this</b> safe?" in text
    assert window.windowTitle() == "Is <b>this</b> safe?"
    assert requested == []
    # No image or external link made it into the document.
    block = window.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            assert not char_format.isImageFormat()
            assert not isinstance(char_format, QTextImageFormat)
            href = char_format.anchorHref()
            assert not href or href.startswith(("#", "http://", "https://"))
            iterator += 1
        block = block.next()


def test_resources_are_never_loaded(start_app: Launcher) -> None:
    window = start_app()
    assert window.view.loadResource(2, QUrl("file:///etc/passwd")) is None
    assert window.view.loadResource(1, QUrl("https://example.invalid/a.css")) is None


def test_only_web_links_reach_the_browser(start_app: Launcher, browser_links: LinkRecorder) -> None:
    window = start_app()
    window.view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert "not opened" in window.statusBar().currentMessage()
    window.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    window.view.anchorClicked.emit(QUrl("https://medlineplus.gov/fever.html"))
    assert browser_links.urls == ["https://medlineplus.gov/fever.html"]
    assert "medlineplus.gov" in window.statusBar().currentMessage()


def test_web_address_in_text_becomes_a_link(
    start_app: Launcher, tmp_path: Path, browser_links: LinkRecorder
) -> None:
    page = tmp_path / "link.txt"
    page.write_text(
        "Where can I read more?\n\nAnswers (1)\n\nSee https://medlineplus.gov/fever.html.\n",
        encoding="utf-8",
    )
    window = start_app(page)
    document = window.view.document()
    cursor = document.find("https://medlineplus.gov/fever.html")
    assert cursor.charFormat().anchorHref() == "https://medlineplus.gov/fever.html"
