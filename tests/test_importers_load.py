"""load() and load_bytes(): reading files safely, encodings, messages and format choice."""

from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import qa_reader.importers as importers
from qa_reader.document import Document, DocumentSource
from qa_reader.importers import MAX_FILE_BYTES, DocumentLoadError, load, load_bytes

DATA = Path(__file__).resolve().parent / "data"

PAGE = (
    "Font Size: Increase | Decrease\n\n"
    "Can I give my child honey for a cough?\n\n"
    "She is 3 years old and coughs at night.\n\n"
    "Doctors Answers (2)\n\n"
    "Yes, from the age of one a spoon of honey before bed can ease a cough.\n"
    "— Dr. Mira Holm\n\n"
    "Never give honey to babies under 12 months.\n\n"
    "Disclaimer: General information, not a diagnosis.\n"
)


def message(error: pytest.ExceptionInfo[DocumentLoadError]) -> str:
    return error.value.user_message


# --- success -------------------------------------------------------------------------


def test_load_fixture_sets_title_and_absolute_source(tmp_path: Path) -> None:
    document = load(DATA / "fasting-coffee.txt")
    assert document.title == "Is black coffee allowed before a fasting blood test?"
    assert document.source == DocumentSource(path=str(DATA / "fasting-coffee.txt"), format="text")
    assert len(document.questions[0].answers) == 3


def test_relative_paths_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    document = load("page.txt")
    assert document.source.path == str(tmp_path / "page.txt")
    assert os.path.isabs(document.source.path)


def test_str_and_path_objects_are_accepted(tmp_path: Path) -> None:
    file = tmp_path / "page.txt"
    file.write_text(PAGE, encoding="utf-8")
    assert load(str(file)) == load(file)


ENCODED_VARIANTS = {
    "utf-8": PAGE.encode("utf-8"),
    "utf-8-bom": PAGE.encode("utf-8-sig"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
    "utf-32-bom": PAGE.encode("utf-32"),
    "cp1252": PAGE.encode("cp1252"),
    "crlf": PAGE.replace("\n", "\r\n").encode("utf-8"),
    "cr-cp1252": PAGE.replace("\n", "\r").encode("cp1252"),
    "crlf-utf-16-bom": PAGE.replace("\n", "\r\n").encode("utf-16"),
}


@pytest.mark.parametrize("variant", sorted(ENCODED_VARIANTS))
def test_encodings_and_line_ends_give_the_same_document(tmp_path: Path, variant: str) -> None:
    expected = load_bytes(PAGE.encode("utf-8"), "page.txt")
    file = tmp_path / f"{variant}.txt"
    file.write_bytes(ENCODED_VARIANTS[variant])
    document = load(file)
    assert document.questions == expected.questions
    assert document.disclaimer == expected.disclaimer
    assert document.questions[0].answers[0].author == "Dr. Mira Holm"


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    file = tmp_path / "big.txt"
    body = b"Question?\n\n" + b"x" * (MAX_FILE_BYTES - len(b"Question?\n\n"))
    file.write_bytes(body)
    assert os.stat(file).st_size == MAX_FILE_BYTES
    assert load(file).title == "Question?"


# --- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (codecs.BOM_UTF8, "the file is empty"),
        (b"  \r\n\r\n\t ", "the file contains only blank lines or spaces"),
        (b"\x00\x01\x02binary\x00data", "the file contains binary data (it is not a text file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file contains binary data"),
        (b"Font Size: Increase | Decrease\n\nPrint | Share\n", "does not contain any text to show"),
    ],
    ids=["empty", "bom-only", "blank", "binary", "png", "navigation-only"],
)
def test_unusable_content_is_refused_by_name(tmp_path: Path, content: bytes, reason: str) -> None:
    file = tmp_path / "notes.txt"
    file.write_bytes(content)
    with pytest.raises(DocumentLoadError) as caught:
        load(file)
    assert reason in caught.value.reason
    assert message(caught).startswith("“notes.txt” could not be opened: ")
    assert caught.value.path_or_name == str(file)


def test_the_message_wording() -> None:
    error = DocumentLoadError("/home/ann/notes.txt", "the file is empty")
    assert error.user_message == "“notes.txt” could not be opened: the file is empty."
    assert str(error) == error.user_message
    assert (error.path_or_name, error.reason) == ("/home/ann/notes.txt", "the file is empty")


def test_the_fixture_of_navigation_only() -> None:
    with pytest.raises(DocumentLoadError) as caught:
        load(DATA / "navigation-only.txt")
    assert message(caught) == (
        "“navigation-only.txt” could not be opened: the file does not contain any text to show."
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError) as caught:
        load(tmp_path / "nowhere.txt")
    assert message(caught) == "“nowhere.txt” could not be opened: the file does not exist."
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_a_path_through_a_file_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    with pytest.raises(DocumentLoadError) as caught:
        load(tmp_path / "page.txt" / "inner.txt")
    assert caught.value.reason == "the file does not exist"


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    with pytest.raises(DocumentLoadError) as caught:
        load(folder)
    assert message(caught) == "“pages” could not be opened: it is a folder, not a file."


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(importers, "open", no_open, raising=False)
    with pytest.raises(DocumentLoadError) as caught:
        load(huge)
    assert message(caught) == "“huge.txt” could not be opened: the file is larger than 20 MB."


