"""Logging to a file in the per-user data folder, and a last-resort error dialog."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QStandardPaths,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    # Imported when an error is shown: the message box is no part of a normal start.
    from PySide6.QtWidgets import QMessageBox

LOG_FILE_NAME = "qa-reader.log"
_open_error_boxes: list[QMessageBox] = []


def default_log_dir(config_dir: str | None) -> Path:
    """Beside a portable config folder when one is used, else the OS's app data folder."""
    if config_dir:
        return Path(config_dir) / "logs"
    location = QStandardPaths.StandardLocation.AppLocalDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "logs"


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Sends log records to a rotating file; returns its path, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
        path: Path | None = log_dir / LOG_FILE_NAME
    except OSError as error:
        # Not being able to log must never stop the reader from reading.
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.ERROR)
        path = None
        print(f"qa-reader: cannot write the log file in {log_dir}: {error}", file=sys.stderr)
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages_to_log() -> None:
    """Qt's own diagnostics go to the log file instead of the terminal.

    A reader never sees a terminal, and `--self-test` must print only its result
    line (packaging checks treat other output as a failure).
    """
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def install_exception_hook(log_path: Path | None) -> None:
    """Unexpected errors are logged and explained in a dialog; the app keeps running."""

    def hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        logging.getLogger("qa_reader").critical(
            "unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb))
        )
        show_unexpected_error(error, log_path)

    sys.excepthook = hook


def show_unexpected_error(error: BaseException, log_path: Path | None) -> QMessageBox | None:
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    translate = QCoreApplication.translate
    where = (
        translate("Errors", "Details were written to {path}.").format(path=log_path)
        if log_path
        else ""
    )
    text = translate(
        "Errors",
        "Something went wrong inside Q&A Reader: {problem}\n\n"
        "Your document and settings are safe, and you can keep reading. {where}",
    ).format(problem=str(error) or type(error).__name__, where=where)
    parent: QWidget | None = app.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "Unexpected problem"),
                      text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("unexpected_error_dialog")
    box.finished.connect(lambda _result: _open_error_boxes.remove(box))
    _open_error_boxes.append(box)
    box.open()
    return box
