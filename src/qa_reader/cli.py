"""Command-line parsing and the window-less `export` command.

Kept free of QtWidgets so `qa-reader export` and `--help` start fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import APP_NAME, __version__

if TYPE_CHECKING:
    from .document import Document
    from .export.options import ExportOptions
    from .style import ReadingStyle

log = logging.getLogger(__name__)

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
        epilog="Also: 'qa-reader export FILE --to pdf|html|txt|json [-o OUT] [--size PT] "
        "[--theme NAME] [--page-size A4|Letter] [--colours screen|print]' writes a page "
        "in another format without opening a window ('qa-reader export --help').",
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
    from .style import BASE_TEXT_SIZE, MAX_TEXT_SIZE, MIN_TEXT_SIZE, THEME_NAMES

    parser = argparse.ArgumentParser(
        prog="qa-reader export",
        description="Write a Q&A page as PDF (for printing), HTML, plain text or JSON, "
        "in the reader's text size and font. No window is opened.",
    )
    parser.add_argument("file", help="the Q&A page to read")
    parser.add_argument(
        "--to", choices=["pdf", "html", "txt", "json"], required=True, help="output format"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT",
        help="output file (required for pdf; otherwise the default is stdout)",
    )
    parser.add_argument(
        "--size", metavar="PT", type=_text_size(MIN_TEXT_SIZE, MAX_TEXT_SIZE),
        default=BASE_TEXT_SIZE,
        help=f"text size in points, {MIN_TEXT_SIZE}–{MAX_TEXT_SIZE} (default {BASE_TEXT_SIZE})",
    )
    parser.add_argument(
        "--theme", choices=THEME_NAMES, default="light",
        help="colour theme for --colours screen (default: light)",
    )
    parser.add_argument(
        "--page-size", choices=["A4", "Letter"], default="A4", help="paper size (default A4)"
    )
    parser.add_argument(
        "--colours", "--colors", choices=["screen", "print"], default=None,
        help="'print': dark text on white (default for pdf); 'screen': the theme's colours "
        "(default for html)",
    )
    return parser


def _text_size(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def parse_launch_options(argv: list[str]) -> LaunchOptions:
    args = _reader_parser().parse_args(argv)
    return LaunchOptions(
        file=args.file,
        config_dir=args.config_dir or os.environ.get("QA_READER_CONFIG_DIR") or None,
        reset_preferences=args.reset_preferences,
        self_test=args.self_test,
    )


def run_export(argv: list[str]) -> int:
    """`qa-reader export FILE --to FORMAT [-o OUT] …`: no window, no Qt widgets.

    Exit codes: 0 written; 2 the page could not be read, the options do not fit together,
    or the output could not be written (one line on stderr says which).
    """
    from .export.options import ExportError
    from .importers import DocumentLoadError, load

    parser = _export_parser()
    args = parser.parse_args(argv)
    if args.to == "pdf" and not args.output:
        parser.error("a PDF needs an output file: add -o FILE.pdf")
    try:
        document = load(args.file)
    except DocumentLoadError as error:
        print(f"qa-reader: {error.user_message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.to == "pdf":
            _export_pdf(document, args)
            return EXIT_OK
        text = _export_text(document, args)
        if args.output is None:
            sys.stdout.write(text)
            return EXIT_OK
        from .export.options import write_output

        write_output(args.output, text)
    except ExportError as error:
        print(f"qa-reader: cannot write “{error.path}”: {error.reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _export_options(args: argparse.Namespace, default_colours: str) -> ExportOptions:
    from .export.options import ColourMode, ExportOptions, PageSize

    return ExportOptions(
        page_size=PageSize(args.page_size),
        colours=ColourMode(args.colours or default_colours),
    )


def _export_style(args: argparse.Namespace) -> ReadingStyle:
    from .style import ReadingStyle
    from .themes import theme_for

    # With no desktop to ask, "system" means the light theme.
    return ReadingStyle(text_size=args.size, theme=theme_for(args.theme))


def _export_text(document: Document, args: argparse.Namespace) -> str:
    if args.to == "json":
        from .export.json_export import document_to_json

        return document_to_json(document)
    if args.to == "html":
        from .export.html_export import document_to_html

        return document_to_html(document, _export_style(args), _export_options(args, "screen"))
    from .export.text_export import document_to_text

    return document_to_text(document, _export_style(args))


def _export_pdf(document: Document, args: argparse.Namespace) -> None:
    # PDF needs Qt's fonts and painter, but never a screen: without a display (a server,
    # a cron job) the offscreen platform works everywhere.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from .export.pdf_export import export_pdf

    if QGuiApplication.instance() is None:
        app = QGuiApplication(["qa-reader"])
        log.debug("exporting a PDF on the %s platform", app.platformName())
    export_pdf(args.output, document, _export_style(args), _export_options(args, "print"))
