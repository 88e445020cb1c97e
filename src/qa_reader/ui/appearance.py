"""How the whole app looks: theme, reading font and spacing, interface size.

`Appearance` applies the reading preferences to everything on screen, at start and live on
every change:

* The theme colours the *whole* application through its QPalette (toolbar, menus, status
  bar, every dialog, the disclaimer included) and the page through the renderer's CSS.
  A thick focus ring in the theme's focus colour marks whichever control has the
  keyboard focus (see focus_style.py). "Follow system" tracks the desktop's light or dark
  scheme and switches live when the desktop does.
* Font family, weight, letter and word spacing go to the reader view's font (no re-parse);
  line height, paragraph spacing and colours need the page rendered again, which keeps
  the reading position.
* The interface scale enlarges the application font (menus, toolbar, status bar, dialogs)
  and the toolbar icons.
* Theme and size changes are said in the status bar and announced to screen readers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QStatusBar, QToolBar, QWidget

from ..preferences import Preferences, PreferencesModel
from ..style import ReadingStyle, reading_style_from, size_percent
from ..themes import Theme, theme_for
from .actions import Actions
from .focus_style import FOCUS_RING_ROLE, FocusRingStyle
from .fonts import load_bundled_fonts, typeface
from .reader_view import ReaderView
from .themed_icons import themed_icon

log = logging.getLogger(__name__)

TOOLBAR_ICON_SIZE = 32
"""Toolbar icons at 100 % interface scale, in pixels."""
TOOLBAR_FONT_FACTOR = 1.3
"""Toolbar labels are a little larger than menus: they are read at a glance."""
MIN_TOOLBAR_POINTS = 12.0
STATUS_MESSAGE_MS = 8000

_PLATFORM_FONT_SIZE = "qaReaderPlatformFontSize"
_PLATFORM_IS_DARK = "qaReaderPlatformIsDark"

_RENDER_FIELDS = ("theme", "line_height", "paragraph_spacing")
_TYPEFACE_FIELDS = ("font_family", "font_bold", "letter_spacing", "word_spacing")


# -- what the platform gave us, before we changed it ------------------------------------------


def remember_platform_defaults() -> None:
    """Notes the platform's interface font size and light/dark palette, once per process.

    Called before the app changes either, so the interface scale is always a percentage
    of the platform's own size and "follow system" can still tell dark from light on a
    desktop that does not report its colour scheme.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property(_PLATFORM_FONT_SIZE) is not None:
        return
    app.setProperty(_PLATFORM_FONT_SIZE, float(app.font().pointSizeF()))
    window = app.palette().color(QPalette.ColorRole.Window)
    app.setProperty(_PLATFORM_IS_DARK, window.lightnessF() < 0.5)


def platform_font_size() -> float:
    """The platform's interface font size in points (before any interface scaling)."""
    remember_platform_defaults()
    app = QApplication.instance()
    size = app.property(_PLATFORM_FONT_SIZE) if app is not None else None
    return float(size) if isinstance(size, (int, float)) and size > 0 else 10.0


