"""The interface size: menus, menu bar, toolbars, status bar and dialogs grow together.

Readers who need 48 pt text cannot use 9 pt menus. One setting, in percent of the
platform's own size, scales the application font (which every widget without a font of its
own follows, menus and message boxes included) and the toolbars' fonts and icons. Widgets
that size their own text (the reading page, the disclaimer, the Preferences dialog) react
to Qt's ApplicationFontChange event.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

from ..preferences import Preferences, PreferencesModel
from .announce import announce

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8000

WIDGET_CLASSES_WITH_PLATFORM_FONTS: tuple[str, ...] = (
    "QMenu", "QMenuBar", "QStatusBar", "QToolButton", "QMessageBox", "QLabel", "QPushButton",
    "QCheckBox", "QRadioButton", "QAbstractItemView", "QHeaderView", "QTipLabel",
    "QComboMenuItem", "QComboLineEdit", "QDockWidgetTitle", "QMdiSubWindowTitleBar",
)
"""Classes for which a platform may set a font of its own (macOS and Windows do: menus,
status bar, tool buttons). Setting the application font drops those, so they are kept and
scaled too, and at 100 % the interface looks exactly as the platform made it."""

TOOLBAR_FONT_FACTOR = 1.3
MIN_TOOLBAR_POINTS = 12.0

_ICON_BASE = "qa_reader_interface_icon_base"


@dataclass(frozen=True)
class PlatformFonts:
    """The fonts the platform gave the application before any scaling."""

    general: QFont
    by_class: dict[str, QFont] = field(default_factory=dict)


_platform: PlatformFonts | None = None


def platform_fonts() -> PlatformFonts:
    """The platform's fonts, read the first time the interface is scaled (one application
    per process, so once)."""
    global _platform
    if _platform is None:
        general = QFont(QApplication.font())
        by_class = {
            name: font
            for name in WIDGET_CLASSES_WITH_PLATFORM_FONTS
            if (font := _class_font(name)) != general
        }
        _platform = PlatformFonts(general, by_class)
    return _platform


def _class_font(name: str) -> QFont:
    # PySide6's stubs say bytes, but only str is accepted at run time.
    return QFont(QApplication.font(name))  # type: ignore[call-overload]


def scaled_font(font: QFont, percent: int) -> QFont:
    """`font` at `percent` % of its size, in points or pixels, whichever it is given in."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * percent / 100)
    elif font.pixelSize() > 0:
        result.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return result


def _font_size(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())


def toolbar_font(percent: int) -> QFont:
    """The toolbars' font: larger than the rest of the interface, as their buttons are the
    controls used most, and never under MIN_TOOLBAR_POINTS at 100 %."""
    base = platform_fonts().general
    font = QFont(QApplication.font())
    if base.pointSizeF() > 0:
        points = max(MIN_TOOLBAR_POINTS, base.pointSizeF() * TOOLBAR_FONT_FACTOR)
        font.setPointSizeF(points * percent / 100)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * TOOLBAR_FONT_FACTOR * percent / 100))
    return font


def apply_interface_scale(percent: int, toolbars: list[QToolBar]) -> None:
    """Sets the application font to the platform's × `percent` %, and scales `toolbars`:
    their font (`toolbar_font`) and the icon size their builder gave them."""
    fonts = platform_fonts()
    QApplication.setFont(scaled_font(fonts.general, percent))
    for name, font in fonts.by_class.items():
        # PySide6's stubs say bytes, but only str is accepted at run time.
        QApplication.setFont(scaled_font(font, percent), name)  # type: ignore[arg-type]
    for toolbar in toolbars:
        base_icon = toolbar.property(_ICON_BASE)
        if not isinstance(base_icon, QSize):
            base_icon = QSize(toolbar.iconSize())
            toolbar.setProperty(_ICON_BASE, base_icon)
        toolbar.setFont(toolbar_font(percent))
        toolbar.setIconSize(base_icon * (percent / 100))
    log.info("interface size %d %% (application font %.1f)", percent,
             _font_size(QApplication.font()))


class InterfaceScale(QObject):
    """Applies the interface size to `window` now and whenever the preference changes;
    a change is said in the status bar and to screen readers."""

    def __init__(self, window: QMainWindow, preferences: PreferencesModel) -> None:
        super().__init__(window)
        self._window = window
        self._percent = preferences.current.interface_scale
        apply_interface_scale(self._percent, self._toolbars())
        preferences.changed.connect(self._on_preferences_changed)

    @property
    def percent(self) -> int:
        return self._percent

    def _toolbars(self) -> list[QToolBar]:
        return self._window.findChildren(QToolBar)

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if preferences.interface_scale == self._percent:
            return
        self._percent = preferences.interface_scale
        apply_interface_scale(self._percent, self._toolbars())
        message = self.tr("Interface size {percent} %").format(percent=self._percent)
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
        announce(self._window, message)
