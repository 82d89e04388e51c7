"""Read a text and split it into paragraphs, sentences and words, offline.

Every span keeps ``start`` and ``end`` character offsets into the original
text, so ``article.text[s.start:s.end] == s.text`` always holds.

* Paragraphs: if the text has blank lines, a paragraph is a block between
  blank lines; otherwise every non-empty line is a paragraph.
* Sentences: NLTK's Punkt splitter, run inside each paragraph, with the
  abbreviation list in ``rhetoric_lab/data/abbreviations.txt``. It needs no
  downloaded data. "U.S.", "Lt. Gen.", "Calif.", "a.m.", "No. 10", initials
  ("John F. Kennedy", "W.E.B. Du Bois", "the G.I. Bill") and an ellipsis (…) end
  no sentence.
* Words: NLTK's Treebank-style word tokenizer, run on each sentence. It needs
  no downloaded data either.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import gc
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from nltk.tokenize.destructive import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .data import read_list, seeds_dir
from .errors import EmptyTextError, RhetoricLabError, TextEncodingError, TextNotFoundError
from .files import MAX_BYTES, as_path, describe, read_bytes, shown
from .tokens import span_tokenize
from .wordforms import is_clitic

#: The largest text Rhetoric Lab accepts, in characters (a long novel is about 1 million).
MAX_CHARS = MAX_BYTES

# One-for-one character swaps (so offsets do not move) that help NLTK's word
# tokenizer: a curly apostrophe acts like a straight one, and an ellipsis or a
# dash glued between two words is split off like a semicolon.
_TOKENIZER_SWAPS = str.maketrans({"’": "'", "…": ";", "—": ";", "–": ";", "\u00a0": " "})
_WORD_CHAR = re.compile(r"\w")
_FALLBACK_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# The end of a sentence just before a line break: . ! ? : or … and perhaps closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"”’')\]]{0,3}[ \t\r]*\Z")


class Paragraph(NamedTuple):
    """One paragraph: its position in the article and its offsets."""

    index: int
    start: int
    end: int
    text: str


class Sentence(NamedTuple):
    """One sentence, with the index of the paragraph it belongs to."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


class Token(NamedTuple):
    """One word or punctuation mark. ``is_word`` is False for punctuation."""

    index: int
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    is_word: bool


