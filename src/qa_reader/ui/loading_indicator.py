"""A progress bar in the status bar while a very long page is being built."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStatusBar

from .announce import announce
from .reader_view import ReaderView


class LoadingIndicator(QProgressBar):
    """Shown while the reader view builds a long page; hidden when the page is shown."""

    def __init__(self, view: ReaderView, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.setObjectName("loading_indicator")
        self.setRange(0, 100)
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.setFormat(self.tr("Opening… %p%"))
        self.setAccessibleName(self.tr("Opening the page"))
        self.setAccessibleDescription(self.tr("How much of a long page is ready"))
        self.hide()
        status_bar.addPermanentWidget(self)
        view.loading_progress.connect(self._on_progress)

    def set_busy(self, busy: bool) -> None:
        """Shows a moving bar while a large file is read (how long is not known)."""
        if busy:
            self.setRange(0, 0)
            self.show()
            announce(self, self.tr("Opening a long page…"))
        else:
            self.setRange(0, 100)
            self.hide()

    def _on_progress(self, percent: int) -> None:
        if percent >= 100:
            self.hide()
            return
        if not self.isVisible():
            self.show()
            announce(self, self.tr("Opening a long page…"))
        self.setValue(percent)