def system_is_dark(scheme: Qt.ColorScheme | None = None) -> bool:
    """True when the desktop uses a dark colour scheme."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    remember_platform_defaults()
    app = QApplication.instance()
    return bool(app.property(_PLATFORM_IS_DARK)) if app is not None else False


# -- palette and focus ring -------------------------------------------------------------------


def theme_palette(theme: Theme) -> QPalette:
    """A QPalette with every role the widgets use, from the theme's colours."""
    palette = QPalette(QColor(theme.button), QColor(theme.window))  # derives the bevel shades
    roles = QPalette.ColorRole
    colours = {
        roles.Window: theme.window,
        roles.WindowText: theme.window_text,
        roles.Base: theme.base,
        roles.AlternateBase: theme.alternate_base,
        roles.Text: theme.base_text,
        roles.Button: theme.button,
        roles.ButtonText: theme.button_text,
        roles.BrightText: theme.window_text,
        roles.Highlight: theme.highlight,
        roles.HighlightedText: theme.highlighted_text,
        roles.ToolTipBase: theme.tooltip_base,
        roles.ToolTipText: theme.tooltip_text,
        roles.PlaceholderText: theme.placeholder_text,
        roles.Link: theme.link,
        roles.LinkVisited: theme.link,
        roles.Accent: theme.highlight,
        FOCUS_RING_ROLE: theme.focus_ring,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    if theme.is_dark:
        # Fusion draws field, check box and frame outlines in shades derived from the button
        # colour; on black they vanish (an empty check box or a text field could not be
        # seen in the high-contrast themes). Outlines in the disabled-text colour (≥ 4.5:1
        # on the window, see the theme tests) keep every control visible.
        outline = QColor(theme.disabled_text)
        for role in (roles.Mid, roles.Dark, roles.Shadow):
            palette.setColor(role, outline)
    return palette


def page_palette(theme: Theme) -> QPalette:
    """The reader view's palette: the page's own background, text and selection."""
    palette = theme_palette(theme)
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, roles.Base, QColor(theme.background))
        palette.setColor(group, roles.Text, QColor(theme.text))
        palette.setColor(group, roles.Highlight, QColor(theme.selection_background))
        palette.setColor(group, roles.HighlightedText, QColor(theme.selection_text))
    return palette


# -- the controller ---------------------------------------------------------------------------


_active_theme: Theme | None = None


def active_theme() -> Theme:
    """The theme the window shows now (Light until one has been applied)."""
    return _active_theme if _active_theme is not None else theme_for("light")


