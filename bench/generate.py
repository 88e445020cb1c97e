"""Synthetic Q&A documents of a chosen size, in every format the app reads.

The text is made from a fixed vocabulary with a seeded random generator, so the same
size always gives the same document. Answers vary in length (one short line to several
long paragraphs), carry signatures, and some contain non-ASCII text (accents, the
degree sign, typographic quotes, Greek and CJK characters) so decoding and layout meet
more than ASCII.

    python bench/generate.py OUT_DIR            # 10 KB, 100 KB, 1 MB and 10 MB
    python bench/generate.py OUT_DIR --sizes 100000
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SIZES: dict[str, int] = {
    "10KB": 10_000,
    "100KB": 100_000,
    "1MB": 1_000_000,
    "10MB": 10_000_000,
}

_WORDS = (
    "fever temperature paracetamol ibuprofen dose tablet hours day night doctor nurse "
    "pharmacy rest water sleep pain headache stomach food milk blood pressure heart "
    "breathing cough throat infection virus bacteria antibiotic symptom sign week month "
    "child adult elderly pregnant kidney liver allergy rash swelling dizziness tired "
    "appointment test result check advice safe usually often rarely common careful "
    "within between before after with without because although when if the a an and "
    "or but it is are was be can may should must will your you they this that these"
).split()
_NON_ASCII = (
    "38,6 °C", "café", "Müller", "naïve", "“careful”", "— note —", "½ tablet", "µg",
    "Ωmega", "β-blocker", "发烧", "熱", "Ärztin", "São Paulo", "œdema",
)
_DOCTORS = (
    "Dr. Amina Farouk, General Practitioner", "Dr. Jonas Berg, Clinical Pharmacologist",
    "Dr. Helen Okafor, Emergency Medicine", "Dr. Peter Lindqvist, Family Medicine",
    "Dr. Zoë Nakamura, Paediatrics", "Dr. Rafael Núñez, Cardiology",
)
DISCLAIMER = (
    "The answers above are general information written for this synthetic page. They are "
    "not a diagnosis and do not replace a consultation with a doctor."
)


@dataclass(frozen=True)
class SyntheticAnswer:
    paragraphs: tuple[str, ...]
    author: str


@dataclass(frozen=True)
class SyntheticQuestion:
    title: str
    details: str
    answers: tuple[SyntheticAnswer, ...]


class _Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def sentence(self) -> str:
        count = self.random.randint(6, 24)
        words = [self.random.choice(_WORDS) for _ in range(count)]
        if self.random.random() < 0.15:
            words.insert(self.random.randrange(len(words)), self.random.choice(_NON_ASCII))
        return " ".join(words).capitalize() + self.random.choice(".....?!")

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(1, 6)))

    def answer(self) -> SyntheticAnswer:
        shape = self.random.random()
        count = 1 if shape < 0.5 else self.random.randint(2, 4)
        paragraphs = tuple(self.paragraph() for _ in range(count))
        if shape < 0.1:
            paragraphs = (self.sentence(),)  # a one-line answer
        return SyntheticAnswer(paragraphs, self.random.choice(_DOCTORS))

    def question(self, target_chars: int) -> SyntheticQuestion:
        title = self.sentence().rstrip(".!") + "?"
        details = "\n\n".join(self.paragraph() for _ in range(2))
        answers: list[SyntheticAnswer] = []
        size = len(title) + len(details)
        while size < target_chars or not answers:
            answer = self.answer()
            answers.append(answer)
            size += sum(len(p) + 2 for p in answer.paragraphs) + len(answer.author) + 5
        return SyntheticQuestion(title, details, tuple(answers))


def synthetic_questions(size: int, per_question: int = 250_000) -> list[SyntheticQuestion]:
    """Questions adding up to about `size` characters (several once it is large)."""
    writer = _Writer(seed=size)
    count = max(1, size // per_question)
    return [writer.question(size // count) for _ in range(count)]


# -- formats -----------------------------------------------------------------------------------


def page_text(question: SyntheticQuestion) -> str:
    """The saved-page text format (one question per page, as such sites show it)."""
    lines = ["Font Size: Increase | Decrease", "", question.title, "", question.details, ""]
    lines += [f"Doctors Answers ({len(question.answers)})", ""]
    for answer in question.answers:
        lines += ["\n\n".join(answer.paragraphs), f"-- {answer.author}", ""]
    lines += [f"Disclaimer: {DISCLAIMER}", ""]
    return "\n".join(lines)


def qa_reader_json(questions: list[SyntheticQuestion]) -> str:
    """The app's own qa-reader/1 JSON (docs/json-schema.md)."""
    data = {
        "schema": "qa-reader/1",
        "title": questions[0].title,
        "disclaimer": DISCLAIMER,
        "source": {"path": None, "format": "json"},
        "questions": [
            {
                "title": q.title,
                "details": q.details,
                "declared_answer_count": len(q.answers),
                "answers": [
                    {"text": "\n\n".join(a.paragraphs), "author": a.author} for a in q.answers
                ],
            }
            for q in questions
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def saved_html(question: SyntheticQuestion) -> str:
    """A saved web page: navigation, a script and a form around the Q&A."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>", e(question.title),
        "</title><style>body{font:12px sans-serif}</style>",
        "<script>window.tracker = 1;</script></head><body>",
        "<nav><a href='/'>Home</a> &gt; <a href='/q'>Questions</a></nav>",
        "<div>Font Size: Increase | Decrease</div>",
        f"<h1>{e(question.title)}</h1>",
        *(f"<p>{e(p)}</p>" for p in question.details.split("\n\n")),
        f"<h2>Doctors Answers ({len(question.answers)})</h2>",
    ]
    for answer in question.answers:
        parts.append("<div class='answer'>")
        parts += [f"<p>{e(p)}</p>" for p in answer.paragraphs]
        parts.append(f"<p>-- {e(answer.author)}</p></div>")
    parts += [
        f"<p>Disclaimer: {e(DISCLAIMER)}</p>",
        "<form><input name='q'><button>Search</button></form></body></html>\n",
    ]
    return "".join(parts)


def medquad_xml(questions: list[SyntheticQuestion]) -> str:
    """MedQuAD's layout: a Document with a Focus and QAPairs of one answer each."""
    e = html.escape
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<Document id="0000001" source="Synthetic" url="https://example.org/topic">\n',
        f"<Focus>{e(questions[0].title)}</Focus>\n<QAPairs>\n",
    ]
    pid = 0
    for question in questions:
        for answer in question.answers:
            pid += 1
            parts.append(
                f'<QAPair pid="{pid}"><Question qid="0000001-{pid}" qtype="information">'
                f"{e(question.title)}</Question><Answer>{e(chr(10).join(answer.paragraphs))}"
                "</Answer></QAPair>\n"
            )
    parts.append("</QAPairs>\n</Document>\n")
    return "".join(parts)


def liveqa_xml(questions: list[SyntheticQuestion]) -> str:
    """TREC LiveQA Medical's layout: NLM-QUESTIONs with reference answers."""
    e = html.escape
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<NLM-QUESTIONS>\n']
    for number, question in enumerate(questions, 1):
        parts.append(
            f'<NLM-QUESTION qid="Q{number}"><Original-Question>'
            f"<Subject>{e(question.title)}</Subject><Message>{e(question.details)}</Message>"
            "</Original-Question><ReferenceAnswers>"
        )
        for answer in question.answers:
            parts.append(
                "<RefAnswer><Answer>" + e("\n\n".join(answer.paragraphs)) + "</Answer></RefAnswer>"
            )
        parts.append("</ReferenceAnswers></NLM-QUESTION>\n")
    parts.append("</NLM-QUESTIONS>\n")
    return "".join(parts)


FORMATS = ("txt", "json", "html", "medquad.xml", "liveqa.xml")


def documents(size: int) -> Iterator[tuple[str, str]]:
    """(file suffix, content) for every format, each about `size` bytes."""
    questions = synthetic_questions(size)
    # The page formats hold one question; for them one question carries the whole size.
    single = synthetic_questions(size, per_question=size)[0]
    yield "txt", page_text(single)
    yield "json", qa_reader_json(questions)
    yield "html", saved_html(single)
    yield "medquad.xml", medquad_xml(questions)
    yield "liveqa.xml", liveqa_xml(questions)


def write_all(out_dir: Path, sizes: dict[str, int] = SIZES) -> dict[str, dict[str, Path]]:
    """Writes every size in every format; returns {size label: {suffix: path}}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, dict[str, Path]] = {}
    for label, size in sizes.items():
        written[label] = {}
        for suffix, content in documents(size):
            path = out_dir / f"synthetic-{label}.{suffix}"
            path.write_text(content, encoding="utf-8")
            written[label][suffix] = path
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", help="sizes in bytes (default: all)")
    args = parser.parse_args(argv)
    sizes = {f"{n}B": n for n in args.sizes} if args.sizes else SIZES
    for label, files in write_all(args.out_dir, sizes).items():
        for suffix, path in files.items():
            print(f"{label:>6} {suffix:<12} {path.stat().st_size:>10,} bytes  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
