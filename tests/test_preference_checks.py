"""The generic checks every stored preference goes through: never raise, always in bounds."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_reader.preference_checks import flag, number_in_range, one_of, text_value

stored_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.binary(),
    st.lists(st.text(), max_size=3),
)

line_height = number_in_range("line height", 1.0, 3.0)


@given(stored_values)
def test_a_number_check_always_gives_a_number_in_range(raw: object) -> None:
    value, problem = line_height(raw, 1.5)
    assert isinstance(value, float)
    assert 1.0 <= value <= 3.0
    assert problem is None or problem.startswith("The saved line height")


@pytest.mark.parametrize(
    ("raw", "expected", "noted"),
    [
        ("2.25", 2.25, False),
        (2, 2.0, False),
        ("0.5", 1.0, True),
        ("7", 3.0, True),
        ("nan", 1.5, True),
        ("1,5", 1.5, True),
        (True, 1.5, True),
    ],
)
def test_number_check_clamps_or_resets_with_a_note(
    raw: object, expected: float, noted: bool
) -> None:
    value, problem = line_height(raw, 1.5)
    assert math.isclose(value, expected)
    assert (problem is not None) == noted


def test_whole_numbers_are_rounded() -> None:
    check = number_in_range("maximum line length", 0, 200, whole=True, unit="characters")
    assert check("70.4", 70) == (70, None)
    assert check("900", 70) == (200, "The saved maximum line length was too large and was set "
                                       "to 200 characters.")


@given(stored_values)
def test_a_choice_check_gives_only_known_names(raw: object) -> None:
    check = one_of("theme", ("light", "dark"))
    value, problem = check(raw, "light")
    assert value in ("light", "dark")
    assert (problem is None) == (raw in ("light", "dark"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("false", False), (True, True), (0, False), (1, True), (" On ", True),
     ("off", False)],
)
def test_flags_read_every_back_ends_spelling(raw: object, expected: bool) -> None:
    assert flag("bold text")(raw, False) == (expected, None)


@given(stored_values)
def test_a_flag_check_always_gives_a_bool(raw: object) -> None:
    value, _problem = flag("bold text")(raw, False)
    assert isinstance(value, bool)


def test_text_refuses_empty_nul_and_overlong_values() -> None:
    check = text_value("voice", max_length=10)
    assert check("Anna", None) == ("Anna", None)
    for bad in ("", "   ", "a\x00b", "x" * 11, 5, None):
        value, problem = check(bad, None)
        assert value is None and problem == "The saved voice was not valid and was forgotten."
