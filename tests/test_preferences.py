"""The preferences store: defaults, round trips, bad values, damaged and unwritable files,
schema versions, the environment variable, and the model's change signal.

Every test keeps its settings in its own temporary folder. Note that QSettings shares a
parsed file between all QSettings objects on the same path in one process; where a test
must see what is really on disk it copies the file to a new folder (`reread`) or reads
the raw text.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings, QUrl
from pytestqt.qtbot import QtBot

from qa_reader import ORGANIZATION_NAME, SETTINGS_APP_NAME, settings_file
from qa_reader import preferences as preferences_module
from qa_reader.preferences import (
    CONFIG_DIR_ENV,
    DAMAGED_FILE_PROBLEM,
    INI_FILE_NAME,
    NEWER_SCHEMA_REASON,
    SCHEMA_VERSION,
    UNREADABLE_FILE_PROBLEM,
    Preferences,
    PreferencesModel,
    PreferencesStore,
    WindowState,
)

LOGGER = "qa_reader.preferences"


# -- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A settings folder that does not exist yet (open() creates it)."""
    return tmp_path / "settings"


def ini(folder: Path) -> Path:
    return folder / INI_FILE_NAME


def write_ini(folder: Path, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = ini(folder)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def write_raw(folder: Path, values: dict[str, object]) -> None:
    """Stores values with QSettings' own types (as another program or version might)."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini(folder)), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()
    assert settings.status() == QSettings.Status.NoError


def reread(folder: Path, tmp_path: Path) -> PreferencesStore:
    """A store on a copy of the file in a new folder, so that it is parsed from disk again."""
    copy = tmp_path / f"reread-{len(list(tmp_path.glob('reread-*')))}"
    copy.mkdir()
    if ini(folder).exists():
        shutil.copy2(ini(folder), ini(copy))
    return PreferencesStore.open(copy)


# mypy keeps what an earlier assert said about a property; these read it again.


def run_python(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Runs `code` in a fresh interpreter (a real restart) with the folder as argv[1]."""
    return subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


def is_writable(store: PreferencesStore) -> bool:
    return store.writable


def reason_of(store: PreferencesStore) -> str | None:
    return store.read_only_reason


def problems_of(store: PreferencesStore) -> tuple[str, ...]:
    return store.problems


def make_unwritable(how: str, tmp_path: Path) -> Path:
    """A settings folder that cannot be written, made in one of three ways."""
    if how == "parent is a file":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("a file where a folder should be\n")
        return blocker / "settings"
    if how == "settings file is a folder":
        folder = tmp_path / "settings"
        ini(folder).mkdir(parents=True)
        return folder
    assert how == "folder without write permission"
    folder = tmp_path / "settings"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.write_text("")
    except OSError:
        return folder
    probe.unlink()
    folder.chmod(0o700)
    pytest.skip("this user can write to read-only folders (root); the other ways still run")


# -- defaults and round trips ----------------------------------------------------------------


def test_an_empty_folder_gives_the_defaults(folder: Path) -> None:
    store = PreferencesStore.open(folder)

    assert store.load() == Preferences()
    assert store.load() == Preferences(16, 0, None)
    assert store.load_window_state() == WindowState(b"", b"")
    assert store.problems == ()
    assert store.writable
    assert store.read_only_reason is None
    assert folder.is_dir()
    assert Path(store.location) == ini(folder)


def test_the_default_text_size_can_be_the_platforms(folder: Path) -> None:
    store = PreferencesStore.open(folder, default_text_size=20)
    assert store.default_text_size == 20
    assert store.load().text_size == 20

    assert PreferencesStore.open(folder, default_text_size=17).default_text_size == 18
    assert PreferencesStore.open(folder, default_text_size=500).default_text_size == 96
    bad_default: object = "large"
    assert PreferencesStore.open(folder, bad_default).default_text_size == 16  # type: ignore[arg-type]


def test_saved_preferences_come_back_after_a_restart(folder: Path, tmp_path: Path) -> None:
    chosen = Preferences(
        text_size=28,
        disclaimer_accepted_version=3,
        last_document="/home/reader/Q&A, part 1 – “ärztliche” Antwort; #2 @home.txt",
    )
    window = WindowState(geometry=b"\x01\xd9\xd0\xcb\x00\xff@ByteArray(", state=b"\x00" * 40)
    store = PreferencesStore.open(folder)
    assert store.save(chosen)
    assert store.save_window_state(window)

    again = PreferencesStore.open(folder)
    assert again.load() == chosen
    assert again.load_window_state() == window
    from_disk = reread(folder, tmp_path)
    assert from_disk.load() == chosen
    assert from_disk.load_window_state() == window
    assert from_disk.problems == ()


@pytest.mark.subprocess
def test_saved_preferences_come_back_in_a_new_process(folder: Path) -> None:
    chosen = Preferences(text_size=36, disclaimer_accepted_version=2, last_document="/tmp/a b.txt")
    assert PreferencesStore.open(folder).save(chosen)
    assert PreferencesStore.open(folder).save_window_state(WindowState(b"\x00geo", b"st\xff"))

    code = (
        "import dataclasses, json, sys\n"
        "from qa_reader.preferences import PreferencesStore\n"
        "store = PreferencesStore.open(sys.argv[1])\n"
        "ws = store.load_window_state()\n"
        "print(json.dumps({'prefs': dataclasses.asdict(store.load()),\n"
        "                  'window': [ws.geometry.hex(), ws.state.hex()],\n"
        "                  'problems': list(store.problems), 'writable': store.writable}))\n"
    )
    result = run_python(code, folder)
    assert json.loads(result.stdout) == {
        # Through JSON too, so tuples (the recent documents) compare as the lists JSON gives.
        "prefs": json.loads(json.dumps(dataclasses.asdict(chosen))),
        "window": [b"\x00geo".hex(), b"st\xff".hex()],
        "problems": [],
        "writable": True,
    }
    assert result.stderr == ""


def test_only_values_that_differ_from_the_default_are_written(folder: Path) -> None:
    store = PreferencesStore.open(folder, default_text_size=20)
    assert store.save(Preferences(text_size=24))
    text = ini(folder).read_text()
    assert "text_size=24" in text
    assert "accepted_version" not in text
    assert "last_document" not in text
    assert "[window]" not in text
    assert f"schema_version={SCHEMA_VERSION}" in text

    assert store.save(Preferences(text_size=20, disclaimer_accepted_version=1))
    text = ini(folder).read_text()
    assert "text_size" not in text  # back to the default: the key is removed
    assert "[reading]" not in text
    assert "accepted_version=1" in text

    assert store.save_window_state(WindowState(geometry=b"g"))
    text = ini(folder).read_text()
    assert "geometry=@ByteArray(g)" in text
    assert "state=" not in text.replace("schema_version", "")


def test_a_save_keeps_keys_it_does_not_know(folder: Path, tmp_path: Path) -> None:
    write_ini(folder, "[meta]\nschema_version=1\n[other]\nplugin_setting=kept\n")
    assert PreferencesStore.open(folder).save(Preferences(text_size=24))
    assert "plugin_setting=kept" in ini(folder).read_text()
    assert reread(folder, tmp_path).load().text_size == 24


def test_reset_forgets_everything(folder: Path) -> None:
    store = PreferencesStore.open(folder)
    store.save(Preferences(text_size=48, disclaimer_accepted_version=2, last_document="/x"))
    store.save_window_state(WindowState(b"geometry", b"state"))

    assert store.reset()

    assert store.load() == Preferences()
    assert store.load_window_state() == WindowState()
    assert store.writable
    assert "text_size" not in ini(folder).read_text()
    assert PreferencesStore.open(folder).load() == Preferences()


# -- values that are not valid -----------------------------------------------------------------

NOT_VALID_SIZE = "The saved text size was not valid and was reset to 16 pt."


@pytest.mark.parametrize(
    ("stored", "expected", "problem"),
    [
        ("huge", 16, NOT_VALID_SIZE),
        ("10000", 96, "The saved text size was larger than the largest size and was set to 96 pt."),
        ("-5", 8, "The saved text size was smaller than the smallest size and was set to 8 pt."),
        ("0", 8, "The saved text size was smaller than the smallest size and was set to 8 pt."),
        ("17", 18, None),  # halfway between 16 and 18: the larger, easier-to-read one
        ("15", 16, None),
        ("24", 24, None),
        ("24.0", 24, None),
        ("23.6", 24, None),
        ("  24  ", 24, None),
        ("1e2", 96, "The saved text size was larger than the largest size and was set to 96 pt."),
        ("true", 16, NOT_VALID_SIZE),
        ("nan", 16, NOT_VALID_SIZE),
        ("inf", 16, NOT_VALID_SIZE),
        ("-inf", 16, NOT_VALID_SIZE),
        ("1e400", 16, NOT_VALID_SIZE),
        ("9" * 5000, 16, NOT_VALID_SIZE),
        ("0x18", 16, NOT_VALID_SIZE),
        ("2_4", 16, NOT_VALID_SIZE),
        ("２４", 16, NOT_VALID_SIZE),  # full-width digits, which float() would accept
        ("24 pt", 16, NOT_VALID_SIZE),
        ("", 16, NOT_VALID_SIZE),
        ("24, 28", 16, NOT_VALID_SIZE),  # QSettings reads this as a list
        ("@Invalid()", 16, NOT_VALID_SIZE),  # QSettings reads this as None
        ("@Rect(1 2 3 4)", 16, NOT_VALID_SIZE),
        ("@ByteArray(24)", 16, NOT_VALID_SIZE),
    ],
)
def test_a_stored_text_size_is_checked(
    folder: Path, stored: str, expected: int, problem: str | None
) -> None:
    write_ini(folder, f"[meta]\nschema_version=1\n[reading]\ntext_size={stored}\n")
    store = PreferencesStore.open(folder)

    assert store.load().text_size == expected
    assert store.problems == ((problem,) if problem else ())


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (23.6, 24),
        (24, 24),
        (10000, 96),
        (-5, 8),
        (17.0, 18),
        (True, 16),
        (False, 16),
        (float("nan"), 16),
        (float("inf"), 16),
        ([24], 16),
        (QRect(1, 2, 3, 4), 16),
        (QByteArray(b"24"), 16),
    ],
)
def test_a_text_size_stored_with_another_type_is_checked(
    folder: Path, stored: object, expected: int
) -> None:
    """What the registry or a property list could return: real ints, floats, bools."""
    write_raw(folder, {"meta/schema_version": 1, "reading/text_size": stored})
    assert PreferencesStore.open(folder).load().text_size == expected


