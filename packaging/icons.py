"""Renders the one app icon source, resources/icons/qa-reader.svg, for every platform.

    python packaging/icons.py [OUT]        (default OUT: build/icons)

Writes:
- OUT/hicolor/<N>x<N>/apps/org.qareader.QAReader.png for N in PNG_SIZES, and
  OUT/hicolor/scalable/apps/org.qareader.QAReader.svg (the freedesktop icon theme layout);
- OUT/qa-reader.ico (Windows: 16-256 px) and OUT/qa-reader.icns (macOS: 16-1024 px).

Tools: Qt's own SVG renderer (QtSvg, part of PySide6-Essentials, which the app already
needs) draws the PNGs; Pillow (the `packaging` extra) packs them into .ico and .icns.
Nothing from Debian is needed, so the same script runs on all three CI machines.
The outputs are generated at build time and not committed: the SVG is the only source.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "qa-reader.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow derives the smaller icns members from the largest image


def render_png(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"icons: cannot write {out}")


def build_icons(out: Path, app_id: str) -> list[Path]:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    written: list[Path] = []
    hicolor = out / "hicolor"
    for size in PNG_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{app_id}.png"
        render_png(SOURCE, size, png)
        written.append(png)
    scalable = hicolor / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)

    # Each .ico member is drawn at its own size (sharper than downscaling one image).
    ico_images = []
    for size in ICO_SIZES:
        png = out / "ico" / f"{size}.png"
        render_png(SOURCE, size, png)
        ico_images.append(Image.open(png).convert("RGBA"))
    ico = out / "qa-reader.ico"
    largest = ico_images[-1]
    largest.save(
        ico, format="ICO", append_images=ico_images[:-1], sizes=[(s, s) for s in ICO_SIZES]
    )
    written.append(ico)

    big = out / "icns" / f"{ICNS_SIZE}.png"
    render_png(SOURCE, ICNS_SIZE, big)
    icns = out / "qa-reader.icns"
    Image.open(big).convert("RGBA").save(icns, format="ICNS")
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args(argv)
    from qa_reader import APP_ID  # run with the project's environment (see build.py)

    for path in build_icons(args.out, APP_ID):
        print(path.relative_to(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
