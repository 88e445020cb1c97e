"""Makes the README's print samples: the bundled sample exported at 48 pt to PDF (A4,
print-friendly colours), its first pages turned into small PNGs, and a 16 pt page for
comparison.

Run from a checkout (no display needed; needs pdftoppm from Debian's poppler-utils):
    .venv/bin/python scripts/print_samples.py
Writes docs/print/sample-48pt.pdf's pages as docs/print/48pt-page-N.png and
docs/print/16pt-page-1.png, the last 48 pt page as docs/print/48pt-last-page.png,
and prints the page counts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "print"
PAGES_SHOWN = 5
RESOLUTION = 60  # dots per inch: enough to see the layout, small enough to commit


def export(size: int, pdf: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "qa_reader", "export", str(sample()), "--to", "pdf",
         "-o", str(pdf), "--size", str(size), "--page-size", "A4", "--colours", "print"],
        check=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )


def sample() -> Path:
    from qa_reader.resources import sample_document_path

    return sample_document_path()


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def to_png(pdf: Path, first: int, last: int, prefix: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-f", str(first), "-l", str(last),
         str(pdf), str(prefix)],
        check=True, timeout=120,
    )


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: run scripts/bootstrap.sh (Debian poppler-utils)",
              file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        counts = {}
        for size in (16, 48):
            pdf = work / f"sample-{size}pt.pdf"
            export(size, pdf)
            counts[size] = page_count(pdf)
            shown = PAGES_SHOWN if size == 48 else 1
            to_png(pdf, 1, shown, work / f"{size}pt-page")
        # Also show the last page at 48 pt: the disclaimer is always printed.
        to_png(work / "sample-48pt.pdf", counts[48], counts[48], work / "48pt-last")
        for png in sorted(work.glob("*.png")):
            name = png.name
            # pdftoppm pads page numbers to the width of the page count ("-01").
            stem, number = name.removesuffix(".png").rsplit("-", 1)
            target = OUT / (f"{stem}-page.png" if stem.endswith("last") else
                            f"{stem}-{int(number)}.png")
            shutil.move(png, target)
            print(f"wrote {target.relative_to(OUT.parent.parent)}")
    print(f"pages: 16 pt = {counts[16]}, 48 pt = {counts[48]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