def test_a_bad_value_is_logged_not_raised(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    write_ini(folder, "[meta]\nschema_version=1\n[reading]\ntext_size=huge\n")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        prefs = PreferencesStore.open(folder).load()
    assert prefs.text_size == 16
    assert any("reading/text_size" in r.getMessage() for r in caplog.records)
    assert all(r.name == LOGGER for r in caplog.records)


@pytest.mark.parametrize(
    ("stored", "expected", "valid"),
    [
        ("x", 0, False),
        ("-3", 0, False),
        ("2.5", 0, False),
        ("true", 0, False),
        ("99999999999", 0, False),
        ("3", 3, True),
        ("3.0", 3, True),
        ("0", 0, True),
    ],
)
def test_a_stored_disclaimer_version_is_checked(
    folder: Path, stored: str, expected: int, valid: bool
) -> None:
    write_ini(folder, f"[meta]\nschema_version=1\n[disclaimer]\naccepted_version={stored}\n")
    store = PreferencesStore.open(folder)

    assert store.load().disclaimer_accepted_version == expected
    if valid:
        assert store.problems == ()
    else:
        assert store.problems == (
            "The saved record of the accepted disclaimer was not valid, "
            "so the disclaimer will be shown again.",
        )


@pytest.mark.parametrize("stored", [True, -3, 1.5, "x", ["1"]])
def test_a_disclaimer_version_stored_with_another_type_is_checked(
    folder: Path, stored: object
) -> None:
    write_raw(folder, {"meta/schema_version": 1, "disclaimer/accepted_version": stored})
    assert PreferencesStore.open(folder).load().disclaimer_accepted_version == 0


@pytest.mark.parametrize(
    "stored",
    ['""', '"   "', "a, b", "@Invalid()", "@ByteArray(/x)", "@String(\\0/\\0x\\0\\0)"],
)
def test_a_stored_last_document_must_be_usable_text(folder: Path, stored: str) -> None:
    write_ini(folder, f"[meta]\nschema_version=1\n[session]\nlast_document={stored}\n")
    store = PreferencesStore.open(folder)

    assert store.load().last_document is None
    assert store.problems == (
        "The saved name of the last document was not valid and was forgotten.",
    )


@pytest.mark.parametrize("stored", ["garbage", 5, 2.5, True, ["a", "b"], QRect(0, 0, 1, 1)])
def test_broken_window_state_gives_empty_bytes(
    folder: Path, stored: object, caplog: pytest.LogCaptureFixture
) -> None:
    write_raw(folder, {"meta/schema_version": 1, "window/geometry": stored})
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        window = PreferencesStore.open(folder).load_window_state()
    assert window == WindowState(geometry=b"", state=b"")
    assert "window/geometry" in caplog.text


def test_problems_describe_the_last_load_only(folder: Path) -> None:
    write_ini(folder, "[meta]\nschema_version=1\n[reading]\ntext_size=huge\n")
    store = PreferencesStore.open(folder)
    store.load()
    assert store.problems == (NOT_VALID_SIZE,)

    assert store.save(Preferences(text_size=20))
    assert store.load().text_size == 20
    assert problems_of(store) == ()


# -- damaged files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\x00\xff[[[=\n", id="garbage bytes"),
        pytest.param(b"\x00" * 4096, id="zeros after a power cut"),
        pytest.param(b"[reading\ntext_size=24\n", id="unclosed section (FormatError)"),
        pytest.param(b"[reading]\ntext_size=24\n[session", id="truncated"),
    ],
)
def test_a_damaged_file_is_set_aside_and_defaults_are_used(
    folder: Path, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    write_ini(folder, content)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        store = PreferencesStore.open(folder)
        prefs = store.load()

    assert prefs == Preferences()
    assert store.load_window_state() == WindowState()
    assert store.problems == (DAMAGED_FILE_PROBLEM,)
    assert "damaged" in caplog.text
    # Kept for the reader or support to look at, never parsed further or overwritten:
    assert (folder / f"{INI_FILE_NAME}.damaged").read_bytes() == content
    # ... and the store goes on writable, writing a clean file.
    assert store.writable
    assert store.read_only_reason is None
    assert store.save(Preferences(text_size=24))
    fresh = reread(folder, tmp_path)
    assert fresh.load() == Preferences(text_size=24)
    assert fresh.problems == ()


def test_a_second_damaged_file_does_not_replace_the_first_copy(folder: Path) -> None:
    write_ini(folder, b"\x00first")
    PreferencesStore.open(folder)
    write_ini(folder, b"\x00second")
    PreferencesStore.open(folder)
    assert (folder / f"{INI_FILE_NAME}.damaged").read_bytes() == b"\x00first"
    assert (folder / f"{INI_FILE_NAME}.damaged-2").read_bytes() == b"\x00second"


def test_a_damaged_file_that_cannot_be_set_aside_is_left_alone(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = b"[reading\ntext_size=24\n"
    write_ini(folder, content)

    def refuse(source: object, target: object) -> None:
        raise PermissionError("renaming is not allowed here")

    monkeypatch.setattr(preferences_module.os, "replace", refuse)
    store = PreferencesStore.open(folder)

    assert store.load() == Preferences()
    assert store.problems == (DAMAGED_FILE_PROBLEM,)
    assert not store.writable
    assert store.read_only_reason is not None
    assert "could not be renamed" in store.read_only_reason
    assert not store.save(Preferences(text_size=32))
    assert not store.save_window_state(WindowState(b"g"))
    assert ini(folder).read_bytes() == content

    monkeypatch.undo()
    assert store.save(Preferences(text_size=32))  # set aside now, then written
    assert (folder / f"{INI_FILE_NAME}.damaged").read_bytes() == content
    assert store.writable


class _Alarm:
    """Pickles to a call that creates a folder: visible proof if it were ever unpickled."""

    def __init__(self, witness: Path) -> None:
        self.witness = witness

    def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
        return (os.mkdir, (str(self.witness),))


def test_a_file_with_pickled_objects_is_never_unpickled(folder: Path, tmp_path: Path) -> None:
    """PySide6's QSettings unpickles @Variant(PySide::PyObjectWrapper …) values."""
    witness = tmp_path / "unpickled"
    crafted = tmp_path / "crafted"
    write_raw(crafted, {"meta/schema_version": 1, "reading/text_size": _Alarm(witness)})
    content = ini(crafted).read_bytes()
    assert b"PyObjectWrapper" in content
    write_ini(folder, content)  # a new path, so QSettings parses it from the bytes

    store = PreferencesStore.open(folder)
    assert store.load() == Preferences()
    assert store.save(Preferences(text_size=20))

    assert not witness.exists()
    assert store.problems == (DAMAGED_FILE_PROBLEM,)
    assert (folder / f"{INI_FILE_NAME}.damaged").read_bytes() == content


def test_a_file_changed_to_hold_pickled_objects_is_not_written_over(
    folder: Path, tmp_path: Path
) -> None:
    """QSettings reads and parses the whole file again before it writes."""
    witness = tmp_path / "unpickled"
    crafted = tmp_path / "crafted"
    write_raw(crafted, {"reading/text_size": _Alarm(witness)})
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(text_size=20))

    shutil.copy2(ini(crafted), ini(folder))  # another program replaces the file
    assert store.save(Preferences(text_size=24))

    assert not witness.exists()
    assert (folder / f"{INI_FILE_NAME}.damaged").exists()
    assert reread(folder, tmp_path).load() == Preferences(text_size=24)


def _url_variant_value(tmp_path: Path) -> str:
    """How QSettings writes a QUrl: a harmless value that is read through QDataStream."""
    source = tmp_path / "url"
    write_raw(source, {"a/u": QUrl("https://example.org/q")})
    line = next(x for x in ini(source).read_text().splitlines() if x.startswith("u="))
    return line[len("u=") :]


@pytest.mark.parametrize(
    "disguise",
    [
        pytest.param(lambda v: v, id="plain"),
        pytest.param(lambda v: "\\x40" + v[1:], id="hex escape"),
        pytest.param(lambda v: "\\x0040" + v[1:], id="padded hex escape"),
        pytest.param(lambda v: "\\x10040" + v[1:], id="hex escape beyond 16 bits"),
        pytest.param(lambda v: "\\100" + v[1:], id="octal escape"),
        pytest.param(lambda v: '"@" ' + v[1:], id="quote and space"),
        pytest.param(lambda v: '"@Var"' + v[4:], id="quoted half"),
        pytest.param(lambda v: "@Var\\\n" + v[4:], id="escaped line end"),
        pytest.param(lambda v: "@Var\\q" + v[4:], id="unknown escape"),
        pytest.param(lambda v: "   " + v, id="leading spaces"),
        pytest.param(lambda v: f'"{v}"', id="quoted"),
        pytest.param(lambda v: "x, " + v, id="second item of a list"),
        pytest.param(lambda v: "@DateTime(" + v[len("@Variant(") :], id="DateTime"),
    ],
)
def test_serialised_values_are_found_however_they_are_written(
    tmp_path: Path, disguise: Callable[[str], str]
) -> None:
    """QSettings itself is the judge: every disguise here really is read as a QUrl."""
    value = disguise(_url_variant_value(tmp_path))
    folder = tmp_path / "disguised"
    write_ini(folder, f"[a]\nu={value}\n")
    copy = tmp_path / "copy.ini"
    shutil.copy2(ini(folder), copy)
    read = QSettings(str(copy), QSettings.Format.IniFormat).value("a/u")
    assert isinstance(read, QUrl) or (isinstance(read, list) and isinstance(read[1], QUrl))

    store = PreferencesStore.open(folder)
    assert store.problems == (DAMAGED_FILE_PROBLEM,)
    assert not ini(folder).exists()


def test_paths_and_window_data_that_would_look_serialised_are_not_stored(
    folder: Path, tmp_path: Path
) -> None:
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(text_size=24, last_document="/x/@Variant(1).txt"))
    assert store.save_window_state(WindowState(geometry=b"..@DateTime(..", state=b"ok"))

    fresh = reread(folder, tmp_path)
    assert fresh.load() == Preferences(text_size=24)
    assert fresh.load_window_state() == WindowState(state=b"ok")
    assert fresh.problems == ()


