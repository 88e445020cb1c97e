"""Safety checks and backups for the INI-format settings file, independent of Qt.

PySide6's QSettings turns values written as ``@Variant(…)`` or ``@DateTime(…)`` into
Python objects with `pickle`, so a crafted or damaged settings file could run code or
raise while being read. `contains_serialised_value` finds such values in the raw bytes
before QSettings parses the file; `storable_text`/`storable_bytes` keep the app from
writing anything that would look like one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_SIMPLE_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    '"': '"', "?": "?", "'": "'", "\\": "\\",
}  # fmt: skip
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_OCTAL_DIGITS = frozenset("01234567")
SERIALISED_PREFIXES = ("@Variant(", "@DateTime(")


def ini_unescaped(text: str) -> str:
    """`text` with QSettings' INI escapes decoded, read as one long value.

    Follows `QSettingsPrivate::iniUnescapedStringList` (qsettings.cpp): C escapes, ``\\x``
    hex and octal escapes kept to 16 bits as Qt does, unknown escapes and escaped line ends
    dropped, unescaped quotes removed. Two differences make it err towards finding more:
    the whole file is decoded as one value (so keys and comments are decoded too), and
    spaces after every quote are dropped (Qt drops them after a closing quote).
    """
    out: list[str] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        i += 1
        if char == '"':
            while i < end and text[i] in " \t":
                i += 1
            continue
        if char != "\\":
            out.append(char)
            continue
        if i >= end:
            break
        char = text[i]
        i += 1
        if char in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[char])
        elif char == "x":
            if i < end and text[i] in _HEX_DIGITS:
                value = 0
                while i < end and text[i] in _HEX_DIGITS:
                    value = ((value << 4) + int(text[i], 16)) & 0xFFFF
                    i += 1
                out.append(chr(value))
        elif char in _OCTAL_DIGITS:
            value = int(char)
            while i < end and text[i] in _OCTAL_DIGITS:
                value = ((value << 3) + int(text[i])) & 0xFFFF
                i += 1
            out.append(chr(value))
        elif char in "\r\n" and i < end and text[i] in "\r\n" and text[i] != char:
            i += 1  # an escaped "\r\n" or "\n\r" line end
    return "".join(out)


def contains_serialised_value(data: bytes) -> bool:
    """True when an INI file could hold a value QSettings would deserialise as an object.

    QSettings reads a value starting with ``@Variant(`` or ``@DateTime(`` through
    QDataStream, and PySide6 unpickles Python objects found there. This app never writes
    such values. The bytes are read as Latin-1: the markers are ASCII, and UTF-8 never
    uses ASCII bytes inside a multi-byte character, so they are found exactly where Qt's
    UTF-8 reading would see them.
    """
    if b"@" not in data and b"\\" not in data:
        return False
    decoded = ini_unescaped(data.decode("latin-1"))
    return any(prefix in decoded for prefix in SERIALISED_PREFIXES)


def storable_text(text: str) -> bool:
    """False for text that would not be read back as written.

    Lone surrogates (from file names that are not valid UTF-8) come back as U+FFFD; text
    holding a serialised-value marker would make the file look damaged to
    `contains_serialised_value`, which errs on the side of caution.
    """
    if any(prefix in text for prefix in SERIALISED_PREFIXES):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable_bytes(blob: bytes) -> bool:
    """False for binary data that would make the file look damaged (see `storable_text`).

    QSettings writes printable ASCII bytes of a QByteArray as they are.
    """
    return not any(prefix.encode("ascii") in blob for prefix in SERIALISED_PREFIXES)


def unused_path(base: str) -> str:
    """`base`, or `base-2`, `base-3`, … : the first name not taken yet."""
    candidate, number = base, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def backup_file(path: str, suffix: str) -> str:
    """Copies `path` to `path + suffix` (or a free variant of it) and returns the copy's name.

    An existing backup with the same content is reused rather than copied again; one with
    other content is never overwritten. Raises OSError when no copy can be made.
    """
    data = Path(path).read_bytes()
    base = path + suffix
    candidate, number = base, 1
    while os.path.lexists(candidate):
        try:
            if Path(candidate).read_bytes() == data:
                return candidate
        except OSError:
            pass
        number += 1
        candidate = f"{base}-{number}"
    shutil.copy2(path, candidate)
    return candidate
