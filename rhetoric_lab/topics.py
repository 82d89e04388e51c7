"""The lesson topics, listed once. ``analyze``, the command line, the report, the answer-key writer and
the course tests all read this list.

Each :class:`Topic` says: its name (also its key in ``rhetoric-lab analyze``), its finder, how its
findings become JSON, the report section that shows them, one line for the report's "at a glance",
which table the highlight view draws, its answer key in ``seeds/keys/`` and its notebook.

Adding a topic means writing its module (a finder that returns a table with ``start`` and ``end``)
and adding one :class:`Topic` here with :func:`register`; see CONTRIBUTING.md.

>>> [t.name for t in TOPICS]
['metaphors', 'allusions', 'quotes', 'readability']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import allusion, metaphor, quotes, readability
from .display import allusion as allusion_views
from .display import metaphor as metaphor_views
from .display import quotes as quote_views
from .display import readability as readability_views
from .errors import RhetoricLabError


@dataclass(frozen=True)
class Topic:
    """One lesson topic and the parts that serve it."""

    name: str  #: the topic's name, and its key in the JSON of ``rhetoric-lab analyze``
    title: str  #: the heading of its section in the rhetorical profile
    find: Callable  #: the finder: an Article or a text -> a DataFrame with ``start`` and ``end``
    to_json: Callable  #: an Article -> JSON-ready data for ``rhetoric-lab analyze``
    report: Callable  #: (article, speech_year=...) -> the HTML of its section in the profile
    glance: Callable  #: an Article -> one line for the profile's "at a glance" list
    highlight: str | None = None  #: the table ``rl.highlight(article, topic=name)`` draws
    warnings: Callable | None = None  #: an Article -> JSON-ready warnings (``"warnings"`` in analyze)
    key: str | None = None  #: its answer key: ``seeds/keys/<key>.json``
    notebook: str | None = None  #: its lesson notebook in ``notebooks/``


def _grade(article) -> str:
    grade = readability.scores(article)["flesch_kincaid_grade"]
    return f"Flesch–Kincaid grade {grade if grade is None else round(grade, 1)}"


#: The topics, in the order of the lessons.
TOPICS: list[Topic] = [
    Topic(
        name="metaphors",
        title="Metaphor candidates",
        find=metaphor.find_metaphors,
        to_json=metaphor.to_json,
        report=metaphor_views.report_section,
        glance=lambda a: f"{len(metaphor.find_metaphors(a))} metaphor candidates",
        highlight="metaphors",
        key="metaphors",
        notebook="01-metaphor.ipynb",
    ),
    Topic(
        name="allusions",
        title="Allusions on a time line",
        find=allusion.find_allusions,
        to_json=allusion.to_json,
        report=allusion_views.report_section,
        glance=lambda a: f"{len(allusion.find_allusions(a))} allusions the gazetteer knows",
        highlight="allusions",
        key="allusions",
        notebook="02-allusions.ipynb",
    ),
    Topic(
        name="quotes",
        title="Quotations: whose words?",
        find=quotes.find_quotations,
        to_json=quotes.to_json,
        report=quote_views.report_section,
        glance=lambda a: f"{len(quotes.find_quotations(a))} quotations in quotation marks",
        highlight="voices",
        warnings=quotes.warnings_to_json,
        key="quotes",
        notebook="03-quotes.ipynb",
    ),
    Topic(
        name="readability",
        title="Readability",
        find=readability.find_sentence_scores,
        to_json=readability.to_json,
        report=readability_views.report_section,
        glance=_grade,
        highlight="sentence scores",
        key="readability",
        notebook="05-readability.ipynb",
    ),
]


def get(name: str) -> Topic:
    """The topic called ``name``, with a clear message if there is none.

    >>> get("quotes").highlight
    'voices'
    """
    for topic in TOPICS:
        if topic.name == name:
            return topic
    raise RhetoricLabError(f"There is no topic called {name!r}. Topics: {', '.join(t.name for t in TOPICS)}.")


def register(topic: Topic) -> None:
    """Add a topic at the end of the list (or replace the one with the same name)."""
    unregister(topic.name)
    TOPICS.append(topic)


def unregister(name: str) -> None:
    """Remove the topic called ``name``, if there is one."""
    TOPICS[:] = [t for t in TOPICS if t.name != name]
