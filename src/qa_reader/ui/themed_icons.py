"""The bundled toolbar and menu icons, drawn in the theme's own text colour.

The SVGs in resources/icons/ are drawn in one ink colour (`ICON_INK`). A desktop icon
theme, or dark ink on a dark theme, can leave an icon invisible; redrawing our own icons
in the theme's window-text colour (and its disabled-text colour for disabled actions)
gives them the same tested contrast as the text beside them.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QIcon, QIconEngine, QImageReader, QPainter, QPixmap

from ..resources import ResourceNotFoundError, resource_path

log = logging.getLogger(__name__)

ICON_INK = "#1b1b1b"
"""The colour every bundled icon is drawn in."""


@cache
def _svg_text(name: str) -> str | None:
    try:
        return resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    except ResourceNotFoundError:
        return None  # not one of ours: the desktop's icon (or none) is kept
    except (OSError, UnicodeDecodeError) as error:
        log.warning("icon %s could not be read: %s", name, error)
        return None


def _render(svg: str, size: QSize) -> QPixmap:
    buffer = QBuffer()
    buffer.setData(QByteArray(svg.encode("utf-8")))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():
        log.warning("an icon could not be drawn: %s", reader.errorString())
        return QPixmap()
    return QPixmap.fromImage(image)


class _InkIconEngine(QIconEngine):
    """Draws one SVG in the ink of the icon's mode, at the size asked, when first asked:
    drawing every size of every icon up front would cost tens of milliseconds at start."""

    def __init__(self, svg: str, ink: str, disabled_ink: str) -> None:
        super().__init__()
        self._svg = svg
        self._ink = ink
        self._disabled_ink = disabled_ink
        self._pixmaps: dict[tuple[int, int, bool], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            ink = self._disabled_ink if disabled else self._ink
            pixmap = _render(self._svg.replace(ICON_INK, ink), size)
            self._pixmaps[key] = pixmap
        return QPixmap(pixmap)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        painter.drawPixmap(rect, self.pixmap(size, mode, state))

    def clone(self) -> QIconEngine:
        return _InkIconEngine(self._svg, self._ink, self._disabled_ink)


def themed_icon(name: str, ink: str, disabled_ink: str) -> QIcon | None:
    """Bundled icon `name` drawn in `ink` (and `disabled_ink` when disabled); None if the
    app has no such icon."""
    svg = _svg_text(name)
    if svg is None:
        return None
    return QIcon(_InkIconEngine(svg, ink, disabled_ink))
