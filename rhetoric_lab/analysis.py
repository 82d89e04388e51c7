"""One function that runs every analysis and returns plain JSON-ready data.

The sections are the text's paragraphs and sentences, one per lesson topic (in the order of
:data:`rhetoric_lab.topics.TOPICS`), and the warnings the topics raise. The command line's
``analyze`` prints exactly this.
"""

from __future__ import annotations

import inspect

from . import topics
from .text import as_article, paused_gc


def _options_for(function, options: dict) -> dict:
    """The ``options`` that ``function`` takes as keyword arguments (a topic's ``to_json`` may take some)."""
    parameters = inspect.signature(function).parameters
    return {k: v for k, v in options.items() if k in parameters}


def analyze(article_or_text, only=None, compare_textstat: bool = False) -> dict:
    """Run every analysis on an Article or a string; ``only`` names some topics to run.

    ``compare_textstat=True`` adds the textstat package's own counts and scores to the readability
    section (key ``"textstat"``): the cross-check of notebook 05, which takes about as long again.

    >>> result = analyze("The U.S. agreed. France did too.")
    >>> len(result["sentences"]), list(result)[3:]
    (2, ['metaphors', 'allusions', 'quotes', 'readability', 'warnings'])
    """
    if isinstance(only, str):
        only = [only]
    with paused_gc():
        article = as_article(article_or_text)
        chosen = [topics.get(name) for name in only] if only else list(topics.TOPICS)
        options = {"compare_textstat": compare_textstat}
        result = {
            "name": article.name,
            "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
            "sentences": [
                {"start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph} for s in article.sentences
            ],
        }
        for topic in chosen:
            result[topic.name] = topic.to_json(article, **_options_for(topic.to_json, options))
        result["warnings"] = [w for topic in chosen if topic.warnings for w in topic.warnings(article)]
    return result
