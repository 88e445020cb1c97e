"""Themes, fonts, spacing, line length and interface size in the running window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QIcon,
    QImage,
    QPalette,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from qa_reader.preferences import INI_FILE_NAME
from qa_reader.style import WCAG_TEXT_SPACING, size_percent
from qa_reader.themes import DARK, LIGHT, THEMES, Theme
from qa_reader.ui.actions import ActionId
from qa_reader.ui.appearance import platform_font_size
from qa_reader.ui.fonts import (
    BUNDLED_FAMILIES,
    document_font,
    font_choices,
    load_bundled_fonts,
)
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher, restart

ROLE = QPalette.ColorRole


def long_page(tmp_path: Path, paragraphs: int = 12) -> Path:
    page = tmp_path / "long.txt"
    answers = "\n\n".join(
        f"Answer paragraph number {n}. " + "Plenty of ordinary words to fill every line. " * 8
        for n in range(1, paragraphs + 1)
    )
    page.write_text(
        f"A long question\n\nDoctors Answers ({paragraphs})\n\n{answers}\n\n"
        "Disclaimer: general information only.\n",
        encoding="utf-8",
    )
    return page


def block_with(window: MainWindow, text: str) -> QTextBlock:
    cursor = window.view.document().find(text)
    assert not cursor.isNull(), text
    return cursor.block()


def wait_for_theme(qtbot: QtBot, window: MainWindow, theme: Theme) -> None:
    """Widgets take a new application palette from the event loop, as on a desktop."""
    qtbot.wait_until(lambda: window.palette().color(ROLE.Window) == QColor(theme.window))


def page_background(window: MainWindow) -> str:
    return window.view.document().rootFrame().frameFormat().background().color().name()


# -- themes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_theme_colours_the_whole_window_and_the_page(
    start_app: Launcher, qtbot: QtBot, theme: Theme
) -> None:
    window = start_app()
    window._preferences.update(theme="dark" if theme.name != "dark" else "light")
    with qtbot.wait_signal(window.appearance.announced) as announced:
        window._preferences.update(theme=theme.name)
    wait_for_theme(qtbot, window, theme)
    app_palette = QApplication.palette()
    assert app_palette.color(ROLE.Window) == QColor(theme.window)
    assert app_palette.color(ROLE.WindowText) == QColor(theme.window_text)
    assert app_palette.color(ROLE.Button) == QColor(theme.button)
    for widget in (window.menuBar(), window.toolbar, window.statusBar()):
        assert widget.palette().color(ROLE.Window) == QColor(theme.window)
        assert widget.palette().color(ROLE.WindowText) == QColor(theme.window_text)
    view_palette = window.view.palette()
    assert view_palette.color(ROLE.Base) == QColor(theme.background)
    assert view_palette.color(ROLE.Highlight) == QColor(theme.selection_background)
    assert page_background(window) == theme.background
    cursor = window.view.document().find("different organs")
    assert cursor.charFormat().foreground().color().name() == theme.text
    assert announced.args is not None and theme.display_name in announced.args[0]
    assert theme.display_name in window.statusBar().currentMessage()
    # The disclaimer dialog, opened now, is coloured by the theme too.
    dialog = window.show_disclaimer(first_launch=False)
    qtbot.wait_exposed(dialog)
    assert dialog.palette().color(ROLE.Window) == QColor(theme.window)
    dialog.close()


def test_theme_change_keeps_the_reading_position(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app(long_page(tmp_path, 40))
    view = window.view
    block = block_with(window, "Answer paragraph number 25.")
    top = view.document().documentLayout().blockBoundingRect(block).top()
    view.verticalScrollBar().setValue(round(top) + 2)
    window._preferences.update(theme="sepia")
    assert page_background(window) == THEMES["sepia"].background
    qtbot.wait_until(lambda: view.reading_position()[0] == block.blockNumber())


def test_follow_system_switches_live_with_the_desktop(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    assert window._preferences.current.theme == "system"
    hints = QGuiApplication.styleHints()
    try:
        with qtbot.wait_signal(window.appearance.theme_changed):
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        wait_for_theme(qtbot, window, DARK)
        assert QApplication.palette().color(ROLE.Window) == QColor(DARK.window)
        assert page_background(window) == DARK.background
        assert "Dark" in window.statusBar().currentMessage()
        # A fixed theme ignores the desktop.
        window._preferences.update(theme="sepia")
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert page_background(window) == THEMES["sepia"].background
        window._preferences.update(theme="system")
        assert page_background(window) == LIGHT.background
    finally:
        hints.colorSchemeChanged.emit(hints.colorScheme())


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_keyboard_focus_ring_is_drawn_in_the_theme_focus_colour(
    start_app: Launcher, qtbot: QtBot, theme: Theme
) -> None:
    window = start_app()
    window._preferences.update(theme=theme.name)
    wait_for_theme(qtbot, window, theme)
    button = window.toolbar.widgetForAction(window.reader_actions[ActionId.OPEN])
    assert isinstance(button, QToolButton)

    def ring_pixels(widget: QToolButton) -> int:
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        wanted = QColor(theme.focus_ring).rgb()
        row = image.height() // 2
        return sum(1 for x in range(image.width()) if image.pixel(x, row) == wanted)

    unfocused = ring_pixels(button)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait_until(button.hasFocus)
    focused = ring_pixels(button)
    # Both vertical edges of the ring cross the middle row: at least 2 × 2 px of it.
    assert focused >= 4 > unfocused
    window.view.setFocus()
    qtbot.wait_until(window.view.hasFocus)
    assert ring_pixels(button) == unfocused
    # The page itself shows the ring when it has the focus, all of its width.
    page = window.view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    row = page.height() // 2
    wanted = QColor(theme.focus_ring).rgb()
    assert [page.pixel(x, row) == wanted for x in range(4)] == [True, True, True, False]


# -- fonts ------------------------------------------------------------------------------------


def test_bundled_fonts_load_and_are_offered_first(qapp: QApplication) -> None:
    loaded = load_bundled_fonts()
    assert set(BUNDLED_FAMILIES) <= set(loaded)
    for family in BUNDLED_FAMILIES:
        assert family in QFontDatabase.families()
        assert not QFontDatabase.isPrivateFamily(family)
    choices = [choice.family for choice in font_choices()]
    assert choices[:4] == ["Atkinson Hyperlegible", "Lexend", "sans-serif", "serif"]
    assert len(choices) == len(set(choices)) > 4  # installed families follow, once each
    assert QFontDatabase.styles("Atkinson Hyperlegible") and "Bold" in " ".join(
        QFontDatabase.styles("Atkinson Hyperlegible")
    )


@pytest.mark.parametrize(
    ("family", "bold", "expected"),
    [
        ("Atkinson Hyperlegible", False, "Atkinson Hyperlegible"),
        ("Lexend", True, "Lexend"),
        ("serif", False, None),
        ("No Such Font Family", False, None),
    ],
)
def test_chosen_font_is_the_pages_font(
    start_app: Launcher, family: str, bold: bool, expected: str | None
) -> None:
    window = start_app()
    window._preferences.update(font_family=family, font_bold=bold)
    font = window.view.document().defaultFont()
    info = QFontInfo(font)
    if expected is not None:
        assert info.family() == expected
    else:
        assert info.family()  # a real installed face: the fallback, never nothing
    assert info.bold() == bold
    assert font.pointSizeF() == window._preferences.current.text_size


def test_default_font_is_atkinson_hyperlegible(start_app: Launcher) -> None:
    window = start_app()
    assert QFontInfo(window.view.document().defaultFont()).family() == "Atkinson Hyperlegible"


# -- spacing and line length ------------------------------------------------------------------


def test_spacing_values_land_in_the_laid_out_page(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app(long_page(tmp_path))
    view = window.view
    paragraph = "Answer paragraph number 3."
    plain_width = block_with(window, paragraph).layout().lineAt(0).naturalTextWidth()
    window._preferences.update(**WCAG_TEXT_SPACING)
    pixels = 16 * view.logicalDpiY() / 72
    font = view.document().defaultFont()
    assert font.letterSpacingType() == QFont.SpacingType.AbsoluteSpacing
    # (Qt keeps spacing in 1/64 px.)
    assert font.letterSpacing() == pytest.approx(0.12 * pixels, abs=0.02)
    assert font.wordSpacing() == pytest.approx(0.16 * pixels, abs=0.02)
    block = block_with(window, paragraph)
    block_format = block.blockFormat()
    assert block_format.lineHeight() == 150
    assert block_format.bottomMargin() == pytest.approx(2.0 * pixels, abs=0.5)
    view.document().documentLayout().blockBoundingRect(block)
    # The same words now take more room: the spacing reached the layout.
    first_words = block.layout().lineAt(0)
    assert first_words.textLength() < len(block.text())
    spaced_width_per_char = first_words.naturalTextWidth() / first_words.textLength()
    plain_line = plain_width  # measured before, for as many characters as fitted then
    assert spaced_width_per_char > 0 and plain_line > 0
    # Line pitch: at least 1.5 × the text size (Qt measures against the font's own height).
    second_line = block.layout().lineAt(1)
    assert second_line.y() - first_words.y() >= 1.5 * pixels
    # A size step changes only the font at once (letter spacing follows it); the paragraph
    # spacing is rendered for the new size a moment after the reader stops stepping.
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == 18
    assert view.document().defaultFont().letterSpacing() == pytest.approx(
        0.12 * 18 * view.logicalDpiY() / 72, abs=0.02
    )
    expected_gap = 2.0 * 18 * view.logicalDpiY() / 72
    with qtbot.wait_signal(view.margins_stale, timeout=3000):
        pass
    qtbot.wait_until(lambda: block_with(window, paragraph).blockFormat().bottomMargin()
                     == pytest.approx(expected_gap, abs=0.5))


def characters_per_line(window: MainWindow, text: str) -> list[int]:
    block = block_with(window, text)
    window.view.document().documentLayout().blockBoundingRect(block)
    layout = block.layout()
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount())]


def test_line_length_cap_is_applied(start_app: Launcher, tmp_path: Path) -> None:
    window = start_app(long_page(tmp_path))
    window.resize(800, 600)
    for cap in (40, 55):
        window._preferences.update(max_line_chars=cap, text_size=12)
        full_lines = characters_per_line(window, "Answer paragraph number 2.")[:-1]
        longest = max(full_lines)
        print(f"cap {cap}: longest line {longest} characters, lines {full_lines}")
        assert cap * 0.8 <= longest <= cap * 1.1
    window._preferences.update(max_line_chars=0)
    uncapped = max(characters_per_line(window, "Answer paragraph number 2.")[:-1])
    assert uncapped > 55 * 1.1


def test_wcag_text_spacing_at_400_percent_reflows_without_overlap(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    window = start_app(long_page(tmp_path, 6))
    window.resize(800, 600)
    window._preferences.update(text_size=64, **WCAG_TEXT_SPACING)
    view = window.view
    assert view.font().pointSizeF() == 64
    layout = view.document().documentLayout()
    layout.documentSize()  # the whole layout, not the lazy visible part
    assert view.horizontalScrollBar().maximum() == 0
    font_height = QFontMetricsF(view.document().defaultFont()).height()
    previous_bottom = -1.0
    lines = 0
    block = view.document().firstBlock()
    while block.isValid():
        in_table = QTextCursor(block).currentTable() is not None
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        block_bottom = -1.0
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            assert line.height() >= font_height * 0.99 or not block.text()
            assert line.naturalTextWidth() <= view.viewport().width()
            assert line.y() >= block_bottom - 0.5  # lines of one block never overlap
            block_bottom = line.y() + line.height()
            if not in_table:  # (table cells have coordinates of their own)
                assert top + line.y() >= previous_bottom - 0.5, block.text()[:40]
            lines += 1
        if not in_table:
            previous_bottom = top + block_bottom
        block = block.next()
    assert lines > 20
    print(f"400%: {lines} lines, none overlapping, horizontal scroll range 0")


# -- interface size ---------------------------------------------------------------------------


def disclaimer_text_size(dialog: QWidget) -> float:
    label = dialog.findChild(QLabel, "disclaimer_text")
    assert label is not None
    return label.font().pointSizeF()


def test_interface_scale_enlarges_menus_toolbar_status_bar_and_dialogs(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    base = platform_font_size()
    menu_before = window.menuBar().font().pointSizeF()
    dialog = window.show_disclaimer(first_launch=False)
    small_text = disclaimer_text_size(dialog)
    dialog.close()
    assert menu_before == pytest.approx(base)
    with qtbot.wait_signal(window.appearance.announced):
        window._preferences.update(interface_scale=200)
    # Widgets take a new application font from the event loop.
    qtbot.wait_until(lambda: window.menuBar().font().pointSizeF() == pytest.approx(2 * base))
    assert window.menuBar().font().pointSizeF() == pytest.approx(2 * base)
    assert window.statusBar().font().pointSizeF() == pytest.approx(2 * base)
    assert window.size_label.font().pointSizeF() == pytest.approx(2 * base)
    for menu in window.menuBar().findChildren(QMenu):
        assert menu.font().pointSizeF() == pytest.approx(2 * base)
    assert window.toolbar.font().pointSizeF() >= 2 * base
    assert window.toolbar.iconSize().width() == 64
    dialog = window.show_disclaimer(first_launch=False)
    qtbot.wait_exposed(dialog)
    large_text = disclaimer_text_size(dialog)
    button_font = dialog.accept_button.font().pointSizeF()
    dialog.close()
    assert large_text > small_text
    assert button_font >= 2 * base
    assert "200%" in window.statusBar().currentMessage()
    window._preferences.update(interface_scale=100)
    qtbot.wait_until(lambda: window.menuBar().font().pointSizeF() == pytest.approx(base))


def test_text_size_change_is_announced(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    with qtbot.wait_signal(window.appearance.announced) as announced:
        qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert announced.args == [f"Text size 18 pt, {size_percent(18)}%"]


# -- persistence ------------------------------------------------------------------------------


def test_look_survives_a_restart(start_app: Launcher) -> None:
    window = start_app()
    window._preferences.update(theme="high-contrast-yellow", interface_scale=150,
                               font_family="Lexend", line_height=2.0)
    window = restart(window, start_app)
    yellow = THEMES["high-contrast-yellow"]
    assert QApplication.palette().color(ROLE.Window) == QColor(yellow.window)
    assert page_background(window) == "#000000"
    assert window.menuBar().font().pointSizeF() == pytest.approx(1.5 * platform_font_size())
    assert QFontInfo(window.view.document().defaultFont()).family() == "Lexend"
    restart(window, start_app)._preferences.update(interface_scale=100)


def test_corrupt_look_values_fall_back_to_defaults(start_app: Launcher, config_dir: Path) -> None:
    (config_dir / INI_FILE_NAME).write_text(
        "[reading]\ntheme=purple\nfont_family=\nline_height=banana\nletter_spacing=9\n"
        "max_line_chars=-5\n[interface]\nscale=abc\n[meta]\nschema_version=1\n",
        encoding="utf-8",
    )
    window = start_app()
    current = window._preferences.current
    assert current.theme == "system" and current.line_height == 1.5
    assert current.letter_spacing == 0.3 and current.max_line_chars == 0
    assert current.interface_scale == 100
    assert page_background(window) == LIGHT.background
    assert QFontInfo(window.view.document().defaultFont()).family() == "Atkinson Hyperlegible"


@pytest.mark.parametrize("theme", [DARK, THEMES["high-contrast-yellow"]], ids=lambda t: t.name)
def test_toolbar_icons_are_drawn_in_the_theme_text_colour(
    start_app: Launcher, qtbot: QtBot, theme: Theme
) -> None:
    window = start_app()
    window._preferences.update(theme=theme.name)
    icon = window.reader_actions[ActionId.ZOOM_IN].icon()
    image = icon.pixmap(QSize(64, 64)).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    inks = {
        QColor.fromRgba(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }
    assert theme.window_text in inks
    assert "#1b1b1b" not in inks  # the dark ink of the light theme would vanish here
    disabled = icon.pixmap(QSize(64, 64), QIcon.Mode.Disabled).toImage().convertToFormat(
        QImage.Format.Format_ARGB32
    )
    disabled_inks = {
        QColor.fromRgba(disabled.pixel(x, y)).name()
        for x in range(disabled.width())
        for y in range(disabled.height())
        if QColor.fromRgba(disabled.pixel(x, y)).alpha() == 255
    }
    assert theme.disabled_text in disabled_inks


def test_dialog_buttons_show_the_focus_ring(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    window._preferences.update(theme="high-contrast-white")
    dialog = window.show_disclaimer(first_launch=False)
    qtbot.wait_exposed(dialog)
    qtbot.wait_until(dialog.accept_button.hasFocus)
    image = dialog.accept_button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ring = QColor(THEMES["high-contrast-white"].focus_ring).rgb()
    row = image.height() // 2
    assert sum(1 for x in range(image.width()) if image.pixel(x, row) == ring) >= 4
    dialog.close()


def test_document_font_for_previews_and_exports_matches_the_view(start_app: Launcher) -> None:
    window = start_app()
    window._preferences.update(font_family="Lexend", font_bold=True, text_size=24,
                               letter_spacing=0.12, word_spacing=0.16)
    style = window.appearance.reading_style()
    font = document_font(style, window.view.logicalDpiY() / 72)
    shown = window.view.document().defaultFont()
    assert font.family() == shown.family() == "Lexend"
    assert font.bold() and shown.bold()
    assert font.pointSizeF() == shown.pointSizeF() == 24
    assert font.letterSpacing() == shown.letterSpacing() > 0
    assert font.wordSpacing() == shown.wordSpacing() > 0


@pytest.mark.parametrize("theme_name", ["dark", "high-contrast-white", "high-contrast-yellow"])
def test_empty_check_boxes_and_fields_are_outlined_in_dark_themes(
    qtbot: QtBot, theme_name: str
) -> None:
    """On black, Fusion's own edges are black: an empty box or field could not be seen."""
    from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

    from qa_reader.themes import contrast_ratio, theme_for
    from qa_reader.ui.appearance import theme_palette
    from qa_reader.ui.focus_style import FocusRingStyle

    theme = theme_for(theme_name)
    style = FocusRingStyle()
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QHBoxLayout(holder)
    box, field = QCheckBox(), QLineEdit()  # no text: only the box and the frame are drawn
    for widget in (holder, box, field):
        widget.setStyle(style)
        widget.setPalette(theme_palette(theme))
    layout.addWidget(field)
    layout.addWidget(box)
    holder.resize(320, 60)
    holder.show()
    qtbot.wait_exposed(holder)
    for widget in (box, field):
        image = widget.grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(image.width())
                   for y in range(image.height())}
        visible = [c for c in colours if contrast_ratio(c, theme.window) >= 3]  # WCAG 1.4.11
        assert visible, f"an empty {type(widget).__name__} is invisible in {theme_name}"
