"""Application start-up: arguments, QApplication, preferences, the window, --self-test."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_ID, APP_NAME, ORGANIZATION_DOMAIN, ORGANIZATION_NAME, __version__
from .cli import EXIT_FAILURE, EXIT_OK, LaunchOptions, parse_launch_options, run_export

if TYPE_CHECKING:
    from .ui.main_window import MainWindow

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["export"]:
        return run_export(args[1:])
    options = parse_launch_options(args)

    from PySide6.QtWidgets import QApplication

    from .logging_setup import (
        configure_logging,
        default_log_dir,
        install_exception_hook,
        route_qt_messages_to_log,
    )

    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    configure_application()
    log_path = configure_logging(default_log_dir(options.config_dir))
    route_qt_messages_to_log()
    log.info("%s %s starting", APP_NAME, __version__)
    if options.self_test:
        return _self_test(options, started)
    install_exception_hook(log_path)
    window = launch(options)
    window.show()
    return app.exec()


def configure_application() -> None:
    from PySide6.QtGui import QGuiApplication, QIcon

    from .resources import ResourceNotFoundError, resource_path

    QGuiApplication.setOrganizationName(ORGANIZATION_NAME)
    QGuiApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setApplicationName("qa-reader")
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    try:
        QGuiApplication.setWindowIcon(QIcon(str(resource_path("icons/qa-reader.svg"))))
    except ResourceNotFoundError:
        log.warning("application icon missing from the bundle")


def launch(options: LaunchOptions, ask_disclaimer: bool = True) -> MainWindow:
    """Creates the main window with restored preferences and starts it on a document.

    The caller shows the window; a QApplication must exist.
    """
    from PySide6.QtWidgets import QApplication

    from .preferences import PreferencesModel, PreferencesStore
    from .style import default_size
    from .ui.appearance import platform_font_size
    from .ui.main_window import MainWindow

    app = QApplication.instance()
    # The platform's size, not the app font: an interface scale may have changed that.
    platform_size = platform_font_size() if isinstance(app, QApplication) else None
    default_text_size = default_size(platform_size)
    store = PreferencesStore.open(options.config_dir, default_text_size=default_text_size)
    if options.reset_preferences:
        store.reset()
    preferences = PreferencesModel(store.load())
    window = MainWindow(store, preferences, default_text_size, save_changes=not options.self_test)
    window.restore_window_state(store.load_window_state())
    path, note = initial_document(options.file, preferences.current.last_document)
    window.report_startup_notes([note] if note else [])
    window.start(path, ask_disclaimer=ask_disclaimer)
    return window


def initial_document(requested: str | None, last_document: str | None) -> tuple[str, str | None]:
    """The file to open first, and a note for the status bar when the last one is gone."""
    from PySide6.QtCore import QCoreApplication

    from .resources import sample_document_path

    if requested:
        return requested, None
    if last_document:
        if Path(last_document).is_file():
            return last_document, None
        note = QCoreApplication.translate(
            "Startup", "The last document, “{name}”, is no longer there; showing the sample."
        ).format(name=Path(last_document).name)
        return str(sample_document_path()), note
    return str(sample_document_path()), None


def _self_test(options: LaunchOptions, started: float) -> int:
    """Starts the real window, waits for its first paint, reports, and exits.

    The disclaimer dialog is constructed (so its code runs) but not waited for, and
    nothing is saved. The bundle check and the disclaimer come after the first paint:
    the time printed is the reader's start, not the checks'.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .bundle_check import check_bundle

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the self-test needs a QApplication")
    try:
        window = launch(options, ask_disclaimer=False)
    except Exception as error:  # report any start-up failure as a failed self-test
        log.exception("self-test failed")
        print(f"self-test failed: {type(error).__name__}: {error}")
        return EXIT_FAILURE
    document = window.document
    if document is None:
        box = window.findChild(QMessageBox, "error_dialog")
        reason = box.text() if box is not None else "the document was not shown"
        print(f"self-test failed: {reason}")
        return EXIT_FAILURE

    result: list[int] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not result:
                result.append(EXIT_OK)
                QTimer.singleShot(0, QApplication.quit)
            return False

    watcher = FirstPaint()
    window.view.viewport().installEventFilter(watcher)
    QTimer.singleShot(10_000, app.quit)  # a window that never paints is a failure
    window.show()
    app.exec()
    elapsed_ms = round((time.perf_counter() - started) * 1000)
    if not result:
        print("self-test failed: the window was never painted")
        return EXIT_FAILURE
    try:
        window.show_disclaimer(first_launch=True).hide()
    except Exception as error:  # the disclaimer must open on a real first start
        log.exception("self-test failed")
        print(f"self-test failed: {type(error).__name__}: {error}")
        return EXIT_FAILURE
    bundle = check_bundle()
    if bundle.problems:
        for problem in bundle.problems:
            print(f"self-test failed: {problem}")
        return EXIT_FAILURE
    answers = document.answer_count
    print(f"ok: {document.title} ({answers} answers) {elapsed_ms} ms")
    for line in bundle.lines:
        print(line)
    window.close()
    return EXIT_OK
