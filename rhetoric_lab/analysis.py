"""One function that runs every analysis and returns plain JSON-ready data.

Each lesson module adds one section to ``SECTIONS``: a name and a function
that takes an Article and returns JSON-ready data. The command line's
``analyze`` prints exactly this.
"""

from __future__ import annotations

from .text import Article, as_article


def _paragraphs(article: Article) -> list[dict]:
    return [{"start": p.start, "end": p.end} for p in article.paragraphs]


def _sentences(article: Article) -> list[dict]:
    return [{"start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph} for s in article.sentences]


def _topic(module_name: str):
    """The ``analyze_section`` of a lesson module, imported only when it runs."""

    def section(article: Article):
        from importlib import import_module

        return import_module(f"rhetoric_lab.{module_name}").analyze_section(article)

    section.__name__ = module_name
    return section


def _warnings(article: Article) -> list[dict]:
    """Problems in the text a reader should know about, such as a quotation mark with no partner."""
    from .quotes import quotation_warnings

    return [
        {"start": int(w.start), "end": int(w.end), "message": w.message}
        for w in quotation_warnings(article).itertuples()
    ]


#: (name, function) pairs; the output keeps this order.
SECTIONS = [
    ("paragraphs", _paragraphs),
    ("sentences", _sentences),
    ("readability", _topic("readability")),
    ("metaphors", _topic("metaphor")),
    ("allusions", _topic("allusion")),
    ("quotes", _topic("quotes")),
    ("warnings", _warnings),
]


def analyze(article_or_text) -> dict:
    """Run every analysis on an Article or a string.

    >>> result = analyze("The U.S. agreed. France did too.")
    >>> len(result["sentences"])
    2
    """
    article = as_article(article_or_text)
    result = {"name": article.name}
    for name, function in SECTIONS:
        result[name] = function(article)
    return result
