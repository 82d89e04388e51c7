"""One function that runs every analysis and returns plain JSON-ready data.

The sections are the text's paragraphs and sentences, one per lesson topic (in the order of
:data:`rhetoric_lab.topics.TOPICS`), and the warnings the topics raise. The command line's
``analyze`` prints exactly this.
"""

from __future__ import annotations

from . import topics
from .text import as_article


def analyze(article_or_text, only=None) -> dict:
    """Run every analysis on an Article or a string; ``only`` names some topics to run.

    >>> result = analyze("The U.S. agreed. France did too.")
    >>> len(result["sentences"]), list(result)[3:]
    (2, ['metaphors', 'allusions', 'quotes', 'readability', 'warnings'])
    """
    article = as_article(article_or_text)
    chosen = [topics.get(name) for name in only] if only else list(topics.TOPICS)
    result = {
        "name": article.name,
        "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
        "sentences": [
            {"start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph} for s in article.sentences
        ],
    }
    for topic in chosen:
        result[topic.name] = topic.to_json(article)
    result["warnings"] = [w for topic in chosen if topic.warnings for w in topic.warnings(article)]
    return result
