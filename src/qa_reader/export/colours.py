"""The colours an export is written in: a reading theme's, or print-friendly ones. No Qt.

The renderer draws in one (light) scheme today; exports that ask for another theme add
these colours as a second style sheet after the renderer's, which overrides it rule by
rule. Each value names the `themes.Theme` field it stands for, so that once themes are
part of `ReadingStyle` these colours come from the theme itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..render import render_html
from ..style import ReadingStyle
from .options import ColourMode, ExportLabels, ExportOptions, style_for_output, with_disclaimer

__all__ = ["PRINT_COLOURS", "PageColours", "colour_css", "page_colours", "render_for_export"]


@dataclass(frozen=True)
class PageColours:
    page: str  # Theme.background
    text: str  # Theme.text
    muted: str  # Theme.muted_text (notes, authors)
    link: str  # Theme.link
    box: str  # Theme.disclaimer_background
    box_border: str  # Theme.disclaimer_border


_LIGHT = PageColours("#fbfaf6", "#1b1b1b", "#3d3d3d", "#0b4f9c", "#eef2f7", "#44556b")
# Each pair of text and background below is at least 7:1 (WCAG AAA) apart.
_THEMES: dict[str, PageColours] = {
    "system": _LIGHT,  # no desktop to follow when exporting; the light scheme is the default
    "light": _LIGHT,
    "dark": PageColours("#161616", "#ececec", "#cfcfcf", "#9cc9ff", "#23272e", "#9aa7b8"),
    "sepia": PageColours("#f5ecd9", "#2e2414", "#4a3b26", "#0a3f78", "#ebe0c8", "#6b5a3e"),
    "high-contrast-white": PageColours(
        "#000000", "#ffffff", "#ffffff", "#9fd3ff", "#000000", "#ffffff"
    ),
    "high-contrast-yellow": PageColours(
        "#000000", "#ffff00", "#ffff00", "#7fe0ff", "#000000", "#ffff00"
    ),
}

PRINT_COLOURS = PageColours("#ffffff", "#000000", "#222222", "#0b3f7c", "#ffffff", "#000000")
"""Dark text on white paper, whatever the reading theme: readable from any printer."""


def page_colours(theme: str, colours: ColourMode) -> PageColours:
    if colours is ColourMode.PRINT:
        return PRINT_COLOURS
    return _THEMES.get(theme, _LIGHT)


def colour_css(colours: PageColours) -> str:
    """Rules for the renderer's own selectors, in the subset of CSS Qt understands.

    Each selector is one step more specific than the renderer's: Qt breaks ties between
    equally specific rules by their place within their own style sheet, not by which
    sheet comes last, so "later wins" cannot be relied on.
    """
    return f"""
html body {{ color: {colours.text}; background-color: {colours.page}; }}
body a {{ color: {colours.link}; }}
body p.note {{ color: {colours.muted}; }}
body p.author {{ color: {colours.muted}; }}
body table.disclaimer {{ background-color: {colours.box}; border-color: {colours.box_border}; }}
"""


def render_for_export(
    document: Document, style: ReadingStyle, options: ExportOptions, labels: ExportLabels
) -> str:
    """The renderer's HTML for an export: disclaimer guaranteed, in the chosen colours."""
    document = with_disclaimer(document, labels.fallback_disclaimer)
    markup = render_html(document, style_for_output(style, options.colours), labels.render)
    extra = f"<style>{colour_css(page_colours(options.theme, options.colours))}</style>"
    head_end = markup.find("</head>")
    if head_end < 0:  # the renderer always writes a head; stay correct if it ever does not
        return extra + markup
    return markup[:head_end] + extra + markup[head_end:]