def test_a_path_that_is_not_valid_unicode_is_not_stored(folder: Path) -> None:
    """A file name that is not UTF-8 (a surrogate escape) would come back altered."""
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(last_document="/home/reader/caf\udce9.txt"))
    assert PreferencesStore.open(folder).load().last_document is None


# -- unwritable places -----------------------------------------------------------------------

UNWRITABLE_WAYS = [
    "parent is a file",
    "settings file is a folder",
    "folder without write permission",
]


@pytest.mark.parametrize("how", UNWRITABLE_WAYS)
def test_an_unwritable_place_is_reported_and_nothing_raises(
    how: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = make_unwritable(how, tmp_path)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        store = PreferencesStore.open(folder)

        assert not store.writable
        reason = store.read_only_reason
        assert reason is not None
        assert reason.startswith("Settings cannot be saved")
        assert str(folder) in reason
        assert store.load() == Preferences()
        assert not store.save(Preferences(text_size=24))
        assert not store.save(Preferences())  # nothing to change still cannot be saved
        assert not store.save_window_state(WindowState(b"g", b"s"))
        assert not store.reset()
        assert store.load() == Preferences()
        assert store.load_window_state() == WindowState()
        assert not store.writable
    assert reason in caplog.text


def test_the_reason_names_a_folder_that_could_not_be_created(tmp_path: Path) -> None:
    folder = make_unwritable("parent is a file", tmp_path)
    store = PreferencesStore.open(folder)
    assert store.read_only_reason == (
        f"Settings cannot be saved: the folder {folder} does not exist and could not be created."
    )


def test_a_settings_file_that_is_a_folder_counts_as_unreadable(tmp_path: Path) -> None:
    store = PreferencesStore.open(make_unwritable("settings file is a folder", tmp_path))
    store.load()
    assert store.problems == (UNREADABLE_FILE_PROBLEM,)


def test_a_store_can_be_written_again_when_its_folder_comes_back(
    folder: Path, tmp_path: Path
) -> None:
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(text_size=24))

    moved = tmp_path / "moved"
    folder.rename(moved)
    folder.write_text("a file where the settings folder was\n")
    assert not store.save(Preferences(text_size=32, last_document="/new"))
    assert not store.writable
    assert store.read_only_reason is not None

    folder.unlink()
    moved.rename(folder)
    assert store.save(Preferences(text_size=32))
    assert is_writable(store)
    assert reason_of(store) is None
    assert reread(folder, tmp_path).load().text_size == 32


