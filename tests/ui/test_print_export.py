"""File → Print… and Export as…: what a reader does with the keyboard and the dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pdf_tools import normalise, pdf_page_count, pdf_page_size, pdf_pages_text
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow
from qa_reader.ui.print_actions import ExportOptionsDialog

from .conftest import Launcher, restart

T = TypeVar("T", bound=QWidget)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _visible(window: MainWindow, kind: type[T], name: str) -> list[T]:
    return [child for child in window.findChildren(kind, name) if child.isVisible()]


def _accept_options(window: MainWindow, qtbot: QtBot, letter: bool | None = None,
                    friendly: bool | None = None) -> None:
    qtbot.wait_until(lambda: bool(_visible(window, ExportOptionsDialog, "export_options_dialog")))
    dialog = _visible(window, ExportOptionsDialog, "export_options_dialog")[-1]
    if letter is not None:
        dialog.page_size_box.setCurrentIndex(1 if letter else 0)
    if friendly is not None:
        dialog.colours_box.setChecked(friendly)
    dialog.accept()


def _save_as(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    # A closed dialog lingers until deleted; the one on screen is the newest.
    qtbot.wait_until(lambda: bool(_visible(window, QFileDialog, "export_dialog")))
    dialog = _visible(window, QFileDialog, "export_dialog")[-1]
    dialog.selectFile(str(path))
    dialog.accept()


def test_export_as_pdf_by_shortcut_keeps_the_text_size(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app()
    for _ in range(3):  # 16 → 22 pt
        qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reading_style().text_size == 22
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL_SHIFT)
    _accept_options(window, qtbot, letter=True)
    out = tmp_path / "answers.pdf"
    _save_as(window, qtbot, out)
    qtbot.wait_until(out.exists)
    assert "letter" in pdf_page_size(out)
    pages = pdf_page_count(out)
    assert window.statusBar().currentMessage() == f"Saved “answers.pdf” ({pages} pages)"
    text = normalise(" ".join(pdf_pages_text(out)))
    assert "Can I take ibuprofen and paracetamol together for a fever?" in text
    assert "Medical disclaimer" in text


def test_export_as_pdf_to_a_missing_folder_shows_the_error_dialog(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app()
    window.reader_actions[ActionId.EXPORT_PDF].trigger()
    _accept_options(window, qtbot)
    target = tmp_path / "gone" / "answers.pdf"
    _save_as(window, qtbot, target)
    qtbot.wait_until(lambda: bool(window.findChildren(QMessageBox, "error_dialog")))
    box = window.findChildren(QMessageBox, "error_dialog")[-1]
    qtbot.wait_until(box.isVisible)
    assert "could not be written" in box.text() and "does not exist" in box.text()
    assert not target.exists()


def test_export_html_and_text_from_the_file_menu(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app()
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu_actions = file_menu.actions()
    for action_id in (ActionId.PRINT, ActionId.EXPORT_PDF, ActionId.EXPORT_HTML,
                      ActionId.EXPORT_TEXT):
        assert window.reader_actions[action_id] in file_menu_actions
    window.reader_actions[ActionId.EXPORT_HTML].trigger()
    _accept_options(window, qtbot, friendly=False)
    html_out = tmp_path / "page.html"
    _save_as(window, qtbot, html_out)
    qtbot.wait_until(html_out.exists)
    markup = html_out.read_text(encoding="utf-8")
    assert "font-size: 16pt" in markup and "Dr. Helen Okafor" in markup

    window.reader_actions[ActionId.EXPORT_TEXT].trigger()  # no options: straight to the file
    text_out = tmp_path / "page.txt"
    _save_as(window, qtbot, text_out)
    qtbot.wait_until(text_out.exists)
    text = text_out.read_text(encoding="utf-8")
    assert text.startswith("Can I take ibuprofen and paracetamol together for a fever?\n")
    assert "Answer 4 of 4" in text and "Medical disclaimer" in text


def test_print_shows_a_preview_of_the_large_print_pages(
    start_app: Launcher, qtbot: QtBot
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    _accept_options(window, qtbot)
    preview = window.findChild(QPrintPreviewDialog, "print_preview")
    assert preview is not None
    qtbot.wait_until(preview.isVisible)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.wait_until(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == 3  # the sample at 16 pt, as in the PDF
    preview.reject()


def test_print_options_are_remembered(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    window.reader_actions[ActionId.EXPORT_PDF].trigger()
    _accept_options(window, qtbot, letter=True, friendly=False)
    qtbot.wait_until(lambda: bool(_visible(window, QFileDialog, "export_dialog")))
    _visible(window, QFileDialog, "export_dialog")[-1].reject()
    window = restart(window, start_app)
    window.reader_actions[ActionId.EXPORT_PDF].trigger()
    dialog = window.findChild(ExportOptionsDialog, "export_options_dialog")
    assert dialog is not None
    assert dialog.page_size_box.currentText().startswith("Letter")
    assert not dialog.colours_box.isChecked()
    dialog.reject()