@dataclass(frozen=True)
class Article:
    """A text split into paragraphs, sentences and tokens.

    >>> art = Article.from_text("The U.S. agreed. France did too.")
    >>> [s.text for s in art.sentences]
    ['The U.S. agreed.', 'France did too.']
    """

    text: str
    name: str = "your text"
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    meta: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        """``Article("some text")`` splits the text, as :meth:`from_text` does."""
        parts = (self.paragraphs, self.sentences, self.tokens)
        if not all(isinstance(part, tuple) for part in parts):
            raise RhetoricLabError(
                "`paragraphs`, `sentences` and `tokens` are worked out by Article(text): leave them out."
            )
        if self.tokens:  # already split (from_text, or a copy of an Article)
            return
        if not isinstance(self.name, str):
            raise RhetoricLabError('`name` must be a short text in quotation marks, such as "my speech".')
        if not isinstance(self.meta, dict):
            raise RhetoricLabError('`meta` must be a dictionary, such as {"year": 2016}, or left out.')
        check_text(self.text, self.name)
        with paused_gc():
            paragraphs = split_paragraphs(self.text)
            sentences = split_sentences(self.text, paragraphs)
            tokens = tokenize(self.text, sentences)
        if not any(t.is_word for t in tokens):
            raise EmptyTextError(
                f"{self.name} has no words in it, only punctuation or symbols. Give a text with at least one word."
            )
        object.__setattr__(self, "paragraphs", paragraphs)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "tokens", tokens)

    @classmethod
    def from_text(cls, text: str, name: str = "your text", meta: dict | None = None) -> Article:
        """Split ``text`` into an Article. Raises a clear error for empty or non-text input."""
        return cls(text, name, meta=dict(meta) if isinstance(meta, dict) else ({} if meta is None else meta))

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word tokens, with clitics joined back on ("They’re", "ISIL’s", "don't")."""
        with paused_gc():
            return merge_clitics(self.tokens, self.text)

    def memo(self, key: str, compute):
        """``compute(self)``, worked out once per article and kept (analyses share it; do not change it).

        >>> art = Article.from_text("One sentence.")
        >>> art.memo("n", lambda a: len(a.words)) == art.memo("n", lambda a: -1)
        True
        """
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute(self)
        return cache[key]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that holds (or comes just before) ``offset``.

        >>> Article.from_text("One. Two.").sentence_at(6)
        1
        """
        try:
            return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)
        except (TypeError, ValueError):  # only on a wrong argument: no cost to a right one
            raise RhetoricLabError(
                f"`offset` must be a character position, a whole number such as 120; not {describe(offset)}."
            ) from None

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph that holds (or comes just before) ``offset``."""
        return self.sentences[self.sentence_at(offset)].paragraph

    def paragraph_table(self):
        """Paragraphs as a DataFrame with ``paragraph``, ``start``, ``end``, ``text``."""
        return _frame(self.paragraphs, {"index": "paragraph"})

    def sentence_table(self):
        """Sentences as a DataFrame with ``sentence``, ``start``, ``end``, ``text``, ``paragraph``."""
        return _frame(self.sentences, {"index": "sentence"})

    def word_table(self):
        """Words as a DataFrame with ``word``, ``start``, ``end``, ``text``, ``sentence``, ``paragraph``."""
        return _frame(self.words, {"index": "word"}).drop(columns="is_word")

    def __repr__(self) -> str:
        return (
            f"<Article {self.name!r}: {_count(self.paragraphs, 'paragraph')}, "
            f"{_count(self.sentences, 'sentence')}, {_count(self.words, 'word')}>"
        )


@contextlib.contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector while a text is split or analysed.

    Splitting a long text makes hundreds of thousands of small objects, and each batch of them
    starts a garbage-collection pass over everything made so far: a third of the time, for
    nothing (these objects hold no reference cycles). Reference counting still frees memory as
    usual; the collector runs again when the outermost pause ends.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _count(items, word: str) -> str:
    return f"{len(items)} {word}{'' if len(items) == 1 else 's'}"


def _frame(rows, renames):
    frame = pd.DataFrame([r._asdict() for r in rows])
    return frame.rename(columns=renames)


def check_text(text, name: str = "your text") -> None:
    """Raise a plain-words error if ``text`` cannot be analysed."""
    if not isinstance(text, str):
        raise TextEncodingError(
            f"{name} should be a string of text, but it is a {type(text).__name__}. "
            'Put your text between quotation marks, like text = """...""", or load a file '
            "with load_article('path/to/file.txt')."
        )
    if not text.strip():
        raise EmptyTextError(
            f"{name} is empty (or only spaces and blank lines). "
            "Paste some text between the quotation marks, or choose a file that has text in it."
        )
    if len(text) > MAX_CHARS:
        raise EmptyTextError(
            f"{name} has {len(text):,} characters, more than the {MAX_CHARS:,} this module "
            "handles. Split it into smaller files (a chapter or an article at a time)."
        )


def _one_line_ending(text: str) -> str:
    r"""The text with every line ending written "\n", character for character (so offsets stay):
    Windows' "\r\n" becomes " \n", and a lone "\r" (old Mac files) becomes "\n".

    >>> _one_line_ending("a\r\nb\rc")
    'a \nb\nc'
    """
    return text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Find paragraphs: blocks between blank lines; in a text without blank lines, lines that end a sentence.

    A line that stops mid-sentence (no final . ! ? : or closing quotation mark) is a wrapped line,
    and the paragraph goes on to the next line. A line may end in "\n", "\r\n" or a lone "\r".

    >>> [p.text for p in split_paragraphs("One.\\nTwo.")]
    ['One.', 'Two.']
    >>> [p.text for p in split_paragraphs("A line that wraps\\nhere. Then ends.")]
    ['A line that wraps\\nhere. Then ends.']
    >>> [p.text for p in split_paragraphs("One.\\rTwo.")]
    ['One.', 'Two.']
    """
    lines = _one_line_ending(text)
    if _BLANK_LINE.search(lines):
        breaks = [m.span() for m in _BLANK_LINE.finditer(lines)]
    else:
        breaks = [
            (m.start(), m.end())
            for m in re.finditer("\n", lines)
            if _ENDS_SENTENCE.search(lines, max(0, m.start() - 12), m.start())
        ]
    spans, pos = [], 0
    for start, end in breaks:
        spans.append((pos, start))
        pos = end
    spans.append((pos, len(text)))
    paragraphs = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        paragraphs.append(Paragraph(len(paragraphs), start, end, stripped))
    return tuple(paragraphs)


