"""How each stored preference value is checked, in plain Python (no Qt).

A check takes the raw value a settings back end returned (text from an INI file; int, float
or bool from the Windows registry or a macOS property list) and the option's default, and
returns the value to use and, when the raw value had to be replaced, one sentence for the
reader. Checks never raise.

Options are declared once as `Option` objects (field name, settings key, check). Most use
one of the generic factories here: `number_in_range`, `one_of`, `flag` and `text_value`,
so a new preference is one dataclass field plus one declaration.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .style import MAX_TEXT_SIZE, MIN_TEXT_SIZE, nearest_size

Check = Callable[[object, Any], tuple[Any, str | None]]
"""(raw stored value, default) → (value to use, a sentence for the reader or None)."""

MAX_STORED_INT = 2**31 - 1
"""The largest whole number accepted: what every QSettings back end stores as an int."""

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_TRUE_TEXTS = frozenset({"true", "1", "yes", "on"})
_FALSE_TEXTS = frozenset({"false", "0", "no", "off"})


@dataclass(frozen=True)
class Option:
    """One preference: its `Preferences` field, its settings key, and how values are checked."""

    name: str
    key: str
    check: Check


def as_number(raw: object) -> int | float | None:
    """A finite number from what QSettings returned, or None.

    INI files give numbers back as text ("24", "24.0"), the Windows registry and macOS
    property lists as int or float. Booleans, NaN, infinities, lists and other types are
    not numbers here. Only plain ASCII decimal text is accepted (no "nan", "0x18", "2_4" or
    non-ASCII digits, all of which `float()` would take).
    """
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return raw if math.isfinite(raw) else None
    if isinstance(raw, str):
        text = raw.strip()
        if not _DECIMAL.fullmatch(text):
            return None
        # float() rather than int(): text with thousands of digits would exceed Python's
        # int-from-text limit; as a float it is simply infinite and refused below.
        number = float(text)
        return number if math.isfinite(number) else None
    return None


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


# -- generic checks ---------------------------------------------------------------------------


def number_in_range(
    label: str, lowest: float, highest: float, *, whole: bool = False, unit: str = ""
) -> Check:
    """A number from `lowest` to `highest`: numbers outside are clamped (with a note), other
    values give the default. With `whole`, fractions are rounded to whole numbers."""
    suffix = unit if unit in ("", "%") else f" {unit}"

    def check(raw: object, default: Any) -> tuple[Any, str | None]:
        number = as_number(raw)
        if number is None:
            return default, (
                f"The saved {label} was not valid and was reset to {_shown(default)}{suffix}."
            )
        value: float = number
        problem: str | None = None
        if value < lowest:
            value = lowest
            problem = f"The saved {label} was too small and was set to {_shown(lowest)}{suffix}."
        elif value > highest:
            value = highest
            problem = f"The saved {label} was too large and was set to {_shown(highest)}{suffix}."
        if whole:
            return int(round(value)), problem
        return float(value), problem

    return check


def one_of(label: str, choices: Iterable[str]) -> Check:
    """One of a fixed set of names (compared exactly); anything else gives the default."""
    allowed = frozenset(choices)

    def check(raw: object, default: Any) -> tuple[Any, str | None]:
        if isinstance(raw, str) and raw in allowed:
            return raw, None
        return default, f"The saved {label} was not known and was reset to the default."

    return check


def flag(label: str) -> Check:
    """On or off: a bool, or the text/number forms the settings back ends store."""

    def check(raw: object, default: Any) -> tuple[Any, str | None]:
        if isinstance(raw, bool):
            return raw, None
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw), None
        if isinstance(raw, str):
            text = raw.strip().lower()
            if text in _TRUE_TEXTS:
                return True, None
            if text in _FALSE_TEXTS:
                return False, None
        return default, (
            f"The saved {label} setting was not valid and was reset to {_shown(default)}."
        )

    return check


def text_value(label: str, max_length: int = 1000) -> Check:
    """Non-empty text without NUL characters (which no file system or back end keeps)."""

    def check(raw: object, default: Any) -> tuple[Any, str | None]:
        if isinstance(raw, str) and raw.strip() and "\x00" not in raw and len(raw) <= max_length:
            return raw, None
        return default, f"The saved {label} was not valid and was forgotten."

    return check


# -- the core's own checks --------------------------------------------------------------------


def check_text_size(raw: object, default: int) -> tuple[int, str | None]:
    """A ladder size for `raw`, and a sentence for the reader when `raw` had to be changed.

    A number inside the ladder's range is snapped to the nearest ladder size without
    comment (a future ladder may have other steps); a number outside it is clamped; anything
    else gives the default.
    """
    number = as_number(raw)
    if number is None:
        return default, f"The saved text size was not valid and was reset to {default} pt."
    if number < MIN_TEXT_SIZE:
        return MIN_TEXT_SIZE, (
            f"The saved text size was smaller than the smallest size and was set to "
            f"{MIN_TEXT_SIZE} pt."
        )
    if number > MAX_TEXT_SIZE:
        return MAX_TEXT_SIZE, (
            f"The saved text size was larger than the largest size and was set to "
            f"{MAX_TEXT_SIZE} pt."
        )
    return nearest_size(number), None


def check_disclaimer_version(raw: object, default: int) -> tuple[int, str | None]:
    """A whole number from 0 up, or the default (0: the disclaimer is shown again)."""
    number = as_number(raw)
    if number is None or number != math.floor(number) or not 0 <= number <= MAX_STORED_INT:
        return default, (
            "The saved record of the accepted disclaimer was not valid, "
            "so the disclaimer will be shown again."
        )
    return int(number), None


def check_last_document(raw: object, default: str | None) -> tuple[str | None, str | None]:
    """A non-empty path text, or the default. Whether the file exists is the app's business.

    Text with a NUL character is refused: no file system allows it, and `os` functions raise
    ValueError for it.
    """
    if isinstance(raw, str) and raw.strip() and "\x00" not in raw:
        return raw, None
    return default, "The saved name of the last document was not valid and was forgotten."


def path_list(label: str, max_items: int) -> Check:
    """A tuple of path texts, newest first: at most `max_items`, no duplicates, none with NUL.

    QSettings gives an INI list back as a list of texts, but a list of one as a plain text,
    so a text counts as a list of one. Unusable entries are dropped with a note; a value
    that is no list at all gives the default.
    """

    def check(raw: object, default: Any) -> tuple[Any, str | None]:
        if raw is None:
            return default, None  # an empty list, as QSettings reads it back
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, (list, tuple)):
            return default, f"The saved {label} was not valid and was cleared."
        kept: list[str] = []
        dropped = False
        for entry in raw:
            if (
                isinstance(entry, str)
                and entry.strip()
                and "\x00" not in entry
                and len(entry) <= 4096
            ):
                if entry not in kept:
                    kept.append(entry)
            else:
                dropped = True
        if len(kept) > max_items:
            kept = kept[:max_items]
            dropped = True
        problem = f"Some entries of the saved {label} were not valid and were left out."
        return tuple(kept), problem if dropped else None

    return check
