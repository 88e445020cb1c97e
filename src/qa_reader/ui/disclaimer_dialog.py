"""The medical disclaimer, shown before the first document and from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..disclaimer import disclaimer_paragraphs, disclaimer_title


class DisclaimerDialog(QDialog):
    """Window-modal; "I understand" is the default button (Enter), "Quit" answers Esc.

    With `first_launch` False (Help menu) the reader has already accepted, so the only
    button is "Close".
    """

    def __init__(self, parent: QWidget | None, text_size: int, first_launch: bool) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimer_dialog")
        self.setWindowTitle(disclaimer_title())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        font = QFont(self.font())
        font.setPointSizeF(text_size)
        self.setFont(font)

        heading = QLabel(disclaimer_title())
        heading.setObjectName("disclaimer_heading")
        heading_font = QFont(font)
        heading_font.setBold(True)
        heading_font.setPointSizeF(text_size * 1.25)
        heading.setFont(heading_font)

        body = QLabel("\n\n".join(disclaimer_paragraphs()))
        body.setObjectName("disclaimer_text")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        body.setAccessibleName(disclaimer_title())

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(heading)
        content_layout.addWidget(body)
        content_layout.addStretch(1)
        # At very large sizes the text scrolls; the buttons below always stay visible.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QDialogButtonBox()
        if first_launch:
            self.accept_button = QPushButton(self.tr("I understand"))
            self.accept_button.setObjectName("disclaimer_accept")
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.quit_button = QPushButton(self.tr("Quit"))
            self.quit_button.setObjectName("disclaimer_quit")
            self.quit_button.setAutoDefault(False)  # Enter must never mean "Quit"
            buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.accept_button = QPushButton(self.tr("Close"))
            self.accept_button.setObjectName("disclaimer_close")
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.accept_button.setAutoDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._body = body
        self._heading = heading
        self._fit_to_screen(text_size)
        self.accept_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # The button box re-assigns the default button while showing; Enter must accept.
        self.accept_button.setDefault(True)
        self.accept_button.setFocus()
        self.activateWindow()

    def _fit_to_screen(self, text_size: int) -> None:
        """As large as the whole text needs, within 90 % of the screen (then it scrolls)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(round(text_size * 42), round(available.width() * 0.9))
        text_width = width - 80  # dialog and scroll-area margins, scroll bar
        height = (
            self._heading.sizeHint().height()
            + self._body.heightForWidth(text_width)
            + self.accept_button.sizeHint().height()
            + 90
        )
        height = min(height, round(available.height() * 0.9))
        self.resize(max(width, 420), max(height, 300))
