"""Starting the real main window the way the app does, with a throwaway config dir."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qa_reader.app import configure_application, launch
from qa_reader.cli import LaunchOptions
from qa_reader.ui.main_window import MainWindow

Launcher = Callable[..., MainWindow]


@pytest.fixture
def start_app(qtbot: QtBot, config_dir: Path) -> Iterator[Launcher]:
    """Starts the app like `qa-reader [FILE] --config-dir DIR`; accepts the disclaimer if asked."""
    windows: list[MainWindow] = []
    configure_application()

    def start(
        file: str | Path | None = None,
        accept_disclaimer: bool = True,
        directory: Path | None = None,
    ) -> MainWindow:
        options = LaunchOptions(
            file=str(file) if file else None, config_dir=str(directory or config_dir)
        )
        window = launch(options)
        qtbot.addWidget(window)
        window.show()
        qtbot.wait_exposed(window)
        dialog = window.disclaimer_dialog
        if dialog is not None:
            qtbot.wait_exposed(dialog)
            qtbot.wait_until(dialog.isActiveWindow)
            if not accept_disclaimer:
                windows.append(window)
                return window
            dialog.accept_button.click()
        # Shortcuts reach only the active window, as on a desktop.
        window.activateWindow()
        qtbot.wait_until(window.isActiveWindow)
        window.view.setFocus()
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.isVisible():
            window.close()


def restart(window: MainWindow, start: Launcher, **kwargs: object) -> MainWindow:
    """Closes `window` as a user would and starts the app again on the same config dir."""
    window.close()
    return start(**kwargs)
