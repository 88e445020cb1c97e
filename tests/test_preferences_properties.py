"""Property-based tests of the preferences store: whatever is on disk, loading never raises
and always gives valid preferences; whatever valid preferences are saved come back.

Each example works in a new folder: QSettings shares a parsed file between all its
objects on the same path in one process, so reusing a path could hide what is on disk.
(pytest's qt_log_level_fail also makes any Qt warning, such as one about an unknown
serialised type, fail these tests.)
"""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, QUrl

from qa_reader import settings_file
from qa_reader.preferences import (
    INI_FILE_NAME,
    Preferences,
    PreferencesModel,
    PreferencesStore,
    WindowState,
)
from qa_reader.style import MAX_TEXT_SIZE, MIN_TEXT_SIZE, TEXT_SIZE_LADDER, nearest_size

FILE_EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def new_folder(factory: pytest.TempPathFactory) -> Path:
    return factory.mktemp("prop")


def write_raw(folder: Path, key: str, value: object) -> None:
    settings_ = QSettings(str(folder / INI_FILE_NAME), QSettings.Format.IniFormat)
    settings_.setValue("meta/schema_version", 1)
    settings_.setValue(key, value)
    settings_.sync()


def copy_of(folder: Path, factory: pytest.TempPathFactory) -> Path:
    """The settings file in a new folder, to be parsed from its bytes."""
    copy = new_folder(factory)
    if (folder / INI_FILE_NAME).exists():  # saving only defaults may write no file at all
        shutil.copy2(folder / INI_FILE_NAME, copy / INI_FILE_NAME)
    return copy


def assert_valid(prefs: Preferences) -> None:
    assert prefs.text_size in TEXT_SIZE_LADDER
    assert type(prefs.text_size) is int
    assert type(prefs.disclaimer_accepted_version) is int
    assert prefs.disclaimer_accepted_version >= 0
    assert prefs.last_document is None or (
        isinstance(prefs.last_document, str) and prefs.last_document.strip()
    )


def expected_size(number: float) -> int:
    return nearest_size(min(max(number, MIN_TEXT_SIZE), MAX_TEXT_SIZE))


raw_values = st.one_of(
    st.text(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=4), max_size=3),
    st.from_regex(r"[+-]?\d{0,4}(\.\d{0,3})?([eE][+-]?\d{1,3})?", fullmatch=True),
)


@FILE_EXAMPLES
@given(value=raw_values)
@example(value="24").via("a number as text")
@example(value=float("nan")).via("not a number")
@example(value=2**63 - 1).via("the largest 64-bit int")
def test_any_stored_text_size_loads_as_a_ladder_size(
    tmp_path_factory: pytest.TempPathFactory, value: object
) -> None:
    folder = new_folder(tmp_path_factory)
    write_raw(folder, "reading/text_size", value)

    as_typed = PreferencesStore.open(folder).load()  # QSettings' own types, as in the registry
    as_text = PreferencesStore.open(copy_of(folder, tmp_path_factory)).load()  # as in a file

    for prefs in (as_typed, as_text):
        assert_valid(prefs)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert prefs.text_size == (expected_size(value) if math.isfinite(value) else 16)


single_line = st.text(
    alphabet=st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), max_size=40
)
ini_fragments = st.sampled_from(
    [
        "@", "@@", "@Variant(", "@DateTime(", "@ByteArray(", "@String(", "@Rect(", "@Size(",
        "@Point(", "@Invalid()", ")", "\\x40", "\\100", "\\x", "\\0", "\\", '"', ",", " ",
        "24", "1e9", "-", ".", "nan",
    ]
)  # fmt: skip
ini_values = st.one_of(single_line, st.lists(ini_fragments | single_line, max_size=8).map("".join))