def test_a_write_that_fails_leaves_the_stored_values_as_they_were(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(text_size=24, last_document="/kept.txt"))
    assert store.save_window_state(WindowState(b"geometry"))
    before = ini(folder).read_bytes()

    def failing_sync(self: QSettings) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(QSettings, "sync", failing_sync)
    assert not store.save(Preferences(text_size=32))
    assert not store.save_window_state(WindowState(b"other"))
    assert not store.writable
    assert store.read_only_reason is not None
    assert store.load() == Preferences(text_size=24, last_document="/kept.txt")
    assert store.load_window_state() == WindowState(b"geometry")
    monkeypatch.undo()

    assert ini(folder).read_bytes() == before
    assert store.save(Preferences(text_size=32))
    assert is_writable(store)
    assert reread(folder, tmp_path).load() == Preferences(text_size=32)
    assert reread(folder, tmp_path).load_window_state() == WindowState(b"geometry")


@pytest.mark.subprocess
def test_a_lock_that_is_never_released_does_not_hang_the_app(folder: Path) -> None:
    """QSettings waits for its lock file without a time limit; a folder in its place would
    never go away. Run in a separate process so that a regression fails instead of hanging."""
    old = "[reading]\ntext_size=24\n"  # from before versions: opening it wants to upgrade it
    write_ini(folder, old)
    (folder / f"{INI_FILE_NAME}.lock").mkdir()
    code = (
        "import json, sys\n"
        "from qa_reader.preferences import Preferences, PreferencesStore, WindowState\n"
        "store = PreferencesStore.open(sys.argv[1])\n"
        "result = {'text_size': store.load().text_size, 'writable': store.writable,\n"
        "          'reason': store.read_only_reason,\n"
        "          'save': store.save(Preferences(text_size=32)),\n"
        "          'window': store.save_window_state(WindowState(b'g')),\n"
        "          'reset': store.reset()}\n"
        "print(json.dumps(result))\n"
        "del store\n"
    )
    result = run_python(code, folder)
    reason = (
        "Settings cannot be saved just now: another program is using the settings file "
        f"{ini(folder)}."
    )
    assert json.loads(result.stdout) == {
        "text_size": 24,
        "writable": False,
        "reason": reason,
        "save": False,
        "window": False,
        "reset": False,
    }
    assert ini(folder).read_text() == old

    (folder / f"{INI_FILE_NAME}.lock").rmdir()
    store = PreferencesStore.open(folder)
    assert store.writable
    assert store.save(Preferences(text_size=32))
    assert (folder / f"{INI_FILE_NAME}.bak-v0").read_text() == old


