"""Typed reading preferences, stored in QSettings and checked on every read.

Three parts:

* `Preferences` and `WindowState`: plain frozen dataclasses. Window geometry is kept apart
  from the reading preferences so resetting or moving one never disturbs the other.
* `PreferencesStore`: reads and writes them through one QSettings object. Every stored
  value is converted and validated; a wrong type, an out-of-range number or a damaged file
  is logged and replaced by the default, never raised at the reader. Only values that
  differ from the default are written. The file carries a schema version; older files are
  backed up and migrated in small named steps, newer ones are read but never written.
* `PreferencesModel`: the one QObject the running app keeps the current preferences in;
  it emits `changed` when, and only when, a value really changes.

Where the settings live is chosen when `PreferencesStore.open()` is called (a folder from
``--config-dir``, the ``QA_READER_CONFIG_DIR`` environment variable, or the platform's own
place), never at import time.

A note on safety: PySide6's QSettings turns values written as ``@Variant(…)`` or
``@DateTime(…)`` into Python objects with `pickle`, so a crafted or damaged settings file
could run code or raise while being read. The store never writes such values, and before
QSettings parses an INI-format file the raw bytes are checked for them (see
`settings_file.contains_serialised_value`); such a file is treated as damaged and set aside unread.
"""

from __future__ import annotations

import logging
import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, QSettings, Signal

from . import ORGANIZATION_DOMAIN, ORGANIZATION_NAME, SETTINGS_APP_NAME, settings_file
from .preference_checks import (
    MAX_STORED_INT,
    Option,
    as_number,
    check_disclaimer_version,
    check_last_document,
    check_text_size,
    flag,
    number_in_range,
    one_of,
    path_list,
    text_value,
)
from .recent_files import MAX_RECENT
from .speech_ranges import DEFAULT_VOLUME, PITCH_RANGE, RATE_RANGE, VOLUME_RANGE
from .style import (
    BASE_TEXT_SIZE,
    DEFAULT_FONT_FAMILY,
    INTERFACE_SCALE_RANGE,
    LETTER_SPACING_RANGE,
    LINE_HEIGHT_RANGE,
    MAX_LINE_CHARS_RANGE,
    PARAGRAPH_SPACING_RANGE,
    THEME_NAMES,
    WORD_SPACING_RANGE,
)

__all__ = [
    "CONFIG_DIR_ENV",
    "INI_FILE_NAME",
    "MIGRATIONS",
    "OPTIONS",
    "SCHEMA_VERSION",
    "Preferences",
    "PreferencesModel",
    "PreferencesStore",
    "WindowState",
]

log = logging.getLogger(__name__)

PRINT_PAGE_SIZES = ("auto", "A4", "Letter")

CONFIG_DIR_ENV = "QA_READER_CONFIG_DIR"
"""Environment variable naming a folder to keep the settings in (like ``--config-dir``)."""

SCHEMA_VERSION = 1
"""The layout of the stored settings this version of the app reads and writes."""

INI_FILE_NAME = "qa-reader.ini"
"""The settings file's name inside a configuration folder."""

SCHEMA_KEY = "meta/schema_version"
TEXT_SIZE_KEY = "reading/text_size"
DISCLAIMER_KEY = "disclaimer/accepted_version"
LAST_DOCUMENT_KEY = "session/last_document"
RECENT_DOCUMENTS_KEY = "recent/documents"
GEOMETRY_KEY = "window/geometry"
WINDOW_STATE_KEY = "window/state"

_LOCK_WAIT_MS = 500
"""How long a write waits for another program to finish writing the settings file."""

DAMAGED_FILE_PROBLEM = "The settings file was damaged; default settings are used."
UNREADABLE_FILE_PROBLEM = "The settings file could not be read; default settings are used."
NEWER_SCHEMA_REASON = (
    "These settings were written by a newer version of Q&A Reader; they are used but not changed."
)


# -- checking single values ---------------------------------------------------------------


