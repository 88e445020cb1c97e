"""The list of recently opened documents, as plain tuples of paths (no Qt).

The newest entry comes first. Entries are compared by their resolved path, so the same
file reached through a symbolic link or a relative name appears once. The window keeps
the list in `Preferences.recent_documents`; these functions only compute new lists.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

MAX_RECENT = 10
"""How many documents the File → Open Recent menu lists."""


def resolved(path: str) -> str:
    """The absolute path with symbolic links and ".." resolved; the text itself if that fails."""
    try:
        return os.path.realpath(os.path.expanduser(path))
    except (OSError, ValueError):  # a NUL character, or a path the system cannot resolve
        return path


def add_recent(entries: Sequence[str], path: str) -> tuple[str, ...]:
    """`entries` with `path` (resolved) at the front, any earlier copy of it removed, capped."""
    new = resolved(path)
    kept = [entry for entry in entries if resolved(entry) != new]
    return (new, *kept)[:MAX_RECENT]


def remove_recent(entries: Sequence[str], path: str) -> tuple[str, ...]:
    """`entries` without `path` (compared by resolved path)."""
    gone = resolved(path)
    return tuple(entry for entry in entries if resolved(entry) != gone)


def prune_missing(
    entries: Iterable[str], exists: Callable[[str], bool] = os.path.isfile
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(entries whose file is still there, entries whose file is gone), order kept."""
    kept: list[str] = []
    missing: list[str] = []
    for entry in entries:
        try:
            present = exists(entry)
        except (OSError, ValueError):
            present = False
        (kept if present else missing).append(entry)
    return tuple(kept), tuple(missing)


def mnemonic(index: int) -> str:
    """The menu accelerator digit for the entry at `index` (0-based): 1–9, then 0."""
    return str((index + 1) % 10)


def menu_label(index: int, path: str) -> str:
    """"&1 name — folder": the file name first (what people recognise), then where it is.

    An "&" in a name is doubled so it is shown instead of marking a mnemonic.
    """
    name = os.path.basename(path) or path
    folder = os.path.basename(os.path.dirname(path)) or os.path.dirname(path)
    label = f"{name} — {folder}" if folder else name
    return f"&{mnemonic(index)} {label.replace('&', '&&')}"
