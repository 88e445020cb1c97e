"""The app's side of the in-process figures: open a document in the real window, then
step the text size through the real actions' code path.

    python bench/app_probe.py PAGE --steps 20 --config-dir DIR

Prints one line of JSON (see probe_common.report).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from probe_common import measure_steps, report, settle, timed_until
from qa_reader.app import configure_application, launch
from qa_reader.cli import LaunchOptions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--config-dir", required=True)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    configure_application()
    window = launch(LaunchOptions(config_dir=args.config_dir), ask_disclaimer=False)
    window.show()
    settle(app, window.view)

    opened: list[bool] = []
    # Until the page is shown: a very long one is built in steps after open_path() returns.
    open_ms, open_block_ms = timed_until(
        app, window.view, lambda: opened.append(window.open_path(str(args.page))),
        lambda: window.view.loading,
    )
    if not opened or not opened[0]:
        print(f"could not open {args.page}", file=sys.stderr)
        return 1
    settle(app, window.view)
    result: dict[str, object] = {"open_ms": open_ms, "open_block_ms": open_block_ms}
    result.update(measure_steps(app, window.view, window.step_text_size, args.steps))
    window.close()
    report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
