"""Every way in: clipboard, drag and drop, Open Recent, the Open dialog's filters, reload
when the file changes on disk, and the command line with each kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qa_reader.preferences import INI_FILE_NAME
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher, restart

PAGE = (
    "{title}\n\nI have had a dry cough for three weeks.\n\nDoctors Answers (2)\n\n"
    "{answer}\n\nDr. Ann Lee\n\nA second opinion: drink warm water.\n\nDr. Bo Chan\n\n"
    "Disclaimer: general information only.\n"
)


def write_page(path: Path, title: str, answer: str = "Rest and fluids help most people.") -> Path:
    path.write_text(PAGE.format(title=title, answer=answer), encoding="utf-8")
    return path


def shortcut_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def saved_settings(config_dir: Path) -> str:
    path = config_dir / INI_FILE_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


# -- clipboard --------------------------------------------------------------------------


def test_clipboard_text_opens_with_ctrl_shift_v(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, config_dir: Path
) -> None:
    earlier = write_page(tmp_path / "earlier.txt", "Is a cough after a cold normal?")
    window = start_app(earlier)
    QGuiApplication.clipboard().setText(
        "Can I take ibuprofen with a cold?\n\nMy nose is blocked.\n\nDoctors Answers (1)\n\n"
        "Yes, for a few days, with food.\n\nDr. Ray Ito\n"
    )
    shortcut_clipboard(qtbot, window)
    assert window.windowTitle() == "Can I take ibuprofen with a cold?"
    assert "Yes, for a few days, with food." in window.view.toPlainText()
    assert status(window).startswith("Opened the text from the clipboard.")
    # No file behind it: not in the recent list, and not what opens next time.
    assert window.ways_in.recent_menu is not None
    assert window.ways_in.recent_menu.entries == (str(earlier.resolve()),)
    qtbot.wait_until(lambda: "last_document" not in saved_settings(config_dir))
    again = restart(window, start_app)
    assert again.windowTitle() != "Can I take ibuprofen with a cold?"


def test_clipboard_html_from_a_browser_opens(
    start_app: Launcher, qtbot: QtBot, data_dir: Path
) -> None:
    window = start_app()
    mime = QMimeData()
    html = (data_dir / "clipboard-fragment.html").read_text(encoding="utf-8")
    mime.setHtml(html)
    mime.setText("plain text that must not win over the HTML")
    QGuiApplication.clipboard().setMimeData(mime)
    window.reader_actions[ActionId.OPEN_FROM_CLIPBOARD].trigger()
    assert window.windowTitle() == "Why do my knees ache when it rains?"
    text = window.view.toPlainText()
    assert "changes in air pressure" in text and "I’m 68." in text
    assert "must not win" not in text


def test_empty_clipboard_is_explained(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    before = window.view.toPlainText()
    QGuiApplication.clipboard().clear()
    shortcut_clipboard(qtbot, window)
    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None and box.isVisible()
    assert box.text() == "The clipboard holds no text to open."
    assert window.view.toPlainText() == before


def test_clipboard_that_is_no_page_shows_the_error_dialog(start_app: Launcher) -> None:
    window = start_app()
    before = window.view.toPlainText()
    QGuiApplication.clipboard().setText("<?xml version='1.0'?><invoice><total>3</total></invoice>")
    window.reader_actions[ActionId.OPEN_FROM_CLIPBOARD].trigger()
    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None and "not one of the kinds Q&A Reader reads" in box.text()
    assert window.view.toPlainText() == before


# -- drag and drop --------------------------------------------------------------------------


def drop(target: QWidget, urls: list[QUrl]) -> tuple[bool, bool]:
    """Sends a drag-enter and a drop with `urls` to `target`; (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls(urls)
    mime.setText("dropped text must never be inserted")
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    point = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    dropped = QDropEvent(
        QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_a_file_on_the_page_opens_it(start_app: Launcher, tmp_path: Path) -> None:
    page = write_page(tmp_path / "dropped.txt", "Why do my ears pop on planes?")
    window = start_app()
    assert not window.view.acceptDrops() and not window.view.viewport().acceptDrops()
    entered, accepted = drop(window.view.viewport(), [QUrl.fromLocalFile(str(page))])
    assert entered and accepted
    assert window.windowTitle() == "Why do my ears pop on planes?"
    assert "dropped text must never be inserted" not in window.view.toPlainText()
    assert window.ways_in.recent_menu is not None
    assert window.ways_in.recent_menu.entries[0] == str(page.resolve())


def test_dropping_several_files_opens_the_first_with_a_note(
    start_app: Launcher, tmp_path: Path
) -> None:
    first = write_page(tmp_path / "first.txt", "First page?")
    second = write_page(tmp_path / "second.txt", "Second page?")
    window = start_app()
    drop(window, [QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    assert window.windowTitle() == "First page?"
    assert "other dropped file was not opened" in status(window)


def test_web_addresses_and_folders_are_refused_with_a_note(
    start_app: Launcher, tmp_path: Path
) -> None:
    window = start_app()
    title = window.windowTitle()
    drop(window.view.viewport(), [QUrl("https://example.org/page.html")])
    assert "Only files on this computer" in status(window)
    drop(window.view.viewport(), [QUrl.fromLocalFile(str(tmp_path))])
    assert "is a folder" in status(window)
    assert window.windowTitle() == title
    assert window.findChild(QMessageBox, "error_dialog") is None


# -- Open Recent ------------------------------------------------------------------------------


def recent_menu(window: MainWindow) -> QMenu:
    menu = window.findChild(QMenu, "recent_menu")
    assert menu is not None
    return menu


def file_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title() == "&File":
            return menu
    raise AssertionError("no File menu")


def entry_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in recent_menu(window).actions() if action.text()]


def test_recent_list_persists_prunes_and_clears(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, config_dir: Path
) -> None:
    (tmp_path / "Colds").mkdir()
    a = write_page(tmp_path / "Colds" / "a.txt", "Page A?")
    b = write_page(tmp_path / "Colds" / "b.txt", "Page B?")
    window = start_app(a)
    assert window.open_path(str(b))
    assert window.open_path(str(a))  # again: back to the front, listed once
    assert entry_texts(window) == ["&1 a.txt — Colds", "&2 b.txt — Colds", "&Clear list"]
    first = recent_menu(window).actions()[0]
    assert first.toolTip() == str(a.resolve()) == first.statusTip()
    qtbot.wait_until(lambda: "[recent]" in saved_settings(config_dir))

    window = restart(window, start_app)
    assert entry_texts(window) == ["&1 a.txt — Colds", "&2 b.txt — Colds", "&Clear list"]
    # The File menu's items sit in order: Open…, Open Recent, Open from clipboard.
    texts = [action.text() for action in file_menu(window).actions()]
    assert texts[:3] == ["&Open…", "Open &Recent", "Open from &clipboard"]

    b.unlink()
    file_menu(window).aboutToShow.emit()
    assert status(window) == (
        "“b.txt” was removed from the recent list because it no longer exists."
    )
    assert entry_texts(window) == ["&1 a.txt — Colds", "&Clear list"]

    # An entry whose file vanished after the menu was filled says so when chosen.
    a.unlink()
    recent_menu(window).actions()[0].trigger()
    assert "“a.txt” no longer exists" in status(window)
    assert window.findChild(QMessageBox, "error_dialog") is None

    c = write_page(tmp_path / "c.txt", "Page C?")
    assert window.open_path(str(c))
    window.reader_actions[ActionId.CLEAR_RECENT].trigger()
    empty = recent_menu(window).actions()[0]
    assert empty.text() == "No recent documents" and not empty.isEnabled()
    assert not window.reader_actions[ActionId.CLEAR_RECENT].isEnabled()
    qtbot.wait_until(lambda: "[recent]" not in saved_settings(config_dir))
    window = restart(window, start_app)
    # Only the page reopened at start is listed again; the cleared entries stay gone.
    texts = entry_texts(window)
    assert len(texts) == 2 and texts[0].startswith("&1 c.txt — ")


def test_the_tenth_entry_has_mnemonic_zero(start_app: Launcher, tmp_path: Path) -> None:
    window = start_app()
    for number in range(12):
        assert window.open_path(str(write_page(tmp_path / f"p{number}.txt", f"Page {number}?")))
    texts = entry_texts(window)
    assert len(texts) == 11  # ten entries and "Clear list"
    assert texts[0].startswith("&1 p11.txt") and texts[9].startswith("&0 p2.txt")


# -- the Open dialog --------------------------------------------------------------------------


def test_open_dialog_offers_every_format(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QFileDialog, "open_dialog")
    assert dialog is not None and dialog.isVisible()
    filters = dialog.nameFilters()
    assert filters[0] == (
        "All supported (*.json *.qajson *.xml *.html *.htm *.xhtml *.txt *.text)"
    )
    assert filters[1:-1] == [
        "Q&A Reader JSON (*.json *.qajson)",
        "MedQuAD XML (*.xml)",
        "TREC LiveQA medical XML (*.xml)",
        "Web page (HTML) (*.html *.htm *.xhtml)",
        "Plain-text page (*.txt *.text)",
    ]
    assert filters[-1] == "All files (*)"
    dialog.reject()


# -- reload when the file changes -------------------------------------------------------------


def long_page(answer_word: str) -> str:
    answers = "\n\n".join(
        f"Answer number {n} says {answer_word}. " + "Gentle words to fill the line. " * 12
        + f"\n\nDr. Number{n}"
        for n in range(60)
    )
    return (f"How long does a cold last?\n\nAsking for my mother.\n\nDoctors Answers (60)\n\n"
            f"{answers}\n\nDisclaimer: general information only.\n")


def top_text(window: MainWindow) -> str:
    return window.view.cursorForPosition(QPoint(0, 0)).block().text()


def test_a_changed_file_is_read_again_at_the_same_place(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    page = tmp_path / "cold.txt"
    page.write_text(long_page("rest"), encoding="utf-8")
    window = start_app(page)
    block = window.view.document().findBlockByNumber(window.view.document().blockCount() // 2)
    rect = window.view.document().documentLayout().blockBoundingRect(block)
    window.view.verticalScrollBar().setValue(round(rect.top()))
    before = top_text(window)
    assert "says rest" in before or before.startswith("Dr.")

    page.write_text(long_page("sleep"), encoding="utf-8")
    qtbot.wait_until(lambda: "says sleep" in window.view.toPlainText(), timeout=5000)
    assert top_text(window) == before.replace("rest", "sleep")
    assert "changed on disk and was read again" in status(window)

    page.unlink()
    qtbot.wait_until(lambda: "was deleted or moved" in status(window), timeout=5000)
    assert "says sleep" in window.view.toPlainText()

    # Saved again under the same name (as editors that write a new file and rename it do).
    page.write_text(long_page("walk"), encoding="utf-8")
    qtbot.wait_until(lambda: "says walk" in window.view.toPlainText(), timeout=5000)


def test_a_file_that_turns_invalid_keeps_the_page(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    page = write_page(tmp_path / "flu.txt", "Should I get a flu jab?")
    window = start_app(page)
    page.write_bytes(b"")
    qtbot.wait_until(lambda: "cannot be shown now" in status(window), timeout=5000)
    assert window.windowTitle() == "Should I get a flu jab?"
    assert "Rest and fluids" in window.view.toPlainText()
    assert window.findChild(QMessageBox, "error_dialog") is None


# -- command line ---------------------------------------------------------------------------


def test_command_line_opens_json_and_html(
    start_app: Launcher, data_dir: Path
) -> None:
    window = start_app(data_dir / "winter-eczema-crlf.json")
    assert window.windowTitle() == "Why does my eczema get worse in winter?"
    window.close()
    window = start_app(data_dir / "saved-page.html")
    assert window.windowTitle() == "Can I exercise with a cold?"
    assert window.findChild(QMessageBox, "error_dialog") is None
