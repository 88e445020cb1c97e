"""The reading script: order, cleaning, sentences, mapping spoken words back to the page."""

from __future__ import annotations

import re

import pytest

from qa_reader.document import Answer, Document, Question
from qa_reader.importers import load
from qa_reader.resources import sample_document_path
from qa_reader.speech_text import (
    MIN_HIGHLIGHT_CONTRAST,
    SPEEDS,
    PartKind,
    build_script,
    clean_for_speech,
    contrast_ratio,
    highlight_colours,
    locate,
    locate_script,
    nearest_speed_index,
    next_part_start,
    previous_part_start,
    rate_to_speed,
    speed_to_rate,
    split_sentences,
    url_host,
)
from qa_reader.style import THEME_NAMES


def _sample() -> Document:
    return load(sample_document_path())


def test_the_sample_is_read_in_page_order_with_the_disclaimer_last() -> None:
    script = build_script(_sample())
    spoken = [u.spoken for u in script]
    assert spoken[0] == "Can I take ibuprofen and paracetamol together for a fever?"
    headings = [s for s in spoken if re.fullmatch(r"Answer \d of 4", s)]
    assert headings == [f"Answer {n} of 4" for n in range(1, 5)]
    assert spoken.index("Answer 1 of 4") < spoken.index("Answer 2 of 4")
    assert spoken[-3] == "Medical disclaimer"
    assert script[-1].part.kind is PartKind.DISCLAIMER
    assert "Dr. Amina Farouk, General Practitioner" in spoken
    kinds = [u.part.kind for u in script]
    assert kinds == sorted(kinds, key=[PartKind.QUESTION, PartKind.ANSWER,
                                       PartKind.DISCLAIMER].index)


def test_page_clutter_is_not_read() -> None:
    document = Document(
        "T",
        (Question("Title", "Font Size: Increase | Decrease\nMy real question.",
                  (Answer("Share | Report\nAn answer."),)),),
    )
    spoken = " ".join(u.spoken for u in build_script(document))
    assert "Font" not in spoken and "Share" not in spoken and "|" not in spoken
    assert "My real question." in spoken and "An answer." in spoken


def test_web_addresses_are_said_as_their_host_and_map_to_the_whole_address() -> None:
    shown = "See https://www.nhs.uk/conditions/fever/, then rest."
    spoken, _ = clean_for_speech(shown)
    assert spoken == "See nhs.uk, then rest."
    document = Document("T", (Question("Q", shown),))
    utterance = build_script(document)[1]
    start = utterance.spoken.index("nhs")
    first, last = utterance.shown_range(start, 3)
    assert shown[first:last] == "https://www.nhs.uk/conditions/fever/"
    first, last = utterance.shown_range(utterance.spoken.index("rest"), 4)
    assert shown[first:last] == "rest"


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.example.org/a?b=c", "example.org"),
    ("http://sub.example.com:8080/x", "sub.example.com"),
    ("www.who.int/news", "who.int"),
])
def test_url_host(url: str, host: str) -> None:
    assert url_host(url) == host


def test_decoration_symbols_are_dropped_and_offsets_still_map() -> None:
    shown = "Rest ** well | drink   water"
    spoken, segments = clean_for_speech(shown)
    assert spoken == "Rest well drink water"
    document = Document("T", (Question(shown),))
    utterance = build_script(document)[0]
    for word in ("Rest", "well", "drink", "water"):
        first, last = utterance.shown_range(utterance.spoken.index(word), len(word))
        assert shown[first:last] == word


@pytest.mark.parametrize(("text", "sentences"), [
    ("Dr. Smith said so. Then he left.", ["Dr. Smith said so.", "Then he left."]),
    ("Take 38.5 mg, e.g. with food. Fine!", ["Take 38.5 mg, e.g. with food.", "Fine!"]),
    ("J. Doe wrote. Was it safe? Yes.", ["J. Doe wrote.", "Was it safe?", "Yes."]),
    ("a wrapped\nline goes on. Next", ["a wrapped\nline goes on.", "Next"]),
    ("Item one\nItem two", ["Item one", "Item two"]),
    ("He said “stop.” Then", ["He said “stop.”", "Then"]),
])
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_locate_finds_text_whose_spaces_the_view_collapsed() -> None:
    view_text = "Title\u2029Some  text\u2029One two\u2028three four. Other."
    location = locate(view_text, 0, "One two\nthree  four.")
    assert location is not None
    assert view_text[location.start:location.end] == "One two\u2028three four."
    shown = "One two\nthree  four."
    four = shown.index("four")
    assert view_text[location.position(four):location.position(four + 4)] == "four"
    assert locate(view_text, 0, "not there") is None


def test_a_repeated_sentence_is_found_where_it_is_read() -> None:
    document = Document("T", (Question("Q", "", (Answer("Yes. Yes."),)),))
    script = build_script(document)
    view_text = "Q\u2029Answer 1 of 1\u2029Yes. Yes."
    anchors = {"question-1": 0, "answer-1-1": view_text.index("Answer")}
    locations = locate_script(view_text, anchors, script)
    starts = [location.start for location in locations if location is not None]
    assert [u.spoken for u in script] == ["Q", "Answer 1 of 1", "Yes.", "Yes."]
    assert starts == [0, 2, view_text.index("Yes."), view_text.rindex("Yes.")]


def test_answer_navigation_helpers() -> None:
    script = build_script(_sample())
    first_answer = next_part_start(script, 0, (PartKind.ANSWER,))
    assert script[first_answer].spoken == "Answer 1 of 4"
    second = next_part_start(script, first_answer, (PartKind.ANSWER,))
    assert script[second].spoken == "Answer 2 of 4"
    assert previous_part_start(script, second + 1, (PartKind.ANSWER,)) == first_answer
    assert next_part_start(script, len(script) - 1, (PartKind.ANSWER,)) == -1


def test_speeds_map_to_the_engine_rate_and_back() -> None:
    assert speed_to_rate(1.0) == 0.0
    assert speed_to_rate(0.5) == -1.0 and speed_to_rate(2.0) == 1.0
    for index, speed in enumerate(SPEEDS):
        assert rate_to_speed(speed_to_rate(speed)) == pytest.approx(speed)
        assert nearest_speed_index(speed_to_rate(speed)) == index
    steps = [b / a for a, b in zip(SPEEDS[:-1], SPEEDS[1:], strict=True)]
    assert all(1.1 <= step <= 1.25 for step in steps)  # every step is one people can hear


@pytest.mark.parametrize("theme", [*THEME_NAMES, "unknown"])
@pytest.mark.parametrize("dark", [False, True])
def test_highlight_colours_keep_readable_contrast(theme: str, dark: bool) -> None:
    colours = highlight_colours(theme, dark)
    assert contrast_ratio(colours.sentence_background, colours.sentence_text) >= (
        MIN_HIGHLIGHT_CONTRAST)
    assert contrast_ratio(colours.word_background, colours.word_text) >= MIN_HIGHLIGHT_CONTRAST
    assert colours.word_background != colours.sentence_background


def test_the_read_aloud_colours_are_the_themes_own() -> None:
    from qa_reader.themes import theme_for

    for name in THEME_NAMES:
        theme = theme_for(name, system_is_dark=True)
        colours = highlight_colours(name, system_is_dark=True)
        assert (colours.sentence_background, colours.word_background) == (
            theme.sentence_background, theme.word_background)