@lru_cache(maxsize=1)
def sentence_splitter():
    """NLTK's Punkt splitter with our abbreviation list; no downloaded model needed.

    >>> sentence_splitter().tokenize("He lives at No. 10 Downing Street. Lt. Gen. Hale agreed.")
    ['He lives at No. 10 Downing Street.', 'Lt. Gen. Hale agreed.']
    """
    params = PunktParameters()
    params.abbrev_types = set(read_list("abbreviations.txt"))
    # "No." before a number ("No. 10") is short for "number"; "no." elsewhere may end a sentence.
    params.collocations = {("no", "##number##")}
    return PunktSentenceTokenizer(params)


# State abbreviations that are also English words ("ill.", "mass."), so not in the abbreviation list:
# after "Town, " they end no sentence when a small letter or a digit follows ("Peoria, Ill. on Monday").
_STATE_WORD = re.compile(r",\s+(?:Del|Ill|Ind|La|Mass|Miss|Mo|Ore|Wash)\.$")
# Initials ("G.I.", "W.E.B.") end no sentence before a capitalised word that is not a common
# sentence opener: "the G.I. Bill", "W.E.B. Du Bois", but "... in the U.K. He said" splits.
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}$")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _joins(before: str, after: str) -> bool:
    """True when the break Punkt found between ``before`` and ``after`` is not a sentence end."""
    before = before.rstrip()
    first = _FIRST_WORD.match(after)
    if _STATE_WORD.search(before):
        return bool(after) and (after[0].islower() or after[0].isdigit())
    if _INITIALS.search(before) and first:
        word = first.group()
        return word[0].isupper() and word.lower() not in _sentence_openers()
    return False


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Common words that often open a sentence (``data/stopwords.txt``)."""
    return frozenset(read_list("stopwords.txt"))


def split_sentences(text: str, paragraphs) -> tuple[Sentence, ...]:
    """Split each paragraph into sentences; a sentence never crosses a paragraph.

    >>> text = "W.E.B. Du Bois spoke in Peoria, Ill. in 1900. He left."
    >>> [s.text for s in split_sentences(text, split_paragraphs(text))]
    ['W.E.B. Du Bois spoke in Peoria, Ill. in 1900.', 'He left.']
    """
    splitter = sentence_splitter()
    sentences = []
    for para in paragraphs:
        spans: list[list[int]] = []
        for start, end in splitter.span_tokenize(para.text):
            if spans and _joins(para.text[spans[-1][0] : spans[-1][1]], para.text[start:end]):
                spans[-1][1] = end
            else:
                spans.append([start, end])
        for start, end in spans:
            piece = para.text[start:end]
            if piece.strip():
                s, e = para.start + start, para.start + end
                sentences.append(Sentence(len(sentences), s, e, text[s:e], para.index))
    return tuple(sentences)


@lru_cache(maxsize=1)
def word_tokenizer():
    """NLTK's improved Treebank word tokenizer (no downloaded data needed)."""
    return NLTKWordTokenizer()


def _token_spans(sentence: str):
    """Character spans of the tokens of one sentence: NLTK's word tokenizer, run without the rules that
    cannot change this sentence (the same tokens, faster: see ``rhetoric_lab/tokens.py``)."""
    try:
        return span_tokenize(sentence.translate(_TOKENIZER_SWAPS))
    except (ValueError, IndexError, LookupError, TimeoutError):
        # NLTK cannot align some unusual quote sequences; a simple pattern does.
        return [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]


