"""The error every format parser raises for a file it cannot read.

Parsers raise :class:`FormatError` with a plain-words reason (and the line when they
know it); :func:`qa_reader.importers.load_bytes` turns it into the one error the
rest of the app sees, ``DocumentLoadError``, adding the file name and the format.
"""

from __future__ import annotations

__all__ = ["FormatError"]


class FormatError(ValueError):
    """The data is not a valid document of the format that was tried."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason, line)
        self.reason = reason
        self.line = line