# -- schema versions -------------------------------------------------------------------------

NEWER = (
    "[meta]\nschema_version=2\n[reading]\ntext_size=24\nline_spacing=1.5\n"
    "[window]\ngeometry=@ByteArray(geo)\n"
)


def test_a_newer_file_is_read_but_never_written(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_ini(folder, NEWER)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        store = PreferencesStore.open(folder)

    assert store.load() == Preferences(text_size=24)
    assert store.load_window_state() == WindowState(geometry=b"geo")
    assert not store.writable
    assert store.read_only_reason == NEWER_SCHEMA_REASON
    assert store.problems == ()
    assert "newer version" in caplog.text
    assert not store.save(Preferences(text_size=32))
    assert not store.save_window_state(WindowState(b"other"))
    assert path.read_text() == NEWER


def test_reset_clears_a_newer_file_after_keeping_a_copy(folder: Path) -> None:
    write_ini(folder, NEWER)
    store = PreferencesStore.open(folder)

    assert store.reset()

    assert (folder / f"{INI_FILE_NAME}.bak-v2").read_text() == NEWER
    assert store.writable
    assert store.load() == Preferences()
    assert store.save(Preferences(text_size=20))
    assert f"schema_version={SCHEMA_VERSION}" in ini(folder).read_text()


def test_a_file_from_before_versions_is_backed_up_and_upgraded(
    folder: Path, tmp_path: Path
) -> None:
    old = "[reading]\ntext_size=24\n[disclaimer]\naccepted_version=1\n"
    write_ini(folder, old)
    store = PreferencesStore.open(folder)

    assert (folder / f"{INI_FILE_NAME}.bak-v0").read_text() == old
    assert f"schema_version={SCHEMA_VERSION}" in ini(folder).read_text()
    assert store.load() == Preferences(text_size=24, disclaimer_accepted_version=1)
    assert store.writable
    assert store.problems == ()
    # Opening it again finds nothing to upgrade and makes no second copy.
    PreferencesStore.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == [INI_FILE_NAME, f"{INI_FILE_NAME}.bak-v0"]
    assert reread(folder, tmp_path).load().text_size == 24


def test_a_schema_version_that_is_not_a_number_counts_as_the_oldest(folder: Path) -> None:
    write_ini(folder, "[meta]\nschema_version=soon\n[reading]\ntext_size=24\n")
    store = PreferencesStore.open(folder)
    assert (folder / f"{INI_FILE_NAME}.bak-v0").exists()
    assert store.load().text_size == 24
    assert "schema_version=1" in ini(folder).read_text()


def test_an_upgrade_without_a_backup_is_not_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = "[reading]\ntext_size=24\n"
    write_ini(folder, old)

    def no_backup(path: str, suffix: str) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(settings_file, "backup_file", no_backup)
    store = PreferencesStore.open(folder)

    assert store.load().text_size == 24
    assert not store.writable
    assert store.read_only_reason is not None
    assert "backed up" in store.read_only_reason
    assert not store.save(Preferences(text_size=32))
    assert ini(folder).read_text() == old

    monkeypatch.undo()
    assert store.save(Preferences(text_size=32))  # the upgrade is tried again first
    assert (folder / f"{INI_FILE_NAME}.bak-v0").read_text() == old


def test_a_failing_upgrade_step_leaves_the_file_alone(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    old = "[reading]\ntext_size=24\n"
    write_ini(folder, old)

    def broken_step(values: object) -> dict[str, object]:
        raise KeyError("a bug in an upgrade step")

    monkeypatch.setitem(preferences_module.MIGRATIONS, 0, broken_step)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        store = PreferencesStore.open(folder)

    assert store.load().text_size == 24
    assert not store.writable
    assert store.read_only_reason is not None
    assert "upgraded" in store.read_only_reason
    assert ini(folder).read_text() == old
    assert "a bug in an upgrade step" in caplog.text


def test_every_version_below_the_current_one_has_an_upgrade_step() -> None:
    assert sorted(preferences_module.MIGRATIONS) == list(range(SCHEMA_VERSION))


# -- where the settings live -------------------------------------------------------------------


def test_the_environment_variable_chooses_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "from-env"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(chosen))

    store = PreferencesStore.open()

    assert Path(store.location) == ini(chosen)
    assert store.save(Preferences(text_size=24))
    assert "text_size=24" in ini(chosen).read_text()


def test_an_explicit_folder_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "from-env"))
    store = PreferencesStore.open(tmp_path / "explicit")
    assert Path(store.location) == ini(tmp_path / "explicit")


