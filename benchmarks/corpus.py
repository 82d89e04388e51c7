"""Texts for the benchmarks and the speed tests: a large mixed text, and adversarial inputs of any size.

Both are made from the project's own texts (the seed article and ``tests/texts/``) with fixed rules
and a fixed random seed, so the same call gives the same text on every machine. Nothing here uses
``rhetoric_lab``: a change to the package never changes these texts.

>>> len(mixed_text(2_000).split()) >= 2_000
True
>>> sorted(ADVERSARIAL)[:3]
['abbreviation run', 'alternating quotes', 'apostrophes']
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds" / "carter-paris-speech-report.txt", *sorted((ROOT / "tests" / "texts").glob("*.txt"))]

# A rough cut into sentences, of our own: enough to shuffle pieces of text, not a splitter.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[“\"A-Z])")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


@cache
def _pieces() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sentence-like pieces, lower-case words) of the project's texts."""
    pieces, words = [], set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8").replace("\r", "")
        for paragraph in re.split(r"\n\s*\n|\n", text):
            pieces.extend(p.strip() for p in _ROUGH_SENTENCE_END.split(paragraph) if p.strip())
        words.update(_LOWER_WORD.findall(text))
    return tuple(pieces), tuple(sorted(words))


def mixed_text(words: int = 150_000, seed: int = 15) -> str:
    """About ``words`` words of news-like prose in every register of the project's texts.

    Paragraphs of one to six pieces (sentences) drawn at random from the texts; in each piece a
    quarter of the lower-case words are swapped for other words of the texts, so sentences do not
    repeat (a cache keyed on a sentence gains nothing) while quotation marks, names, numbers,
    abbreviations and dashes keep their real mix.
    """
    pieces, vocabulary = _pieces()
    rng = random.Random(seed)

    def swap(match: re.Match) -> str:
        return rng.choice(vocabulary) if rng.random() < 0.25 else match.group()

    paragraphs, count = [], 0
    while count < words:
        chosen = [_LOWER_WORD.sub(swap, rng.choice(pieces)) for _ in range(rng.randint(1, 6))]
        paragraph = " ".join(chosen)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def text_of_bytes(size: int, seed: int = 15) -> str:
    """A mixed text of about ``size`` bytes of UTF-8 (cut at a paragraph break)."""
    text = mixed_text(max(size // 5, 50), seed)
    while len(text.encode("utf-8")) < size:
        text += mixed_text(max(size // 5, 50), seed + len(text))
    cut = text.rfind("\n\n", 0, size)
    return text[: cut if cut > 0 else size] + "\n"


# ---------------------------------------------------------------------------- adversarial inputs
# Each makes a text of about n "units" (characters or words). The scaling benchmark doubles n.
ADVERSARIAL = {
    "capitals": lambda n: "The " + " ".join(["ABCDEF", "Ghijk", "LMNOP"][i % 3] for i in range(n // 6)) + " said.",
    "dots": lambda n: "It ended " + "." * n + " there. And " + ". " * (n // 4) + "x.",
    "quotes": lambda n: "He said " + "“" * (n // 2) + "word" + "”" * (n // 2) + ' and "' * (n // 8) + ".",
    "dashes": lambda n: "Wait " + "—" * (n // 2) + " then " + "- " * (n // 4) + "–" * (n // 4) + " done.",
    "apostrophes": lambda n: "It's " + "'" * (n // 2) + " " + "’s " * (n // 6) + "don't" + "’" * (n // 6) + ".",
    "one-line paragraphs": lambda n: "\n".join(f"Line {i} is short." for i in range(n // 18)),
    "one huge sentence": lambda n: "The coalition " + " and the city".join(["" for _ in range(n // 13)]) + " met.",
    "nested quotes": lambda n: " ".join("“He said ‘we will,’ and ‘they won’t,’” Mills said." for _ in range(n // 50)),
    "speaker run": lambda n: "A " * (n // 2) + "x said.",
    # Added by the second audit of issue 15: shapes the first families did not have.
    "alternating quotes": lambda n: "It was " + "\"a “b” ‘c’ 'd' " * (n // 16) + "over.",
    "capitalised word run": lambda n: "Paris " * (n // 6) + "said.",
    "title run": lambda n: "Mr. " * (n // 4) + "Smith said.",
    "abbreviation run": lambda n: "U.S. U.K. " * (n // 10) + "met.",
    "hyphen chain": lambda n: "A " + "well-" * (n // 5) + "known man.",
    "ellipses": lambda n: "Wait… " * (n // 12) + "..." * (n // 6) + " done.",
    "long word": lambda n: "The " + "a" * n + " said.",
    "quoted paragraphs": lambda n: "\n\n".join("“Yes,” he said." for _ in range(n // 17)),
    "nested brackets": lambda n: "He " + "(" * (n // 4) + "[x]" + ")" * (n // 4) + " " + "([" * (n // 8) + " said.",
    "verbs without names": lambda n: "said told claimed warned " * (n // 25) + "x.",
    "gazetteer anchors": lambda n: "Lafayette " * (n // 20) + "Pershing Normandy Verdun " * (n // 50) + "came.",
    "closing quotes": lambda n: "”, he said. " * (n // 12) + "’ " * (n // 8) + "end.",
    "name particles": lambda n: "Jean de la " * (n // 11) + "Fontaine said, “we will.”",
}


def adversarial(kind: str, n: int) -> str:
    """The adversarial input ``kind`` at size ``n`` (roughly n characters).

    >>> len(adversarial("dots", 1000)) > 1000
    True
    """
    return ADVERSARIAL[kind](n)
