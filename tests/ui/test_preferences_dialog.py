"""The Preferences dialog, driven from the keyboard as a reader would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextBlockFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from qa_reader.preferences import INI_FILE_NAME
from qa_reader.themes import DARK, HIGH_CONTRAST_YELLOW, SEPIA
from qa_reader.ui.actions import ActionId
from qa_reader.ui.appearance import platform_font_size
from qa_reader.ui.disclaimer_dialog import DisclaimerDialog
from qa_reader.ui.main_window import MainWindow
from qa_reader.ui.preferences_dialog import PreferencesDialog

from .conftest import Launcher, restart

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_dialog(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    """Presses Ctrl+, in the page and waits for the dialog to take the keyboard."""
    # Shortcuts reach only the active window; offscreen, closing a dialog does not give
    # the activation back to the window as a desktop would.
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, CTRL)
    dialog = window.findChild(PreferencesDialog)
    assert isinstance(dialog, PreferencesDialog)
    qtbot.wait_exposed(dialog)
    qtbot.wait_until(dialog.isActiveWindow)
    return dialog


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def key(qtbot: QtBot, keys: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """Presses a key where the keyboard focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, keys, modifier)


def choose_theme(qtbot: QtBot, steps_down: int) -> None:
    """Alt+O goes to the chosen theme ("Follow the system" at first); Down picks the next."""
    key(qtbot, Qt.Key.Key_O, ALT)
    qtbot.wait_until(lambda: focused_name().startswith("theme_"))
    for _ in range(steps_down):
        key(qtbot, Qt.Key.Key_Down)


def preview_paragraph(dialog: PreferencesDialog, text: str) -> QTextBlockFormat:
    block = dialog.preview.document().find(text).block()
    return block.blockFormat()


def preview_background(dialog: PreferencesDialog) -> str:
    return dialog.preview.document().rootFrame().frameFormat().background().color().name()


def focused_name() -> str:
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused.objectName()


def closed(window: MainWindow) -> bool:
    """True once the dialog has closed and is gone (it deletes itself on close)."""
    return window.findChild(PreferencesDialog) is None


def preview_size(dialog: PreferencesDialog) -> float:
    return dialog.preview.document().defaultFont().pointSizeF()


def test_ctrl_comma_opens_a_window_modal_dialog_on_the_first_field(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert QApplication.focusWidget() is dialog.findChild(QComboBox, "font_family")
    action = window.reader_actions[ActionId.PREFERENCES]
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    menus = {m.title().replace("&", ""): m for m in window.menuBar().findChildren(QMenu)}
    assert action in menus["Edit"].actions()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("File") < titles.index("Edit") < titles.index("View")


def test_keyboard_changes_show_in_the_preview_at_once(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    assert preview_size(dialog) == 16
    # A sample page drawn by the renderer, with the renderer's own headings.
    sample = dialog.preview.toPlainText()
    assert "How much water" in sample and "Answer 1 of 1" in sample
    assert "Medical disclaimer" in sample
    key(qtbot, Qt.Key.Key_Z, ALT)  # Text si&ze
    assert focused_name() == "text_size"
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert preview_size(dialog) == 20
    key(qtbot, Qt.Key.Key_B, ALT)  # &Bold text (a mnemonic clicks after a short flash)
    qtbot.wait_until(lambda: dialog.preview.document().defaultFont().bold())
    key(qtbot, Qt.Key.Key_F, ALT)  # &Font
    key(qtbot, Qt.Key.Key_Down)  # the second bundled face
    assert dialog.chosen().font_family == "Lexend"
    assert dialog.preview.font().family() == "Lexend"
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.chosen().font_family == "sans-serif"
    assert dialog.preview.font().family() != "Atkinson Hyperlegible"
    choose_theme(qtbot, 5)
    assert preview_background(dialog) == HIGH_CONTRAST_YELLOW.background
    assert preview_paragraph(dialog, "Thirst gets weaker").lineHeight() == 150
    key(qtbot, Qt.Key.Key_H, ALT)  # Line &height
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Up)
    assert preview_paragraph(dialog, "Thirst gets weaker").lineHeight() == 170
    key(qtbot, Qt.Key.Key_C, ALT)  # Paragraph spa&cing
    before = preview_paragraph(dialog, "Thirst gets weaker").bottomMargin()
    key(qtbot, Qt.Key.Key_Up)
    assert preview_paragraph(dialog, "Thirst gets weaker").bottomMargin() > before
    key(qtbot, Qt.Key.Key_T, ALT)  # Le&tter spacing
    key(qtbot, Qt.Key.Key_Up)
    assert dialog.preview.document().defaultFont().letterSpacing() > 0
    key(qtbot, Qt.Key.Key_R, ALT)  # Wo&rd spacing
    key(qtbot, Qt.Key.Key_Up)
    assert dialog.preview.document().defaultFont().wordSpacing() > 0
    # Nothing reaches the page before OK.
    assert window.view.text_size() == 16


def test_ok_applies_and_a_restart_restores_the_choice(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, ALT)
    key(qtbot, Qt.Key.Key_Down)
    choose_theme(qtbot, 2)  # Follow the system → Light → Dark
    assert dialog.chosen().theme == "dark"
    key(qtbot, Qt.Key.Key_H, ALT)  # Line &height
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_I, ALT)  # &Interface size
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_G, ALT)  # Limit line len&gth: off
    qtbot.wait_until(lambda: dialog.chosen().max_line_chars == 0)
    key(qtbot, Qt.Key.Key_Return)  # OK is the default button
    qtbot.wait_until(lambda: closed(window))
    assert window.view.text_size() == 18
    page = window.view.document().rootFrame().frameFormat().background().color().name()
    assert page == DARK.background
    window = restart(window, start_app)
    assert window.view.text_size() == 18
    dialog = open_dialog(qtbot, window)
    chosen = dialog.chosen()
    assert (chosen.text_size, chosen.theme, chosen.line_height) == (18, "dark", 1.6)
    assert (chosen.interface_scale, chosen.max_line_chars) == (125, 0)
    dark = dialog.findChild(QAbstractButton, "theme_dark")
    assert dark is not None and dark.isChecked()


