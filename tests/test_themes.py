"""Colour themes: WCAG contrast of every pair each theme paints, without Qt."""

from __future__ import annotations

import pytest

from qa_reader import style
from qa_reader.preferences import Preferences
from qa_reader.themes import (
    DARK,
    LIGHT,
    OTHER_CONTRAST,
    TEXT_CONTRAST,
    THEMES,
    Theme,
    contrast_pairs,
    contrast_ratio,
    lowest_contrast,
    relative_luminance,
    theme_for,
)


def test_luminance_and_contrast_match_the_wcag_reference_values() -> None:
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    # Well-known values: #767676 on white is the lightest grey passing 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    assert contrast_ratio("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)


def test_malformed_colours_are_refused() -> None:
    for bad in ("#fff", "white", "#12345g", "123456"):
        with pytest.raises(ValueError):
            relative_luminance(bad)


def test_every_stored_theme_name_has_a_theme() -> None:
    assert set(style.THEME_NAMES) == {"system", *THEMES}
    for name in THEMES:
        assert THEMES[name].name == name


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_every_colour_pair_meets_wcag_aaa(theme: Theme) -> None:
    colours = theme.colours()
    failures = []
    for foreground, background, kind in contrast_pairs(theme):
        needed = TEXT_CONTRAST if kind == "text" else OTHER_CONTRAST
        ratio = contrast_ratio(colours[foreground], colours[background])
        if ratio < needed:
            failures.append(f"{foreground} on {background}: {ratio:.2f} < {needed}")
    assert not failures, failures
    lowest, foreground, background = lowest_contrast(theme)
    print(f"{theme.name}: lowest {lowest:.2f}:1 ({foreground} on {background})")


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_every_colour_is_in_some_checked_pair(theme: Theme) -> None:
    checked = {name for pair in contrast_pairs(theme) for name in pair[:2]}
    unchecked = set(theme.colours()) - checked - {"alternate_base"}
    assert not unchecked


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_highlights_are_told_apart_from_the_page(theme: Theme) -> None:
    # A highlight the reader cannot see is no highlight: each differs from the page.
    for field in ("selection_background", "find_background", "find_current_background",
                  "word_background", "sentence_background"):
        assert getattr(theme, field) != theme.background, field
    assert theme.find_background != theme.find_current_background
    assert theme.dimmed_text != theme.text


def test_system_theme_follows_the_desktop() -> None:
    assert theme_for("system", system_is_dark=False) is LIGHT
    assert theme_for("system", system_is_dark=True) is DARK
    assert theme_for("sepia", system_is_dark=True).name == "sepia"
    assert theme_for("no-such-theme") is LIGHT


def test_reading_style_comes_from_preferences_in_one_place() -> None:
    preferences = Preferences(
        theme="high-contrast-yellow",
        font_family="serif",
        font_bold=True,
        line_height=2.0,
        paragraph_spacing=2.0,
        letter_spacing=0.12,
        word_spacing=0.16,
        max_line_chars=0,
        text_size=24,
    )
    reading = style.reading_style_from(preferences)
    assert reading.theme.name == "high-contrast-yellow"
    assert reading.text_size == 24
    assert reading.font_family == "serif" and reading.font_bold
    assert (reading.line_height, reading.paragraph_spacing) == (2.0, 2.0)
    assert (reading.letter_spacing, reading.word_spacing) == (0.12, 0.16)
    assert reading.max_line_chars is None
    assert style.reading_style_from(Preferences(max_line_chars=55)).max_line_chars == 55
    assert style.reading_style_from(Preferences(), system_is_dark=True).theme is DARK


def test_wcag_text_spacing_is_within_the_offered_ranges() -> None:
    spacing = style.WCAG_TEXT_SPACING
    assert style.LINE_HEIGHT_RANGE[0] <= spacing["line_height"] <= style.LINE_HEIGHT_RANGE[1]
    ranges = {
        "paragraph_spacing": style.PARAGRAPH_SPACING_RANGE,
        "letter_spacing": style.LETTER_SPACING_RANGE,
        "word_spacing": style.WORD_SPACING_RANGE,
    }
    for name, (lowest, highest) in ranges.items():
        assert lowest <= spacing[name] <= highest, name
    # And the preferences keep them as given.
    preferences = Preferences(**spacing)  # type: ignore[arg-type]
    assert {name: getattr(preferences, name) for name in spacing} == spacing