def tokenize(text: str, sentences) -> tuple[Token, ...]:
    """Word and punctuation tokens of every sentence, with offsets into ``text``."""
    tokens: list[Token] = []
    new = tuple.__new__  # Token(...) without the keyword handling: the same tuple, made faster
    for sent in sentences:
        for start, end in _token_spans(sent.text):
            s, e = sent.start + start, sent.start + end
            piece = text[s:e]
            is_word = piece.isalnum() or _WORD_CHAR.search(piece) is not None
            tokens.append(new(Token, (len(tokens), s, e, piece, sent.index, sent.paragraph, is_word)))
    return tuple(tokens)


def merge_clitics(tokens, text: str) -> tuple[Token, ...]:
    """Join clitics such as "’s" and "n't" to the word before them, keeping offsets."""
    words: list[Token] = []
    new = tuple.__new__
    for tok in tokens:
        if not tok.is_word:
            continue
        prev = words[-1] if words else None
        if prev and prev.end == tok.start and prev.sentence == tok.sentence and is_clitic(tok.text):
            words[-1] = Token(
                prev.index,
                prev.start,
                tok.end,
                text[prev.start : tok.end],
                prev.sentence,
                prev.paragraph,
                True,
            )
        else:
            words.append(new(Token, (len(words), tok.start, tok.end, tok.text, tok.sentence, tok.paragraph, True)))
    return tuple(words)


