"""Finds the files the app ships (samples, icons, fonts) wherever it runs from.

The same `resources/` tree is found in a source checkout (beside `src/`), in an
installed wheel (packed as `qa_reader/resources`) and in a PyInstaller bundle
(unpacked under `sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath

SAMPLE_DOCUMENT = "samples/fever-ibuprofen-and-paracetamol.txt"


class ResourceNotFoundError(FileNotFoundError):
    pass


@cache
def resources_root() -> Path:
    """The folder holding the bundled resources."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    raise ResourceNotFoundError(
        "The app's bundled files were not found; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(name: str) -> Path:
    """Path of a bundled file given as a relative POSIX name, e.g. "icons/zoom-in.svg".

    Absolute names and ".." are refused so a name can never point outside the bundle.
    """
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts or "\\" in name:
        raise ValueError(f"not a resource name: {name!r}")
    path = resources_root().joinpath(*relative.parts)
    if not path.exists():
        raise ResourceNotFoundError(f"bundled file missing: {name}")
    return path


def sample_document_path() -> Path:
    return resource_path(SAMPLE_DOCUMENT)


FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def bundled_font_files() -> list[Path]:
    """Font files shipped under `fonts/` (any depth), sorted by name; none if there are none.

    Licence texts and other files beside the fonts are ignored.
    """
    fonts = resources_root() / "fonts"
    if not fonts.is_dir():
        return []
    return sorted(
        path
        for path in fonts.rglob("*")
        if path.is_file() and path.suffix.lower() in FONT_SUFFIXES
    )
