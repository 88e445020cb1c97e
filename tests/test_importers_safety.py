"""Untrusted input: XML bombs, external entities and huge files are refused plainly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qa_reader.importers import MAX_FILE_BYTES, DocumentLoadError, load, load_bytes

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Document><Focus>&lol9;</Focus><QAPairs><QAPair><Question>q</Question></QAPair></QAPairs>
</Document>
"""


def external_entity(target: Path) -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE Document [<!ENTITY secret SYSTEM "file://{target}">]>\n'
        "<Document><Focus>&secret;</Focus><QAPairs><QAPair><Question>q</Question>"
        "</QAPair></QAPairs></Document>"
    ).encode()


def refused(data: bytes, name: str) -> DocumentLoadError:
    with pytest.raises(DocumentLoadError) as caught:
        load_bytes(data, name)
    return caught.value


def test_billion_laughs_is_refused_with_a_clear_message() -> None:
    error = refused(BILLION_LAUGHS, "lol.xml")
    assert error.user_message == (
        "“lol.xml” could not be opened as MedQuAD XML: it declares XML entities, which are "
        "refused for safety (they can expand to huge amounts of text or read other files)."
    )


@pytest.mark.parametrize("root", ["Document", "NLM-QUESTIONS"])
def test_an_external_entity_is_refused_and_the_file_never_read(tmp_path: Path, root: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE", encoding="utf-8")
    data = external_entity(secret).replace(b"Document", root.encode())
    error = refused(data, "xxe.xml")
    assert "refused for safety" in error.reason
    assert "PRIVATE" not in error.user_message


def test_an_entity_in_an_html_page_is_only_text() -> None:
    page = b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><h1>Q &x; ?</h1>'
    document = load_bytes(page, "page.html")
    assert "root:" not in document.title


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with open(huge, "wb") as handle:  # sparse: no 100 MB written to disk
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(DocumentLoadError) as caught:
        load(huge)
    assert caught.value.user_message == (
        "“huge.xml” could not be opened: the file is larger than 20 MB."
    )


def test_data_over_the_limit_is_refused_by_load_bytes() -> None:
    error = refused(b" " * (MAX_FILE_BYTES + 1), "clipboard.txt")
    assert error.reason == "the file is larger than 20 MB"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("long.txt", b"Question? " + b"a" * 5_000_000),
        ("long.html", b"<p>" + b"word " * 1_000_000 + b"</p>"),
        ("long.xml", b"<Document><Focus>" + b"x" * 5_000_000 + b"</Focus><QAPairs/></Document>"),
    ],
)
def test_a_huge_single_line_gives_a_result_or_a_message(name: str, line: bytes) -> None:
    try:
        document = load_bytes(line, name)
    except DocumentLoadError as error:
        assert error.reason
    else:
        assert document.title


def test_a_deeply_nested_xml_file_is_read_without_running_out_of_stack() -> None:
    depth = 50_000
    data = (
        b"<Document><Focus>Deep</Focus><QAPairs><QAPair><Question>q</Question><Answer>"
        + b"<i>" * depth + b"text" + b"</i>" * depth
        + b"</Answer></QAPair></QAPairs></Document>"
    )  # fmt: skip
    assert load_bytes(data, "deep.xml").questions[0].answers[0].text == "text"


def test_special_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    with pytest.raises(DocumentLoadError) as caught:
        load(fifo)
    assert caught.value.reason == "it is not an ordinary file"


def test_a_web_page_whose_text_is_only_a_byte_order_mark_is_explained() -> None:
    # Found by the fuzz run: the stray mark is text to the HTML parser, not to the page rules.
    with pytest.raises(DocumentLoadError) as caught:
        load_bytes(b"<!DOCTYPE html><html>\xef\xbb\xbf", "x.html")
    assert "could not be opened" in caught.value.user_message