def read_text(path) -> str:
    """Read a UTF-8 text file, with a plain-words error for every common problem.

    Only a regular file of at most 10 MB is read (see :mod:`rhetoric_lab.files`); a file saved as
    UTF-16 or UTF-32, or a binary file, is named as such.

    >>> read_text("seeds/carter-paris-speech-report.txt")[:10]  # doctest: +SKIP
    'Expressing'
    """
    path = as_path(path)
    data = read_bytes(path)
    wide = _wide_encoding(data)
    if wide:
        raise TextEncodingError(
            f"'{shown(path)}' is saved as {wide}, not UTF-8. Open it in a text editor and save it "
            "again with the encoding 'UTF-8'."
        )
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise TextEncodingError(
            f"'{shown(path)}' looks like a binary file (such as a PDF, a Word document or an image), "
            "not plain text. Open it, copy the text, and save it as a .txt file with the "
            "encoding UTF-8."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise TextEncodingError(
            f"'{shown(path)}' is not UTF-8 text: the byte {data[err.start : err.start + 1]!r} at position "
            f"{err.start} is not valid UTF-8 (I tried the encoding UTF-8). It was probably "
            "saved as Windows-1252 or Latin-1. Convert it: in a text editor choose "
            "'Save as' with encoding UTF-8, or run: iconv -f windows-1252 -t utf-8 OLD.txt > NEW.txt"
        ) from None


# Byte-order marks, longest first: a UTF-32 mark begins with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-32" or "UTF-16" when ``data`` looks saved in one of them (with a byte-order mark, or
    without one, from where the zero bytes of mostly-ASCII text fall), else None.

    >>> _wide_encoding("Hi there".encode("utf-32")), _wide_encoding("Hi there".encode("utf-16-le"))
    ('UTF-32', 'UTF-16')
    """
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name
    head = data[: 4096 - 4096 % 4] if len(data) >= 4096 else data[: len(data) - len(data) % 4]
    if len(head) < 8 or b"\x00" not in head:
        return None
    share = [head[i::4].count(0) / (len(head) // 4) for i in range(4)]
    zero, text = [s > 0.9 for s in share], [s < 0.5 for s in share]
    if (zero[1] and zero[2] and zero[3] and text[0]) or (zero[0] and zero[1] and zero[2] and text[3]):
        return "UTF-32"
    if (zero[1] and zero[3] and text[0] and text[2]) or (zero[0] and zero[2] and text[1] and text[3]):
        return "UTF-16"
    return _decodes_as_wide(head)


def _decodes_as_wide(head: bytes) -> str | None:
    """ "UTF-32" or "UTF-16" when ``head`` (with zero bytes in it) reads as text in one of them: Russian or
    Chinese saved as UTF-16 without a byte-order mark has too few zero bytes for the pattern above.

    >>> _decodes_as_wide("Привет, мир. Это текст.".encode("utf-16-le")), _decodes_as_wide(bytes(range(256)))
    ('UTF-16', None)
    """
    for encoding, name in (
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
    ):
        try:
            decoded = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        readable = sum(c.isprintable() or c in "\n\r\t" for c in decoded)
        if decoded and readable >= 0.95 * len(decoded):
            return name
    return None


def _looks_binary(head: bytes) -> bool:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and control / len(head) > 0.05


def seed_names() -> list[str]:
    """Names of the texts in ``seeds/`` that ``load_article`` accepts."""
    try:
        return sorted(p.stem for p in seeds_dir().glob("*.txt"))
    except TextNotFoundError:
        return []


def _seed_meta(path: Path) -> dict:
    meta = path.with_suffix(".meta.json")
    if not _exists(meta):
        return {}
    try:
        return json.loads(read_bytes(meta).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RhetoricLabError(
            f"'{shown(meta)}', the description beside the text, is not valid JSON. Fix it, or move it away."
        ) from None


def _exists(path: Path) -> bool:
    """True if something is at ``path`` (a link counts); an error other than "not there" counts as True,
    so that reading the file reports it."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def load_article(name_or_path="carter-paris-speech-report") -> Article:
    """Load a text from ``seeds/`` by name, or from any UTF-8 file by path.

    >>> article = load_article("carter-paris-speech-report")
    >>> len(article.paragraphs), len(article.sentences)
    (7, 12)
    """
    if isinstance(name_or_path, Article):
        return name_or_path
    candidate = as_path(name_or_path, "name_or_path")
    by_name = candidate.suffix.lower() in ("", ".txt")  # "notes.md" or "speech.pdf" is never a seed's name
    if not _exists(candidate) and candidate.parent == Path(".") and by_name and seed_names():
        seed = seeds_dir() / (candidate.stem + ".txt")
        if _exists(seed):
            candidate = seed
        else:
            raise TextNotFoundError(
                f"There is no text called '{shown(name_or_path)}' in seeds/ and no file with that "
                f"name here. Texts in seeds/: {', '.join(seed_names())}. "
                "Or give the path to your own .txt file."
            )
    text = read_text(candidate)
    return Article.from_text(text, name=shown(candidate.name), meta=_seed_meta(candidate))


def as_article(article_or_text) -> Article:
    """Accept an Article or a plain string; every finder starts with this.

    The same string gives the same Article (the last few are kept), so a view given a string
    does not split it again, and the finders' results for it are worked out once.

    >>> as_article("One sentence here.").sentences[0].text
    'One sentence here.'
    """
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        return _article_of(article_or_text)
    return Article.from_text(article_or_text)


@lru_cache(maxsize=4)
def _article_of(text: str) -> Article:
    return Article.from_text(text)


def per_article(function):
    """Work ``function(article, ...)`` out once per article and arguments; later calls get a copy.

    Every finder carries this decorator: it is the one cache of the package. The result is kept on
    the Article (see :meth:`Article.memo`), so it goes when the Article goes. A DataFrame is copied
    on the way out, so changing a result never changes what the next caller gets.

    >>> @per_article
    ... def word_count(article):
    ...     return len(article.words)
    >>> word_count("Two words.")
    2
    """

    @functools.wraps(function)
    def cached(article_or_text, *args, **kwargs):
        article = as_article(article_or_text)
        key = (function.__module__, function.__qualname__, args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # an argument such as a list: no caching, just the work
            return function(article, *args, **kwargs)
        result = article.memo(key, lambda a: function(a, *args, **kwargs))
        return result.copy() if isinstance(result, (pd.DataFrame, list, dict)) else result

    return cached
