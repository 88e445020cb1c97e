"""The document as one standalone HTML file that looks as it does in the reader.

The body is the renderer's own HTML (so content is escaped in one place and every style
option the renderer knows flows through); on top come the rules the reader view applies
itself rather than through HTML: text size, font (the bundled faces travel inside the
file), line length, spacing, and rules for printing from a browser (page size, margins,
headings kept with their text). No scripts, no remote resources: the file can be mailed
and opened anywhere, offline. No Qt.
"""

from __future__ import annotations

import base64

from ..document import Document
from ..resources import ResourceNotFoundError, resources_root
from ..style import SYSTEM_SANS, SYSTEM_SERIF, ReadingStyle
from .options import ColourMode, ExportLabels, ExportOptions, render_for_export

__all__ = ["document_to_html"]

def _css_string(text: str) -> str:
    """A CSS string literal; font names come from settings and must not end the rule."""
    cleaned = "".join(ch for ch in text if ch.isprintable() and ch not in "\\\"<>{};")
    return f'"{cleaned}"'


_FACES = {  # file name ending → (CSS font-weight, font-style); bold italic is never used
    "Regular": (400, "normal"),
    "Bold": (700, "normal"),
    "Italic": (400, "italic"),
}


def bundled_font_faces(family: str) -> str:
    """@font-face rules carrying a bundled family's files inside the page (as data, not
    links), so whoever opens it reads in the same face without installing anything.

    Empty for a family the app does not bundle: the browser then uses it if installed,
    or its own sans-serif. The bundled fonts' licence (SIL OFL 1.1) allows this.
    """
    try:
        folder = resources_root() / "fonts" / family.lower().replace(" ", "-")
    except ResourceNotFoundError:
        return ""
    rules = []
    for path in sorted(folder.glob("*.ttf")):
        face = _FACES.get(path.stem.rsplit("-", 1)[-1])
        if face is None:
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: {_css_string(family)}; font-weight: {face[0]}; "
            f"font-style: {face[1]}; src: url(data:font/ttf;base64,{data}) "
            'format("truetype"); }\n'
        )
    return "".join(rules)


def _font_family(family: str) -> str:
    if family == SYSTEM_SANS:
        return "sans-serif"
    if family == SYSTEM_SERIF:
        return "serif"
    return f"{_css_string(family)}, sans-serif"


def export_stylesheet(style: ReadingStyle, options: ExportOptions) -> str:
    weight = "font-weight: 700;" if style.font_bold else ""
    width = f"max-width: {style.max_line_chars}ch;" if style.max_line_chars else ""
    margin = f"{options.margin_mm:g}mm"
    return bundled_font_faces(style.font_family) + f"""
body {{ font-family: {_font_family(style.font_family)}; font-size: {style.text_size}pt; {weight}
    letter-spacing: {style.letter_spacing:g}em; word-spacing: {style.word_spacing:g}em;
    {width} margin: 0 auto; padding: 1em 1.5em 2em; overflow-wrap: break-word; }}
table.disclaimer {{ border-collapse: collapse; }}
@media print {{
    @page {{ size: {options.page_size.value} portrait; margin: {margin}; }}
    body {{ padding: 0; }}
    h1, h2, h3, h4 {{ break-after: avoid; page-break-after: avoid; }}
    p {{ orphans: 3; widows: 3; }}
    table.disclaimer {{ break-inside: avoid; page-break-inside: avoid; }}
}}
"""


def document_to_html(
    document: Document,
    style: ReadingStyle | None = None,
    options: ExportOptions | None = None,
    labels: ExportLabels | None = None,
) -> str:
    style = style or ReadingStyle()
    options = options or ExportOptions(colours=ColourMode.SCREEN)
    labels = labels or ExportLabels()
    body = render_for_export(document, style, options, labels)
    head_extra = (
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta name='generator' content='Q&amp;A Reader'>"
        f"<style>{export_stylesheet(style, options)}</style>"
    )
    head_end = body.find("</head>")
    if head_end < 0:  # the renderer always writes a head; stay correct if it ever does not
        return f"<!DOCTYPE html><html><head>{head_extra}</head>{body}</html>\n"
    return body[:head_end] + head_extra + body[head_end:] + "\n"