def _as_bytes(raw: object) -> bytes | None:
    """Bytes from a QByteArray (what QSettings returns) or bytes; None for anything else."""
    if isinstance(raw, QByteArray):
        return bytes(raw.data())
    if isinstance(raw, (bytes, bytearray)):
        return bytes(raw)
    return None


# -- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preferences:
    """What the reader chose: kept between sessions, changed through `PreferencesModel`.

    Values are normalised on construction instead of raising, so no caller can build an
    invalid instance and nothing crashes over a bad value: `text_size` becomes the nearest
    ladder size (clamped to 8–96 pt; 16 pt when it is not a number at all),
    `disclaimer_accepted_version` a whole number from 0 up (else 0), `last_document` a
    non-empty text or None. Replacing an invalid value is logged as a warning.
    """

    text_size: int = BASE_TEXT_SIZE
    """Point size of the reading text; always a value of `style.TEXT_SIZE_LADDER`."""
    disclaimer_accepted_version: int = 0
    """The version of the disclaimer the reader accepted; 0 when never accepted."""
    last_document: str | None = None
    """Absolute path of the document open when the app last closed, or None."""

    # How the text looks (bounds in style.py; the checks below enforce them).
    theme: str = "system"
    """One of `style.THEME_NAMES`."""
    font_family: str = DEFAULT_FONT_FAMILY
    """A font family name: a bundled one, an installed one, or "sans-serif" / "serif" for
    the system's own faces. A family that is not available falls back to the system's sans."""
    font_bold: bool = False
    line_height: float = 1.5
    """Line height as a multiple of the text size."""
    paragraph_spacing: float = 1.0
    """Space after each paragraph, in em."""
    letter_spacing: float = 0.0
    """Extra space between letters, in em."""
    word_spacing: float = 0.0
    """Extra space between words, in em."""
    max_line_chars: int = 70
    """Longest line in characters; 0 means lines use the whole width."""
    interface_scale: int = 100
    """Size of menus, toolbar, status bar and dialogs, in percent."""

    # Navigation.
    focus_mode: bool = False
    """Dim everything but the question or answer being read."""
    # Read aloud (ranges in speech_text.py).
    speech_voice: str | None = None
    """The chosen voice's name; None for the default voice of the text's language. A voice
    that is no longer installed falls back to that default, with a note."""
    speech_rate: float = 0.0
    """The engine's speaking rate, −1…1 (0 normal); shown as speeds 0.5×…2×."""
    speech_pitch: float = 0.0
    """Voice pitch, −1…1 (0 normal)."""
    speech_volume: float = DEFAULT_VOLUME
    """Speech volume, 0…1."""
    # Ways in.
    recent_documents: tuple[str, ...] = ()
    """Documents opened lately, newest first (at most `recent_files.MAX_RECENT`), as
    resolved paths; files that no longer exist are pruned by the window, with a note."""
    # Print and export (ui/print_actions.py).
    print_page_size: str = "auto"
    """"A4", "Letter", or "auto": the paper usual where the reader lives (Letter in the US)."""
    print_friendly_colours: bool = True
    """Print dark text on white paper instead of the reading theme's colours."""

    def __post_init__(self) -> None:
        document_given: object = self.last_document  # may be a Path despite the annotation
        if isinstance(document_given, os.PathLike):
            object.__setattr__(self, "last_document", os.fspath(document_given))
        for option in OPTIONS:
            given = getattr(self, option.name)
            default = _FIELD_DEFAULTS[option.name]
            if given is None and default is None:
                continue  # "not set" is always valid for an optional field
            value, problem = option.check(given, default)
            if problem is not None:
                log.warning("%s %r replaced by %r", option.name, given, value)
            if type(value) is not type(given) or value != given:
                object.__setattr__(self, option.name, value)


@dataclass(frozen=True)
class WindowState:
    """The main window's place and layout, as Qt saves them; kept apart from `Preferences`."""

    geometry: bytes = b""
    """`QMainWindow.saveGeometry()`; empty when unknown."""
    state: bytes = b""
    """`QMainWindow.saveState()` (toolbars, docks); empty when unknown."""