class Appearance(QObject):
    """Applies the look preferences to the application and one main window."""

    theme_changed = Signal(object)
    """The `Theme` now in use (also when "follow system" switched it). Features that paint
    highlights (find, read aloud, focus mode) re-read their colours from it."""
    announced = Signal(str)
    """Every sentence said to the reader (status bar and screen reader)."""

    def __init__(
        self,
        preferences: PreferencesModel,
        actions: Actions,
        view: ReaderView,
        toolbar: QToolBar,
        status_bar: QStatusBar,
        render: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        remember_platform_defaults()
        load_bundled_fonts()
        self._preferences = preferences
        self._actions = actions
        self._view = view
        self._toolbar = toolbar
        self._status_bar = status_bar
        self._render = render
        self._applied: Preferences | None = None
        self._system_is_dark = system_is_dark()
        self._theme: Theme | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    @property
    def theme(self) -> Theme:
        """The theme in use now."""
        return self.reading_style().theme

    def reading_style(self) -> ReadingStyle:
        """The current preferences as a reading style, "follow system" resolved."""
        return reading_style_from(self._preferences.current, self._system_is_dark)

    # -- applying ---------------------------------------------------------------------------

    def apply(self, preferences: Preferences) -> None:
        """Applies what changed since the last call (everything on the first)."""
        before = self._applied
        self._applied = preferences

        def changed(*names: str) -> bool:
            return before is None or any(
                getattr(before, name) != getattr(preferences, name) for name in names
            )

        style = reading_style_from(preferences, self._system_is_dark)
        theme_switched = self._apply_theme(style.theme)
        if changed("interface_scale"):
            self._apply_interface_scale(preferences.interface_scale)
        if changed(*_TYPEFACE_FIELDS):
            self._view.set_typeface(
                typeface(style.font_family, style.font_bold),
                style.letter_spacing,
                style.word_spacing,
            )
        if changed("max_line_chars"):
            self._view.set_max_line_chars(style.max_line_chars)
        if before is not None and (theme_switched or changed(*_RENDER_FIELDS)):
            self._render_keeping_position()
        if before is None:
            return
        if theme_switched:
            self.announce(self.tr("Colours: {theme}").format(theme=theme_label(style.theme.name)))
        if changed("text_size"):
            self.announce(
                self.tr("Text size {points} pt, {percent}%").format(
                    points=preferences.text_size, percent=size_percent(preferences.text_size)
                ),
                show=False,  # the status bar shows the size permanently
            )
        if changed("interface_scale"):
            self.announce(
                self.tr("Interface size {percent}%").format(percent=preferences.interface_scale)
            )

    def _apply_theme(self, theme: Theme) -> bool:
        """Colours the application and the page; False when `theme` is already in use."""
        if theme == self._theme:
            return False
        self._theme = theme
        global _active_theme
        _active_theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Native styles (Windows 11, macOS, GTK) draw many controls from the system's
            # own colours and ignore the palette; Fusion draws everything from it, so every
            # theme reaches buttons, menus and scroll bars too. FocusRingStyle is Fusion
            # with a focus ring readers can see.
            if not isinstance(app.style(), FocusRingStyle):
                app.setStyle(FocusRingStyle())
            app.setPalette(theme_palette(theme))
        self._view.setPalette(page_palette(theme))
        for action_id, name in Actions.icon_names().items():
            icon = themed_icon(name, theme.window_text, theme.disabled_text)
            if icon is not None:
                self._actions[action_id].setIcon(icon)
        self.theme_changed.emit(theme)
        return True

    def _apply_interface_scale(self, percent: int) -> None:
        app = QApplication.instance()
        points = platform_font_size() * percent / 100
        if isinstance(app, QApplication):
            font = QFont(app.font())
            font.setPointSizeF(points)
            app.setFont(font)
        toolbar_font = QFont(self._toolbar.font())
        toolbar_font.setPointSizeF(max(MIN_TOOLBAR_POINTS, points * TOOLBAR_FONT_FACTOR))
        self._toolbar.setFont(toolbar_font)
        icon = round(TOOLBAR_ICON_SIZE * percent / 100)
        self._toolbar.setIconSize(QSize(icon, icon))

    def interface_font_size(self) -> float:
        """The interface font size now in use, in points."""
        return platform_font_size() * self._preferences.current.interface_scale / 100

    def _render_keeping_position(self) -> None:
        position = self._view.reading_position()
        self._render()
        self._view.restore_reading_position(position)

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        dark = system_is_dark(scheme)
        if dark == self._system_is_dark:
            return
        self._system_is_dark = dark
        log.info("desktop colour scheme is now %s", "dark" if dark else "light")
        if self._applied is not None and self._applied.theme == "system":
            theme = reading_style_from(self._applied, dark).theme
            if self._apply_theme(theme):
                self._render_keeping_position()
                self.announce(
                    self.tr("Colours follow the system: {theme}").format(
                        theme=theme_label(theme.name)
                    )
                )

    # -- telling the reader -----------------------------------------------------------------

    def announce(self, text: str, show: bool = True) -> None:
        """Says `text` in the status bar (unless `show` is False) and to screen readers."""
        if show:
            self._status_bar.showMessage(text, STATUS_MESSAGE_MS)
        announce_to_screen_reader(self._status_bar, text)
        self.announced.emit(text)


def announce_to_screen_reader(widget: QWidget, text: str) -> None:
    """A polite announcement through the accessibility bridge (Qt 6.8+), if one listens."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def theme_label(name: str) -> str:
    """The translated name of a stored theme name, for lists and announcements."""
    labels = {
        "system": QCoreApplication.translate("Themes", "Follow system"),
        "light": QCoreApplication.translate("Themes", "Light"),
        "dark": QCoreApplication.translate("Themes", "Dark"),
        "sepia": QCoreApplication.translate("Themes", "Sepia"),
        "high-contrast-white": QCoreApplication.translate(
            "Themes", "High contrast (white on black)"
        ),
        "high-contrast-yellow": QCoreApplication.translate(
            "Themes", "High contrast (yellow on black)"
        ),
    }
    return labels.get(name, name)
