"""Printable handouts for the classroom, made from the same data as the notebooks' exercises.

Each handout is a student's sheet and a teacher's answer sheet (the sheets are in
:mod:`rhetoric_lab.display.handout_sheets`). The exercises, their words and their answers come from the
answer keys in ``seeds/keys/``, so a sheet always says what the key says. ``python3 run.py handouts``
writes them to ``handouts/`` (HTML, and PDF where Chromium is installed); :func:`handout_documents`
gives them as strings.

>>> docs = handout_documents()
>>> sorted(docs)[:2]
['00-article-teacher.html', '00-article.html']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .handout_page import Raw, page
from .handout_sheets import (
    allusion_sheet,
    allusion_teacher,
    article_sheet,
    article_teacher,
    metaphor_sheet,
    metaphor_teacher,
    notebook_of,
    quotes_sheet,
    quotes_teacher,
    readability_sheet,
    readability_teacher,
    report_sheet,
    report_teacher,
)

# ---------------------------------------------------------------- the list of handouts


@dataclass(frozen=True)
class Handout:
    """One handout: a student's sheet and a teacher's answer sheet, and the keys they are made from."""

    name: str  #: the file name without ".html": "01-metaphor"
    title: str
    student: Callable[[], Raw]
    teacher: Callable[[], Raw]
    source: str  #: the data it is made from, in words (printed in its footer)


def _prefix(topic_key: str) -> str:
    return notebook_of(topic_key)[:2]


def handouts() -> list[Handout]:
    """Every handout, in the order of the notebooks (their numbers come from the topic registry).

    >>> [h.name for h in handouts()][:2]
    ['00-article', '01-metaphor']
    """
    return [
        Handout(
            "00-article",
            "The article, with numbered paragraphs and sentences",
            article_sheet,
            article_teacher,
            "the article in seeds/ and every answer key in seeds/keys/",
        ),
        Handout(
            f"{_prefix('metaphors')}-metaphor",
            "Metaphor: the hunt and the MIPVU worksheet",
            metaphor_sheet,
            metaphor_teacher,
            "seeds/keys/metaphors.json",
        ),
        Handout(
            f"{_prefix('allusions')}-allusions",
            "Allusions: research the references",
            allusion_sheet,
            allusion_teacher,
            "seeds/keys/allusions.json",
        ),
        Handout(
            f"{_prefix('quotes')}-quotes",
            "Quotations: whose words?",
            quotes_sheet,
            quotes_teacher,
            "seeds/keys/quotes.json",
        ),
        Handout(
            f"{_prefix('report')}-report",
            "The report and the speech: what did the reporter do?",
            report_sheet,
            report_teacher,
            "seeds/keys/report.json",
        ),
        Handout(
            f"{_prefix('readability')}-readability",
            "Readability: a score by hand",
            readability_sheet,
            readability_teacher,
            "seeds/keys/readability.json",
        ),
    ]


def handout_documents(paper: str | None = None) -> dict[str, str]:
    """Every handout as a complete HTML document, by file name: "01-metaphor.html", "01-metaphor-teacher.html".

    ``paper`` ("a4" or "letter") fixes the page size, for printing to PDF.
    """
    documents = {}
    for h in handouts():
        documents[f"{h.name}.html"] = page(h.title, h.student(), source=h.source, paper=paper)
        documents[f"{h.name}-teacher.html"] = page(
            f"Answers · {h.title}", h.teacher(), teacher=True, source=h.source, paper=paper
        )
    return documents
