"""TREC LiveQA Medical XML: consumer health questions with reference answers.

One file holds many ``<NLM-QUESTION>`` elements under one root. The training files
and the test file of the same collection spell things differently::

    <NLM-QUESTION qid="…" qfile="…">          <NLM-QUESTION qid="…">
      <SUBJECT>…</SUBJECT>                      <Original-Question qFile="…">
      <MESSAGE>…</MESSAGE>                        <Subject>…</Subject>
      <ANSWERS>                                   <Message>…</Message>
        <ANSWER answerid="1">…</ANSWER>         </Original-Question>
      </ANSWERS>                                <ReferenceAnswers>
    </NLM-QUESTION>                               <RefAnswer aid="1">
                                                    <Answer>…</Answer>
                                                  </RefAnswer>
                                                </ReferenceAnswers>
                                              </NLM-QUESTION>

so tags are matched by local name without regard to case, and every spelling above
(and ``ReferenceAnswer`` for ``RefAnswer``) is accepted. The subject is often
empty; the question's title is then the first sentence of the message, which
stays in full as the details. Empty answers are left out; a question without
answers is shown as not answered yet.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ..document import Answer, Document, DocumentSource, Question
from .errors import FormatError
from .textblocks import collapse_spaces, excerpt, lines_to_paragraphs
from .xml_safe import children, first_child, local_name, parse_xml, text_of

__all__ = ["DOCUMENT_TITLE", "parse_liveqa"]

QUESTION = "nlm-question"
DOCUMENT_TITLE = "Consumer health questions (TREC LiveQA)"


def _part(question: Element, name: str) -> str:
    """SUBJECT / MESSAGE directly, or under Original-Question."""
    direct = first_child(question, name)
    if direct is not None:
        return text_of(direct)
    original = first_child(question, "original-question")
    return text_of(first_child(original, name)) if original is not None else ""


def _answer_texts(question: Element) -> list[str]:
    texts: list[str] = []
    for group in children(question, "answers"):
        texts.extend(text_of(answer) for answer in children(group, "answer"))
    for group in children(question, "referenceanswers"):
        for reference in children(group, "refanswer", "referenceanswer"):
            inner = list(children(reference, "answer"))
            texts.extend(map(text_of, inner) if inner else [text_of(reference)])
    return texts


def _question(element: Element) -> Question:
    subject = collapse_spaces(_part(element, "subject"))
    message = lines_to_paragraphs(_part(element, "message"))
    answers = tuple(
        Answer(text) for text in map(lines_to_paragraphs, _answer_texts(element)) if text
    )
    return Question(title=subject or excerpt(message), details=message, answers=answers)


def parse_liveqa(data: bytes, source: DocumentSource) -> Document:
    root = parse_xml(data)
    elements = [element for element in root.iter() if local_name(element) == QUESTION]
    if not elements:
        raise FormatError("it holds no <NLM-QUESTION> elements")
    questions = tuple(
        question
        for question in map(_question, elements)
        if question.title or question.details or question.answers
    )
    if not questions:
        raise FormatError("its <NLM-QUESTION> elements are all empty")
    title = (questions[0].title if len(questions) == 1 else "") or DOCUMENT_TITLE
    return Document(title=title, questions=questions, source=source)
