"""What `--self-test` checks about the app's installed files, wherever it runs from.

A frozen bundle or an installed package can lack files that a source checkout has
(a font left out of the spec, Qt's SVG plugin filtered away): these checks make such a
build fail its smoke test instead of the reader's first start.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .resources import (
    ResourceNotFoundError,
    bundled_font_files,
    resource_path,
    resources_root,
    sample_document_path,
)

APP_ICON = "icons/qa-reader.svg"


@dataclass
class BundleReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_bundle() -> BundleReport:
    """Finds the resources, the sample and every bundled font, and draws the app icon.

    Needs a QGuiApplication (fonts and icons are loaded through Qt).
    """
    from PySide6.QtGui import QFontDatabase, QIcon

    report = BundleReport()
    try:
        root = resources_root()
    except ResourceNotFoundError as error:
        report.problems.append(str(error))
        return report
    report.lines.append(f"resources: {root}")
    try:
        report.lines.append(f"sample: {sample_document_path().relative_to(root).as_posix()}")
    except ResourceNotFoundError as error:
        report.problems.append(str(error))

    fonts = bundled_font_files()
    # Every file in the bundle must load, whichever families the app offers. (Registering
    # a file the app registered at start again is harmless; the self-test does this after
    # the first paint.)
    families: set[str] = set()
    loaded = 0
    for path in fonts:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            report.problems.append(
                f"bundled font cannot be loaded: {path.relative_to(root).as_posix()}"
            )
            continue
        loaded += 1
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if fonts:
        names = ", ".join(sorted(families))
        report.lines.append(f"fonts: {loaded} of {len(fonts)} loaded ({names})")
    else:
        report.lines.append("fonts: none bundled")

    try:
        icon = QIcon(str(resource_path(APP_ICON)))
    except ResourceNotFoundError as error:
        report.problems.append(str(error))
    else:
        # A null pixmap means Qt's SVG icon engine or image plugin is missing.
        if icon.pixmap(64, 64).isNull():
            report.problems.append(f"the app icon cannot be drawn: {APP_ICON}")
        else:
            report.lines.append("icon: drawn from SVG")
    return report
