"""The quote finder's fast paths give exactly what the simple versions they replace give.

Each simple version below is the code as it was before the speed work, kept here as the reference.
They are compared with the fast ones on the seed, every text of ``tests/texts/``, the quotation cases,
the adversarial inputs of ``benchmarks/corpus.py``, hand-made hostile strings and random strings.
"""

from __future__ import annotations

import bisect
import csv
import sys

import pytest
from conftest import ROOT, SEED_PATH, TEXTS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import rhetoric_lab as rl
from rhetoric_lab.errors import RhetoricLabError
from rhetoric_lab.quotes import marks, tokens
from rhetoric_lab.quotes.lexicon import words

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import ADVERSARIAL, adversarial, mixed_text  # noqa: E402

HOSTILE = [
    "x",
    "x . . ,",
    "Mr. Dr. U.S. a. b. J. R. R. Tolkien Jr. said. Sen. “Hi,” Mr.“x” said Mr.",
    "Mr.“We won.” Gov. Ann O’Neil’s van der Berg told reporters. ‘a’ ’b’ \"c\" ''d'' he said.",
    "“Open and never closed. Mills said. “Another,” she said “and” ‘one’ more’s.",
    "Le Pen and de Gaulle, Mills’s friend, told reporters in Paris, France, that it’s fine.",
    "3.5% of U.S.A. e.g. 10,000.5 dollars — said Mills — and “…” — Carla Sanchez\nNext line.",
    "said Said SAID, according to Mills. Calling it “odd,” Lee, the director of Y, said.",
]


def _case_texts() -> list[str]:
    with open(TEXTS / "quote_cases.csv", encoding="utf-8") as fh:
        return [row["text"] for row in csv.DictReader(line for line in fh if not line.startswith("#"))]


def _texts() -> list[str]:
    texts = [SEED_PATH.read_text(encoding="utf-8"), mixed_text(3_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))]
    texts += [adversarial(kind, n) for kind in ADVERSARIAL for n in (120, 700)]
    return texts + HOSTILE + _case_texts()


TEXTS_ALL = _texts()
_ALPHABET = list("aAbMs .,;:!?'\"“”‘’—-()\n0123456789") + ["Mr.", "U.S.", " said ", " Mills ", " he ", "Jr.", "’s "]
random_texts = st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join)


def _parts(text: str):
    """The article and its quotations (a text with no words is no article: hypothesis skips it)."""
    try:
        article = rl.Article(text)
    except RhetoricLabError:
        assume(False)
    quotes, _ = marks.scan(article)
    return article, quotes


# --- tokens ---------------------------------------------------------------------------------------


def simple_tokenize(article, quotes):
    """tokens.tokenize before the speed work: a search and a bisect for every token."""
    text = article.text
    starts = [s.start for s in article.sentences]
    sentences = article.sentences
    toks = []

    def add(start, end, kind, quote=-1):
        s = max(0, bisect.bisect_right(starts, start) - 1)
        piece = text[start:end]
        toks.append(tokens.Tok(len(toks), start, end, piece, piece.lower(), kind, s, sentences[s].paragraph, quote))

    def keeps_period(word, end):
        if end >= len(text) or text[end] != ".":
            return False
        w = words()
        return len(word) == 1 or word + "." in w.titles or word.lower() in w.abbreviations

    def words_between(a, b):
        pos = a
        while pos < b:
            m = tokens._TOKEN.search(text, pos, b)
            if not m:
                return
            start, end = m.span()
            kind = "w" if text[start].isalnum() else "p"
            if kind == "w" and not text[start].isdigit() and keeps_period(text[start:end], end) and end < b:
                end += 1
            add(start, end, kind)
            pos = end

    pos = 0
    for n, q in enumerate(quotes):
        if q.level != 1:
            continue
        words_between(pos, q.open_at)
        end = q.close_at + len(q.close_mark)
        add(q.open_at, end, "q", n)
        pos = end
    words_between(pos, len(text))
    return toks


def _same_tokens(text: str) -> None:
    article, quotes = _parts(text)
    assert tokens.tokenize(article, quotes) == simple_tokenize(article, quotes), text[:200]


@pytest.mark.parametrize("index", range(len(TEXTS_ALL)))
def test_tokens_are_the_simple_tokens(index):
    _same_tokens(TEXTS_ALL[index])


@settings(max_examples=150, deadline=None)
@given(random_texts)
def test_tokens_are_the_simple_tokens_on_random_text(text):
    _same_tokens(text)
