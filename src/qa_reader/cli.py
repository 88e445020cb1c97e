"""Command-line parsing and the window-less `export` command.

Kept free of QtWidgets so `qa-reader export` and `--help` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import APP_NAME, __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class LaunchOptions:
    file: str | None = None
    config_dir: str | None = None
    reset_preferences: bool = False
    self_test: bool = False


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-reader",
        description=f"{APP_NAME}: read medical question-and-answer pages in large text.",
        epilog="Also: 'qa-reader export FILE --to json [-o OUT]' writes a page as JSON "
        "without opening a window.",
    )
    parser.add_argument("file", nargs="?", help="a Q&A page to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="keep settings in DIR instead of the usual place "
        "(also: environment variable QA_READER_CONFIG_DIR)",
    )
    parser.add_argument(
        "--reset-preferences", action="store_true", help="forget all saved settings first"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start, show the document once, print 'ok: …' and exit (for installers and checks)",
    )
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-reader export", description="Write a Q&A page in another format."
    )
    parser.add_argument("file", help="the Q&A page to read")
    parser.add_argument("--to", choices=["json"], required=True, help="output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    return parser


def parse_launch_options(argv: list[str]) -> LaunchOptions:
    args = _reader_parser().parse_args(argv)
    return LaunchOptions(
        file=args.file,
        config_dir=args.config_dir or os.environ.get("QA_READER_CONFIG_DIR") or None,
        reset_preferences=args.reset_preferences,
        self_test=args.self_test,
    )


def run_export(argv: list[str]) -> int:
    """`qa-reader export FILE --to json [-o OUT]`: no window, no Qt widgets."""
    from .export.json_export import document_to_json
    from .importers import DocumentLoadError, load

    args = _export_parser().parse_args(argv)
    try:
        document = load(args.file)
    except DocumentLoadError as error:
        print(f"qa-reader: {error.user_message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = document_to_json(document)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"qa-reader: cannot write “{args.output}”: {reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
