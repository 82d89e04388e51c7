"""What other sources say about a text: the "found elsewhere" facts in its metadata (``*.meta.json``).

A seed's metadata records only what the text itself says; facts checked in other sources (the
speech's title, date, venue and audience; where the report was published) sit apart, in
``found_elsewhere``, each with its source, so that nobody mistakes them for the article's own words.
"""

from __future__ import annotations

import pandas as pd

from .text import as_article

_COLUMNS = ["about", "fact", "value", "source"]


def found_elsewhere_table(article_or_text) -> pd.DataFrame:
    """Facts about a text from outside it, with their sources: ``about``, ``fact``, ``value``, ``source``.

    Empty for a text whose metadata has no ``found_elsewhere`` block (any text you paste in).

    >>> import rhetoric_lab as rl
    >>> table = rl.found_elsewhere_table(rl.load_article("carter-paris-speech-report"))
    >>> table.set_index("fact").loc["date", "value"]
    '21 January 2016'
    """
    article = as_article(article_or_text)
    facts = (article.meta.get("found_elsewhere") or {}).get("facts", [])
    return pd.DataFrame([{c: f.get(c, "") for c in _COLUMNS} for f in facts], columns=_COLUMNS)