def test_escape_closes_like_cancel_and_changes_nothing(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, ALT)
    key(qtbot, Qt.Key.Key_Down)
    choose_theme(qtbot, 3)
    assert dialog.chosen().theme == "sepia"
    assert preview_background(dialog) == SEPIA.background
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: closed(window))
    assert window.view.text_size() == 16
    settings = config_dir / INI_FILE_NAME
    stored = settings.read_text(encoding="utf-8") if settings.exists() else ""
    assert "theme" not in stored and "text_size" not in stored
    window = restart(window, start_app)
    assert open_dialog(qtbot, window).chosen().theme == "system"


def test_cancel_button_changes_nothing(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    choose_theme(qtbot, 4)
    assert dialog.chosen().theme == "high-contrast-white"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.wait_until(lambda: closed(window))
    assert open_dialog(qtbot, window).chosen().theme == "system"


def test_apply_keeps_the_dialog_open_and_is_off_without_changes(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    apply_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    assert not apply_button.isEnabled()
    key(qtbot, Qt.Key.Key_Z, ALT)
    key(qtbot, Qt.Key.Key_Up)
    assert apply_button.isEnabled()
    key(qtbot, Qt.Key.Key_A, ALT)  # &Apply
    qtbot.wait_until(lambda: window.view.text_size() == 14)
    assert dialog.isVisible() and not apply_button.isEnabled()


def test_restore_defaults_shows_defaults_and_ok_applies_them(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, ALT)
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Down)
    choose_theme(qtbot, 5)
    assert dialog.chosen().theme == "high-contrast-yellow"
    key(qtbot, Qt.Key.Key_X, ALT)  # Use WCAG te&xt spacing
    qtbot.wait_until(lambda: dialog.chosen().paragraph_spacing == 2.0)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: closed(window))
    assert window.view.text_size() == 24

    dialog = open_dialog(qtbot, window)
    assert dialog.chosen().theme == "high-contrast-yellow"
    assert dialog.chosen().paragraph_spacing == 2.0
    key(qtbot, Qt.Key.Key_E, ALT)  # R&estore defaults
    qtbot.wait_until(lambda: dialog.chosen().text_size == 16)
    chosen = dialog.chosen()
    assert (chosen.text_size, chosen.theme, chosen.paragraph_spacing) == (16, "system", 1.0)
    assert preview_size(dialog) == 16
    assert window.view.text_size() == 24  # shown, not applied
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: closed(window))
    assert window.view.text_size() == 16