def test_a_folder_may_start_with_a_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    store = PreferencesStore.open("~/portable")
    assert Path(store.location) == tmp_path / "portable" / INI_FILE_NAME


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="elsewhere the platform's place is outside tmp"
)
@pytest.mark.parametrize("value", ["", "   "])
def test_without_a_folder_the_platforms_place_is_used(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Opening a store checks that its file can be written, which may create its folder.
    # Qt fixes its settings folder once per process, from XDG_CONFIG_HOME; make sure it was
    # fixed inside a test's temporary profile (conftest.py), never the real one.
    probe = QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "qa-reader-test", "probe"
    ).fileName()
    if not Path(probe).is_relative_to(tmp_path_factory.getbasetemp()):
        pytest.skip(f"Qt's settings folder was fixed outside the test profile: {probe}")
    monkeypatch.setenv(CONFIG_DIR_ENV, value)

    store = PreferencesStore.open(value or None)

    assert Path(store.location).name == f"{SETTINGS_APP_NAME}.conf"
    assert Path(store.location).parent.name == ORGANIZATION_NAME
    assert Path(store.location).is_relative_to(tmp_path_factory.getbasetemp())
    assert store.load() == Preferences()


# -- the preferences themselves --------------------------------------------------------------


def test_preferences_are_normalised_instead_of_raising(caplog: pytest.LogCaptureFixture) -> None:
    assert Preferences(text_size=17).text_size == 18
    assert Preferences(text_size=1000).text_size == 96
    assert Preferences(text_size=24.0).text_size == 24  # type: ignore[arg-type]
    assert type(Preferences(text_size=24.0).text_size) is int  # type: ignore[arg-type]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert Preferences(text_size="big").text_size == 16  # type: ignore[arg-type]
        assert Preferences(disclaimer_accepted_version=-1).disclaimer_accepted_version == 0
        assert Preferences(last_document="").last_document is None
        assert Preferences(last_document="a\x00b").last_document is None
    assert len(caplog.records) == 4
    assert Preferences(last_document=Path("/x/y.txt")).last_document == "/x/y.txt"  # type: ignore[arg-type]


