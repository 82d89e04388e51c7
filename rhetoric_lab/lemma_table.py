"""lemminflect's table of lemmas, read on demand: the same answers, without parsing 80,000 lines first.

lemminflect parses its whole lookup table (``lemma_lu.csv.gz``, one ``word,category,lemmas`` line
per reading, sorted by word) into nested dicts the first time any word is looked up: about 0.2 s,
the largest part of a first ``analyze``. :class:`LemmaTable` keeps the lines as they are and finds
a word's lines by binary search, parsing only those, with lemminflect's own codec; lemminflect's
lemmatizer is then given it in place of its dict (:func:`read_lemmas_on_demand`). Every word gets
what it got before: ``tests/test_metaphor_everyday.py`` compares the two tables word by word.
"""

from __future__ import annotations

import bisect
import gzip
from pathlib import Path

from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Lemmatizer import Lemmatizer
from lemminflect.core.LexicalUtils import categoryToUPos


def _word_of(line: str) -> str:
    return line[: line.find(",")]


class LemmaTable:
    """A word's readings, {upos: lemmas}, as ``LemmaLUCodec.load(path)[word]`` gives them.

    >>> LemmaTable(Lemmatizer().lemma_lu_fn).get("building")
    {'NOUN': ('building',), 'VERB': ('build',)}
    """

    def __init__(self, path: str | Path):
        self.path = path
        self._lines: list[str] | None = None

    def _all_lines(self) -> list[str]:
        if self._lines is None:
            self._lines = gzip.decompress(Path(self.path).read_bytes()).decode().splitlines()
        return self._lines

    def get(self, word: str, default=None):
        lines = self._all_lines()
        at = bisect.bisect_left(lines, word, key=_word_of)
        found = {}
        while at < len(lines) and _word_of(lines[at]) == word:
            _, category, forms = LemmaLUCodec.fromString(lines[at])
            found[categoryToUPos(category)] = forms
            at += 1
        return found or default

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


def read_lemmas_on_demand() -> None:
    """Give lemminflect's lemmatizer a :class:`LemmaTable` unless it has already loaded its dict."""
    lemmatizer = Lemmatizer()
    if not hasattr(lemmatizer, "lemma_dict") and hasattr(lemmatizer, "lemma_lu_fn"):
        lemmatizer.lemma_dict = LemmaTable(lemmatizer.lemma_lu_fn)
