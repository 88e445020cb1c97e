"""The command line as packaging checks and scripts use it: real processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess


def run(*args: str, config_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "qa_reader", *args, "--config-dir", str(config_dir)]
        if args[:1] != ("export",)
        else [sys.executable, "-m", "qa_reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_self_test_on_the_sample(config_dir: Path) -> None:
    result = run("--self-test", config_dir=config_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(
        r"ok: Can I take ibuprofen and paracetamol together for a fever\? \(4 answers\) \d+ ms\n"
        r"resources: .+\n"
        r"sample: samples/fever-ibuprofen-and-paracetamol\.txt\n"
        r"fonts: (none bundled|\d+ of \d+ loaded \(.+\))\n"
        r"icon: drawn from SVG\n",
        result.stdout,
    )
    assert result.stderr == ""  # Qt's own diagnostics go to the log file, not the terminal
    # The self-test must not accept the disclaimer or save anything on the reader's behalf.
    ini = config_dir / "qa-reader.ini"
    assert not ini.exists() or "accepted" not in ini.read_text(encoding="utf-8")


def test_self_test_on_a_given_file(config_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Is a sore throat contagious?\n\n2 Answers\n\nOften.\n\nYes.\n", "utf-8")
    result = run("--self-test", str(page), config_dir=config_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: Is a sore throat contagious? (2 answers) ")


def test_self_test_fails_plainly_on_a_bad_file(config_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    result = run("--self-test", str(bad), config_dir=config_dir)
    assert result.returncode == 1
    assert "bad.txt" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_export_json_to_stdout_and_file(tmp_path: Path, config_dir: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Font Size: Increase | Decrease\n\nCan I swim with a cold?\n\nI feel fine otherwise.\n\n"
        "Doctors Answers (1)\n\nIf you have no fever, a gentle swim is fine.\n\nRest after.\n\n"
        "Disclaimer: General information only.\n",
        encoding="utf-8",
    )
    result = run("export", str(page), "--to", "json", config_dir=config_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "qa-reader/1"
    assert data["title"] == "Can I swim with a cold?"
    question = data["questions"][0]
    assert question["details"] == "I feel fine otherwise."
    assert question["declared_answer_count"] == 1
    assert question["answers"] == [
        {"text": "If you have no fever, a gentle swim is fine.\n\nRest after.", "author": None}
    ]
    assert data["disclaimer"] == "General information only."
    assert data["source"]["format"] == "text"

    out = tmp_path / "out.json"
    result = run("export", str(page), "--to", "json", "-o", str(out), config_dir=config_dir)
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_export_of_unreadable_file_exits_2_with_one_line(tmp_path: Path, config_dir: Path) -> None:
    result = run("export", str(tmp_path / "missing.txt"), "--to", "json", config_dir=config_dir)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr


def test_export_to_unwritable_place_exits_2(tmp_path: Path, config_dir: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Question?\n\nAnswers (1)\n\nAnswer.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run("export", str(page), "--to", "json", "-o", str(blocker / "x.json"),
                 config_dir=config_dir)
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_version_and_help(config_dir: Path) -> None:
    from qa_reader import __version__

    result = run("--version", config_dir=config_dir)
    assert result.returncode == 0 and __version__ in result.stdout
    result = run("--help", config_dir=config_dir)
    assert result.returncode == 0
    for option in ("--config-dir", "--reset-preferences", "--self-test", "export"):
        assert option in result.stdout


FORMAT_FIXTURES = {
    "fasting-coffee.txt": "text",
    "winter-eczema-crlf.json": "text",  # a JSON file keeps the source it records
    "medquad-shingles.xml": "medquad",
    "liveqa-train.xml": "liveqa",
    "liveqa-test.xml": "liveqa",
    "saved-page.html": "html",
}


@pytest.mark.parametrize("name", sorted(FORMAT_FIXTURES))
def test_export_every_format_and_back_through_json(
    name: str, tmp_path: Path, config_dir: Path
) -> None:
    source = Path(__file__).resolve().parent / "data" / name
    first = tmp_path / "first.json"
    result = run("export", str(source), "--to", "json", "-o", str(first), config_dir=config_dir)
    assert result.returncode == 0, result.stderr
    exported = json.loads(first.read_text(encoding="utf-8"))
    assert exported["source"]["format"] == FORMAT_FIXTURES[name]
    assert exported["questions"]
    # JSON → import → JSON gives the very same bytes.
    again = run("export", str(first), "--to", "json", config_dir=config_dir)
    assert again.returncode == 0, again.stderr
    assert again.stdout.encode("utf-8") == first.read_bytes()


def test_export_of_an_xml_bomb_exits_2_with_the_reason(tmp_path: Path, config_dir: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<Document><Focus>&b;</Focus></Document>",
        encoding="utf-8",
    )
    result = run("export", str(bomb), "--to", "json", config_dir=config_dir)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "“bomb.xml” could not be opened as MedQuAD XML: it declares XML entities" in (
        result.stderr
    )


# -- export as PDF / HTML / text -------------------------------------------------------------


def test_export_pdf_headless_with_size_page_size_and_colours(tmp_path: Path) -> None:
    from pdf_tools import normalise, pdf_page_count, pdf_page_size, pdf_pages_text

    sample = Path(__file__).resolve().parent.parent / "resources" / "samples"
    page = next(sample.glob("*.txt"))
    out = tmp_path / "large.pdf"
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "qa_reader", "export", str(page), "--to", "pdf", "-o", str(out),
         "--size", "28", "--page-size", "Letter", "--colours", "screen", "--theme", "light"],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert "letter" in pdf_page_size(out)
    assert pdf_page_count(out) > 3
    assert "Can I take ibuprofen" in normalise(" ".join(pdf_pages_text(out)))


@pytest.mark.parametrize("to", ["html", "txt"])
def test_export_html_and_text_to_stdout(tmp_path: Path, config_dir: Path, to: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Can I swim with a cold?\n\nAnswers (1)\n\nIf you have no fever, yes.\n\n"
                    "Disclaimer: General information only.\n", encoding="utf-8")
    result = run("export", str(page), "--to", to, "--size", "36", config_dir=config_dir)
    assert result.returncode == 0, result.stderr
    assert "Can I swim with a cold?" in result.stdout
    assert "If you have no fever, yes." in result.stdout
    assert "General information only." in result.stdout
    if to == "html":
        assert "font-size: 36pt" in result.stdout


@pytest.mark.parametrize(
    ("make_output", "reason"),
    [
        (lambda tmp: tmp / "missing" / "out.pdf", "does not exist"),
        (lambda tmp: tmp, "it is a folder"),
    ],
    ids=["missing-folder", "a-directory"],
)
def test_export_pdf_to_a_bad_place_exits_2_with_one_clear_line(
    tmp_path: Path, config_dir: Path, make_output: object, reason: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Question?\n\nAnswers (1)\n\nAnswer.\n", encoding="utf-8")
    output = make_output(tmp_path)  # type: ignore[operator]  # a lambda from the table above
    result = run("export", str(page), "--to", "pdf", "-o", str(output), config_dir=config_dir)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert f"cannot write “{output}”" in result.stderr and reason in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "pdf"], "needs an output file"),
        (["--to", "txt", "--size", "200"], "not between 8 and 96"),
        (["--to", "html", "--theme", "purple"], "invalid choice"),
    ],
)
def test_export_rejects_unusable_options(
    tmp_path: Path, config_dir: Path, args: list[str], message: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Question?\n\nAnswers (1)\n\nAnswer.\n", encoding="utf-8")
    result = run("export", str(page), *args, config_dir=config_dir)
    assert result.returncode == 2
    assert message in result.stderr