def test_preferences_cannot_be_changed_in_place() -> None:
    prefs = Preferences()
    with pytest.raises(dataclasses.FrozenInstanceError):
        prefs.text_size = 24  # type: ignore[misc]


# -- the model -------------------------------------------------------------------------------


def test_the_model_emits_once_per_real_change(qtbot: QtBot) -> None:
    model = PreferencesModel(Preferences(text_size=16))
    seen: list[object] = []
    model.changed.connect(seen.append)

    with qtbot.wait_signal(model.changed, timeout=1000) as blocker:
        assert model.update(text_size=24)
    assert blocker.args == [Preferences(text_size=24)]
    assert model.current == Preferences(text_size=24)

    with qtbot.assert_not_emitted(model.changed):
        assert not model.update(text_size=24)
        assert not model.update()
        assert not model.update(text_size=23.6)  # snapped to 24: no change

    with qtbot.wait_signal(model.changed, timeout=1000) as blocker:
        assert model.update(disclaimer_accepted_version=1, last_document="/a.txt")
    assert blocker.args == [Preferences(24, 1, "/a.txt")]
    assert seen == [Preferences(text_size=24), Preferences(24, 1, "/a.txt")]


def test_the_model_starts_from_the_defaults(qtbot: QtBot) -> None:
    assert PreferencesModel().current == Preferences()