OPTIONS: tuple[Option, ...] = (
    Option("text_size", TEXT_SIZE_KEY, check_text_size),
    Option("disclaimer_accepted_version", DISCLAIMER_KEY, check_disclaimer_version),
    Option("last_document", LAST_DOCUMENT_KEY, check_last_document),
    Option("theme", "reading/theme", one_of("colour theme", THEME_NAMES)),
    Option("font_family", "reading/font_family", text_value("font", max_length=200)),
    Option("font_bold", "reading/font_bold", flag("bold text")),
    Option(
        "line_height", "reading/line_height", number_in_range("line height", *LINE_HEIGHT_RANGE)
    ),
    Option(
        "paragraph_spacing",
        "reading/paragraph_spacing",
        number_in_range("paragraph spacing", *PARAGRAPH_SPACING_RANGE),
    ),
    Option(
        "letter_spacing",
        "reading/letter_spacing",
        number_in_range("letter spacing", *LETTER_SPACING_RANGE),
    ),
    Option(
        "word_spacing", "reading/word_spacing", number_in_range("word spacing", *WORD_SPACING_RANGE)
    ),
    Option(
        "max_line_chars",
        "reading/max_line_chars",
        number_in_range("maximum line length", *MAX_LINE_CHARS_RANGE, whole=True),
    ),
    Option(
        "interface_scale",
        "interface/scale",
        number_in_range("interface size", *INTERFACE_SCALE_RANGE, whole=True, unit="%"),
    ),
    Option("focus_mode", "view/focus_mode", flag("focus mode")),
    Option("speech_voice", "speech/voice", text_value("read-aloud voice", max_length=300)),
    Option("speech_rate", "speech/rate", number_in_range("reading speed", *RATE_RANGE)),
    Option("speech_pitch", "speech/pitch", number_in_range("voice pitch", *PITCH_RANGE)),
    Option("speech_volume", "speech/volume", number_in_range("speech volume", *VOLUME_RANGE)),
    Option(
        "recent_documents",
        RECENT_DOCUMENTS_KEY,
        path_list("list of recent documents", MAX_RECENT),
    ),
    Option("print_page_size", "print/page_size", one_of("paper size", PRINT_PAGE_SIZES)),
    Option("print_friendly_colours", "print/friendly_colours", flag("print-friendly colours")),
)
"""Every preference, declared once: its `Preferences` field, settings key and check. The
defaults are the `Preferences` field defaults (except the text size, whose default the store
is given); bounds live in the checks (see `preference_checks`). A new preference is a field
above plus one line here."""

_FIELD_DEFAULTS: dict[str, Any] = {field.name: field.default for field in fields(Preferences)}


# -- migrations ----------------------------------------------------------------------------

Migration = Callable[[Mapping[str, object]], dict[str, object]]
"""One step: all stored keys and values at version N → those of version N + 1.

Steps work on plain data and never touch QSettings, so a step that fails leaves nothing
half-written: the store writes the result only when every step has succeeded.
"""


def _v0_to_v1(values: Mapping[str, object]) -> dict[str, object]:
    """Version 0 is any file from before versioning; it used the same keys as version 1."""
    return dict(values)


MIGRATIONS: dict[int, Migration] = {
    0: _v0_to_v1,
}
"""The step that upgrades settings *from* each version (key) to the next one."""


# -- the store -----------------------------------------------------------------------------