def test_a_file_that_grows_after_the_check_is_still_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "growing.txt"
    file.write_bytes(b"small")
    real_stat = os.stat

    def stale_stat(path: str) -> os.stat_result:
        result = real_stat(path)
        file.write_bytes(b"x" * (MAX_FILE_BYTES + 10))  # grows right after the check
        return result

    monkeypatch.setattr(importers.os, "stat", stale_stat)
    with pytest.raises(DocumentLoadError) as caught:
        load(file)
    assert caught.value.reason == "the file is larger than 20 MB"


def test_too_large_bytes() -> None:
    with pytest.raises(DocumentLoadError) as caught:
        load_bytes(b"x" * (MAX_FILE_BYTES + 1), "pasted.txt")
    assert message(caught) == "“pasted.txt” could not be opened: the file is larger than 20 MB."


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(errno.EACCES, "Permission denied"),
         "the file cannot be read (permission denied)"),
        (OSError(errno.EIO, "Input/output error"), "the file cannot be read (input/output error)"),
    ],
    ids=["permission-denied", "input-output-error"],
)
def test_read_errors_are_described(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    file = tmp_path / "secret.txt"
    file.write_text(PAGE, encoding="utf-8")

    def failing_open(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(importers, "open", failing_open, raising=False)
    with pytest.raises(DocumentLoadError) as caught:
        load(file)
    assert caught.value.reason == reason
    assert message(caught) == f"“secret.txt” could not be opened: {reason}."


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied_for_real(tmp_path: Path) -> None:
    file = tmp_path / "secret.txt"
    file.write_text(PAGE, encoding="utf-8")
    file.chmod(0)
    try:
        with pytest.raises(DocumentLoadError) as caught:
            load(file)
    finally:
        file.chmod(0o600)
    assert caught.value.reason == "the file cannot be read (permission denied)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            load(fifo)
        except BaseException as error:  # collected for the assertion below
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("load() blocked on a named pipe")
    assert isinstance(outcome[0], DocumentLoadError)
    assert outcome[0].reason == "it is not an ordinary file"


def test_invalid_and_too_long_names(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError) as caught:
        load(str(tmp_path / "bad\x00name.txt"))
    assert caught.value.reason == "the file name is not valid"
    with pytest.raises(DocumentLoadError) as caught:
        load(str(tmp_path / ("x" * 5000)))
    assert caught.value.reason in ("the file name is too long", "the file does not exist")


def test_messages_stay_on_one_printable_line() -> None:
    error = DocumentLoadError("/tmp/two\nlines\udcff.txt", "the file is empty")
    assert (
        error.user_message == "“two\ufffdlines\ufffd.txt” could not be opened: the file is empty."
    )
    error.user_message.encode("utf-8")


def test_a_trailing_slash_still_names_the_folder() -> None:
    error = DocumentLoadError("/home/ann/pages/", "it is a folder, not a file")
    assert error.user_message.startswith("“pages” could not be opened")


# --- load_bytes ----------------------------------------------------------------------


def test_load_bytes_without_a_path() -> None:
    document = load_bytes(PAGE.encode("utf-8"), "dropped text")
    assert document.source == DocumentSource(path=None, format="text")
    assert document.title == "Can I give my child honey for a cough?"


def test_load_bytes_keeps_the_given_path() -> None:
    document = load_bytes(PAGE.encode("utf-8"), "page.txt", path="/somewhere/page.txt")
    assert document.source.path == "/somewhere/page.txt"


def test_load_bytes_names_the_data_in_errors() -> None:
    with pytest.raises(DocumentLoadError) as caught:
        load_bytes(b"", "clipboard")
    assert message(caught) == "“clipboard” could not be opened: the file is empty."


# --- choosing the format -------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.txt", "PAGE.TXT", "page.text", "page", "page.md", ""])
def test_text_that_is_no_other_format_is_plain_text(name: str) -> None:
    assert importers.detect_format(b"Question?", name) is importers.PLAIN_TEXT


def _fake_format(name: str, extension: str, marker: str | None) -> importers.PageFormat:
    def parse(data: bytes, source: DocumentSource) -> Document:
        return Document(title=name, source=source)

    def looks_like(head: str, root: str | None) -> bool:
        return marker is not None and head.startswith(marker)

    return importers.PageFormat(name, name.title(), (extension,), parse, looks_like)


def test_content_decides_before_the_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    braces = _fake_format("braces", "brace", "{")
    angles = _fake_format("angles", "angle", "<")
    monkeypatch.setattr(importers, "_FORMATS", (braces, angles, importers.PLAIN_TEXT))
    by_content = load_bytes(b"<page/>", "page.brace")
    assert by_content.title == "angles" and by_content.source.format == "angles"
    by_extension = load_bytes(b"no marker", "page.brace")
    assert by_extension.source.format == "braces"
    fallback = load_bytes(b"Question?", "page.unknown")
    assert fallback.source.format == "text" and fallback.title == "Question?"


# --- no Qt, nothing heavy ------------------------------------------------------------


def test_importers_and_export_import_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "import qa_reader.importers, qa_reader.export\n"
        "heavy = ('PySide6', 'shiboken6', 'xml', 'html', 'email', 'http', 'urllib', 'sqlite3')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