def test_the_model_refuses_unknown_names(qtbot: QtBot) -> None:
    model = PreferencesModel()
    with qtbot.assert_not_emitted(model.changed), pytest.raises(TypeError):
        model.update(font_size=20)
    assert model.current == Preferences()


def test_a_change_in_the_model_can_be_saved_and_restored(qtbot: QtBot, folder: Path) -> None:
    """What the window does: load, change through the model, save on change, restart."""
    store = PreferencesStore.open(folder)
    model = PreferencesModel(store.load())
    results: list[bool] = []
    model.changed.connect(lambda prefs: results.append(store.save(prefs)))

    model.update(text_size=32)

    assert results == [True]
    assert PreferencesModel(PreferencesStore.open(folder).load()).current.text_size == 32


def test_nothing_is_ever_written_as_a_serialised_object(folder: Path) -> None:
    """Python bytes handed to QSettings would be pickled; the store writes QByteArray."""
    store = PreferencesStore.open(folder)
    assert store.save(Preferences(24, 2, "/a/b.txt"))
    assert store.save_window_state(WindowState(bytes(range(256)), b"\x00state"))
    content = ini(folder).read_bytes()
    assert b"PyObjectWrapper" not in content
    assert b"@Variant(" not in content
    assert not settings_file.contains_serialised_value(content)


# -- reading-look options ------------------------------------------------------------------------


def test_every_reading_look_choice_comes_back_after_a_restart(folder: Path, tmp_path: Path) -> None:
    chosen = Preferences(
        theme="high-contrast-yellow",
        font_family="Lexend",
        font_bold=True,
        line_height=2.0,
        paragraph_spacing=2.0,
        letter_spacing=0.12,
        word_spacing=0.16,
        max_line_chars=0,
        interface_scale=200,
    )
    assert PreferencesStore.open(folder).save(chosen)

    from_disk = reread(folder, tmp_path)
    assert from_disk.load() == chosen
    assert from_disk.problems == ()


@pytest.mark.parametrize(
    ("line", "field", "expected", "problem"),
    [
        ("theme=purple", "theme", "system",
         "The saved colour theme was not known and was reset to the default."),
        ("font_bold=maybe", "font_bold", False,
         "The saved bold text setting was not valid and was reset to off."),
        ("line_height=9", "line_height", 3.0,
         "The saved line height was too large and was set to 3."),
        ("letter_spacing=-1", "letter_spacing", 0.0,
         "The saved letter spacing was too small and was set to 0."),
        ("word_spacing=wide", "word_spacing", 0.0,
         "The saved word spacing was not valid and was reset to 0."),
        ("max_line_chars=70.4", "max_line_chars", 70, None),
        ("paragraph_spacing=2", "paragraph_spacing", 2.0, None),
    ],
)
def test_a_stored_reading_look_value_is_checked(
    folder: Path, line: str, field: str, expected: object, problem: str | None
) -> None:
    write_ini(folder, f"[meta]\nschema_version=1\n[reading]\n{line}\n")
    store = PreferencesStore.open(folder)

    assert getattr(store.load(), field) == expected
    assert store.problems == ((problem,) if problem else ())


def test_an_interface_scale_out_of_range_is_clamped(folder: Path) -> None:
    write_ini(folder, "[meta]\nschema_version=1\n[interface]\nscale=1000\n")
    store = PreferencesStore.open(folder)

    assert store.load().interface_scale == 300
    assert store.problems == ("The saved interface size was too large and was set to 300%.",)
