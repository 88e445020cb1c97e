"""The recent-documents list and its stored-value check, without Qt."""

from __future__ import annotations

import os
from pathlib import Path

from qa_reader.preference_checks import path_list
from qa_reader.recent_files import (
    MAX_RECENT,
    add_recent,
    menu_label,
    mnemonic,
    prune_missing,
    remove_recent,
    resolved,
)


def test_adding_puts_the_file_first_and_removes_its_older_entry(tmp_path: Path) -> None:
    a, b, c = (str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt"))
    entries = add_recent(add_recent(add_recent((), a), b), c)
    assert entries == (c, b, a)
    assert add_recent(entries, a) == (a, c, b)


def test_the_same_file_by_another_name_is_one_entry(tmp_path: Path) -> None:
    real = tmp_path / "page.txt"
    real.write_text("x", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    dotted = str(tmp_path / "sub" / ".." / "page.txt")
    entries = add_recent(add_recent(add_recent((), str(real)), str(link)), dotted)
    assert entries == (str(real.resolve()),)


def test_the_list_keeps_the_ten_newest(tmp_path: Path) -> None:
    entries: tuple[str, ...] = ()
    for number in range(15):
        entries = add_recent(entries, str(tmp_path / f"{number}.txt"))
    assert len(entries) == MAX_RECENT == 10
    assert entries[0].endswith("14.txt") and entries[-1].endswith("5.txt")


def test_pruning_keeps_order_and_lists_the_missing(tmp_path: Path) -> None:
    here = tmp_path / "here.txt"
    here.write_text("x", encoding="utf-8")
    gone = str(tmp_path / "gone.txt")
    folder = str(tmp_path)
    kept, missing = prune_missing((gone, str(here), folder))
    assert kept == (str(here),)
    assert missing == (gone, folder)


def test_removing_compares_resolved_paths(tmp_path: Path) -> None:
    a = str(tmp_path / "a.txt")
    b = str(tmp_path / "b.txt")
    assert remove_recent((a, b), str(tmp_path / "x" / ".." / "a.txt")) == (b,)


def test_menu_labels_number_one_to_nine_then_zero() -> None:
    assert [mnemonic(i) for i in range(10)] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
    path = os.path.join(os.sep, "home", "ann", "Health & care", "R&D notes.txt")
    assert menu_label(0, path) == "&1 R&&D notes.txt — Health && care"
    assert menu_label(9, os.path.join(os.sep, "x.txt")).startswith("&0 x.txt")


def test_resolved_never_raises_on_a_nul() -> None:
    assert resolved("bad\x00name") in ("bad\x00name", os.path.abspath("bad\x00name"))


CHECK = path_list("list of recent documents", MAX_RECENT)


def test_stored_list_check_accepts_lists_and_single_texts() -> None:
    assert CHECK(["/a.txt", "/b.txt"], ()) == (("/a.txt", "/b.txt"), None)
    # QSettings reads a stored list of one back as a plain text.
    assert CHECK("/only, one.txt", ()) == (("/only, one.txt",), None)
    assert CHECK(None, ()) == ((), None)


def test_stored_list_check_drops_bad_entries_and_duplicates() -> None:
    value, problem = CHECK(["/a.txt", "", "  ", "/b\x00.txt", 7, "/a.txt", "/c.txt"], ())
    assert value == ("/a.txt", "/c.txt")
    assert problem is not None and "recent documents" in problem
    value, problem = CHECK(["/a.txt", "/a.txt"], ())
    assert value == ("/a.txt",) and problem is None


def test_stored_list_check_caps_and_refuses_garbage() -> None:
    value, problem = CHECK([f"/{n}.txt" for n in range(14)], ())
    assert len(value) == 10 and value[0] == "/0.txt" and problem is not None
    for garbage in (42, 3.5, True, b"/a.txt", {"a": 1}):
        value, problem = CHECK(garbage, ())
        assert value == () and problem is not None