class PreferencesStore:
    """Reads and writes `Preferences` and `WindowState` through QSettings, safely.

    Nothing here raises because of what is (or is not) on disk: bad values become defaults
    and are listed in `problems`; a store that cannot be written reports it through
    `writable` and `read_only_reason`, and its `save` methods return False.
    """

    def __init__(self, settings: QSettings, default_text_size: int = BASE_TEXT_SIZE) -> None:
        size, problem = check_text_size(default_text_size, BASE_TEXT_SIZE)
        if problem is not None:
            log.warning("Default text size %r is not usable; using %d pt", default_text_size, size)
        self._default_text_size = size
        self._defaults = Preferences(text_size=size)
        self._settings = settings
        self._newer_version: int | None = None
        self._damaged_in_place = False  # a damaged file that could not be set aside
        self._migration_pending = False  # an older file that could not be upgraded yet
        self._contents_ignored = False  # load() gives defaults whatever the file holds
        self._write_problem: str | None = None
        self._store_problems: list[str] = []
        self._load_problems: tuple[str, ...] = ()
        self._prepare()

    @classmethod
    def open(
        cls,
        config_dir: str | os.PathLike[str] | None = None,
        default_text_size: int = BASE_TEXT_SIZE,
    ) -> PreferencesStore:
        """The store for this run: in `config_dir`, else in $QA_READER_CONFIG_DIR, else in
        the platform's usual place for settings.

        With a folder, the settings are the INI file ``qa-reader.ini`` in it; the folder is
        created when missing, and when that fails the store is simply not writable. An empty
        `config_dir` or environment variable counts as not given.
        """
        folder = os.fspath(config_dir) if config_dir is not None else ""
        if not folder.strip():
            folder = os.environ.get(CONFIG_DIR_ENV, "")
        if folder.strip():
            folder = os.path.abspath(os.path.expanduser(folder))
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as error:
                log.warning("Could not create the settings folder %s: %s", folder, error)
            settings = QSettings(os.path.join(folder, INI_FILE_NAME), QSettings.Format.IniFormat)
        else:
            # What QSettings() itself would do with our application names: on macOS the
            # reverse domain names the property list (org.qareader.qa-reader.plist); other
            # systems use the organisation's name (~/.config/Q&A Reader/qa-reader.conf, the
            # registry key Software\Q&A Reader\qa-reader).
            organization = ORGANIZATION_DOMAIN if sys.platform == "darwin" else ORGANIZATION_NAME
            settings = QSettings(
                QSettings.Format.NativeFormat,
                QSettings.Scope.UserScope,
                organization,
                SETTINGS_APP_NAME,
            )
        return cls(settings, default_text_size)

    # -- what the app asks -----------------------------------------------------------------

    @property
    def location(self) -> str:
        """Where the settings are kept: a file path or a registry path, for people to read."""
        return QDir.toNativeSeparators(self._settings.fileName())

    @property
    def default_text_size(self) -> int:
        """The text size used when none (or no valid one) is stored."""
        return self._default_text_size

    @property
    def writable(self) -> bool:
        """False when changes cannot be saved: a failed write, a folder or file that cannot
        be written, a damaged file that could not be set aside, or a newer schema."""
        return (
            self._newer_version is None
            and not self._damaged_in_place
            and self._write_problem is None
        )

    @property
    def read_only_reason(self) -> str | None:
        """Why settings cannot be saved, in plain words; None when they can."""
        if self._newer_version is not None:
            return NEWER_SCHEMA_REASON
        return self._write_problem

    @property
    def problems(self) -> tuple[str, ...]:
        """Sentences about stored values that were replaced during the last `load()` (and
        about a settings file found damaged or unreadable), for the reader to see once."""
        return (*self._store_problems, *self._load_problems)

    def load(self) -> Preferences:
        """The stored preferences, each checked; invalid ones replaced by their defaults."""
        problems: list[str] = []
        values: dict[str, Any] = {}
        if not self._contents_ignored:
            for option in OPTIONS:
                found, raw = self._read(option.key)
                if not found:
                    continue
                default = getattr(self._defaults, option.name)
                value, problem = option.check(raw, default)
                if problem is not None:
                    log.warning("Stored %s = %r is not valid: %s", option.key, raw, problem)
                    problems.append(problem)
                elif value != raw:
                    log.debug("Stored %s = %r read as %r", option.key, raw, value)
                values[option.name] = value
        self._load_problems = tuple(problems)
        return replace(self._defaults, **values)

    def save(self, prefs: Preferences) -> bool:
        """Stores `prefs`: values equal to their default are removed, the others written.

        Returns False, without raising, when the settings could not be written; what was
        stored before is then left as it was (and is what `load()` returns).
        """
        changes: dict[str, object] = {}
        for option in OPTIONS:
            value = getattr(prefs, option.name)
            changes[option.key] = None if value == getattr(self._defaults, option.name) else value
        document = changes[LAST_DOCUMENT_KEY]
        if isinstance(document, str) and not settings_file.storable_text(document):
            log.warning(
                "The last document's path %r cannot be stored faithfully; not kept", document
            )
            changes[LAST_DOCUMENT_KEY] = None
        recent = changes[RECENT_DOCUMENTS_KEY]
        if isinstance(recent, tuple):
            # A list, not a tuple: QSettings writes Python lists as its own list type.
            storable = [path for path in recent if settings_file.storable_text(path)]
            changes[RECENT_DOCUMENTS_KEY] = storable or None
        return self._write(changes)

    def load_window_state(self) -> WindowState:
        """The stored window geometry and layout; empty bytes for anything unusable."""
        if self._contents_ignored:
            return WindowState()
        blobs: dict[str, bytes] = {}
        for name, key in (("geometry", GEOMETRY_KEY), ("state", WINDOW_STATE_KEY)):
            found, raw = self._read(key)
            if not found:
                continue
            blob = _as_bytes(raw)
            if blob is None:
                log.warning("Stored %s is not binary data (%s); ignored", key, type(raw).__name__)
                continue
            blobs[name] = blob
        return WindowState(**blobs)

    def save_window_state(self, ws: WindowState) -> bool:
        """Stores the window's geometry and layout (empty ones are removed)."""
        changes: dict[str, object] = {}
        for blob, key in ((ws.geometry, GEOMETRY_KEY), (ws.state, WINDOW_STATE_KEY)):
            if blob and not settings_file.storable_bytes(blob):
                log.warning("The window's %s cannot be stored faithfully; not kept", key)
                blob = b""
            changes[key] = QByteArray(bytes(blob)) if blob else None
        return self._write(changes)

    def reset(self) -> bool:
        """Forgets every stored setting (``--reset-preferences``).

        The reader asked for this, so it also clears settings of a newer version, after
        copying them to ``<file>.bak-v<version>`` (if no copy can be made, nothing is
        cleared). Whether or not the file could be cleared, `load()` and
        `load_window_state()` give the defaults from now on in this session. Returns False
        when the settings could not be cleared.
        """
        ok = self._ready_to_write(allow_newer=True)
        newer = self._newer_version
        if ok and newer is not None:
            path = self._file_path()
            if path is not None and os.path.isfile(path):
                try:
                    copy = settings_file.backup_file(path, f".bak-v{newer}")
                except OSError as error:
                    log.warning("Not resetting %s: no backup could be made: %s", path, error)
                    ok = False
                else:
                    log.warning("Settings of newer schema %d kept as %s", newer, copy)
        if ok:
            before = self._snapshot(self._all_keys())
            self._settings.clear()
            ok = self._commit()
            if not ok:
                self._restore(before)
        if ok:
            self._newer_version = None
            log.info("Settings at %s reset", self.location)
        self._contents_ignored = not ok
        self._store_problems.clear()
        self._load_problems = ()
        return ok

    # -- reading and writing -------------------------------------------------------------

    def _read(self, key: str) -> tuple[bool, object]:
        """(found, raw value). Errors from a QSettings back end count as "not found"."""
        try:
            if not self._settings.contains(key):
                return False, None
            raw: object = self._settings.value(key)
        except Exception:  # a back end's deserialisation can raise anything; it is logged
            log.exception("Could not read %s from %s", key, self.location)
            return False, None
        return True, raw

    def _all_keys(self) -> list[str]:
        try:
            return list(self._settings.allKeys())
        except Exception:  # as in _read
            log.exception("Could not list the keys in %s", self.location)
            return []

    def _snapshot(self, keys: Iterable[str]) -> dict[str, tuple[bool, object]]:
        return {key: self._read(key) for key in keys}

    def _restore(self, snapshot: Mapping[str, tuple[bool, object]]) -> None:
        """Puts keys back as they were, so that a failed write changes nothing in memory.

        (QSettings keeps unwritten changes in memory, and even shares them with later
        QSettings objects on the same file in this process.)
        """
        for key, (found, raw) in snapshot.items():
            if found:
                self._settings.setValue(key, raw)
            else:
                self._settings.remove(key)

    def _write(self, changes: Mapping[str, object]) -> bool:
        """Sets each key to its value (None: removes it) and writes; all or nothing."""
        if not self._ready_to_write():
            return False
        before = self._snapshot((*changes, SCHEMA_KEY))
        for key, value in changes.items():
            if value is None:
                self._settings.remove(key)
            else:
                self._settings.setValue(key, value)
        if self._commit():
            return True
        self._restore(before)
        return False

    def _ready_to_write(self, allow_newer: bool = False) -> bool:
        """Gets a QSettings object ready for a write; False when writing must not happen.

        Every write starts from a fresh QSettings object, checked like a newly opened one:
        QSettings reads the file again and parses every value before it writes, and since it
        was last checked the file may have been replaced (damaged, or written by a newer
        version running at the same time); and QSettings.status() keeps the first error for
        an object's lifetime, so only a fresh object tells whether writing works now. A
        pending upgrade is tried again on the way. `allow_newer` lets `reset()` through to
        a newer version's settings.
        """
        self._reopen()
        if self._newer_version is not None and not allow_newer:
            log.info("Not saving: %s was written by schema %d", self.location, self._newer_version)
            return False
        if self._damaged_in_place or self._migration_pending:
            return False
        if self._write_problem is not None:
            # QSettings.isWritable() said no: QSettings would refuse too (it asks the same
            # question first), and trying would leave changes pending in memory.
            return False
        return self._lock_free()

    def _lock_free(self) -> bool:
        """False when another program holds the settings file's lock (the reason is set).

        QSettings waits for that lock without a time limit before it writes, so a lock that
        is never released, such as a folder named ``qa-reader.ini.lock``, would hang the app
        on its first save. A lock left by a program that has ended is cleared by QLockFile.
        This is checked before anything is changed in QSettings, because QSettings also
        writes pending changes later on its own (from the event loop, and when destroyed).
        """
        path = self._file_path()
        if path is None or not self._is_ini_text() or self._write_problem is not None:
            return True  # no lock file; or QSettings refuses to write before it locks
        lock = QLockFile(path + ".lock")
        if lock.tryLock(_LOCK_WAIT_MS):
            lock.unlock()
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return True  # no folder or no permission: QSettings's own write reports it
        self._write_problem = (
            "Settings cannot be saved just now: another program is using the settings file "
            f"{QDir.toNativeSeparators(path)}."
        )
        log.warning("Settings not saved: the lock %s.lock is held", path)
        return False

    def _commit(self) -> bool:
        """Stamps the schema version if anything is stored, writes, and records the outcome.

        Succeeds only when the write worked *and* the file can still be written: when no
        value changed, QSettings writes nothing and reports no error even in a folder that
        cannot be written, and a store that cannot keep the reader's changes must say so.
        """
        try:
            if self._settings.allKeys():
                self._settings.setValue(SCHEMA_KEY, SCHEMA_VERSION)
            self._settings.sync()
            ok = self._settings.status() == QSettings.Status.NoError and self._settings.isWritable()
        except Exception:  # never let a save take the app down; the reader is told
            log.exception("Writing the settings to %s failed", self.location)
            ok = False
        if ok:
            self._write_problem = None
            return True
        self._write_problem = self._unwritable_reason()
        log.warning("Settings could not be saved to %s: %s", self.location, self._write_problem)
        return False

    def _reopen(self) -> None:
        """Replaces the QSettings object by a fresh one on the same file, and checks it."""
        self._settings = QSettings(self._settings.fileName(), self._settings.format())
        self._prepare()

    # -- checking the file ---------------------------------------------------------------

    def _file_path(self) -> str | None:
        """The settings file's path, or None when they live in the Windows registry."""
        settings_format = self._settings.format()
        if settings_format == QSettings.Format.NativeFormat and sys.platform == "win32":
            return None
        return self._settings.fileName()

    def _is_ini_text(self) -> bool:
        """True when the file is in INI format (IniFormat, and NativeFormat on Linux/BSD)."""
        settings_format = self._settings.format()
        if settings_format == QSettings.Format.IniFormat:
            return True
        return settings_format == QSettings.Format.NativeFormat and sys.platform not in (
            "win32",
            "darwin",
        )

    def _prepare(self) -> None:
        """Checks a newly opened settings file: damage, readability, schema, writability."""
        self._newer_version = None
        self._migration_pending = False
        self._write_problem = None
        damage = self._damage()
        if damage is not None or self._damaged_in_place:
            # On success this reopens the (now missing) file, which prepares it afresh.
            self._set_damaged_file_aside(damage or "it was found damaged earlier")
            return
        if self._settings.status() == QSettings.Status.AccessError:
            self._add_store_problem(UNREADABLE_FILE_PROBLEM)
            self._write_problem = self._unwritable_reason()
            log.warning(
                "The settings at %s could not be read: %s", self.location, self._write_problem
            )
            return
        self._check_schema()
        if self._newer_version is None and self._write_problem is None:
            if not self._settings.isWritable():
                self._write_problem = self._unwritable_reason()
                log.warning(
                    "Settings at %s are not writable: %s", self.location, self._write_problem
                )

    def _damage(self) -> str | None:
        """Why the settings file counts as damaged, or None when it does not.

        The raw bytes are checked first, before QSettings parses any value; then every
        section is parsed, because QSettings parses sections only when they are first used
        and reports a format error (such as an empty key) only then.
        """
        path = self._file_path()
        if path is not None and self._is_ini_text():
            try:
                data = Path(path).read_bytes()
            except OSError:
                data = b""  # missing, or unreadable: QSettings reports the latter itself
            if b"\x00" in data:
                return "it contains NUL bytes"
            if settings_file.contains_serialised_value(data):
                return "it contains serialised objects, which are never read"
        self._all_keys()
        if self._settings.status() == QSettings.Status.FormatError:
            return "it is not in the expected format"
        return None

    def _set_damaged_file_aside(self, damage: str) -> None:
        """Renames a damaged file to ``<file>.damaged`` and starts from defaults.

        The choice: a damaged file is never parsed further nor overwritten in place. It is
        kept under another name (for the reader or support to look at) and the store goes
        on with defaults, writable as usual, so the next save writes a clean file. If the
        file cannot be renamed, the defaults are used and nothing is written this session.
        """
        self._add_store_problem(DAMAGED_FILE_PROBLEM)
        path = self._file_path()
        if path is None or not os.path.lexists(path):
            log.warning(
                "The settings at %s are damaged (%s); using defaults", self.location, damage
            )
            self._contents_ignored = True
            return
        try:
            target = settings_file.unused_path(path + ".damaged")
            os.replace(path, target)
        except OSError as error:
            log.warning(
                "The settings file %s is damaged (%s) and could not be set aside (%s);"
                " using defaults without saving",
                path,
                damage,
                error,
            )
            self._damaged_in_place = True
            self._contents_ignored = True
            shown = QDir.toNativeSeparators(path)
            self._write_problem = (
                f"Settings cannot be saved: the damaged settings file {shown} could not be "
                "renamed to keep a copy of it."
            )
            return
        log.warning(
            "The settings file %s is damaged (%s); it was kept as %s and defaults are used",
            path,
            damage,
            target,
        )
        self._damaged_in_place = False
        self._contents_ignored = False
        self._reopen()

    def _check_schema(self) -> None:
        """Marks newer files read-only and migrates older ones."""
        stored = self._stored_version()
        if stored is None or stored == SCHEMA_VERSION:
            return
        if stored > SCHEMA_VERSION:
            self._newer_version = stored
            log.warning(
                "The settings at %s are from a newer version (schema %d, this is %d);"
                " they are read but not changed",
                self.location,
                stored,
                SCHEMA_VERSION,
            )
            return
        self._migrate(stored)

    def _stored_version(self) -> int | None:
        """The stored schema version; 0 for keys without one; None for an empty store."""
        found, raw = self._read(SCHEMA_KEY)
        if not found:
            return 0 if self._all_keys() else None
        number = as_number(raw)
        if number is None or number != math.floor(number) or number < 0:
            log.warning("Stored schema version %r is not valid; treating it as 0", raw)
            return 0
        return int(min(number, MAX_STORED_INT))

    def _migrate(self, old: int) -> None:
        """Backs the file up, upgrades the stored values step by step, and writes them."""
        path = self._file_path()
        if path is not None and os.path.isfile(path):
            try:
                copy = settings_file.backup_file(path, f".bak-v{old}")
            except OSError as error:
                log.warning(
                    "Not upgrading %s from schema %d: no backup could be made: %s", path, old, error
                )
                self._migration_pending = True
                self._write_problem = (
                    "Settings cannot be saved: the older settings file could not be backed "
                    f"up in the folder {QDir.toNativeSeparators(os.path.dirname(path))}."
                )
                return
            log.info("Settings of schema %d backed up as %s", old, copy)
        try:
            # (A damaged file can hold an empty key, which value() refuses with a warning.)
            before = {key: self._settings.value(key) for key in self._settings.allKeys() if key}
            before.pop(SCHEMA_KEY, None)
            values: dict[str, object] = dict(before)
            for version in range(old, SCHEMA_VERSION):
                values = MIGRATIONS[version](values)
        except Exception:  # a broken step must not stop the app; the reader is told
            log.exception("Upgrading the settings at %s from schema %d failed", self.location, old)
            self._migration_pending = True
            self._write_problem = (
                "Settings cannot be saved: they could not be upgraded from an older version."
            )
            return
        if not self._lock_free():
            self._migration_pending = True
            return
        for key in before.keys() - values.keys():
            self._settings.remove(key)
        for key, value in values.items():
            if key not in before or before[key] != value:
                self._settings.setValue(key, value)
        self._settings.setValue(SCHEMA_KEY, SCHEMA_VERSION)
        if self._commit():
            log.info(
                "Settings at %s upgraded from schema %d to %d", self.location, old, SCHEMA_VERSION
            )

    # -- plain words -----------------------------------------------------------------------

    def _add_store_problem(self, problem: str) -> None:
        if problem not in self._store_problems:
            self._store_problems.append(problem)

    def _unwritable_reason(self) -> str:
        """Why the settings cannot be written, as precisely as can be told."""
        path = self._file_path()
        if path is None:
            return f"Settings cannot be saved to {self.location}."
        shown = QDir.toNativeSeparators(path)
        folder = os.path.dirname(path)
        shown_folder = QDir.toNativeSeparators(folder)
        if os.path.isdir(path):
            return f"Settings cannot be saved: {shown} is a folder, not a file."
        if not os.path.isdir(folder):
            return (
                f"Settings cannot be saved: the folder {shown_folder} does not exist "
                "and could not be created."
            )
        if os.path.exists(path) and not os.access(path, os.W_OK):
            return f"Settings cannot be saved: the file {shown} is not writable."
        if not os.access(folder, os.W_OK):
            return f"Settings cannot be saved: the folder {shown_folder} is not writable."
        return f"Settings cannot be saved to {shown}."


# -- the running app's copy ----------------------------------------------------------------


class PreferencesModel(QObject):
    """Holds the current `Preferences`; the only way the running app changes them.

    Views listen to `changed`; actions and dialogs call `update`; the app saves `current`
    through a `PreferencesStore`.
    """

    changed = Signal(object)
    """Emitted with the new `Preferences` after a change (never when nothing changed)."""

    def __init__(
        self, preferences: Preferences | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._current = preferences if preferences is not None else Preferences()

    @property
    def current(self) -> Preferences:
        return self._current

    def update(self, **changes: Any) -> bool:
        """Changes the named fields; emits `changed` and returns True if anything changed.

        Values are normalised as `Preferences` does (a text size of 17 becomes 18). An
        unknown field name is a programming error and raises TypeError.
        """
        new = replace(self._current, **changes)
        if new == self._current:
            return False
        self._current = new
        self.changed.emit(new)
        return True
