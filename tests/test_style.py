"""The text-size ladder, alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa_reader.style import (
    MAX_TEXT_SIZE,
    MIN_TEXT_SIZE,
    TEXT_SIZE_LADDER,
    default_size,
    larger_size,
    nearest_size,
    size_percent,
    smaller_size,
)


def test_ladder_runs_from_8_to_96_in_increasing_steps() -> None:
    assert TEXT_SIZE_LADDER[0] == 8 and TEXT_SIZE_LADDER[-1] == 96
    assert list(TEXT_SIZE_LADDER) == sorted(set(TEXT_SIZE_LADDER))


def test_steps_walk_the_ladder_and_stop_at_the_ends() -> None:
    assert larger_size(16) == 18
    assert smaller_size(16) == 14
    assert larger_size(MAX_TEXT_SIZE) == MAX_TEXT_SIZE
    assert smaller_size(MIN_TEXT_SIZE) == MIN_TEXT_SIZE
    # Off-ladder sizes step to the neighbouring ladder value.
    assert larger_size(17) == 18 and smaller_size(17) == 16


def test_nearest_size_snaps_and_clamps() -> None:
    assert nearest_size(-5) == 8
    assert nearest_size(10_000) == 96
    assert nearest_size(23.6) == 24
    assert nearest_size(17) == 18  # a tie goes to the larger size


def test_default_is_16_or_the_platforms_if_larger() -> None:
    assert default_size(None) == 16
    assert default_size(9) == 16
    assert default_size(20) == 20
    assert default_size(21.5) == 22


def test_percent_is_relative_to_16_pt() -> None:
    assert size_percent(16) == 100
    assert size_percent(24) == 150


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_every_size_maps_into_the_ladder(points: float) -> None:
    assert nearest_size(points) in TEXT_SIZE_LADDER
    assert larger_size(points) in TEXT_SIZE_LADDER
    assert smaller_size(points) in TEXT_SIZE_LADDER
    assert smaller_size(points) <= max(points, MIN_TEXT_SIZE)
    assert larger_size(points) >= min(points, MAX_TEXT_SIZE)
