"""Rhetoric Lab: tools for the close reading of political rhetoric.

>>> import rhetoric_lab as rl
>>> article = rl.load_article("carter-paris-speech-report")
>>> len(article.sentences)
12

Heavy libraries (pandas, NLTK, matplotlib) load only when first needed, so
``import rhetoric_lab`` stays fast.
"""

from .errors import RhetoricLabError
from .text import Article, as_article, load_article

__version__ = "0.1.0"

__all__ = ["Article", "RhetoricLabError", "analyze", "as_article", "load_article"]


def analyze(article_or_text) -> dict:
    """Run every analysis; see :func:`rhetoric_lab.analysis.analyze`."""
    from .analysis import analyze as _analyze

    return _analyze(article_or_text)