@FILE_EXAMPLES
@given(text=ini_values)
@example(text="@Variant(garbage)")
@example(text="@DateTime(\\0\\0\\0\\x5garbage)")
@example(text="@Rect(a b c d)")
@example(text="@Size(1 2)")
@example(text="@Point(a b)")
@example(text="@ByteArray(24")
@example(text="@String(\\0002\\0004)")
@example(text='"24"')
def test_any_text_written_into_the_file_loads_safely(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = new_folder(tmp_path_factory)
    (folder / INI_FILE_NAME).write_text(
        f"[meta]\nschema_version=1\n[reading]\ntext_size={text}\n[disclaimer]\n"
        f"accepted_version={text}\n[session]\nlast_document={text}\n[window]\n"
        f"geometry={text}\nstate={text}\n",
        encoding="utf-8",
    )
    store = PreferencesStore.open(folder)
    assert_valid(store.load())
    window = store.load_window_state()
    assert isinstance(window.geometry, bytes)
    assert isinstance(window.state, bytes)
    assert all(isinstance(problem, str) and problem for problem in store.problems)


@FILE_EXAMPLES
@given(content=st.binary(max_size=600) | ini_values.map(lambda t: t.encode("utf-8")))
@example(content=b"\x00\xff[[[=\n")
@example(content=b"=x\n").via("an empty key, which QSettings.value() warns about")
@example(content=b"[meta]\nschema_version=99999999999999999999\n")
@example(content=b"[meta]\nschema_version=-1\n[reading]\ntext_size=20\n")
def test_any_file_content_loads_safely(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    folder = new_folder(tmp_path_factory)
    (folder / INI_FILE_NAME).write_bytes(content)
    store = PreferencesStore.open(folder)
    assert_valid(store.load())
    assert isinstance(store.load_window_state().geometry, bytes)
    if store.writable:
        assert store.save(Preferences(text_size=24))
        assert PreferencesStore.open(copy_of(folder, tmp_path_factory)).load().text_size == 24
    else:
        assert store.read_only_reason
        assert not store.save(Preferences(text_size=24))


documents = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60
).filter(
    lambda t: bool(t.strip()) and "\x00" not in t and "@Variant(" not in t and "@DateTime(" not in t
)
valid_preferences = st.builds(
    Preferences,
    text_size=st.sampled_from(TEXT_SIZE_LADDER),
    disclaimer_accepted_version=st.integers(min_value=0, max_value=2**31 - 1),
    last_document=st.none() | documents,
)
window_blobs = st.binary(max_size=300).filter(
    lambda b: b"@Variant(" not in b and b"@DateTime(" not in b
)


@FILE_EXAMPLES
@given(prefs=valid_preferences, geometry=window_blobs, state=window_blobs)
@example(prefs=Preferences(last_document=" leading and trailing "), geometry=b"", state=b"")
@example(prefs=Preferences(last_document='@home, [x]; #y = "z" \\ \t'), geometry=b"", state=b"")
@example(prefs=Preferences(last_document="24"), geometry=b"@@", state=b"\\x40")
def test_valid_preferences_survive_a_trip_to_disk(
    tmp_path_factory: pytest.TempPathFactory,
    prefs: Preferences,
    geometry: bytes,
    state: bytes,
) -> None:
    folder = new_folder(tmp_path_factory)
    store = PreferencesStore.open(folder, default_text_size=20)
    assert store.save(prefs)
    assert store.save_window_state(WindowState(geometry, state))

    again = PreferencesStore.open(copy_of(folder, tmp_path_factory), default_text_size=20)
    assert again.load() == prefs
    assert again.load_window_state() == WindowState(geometry, state)
    assert again.problems == ()


# -- the scanner against QSettings itself --------------------------------------------------

_TOKEN = re.compile(r"\\x[0-9A-Fa-f]+|\\[0-7]+|\\.|.", re.DOTALL)
_HEX = set("0123456789abcdefABCDEF")


@st.composite
def disguised_variants(draw: st.DrawFn, value: str) -> str:
    """`value` (an INI-escaped @Variant) rewritten in ways QSettings decodes identically."""
    tokens = _TOKEN.findall(value)
    out: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        choice = draw(st.integers(min_value=0, max_value=9))
        if len(token) == 1 and token not in '\\",' and choice in (1, 2):
            if following[:1] not in _HEX:
                zeros = "0" * draw(st.integers(min_value=0, max_value=3))
                token = f"\\x{zeros}{ord(token):x}"
            elif following[:1] not in set("01234567") and ord(token) < 0o1000:
                token = f"\\{ord(token):o}"
        elif choice == 3:
            out.append(draw(st.sampled_from(['""', "\\q", "\\\n", "\\\r\n"])))
        out.append(token)
    return "".join(out)


def _url_variant(factory: pytest.TempPathFactory) -> str:
    folder = new_folder(factory)
    write_raw(folder, "a/u", QUrl("https://example.org/a?q=1"))
    text = (folder / INI_FILE_NAME).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("u="))[2:]


@FILE_EXAMPLES
@given(data=st.data())
def test_every_value_qsettings_would_deserialise_is_found(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    value = data.draw(disguised_variants(_url_variant(tmp_path_factory)))
    content = f"[a]\nu={value}\n".encode()
    folder = new_folder(tmp_path_factory)
    (folder / INI_FILE_NAME).write_bytes(content)

    read = QSettings(str(folder / INI_FILE_NAME), QSettings.Format.IniFormat).value("a/u")

    assert isinstance(read, QUrl)  # the disguise is real: Qt decodes it as before
    assert settings_file.contains_serialised_value(content)


# -- the model -------------------------------------------------------------------------------

changes = st.fixed_dictionaries(
    {},
    optional={
        "text_size": st.integers(min_value=0, max_value=120),
        "disclaimer_accepted_version": st.integers(min_value=-2, max_value=3),
        "last_document": st.sampled_from([None, "", "/a.txt", "/b.txt"]),
    },
)


@settings(max_examples=200, deadline=None)
@given(updates=st.lists(changes, max_size=12))
def test_the_model_signals_exactly_the_real_changes(updates: list[dict[str, object]]) -> None:
    model = PreferencesModel()
    seen: list[object] = []
    model.changed.connect(seen.append)
    expected: list[Preferences] = []
    for update in updates:
        before = model.current
        changed = model.update(**update)
        assert changed == (model.current != before)
        if changed:
            expected.append(model.current)
        assert_valid(model.current)
    assert seen == expected
