"""A keyboard focus ring that every theme shows clearly: Fusion with a thick focus border.

Fusion marks the focused control with a thin line in the highlight colour (or not at all,
for push buttons and text areas), which readers with low vision miss. This style draws a
3 px ring in the theme's focus colour around whichever control has the focus.

It is a proxy style rather than a style sheet on purpose: Qt resets the font of every
widget whenever the application palette or style sheet changes under a style sheet,
which would undo the reading font and the interface size on each theme change.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

FOCUS_RING_PX = 3
FOCUS_RING_ROLE = QPalette.ColorRole.LinkVisited
"""The palette role carrying the theme's focus-ring colour (the app shows no visited links;
one shown in that colour would still be readable: it contrasts with the background)."""

_Primitive = QStyle.PrimitiveElement
_Control = QStyle.ControlElement
_Complex = QStyle.ComplexControl

_RING_AFTER_PRIMITIVES = frozenset({_Primitive.PE_PanelButtonCommand, _Primitive.PE_FrameLineEdit})
_RING_AFTER_CONTROLS = frozenset({_Control.CE_ShapedFrame})
_RING_AFTER_COMPLEX = frozenset({_Complex.CC_ComboBox, _Complex.CC_SpinBox, _Complex.CC_Slider})


def _has_focus(option: QStyleOption, widget: QWidget | None) -> bool:
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    return focused and (widget is None or widget.hasFocus())


def draw_focus_ring(painter: QPainter, option: QStyleOption) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(option.palette.color(FOCUS_RING_ROLE), FOCUS_RING_PX)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = FOCUS_RING_PX / 2
    rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(rect, 4, 4)
    painter.restore()


class FocusRingStyle(QProxyStyle):
    """Fusion, with a focus ring in the palette's `FOCUS_RING_ROLE` colour."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("focus_ring_style")

    def pixelMetric(  # noqa: N802 (Qt API)
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth:
            # Frames (the page, text fields) as wide as the ring, so the ring drawn in the
            # frame is not hidden under the scrolled contents.
            return max(FOCUS_RING_PX, super().pixelMetric(metric, option, widget))
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(  # noqa: N802 (Qt API)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _Primitive.PE_FrameFocusRect:
            draw_focus_ring(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            _Primitive.PE_IndicatorCheckBox,
            _Primitive.PE_IndicatorRadioButton,
            _Primitive.PE_FrameLineEdit,
        ):
            _outline_indicator(element, option, painter)
        if element in _RING_AFTER_PRIMITIVES and _has_focus(option, widget):
            draw_focus_ring(painter, option)

    def drawControl(  # noqa: N802 (Qt API)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RING_AFTER_CONTROLS and _has_focus(option, widget):
            draw_focus_ring(painter, option)

    def drawComplexControl(  # noqa: N802 (Qt API)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)  # type: ignore[arg-type]  # a QStyleOptionComplex, as Qt passes it
        if control == _Complex.CC_ScrollBar:
            self._outline_scroll_bar_handle(option, painter, widget)
        elif control in _RING_AFTER_COMPLEX and _has_focus(option, widget):
            draw_focus_ring(painter, option)

    def _outline_scroll_bar_handle(
        self, option: QStyleOption, painter: QPainter, widget: QWidget | None
    ) -> None:
        """Fusion's handle is barely lighter than its groove (near black on black in the
        high-contrast themes); an outline in the palette's placeholder colour (at least
        4.5:1 against the window in every theme) shows where it is."""
        if widget is None:
            return
        handle = self.subControlRect(
            _Complex.CC_ScrollBar,
            option,  # type: ignore[arg-type]  # a QStyleOptionSlider, as Qt passes it
            QStyle.SubControl.SC_ScrollBarSlider,
            widget,
        )
        if handle.isEmpty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.PlaceholderText), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(handle).adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()


def _outline_indicator(
    element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter
) -> None:
    """Outlines a check box, radio button or text field in the palette's Mid colour.

    Fusion draws their edges in a shade of the window colour, which on the black of the
    high-contrast themes is black: an empty box could not be seen. (The light themes keep
    Fusion's own edge; Mid is only set apart from it by the dark themes' palette.)
    """
    palette = option.palette
    colour = palette.color(QPalette.ColorRole.Mid)
    if palette.color(QPalette.ColorRole.Window).lightness() > 128:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = 0 if element == _Primitive.PE_FrameLineEdit else 1
    rect = option.rect.adjusted(inset, inset, -inset - 1, -inset - 1)
    if element == _Primitive.PE_IndicatorRadioButton:
        painter.drawEllipse(rect)
    else:
        painter.drawRect(rect)
    painter.restore()