def test_wcag_button_sets_the_four_spacings(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_X, ALT)
    qtbot.wait_until(lambda: dialog.chosen().word_spacing == 0.16)
    chosen = dialog.chosen()
    spacing = (chosen.line_height, chosen.paragraph_spacing, chosen.letter_spacing,
               chosen.word_spacing)
    assert spacing == (1.5, 2.0, 0.12, 0.16)


def test_every_control_is_named_for_screen_readers(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    controls = [
        widget for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog)
        and not widget.objectName().startswith("qt_")
    ]
    assert len(controls) >= 15
    for widget in controls:
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        assert widget in buddies or widget.accessibleName() or text, widget.objectName()
    for name in ("font_family", "text_size", "line_height", "paragraph_spacing",
                 "letter_spacing", "word_spacing", "interface_scale", "preferences_preview"):
        assert dialog.findChild(QWidget, name) in buddies, name


def test_tab_walks_the_fields_in_reading_order(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    open_dialog(qtbot, window)
    order = [focused_name()]
    for _ in range(12):
        key(qtbot, Qt.Key.Key_Tab)
        order.append(focused_name())
    assert order == [
        "font_family", "font_bold", "text_size", "theme_system", "line_height",
        "paragraph_spacing", "letter_spacing", "word_spacing", "limit_line_length",
        "max_line_chars", "wcag_text_spacing", "interface_scale", "show_disclaimer_again",
    ]


def test_corrupt_stored_values_show_the_defaults(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    (config_dir / INI_FILE_NAME).write_text(
        "[reading]\ntheme=purple\nline_height=banana\nletter_spacing=wide\nfont_bold=maybe\n"
        "max_line_chars=lots\ntext_size=huge\n[interface]\nscale=0x64\n",
        encoding="utf-8",
    )
    window = start_app()
    chosen = open_dialog(qtbot, window).chosen()
    assert chosen.theme == "system" and chosen.line_height == 1.5
    assert chosen.letter_spacing == 0.0 and chosen.font_bold is False
    assert chosen.max_line_chars == 70 and chosen.interface_scale == 100
    assert chosen.text_size == 16


def test_a_font_no_longer_installed_stays_chosen(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    (config_dir / INI_FILE_NAME).write_text(
        "[reading]\nfont_family=Gone Sans Example\n", encoding="utf-8"
    )
    window = start_app()
    dialog = open_dialog(qtbot, window)
    box = dialog.findChild(QComboBox, "font_family")
    assert box is not None
    assert box.currentText() == "Gone Sans Example (not installed)"
    assert dialog.chosen().font_family == "Gone Sans Example"
    # Bundled faces come first, then the system's own faces.
    assert [box.itemData(i) for i in range(4)] == [
        "Atkinson Hyperlegible", "Lexend", "sans-serif", "serif"
    ]


def test_the_disclaimer_can_be_shown_again_from_the_dialog(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_M, ALT)  # Show the &medical disclaimer again…
    qtbot.wait_until(lambda: window.disclaimer_dialog is not None)
    disclaimer = window.disclaimer_dialog
    assert isinstance(disclaimer, DisclaimerDialog)
    qtbot.wait_until(disclaimer.isVisible)
    disclaimer.accept_button.click()


def test_applying_a_larger_interface_size_enlarges_the_open_dialog(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    dialog = open_dialog(qtbot, window)
    platform = platform_font_size()
    before = dialog.font().pointSizeF()
    assert before == max(12, platform)
    key(qtbot, Qt.Key.Key_I, ALT)  # &Interface size
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Up)  # 100 → 200 %
    key(qtbot, Qt.Key.Key_A, ALT)  # &Apply
    qtbot.wait_until(lambda: dialog.font().pointSizeF() == max(12, 2 * platform))
    label = dialog.findChild(QLabel)
    assert label is not None and label.font().pointSizeF() == dialog.font().pointSizeF()
    assert window.menuBar().font().pointSizeF() == 2 * platform
    # Back to 100 % the same way, so the next test starts from the platform's size.
    key(qtbot, Qt.Key.Key_E, ALT)
    qtbot.wait_until(lambda: dialog.chosen().interface_scale == 100)
    key(qtbot, Qt.Key.Key_A, ALT)
    qtbot.wait_until(lambda: dialog.font().pointSizeF() == before)
