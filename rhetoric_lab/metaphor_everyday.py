"""Everyday metaphor: words that MIPVU annotators often marked metaphor-related ("support", "face", "in").

The evidence is ``data/metaphor_everyday.csv``: for each lemma and part of speech, in how many
of its uses in the training split of the VU Amsterdam Metaphor Corpus (VUA) the annotators
marked it metaphor-related. ``tools/build_everyday_table.py`` rebuilds that file from a copy of
the corpus. The file holds counts only, no text, and is under the corpus's own terms (see its header).

To look a word up, the finder needs its lemma and part of speech. Lemmas come from the PyPI
package ``lemminflect`` (its data ships with it); the part of speech is guessed from the word
and its neighbours by a few rules, and where the rules cannot tell, the counts of every
possible reading are added up.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import lemminflect

from .data import read_table
from .lemma_table import read_lemmas_on_demand
from .wordforms import american as american_spelling
from .wordforms import is_clitic, straight

#: A word is an everyday candidate when annotators marked it in at least this share of its uses ...
MIN_RATE = 0.3
#: ... and it occurs at least this many times in the training split.
MIN_USES = 2
#: Parts of speech that are never highlighted (the counts still include them).
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "PART", "CCONJ", "NUM", "INTJ"})
_OPEN = ("NOUN", "VERB", "ADJ", "ADV")

read_lemmas_on_demand()  # a first lookup costs milliseconds, not lemminflect's 0.2 s load

# Closed-class words and their part of speech, in the corpus's tagset (complementisers are ADP there).
_CLOSED = {
    **dict.fromkeys(
        "the a an this these those every each some any no all both either neither another such what which whose "
        "my your his her its our their".split(),
        "DET",
    ),
    **dict.fromkeys(
        "i me you he him she it we us they them myself yourself himself herself itself ourselves themselves "
        "who whom something anything nothing everything someone anyone everyone nobody somebody anybody "
        "mine yours hers ours theirs".split(),
        "PRON",
    ),
    **dict.fromkeys(
        "of in on at by for with from into onto upon over under about after before between through during without "
        "within against among across along around behind beyond toward towards near since until till like than "
        "via per despite off out up down if because whether although though while unless as beneath above below "
        "inside outside throughout amid".split(),
        "ADP",
    ),
    **dict.fromkeys("and or but nor".split(), "CCONJ"),
    "not": "PART",
    "'": "PART",
    **dict.fromkeys("one two three four five six seven eight nine ten hundred thousand million billion".split(), "NUM"),
    **dict.fromkeys("oh yes yeah er erm um ah well".split(), "INTJ"),
}
# Particles after a verb ("set up", "give in") are tagged PART in the corpus when no noun follows.
_PARTICLES = frozenset("up down out off in on over back away through around about".split())
_MODALS = frozenset("will would can could shall should may might must 'll 'd".split())
_SUBJECTS = frozenset("i you we they he she it who".split())
_DETERMINERS = frozenset(w for w, p in _CLOSED.items() if p == "DET")


def _determiner_like(word: str | None) -> bool:
    """A determiner, or a possessive clitic ("the", "its", "ISIL" + "’s")."""
    return word is not None and (word in _DETERMINERS or (is_clitic(word) and word.endswith("s")))


# Parts of speech in words, for the evidence sentence.
_POS_WORDS = {
    "NOUN": "noun",
    "VERB": "verb",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "preposition",
    "DET": "determiner",
    "PRON": "pronoun",
    "PART": "particle",
    "CCONJ": "conjunction",
    "NUM": "number",
    "INTJ": "interjection",
}


class Evidence(NamedTuple):
    """Corpus evidence for one word: its lemma and part of speech, and the VUA counts."""

    lemma: str
    pos: str
    metaphor: int
    uses: int
    readings: tuple[str, ...] = ()  # every part of speech whose counts are added up here

    @property
    def rate(self) -> float:
        return self.metaphor / self.uses if self.uses else 0.0

    def sentence(self) -> str:
        """The evidence in words, for a table or a tooltip.

        >>> Evidence("plan", "NOUN", 17, 30, ("NOUN", "VERB")).sentence()
        "annotators marked 'plan' (as a noun or a verb, added up) metaphor-related in 17 of 30 uses"
        """
        words = [_POS_WORDS.get(p, p.lower()) for p in self.readings or (self.pos,)]
        kinds = " or ".join(f"{'an' if w[0] in 'aeiou' else 'a'} {w}" for w in words)
        kinds += ", added up" if len(self.readings) > 1 else ""
        return f"annotators marked '{self.lemma}' (as {kinds}) metaphor-related in {self.metaphor} of {self.uses} uses"


# ---------------------------------------------------------------- lemmas


@lru_cache(maxsize=50_000)
def readings(word: str) -> dict[str, str]:
    """Each open-class part of speech the word can have, with its lemma (from lemminflect).

    >>> readings("building")
    {'NOUN': 'building', 'VERB': 'build'}
    """
    found = lemminflect.getAllLemmas(straight(word).lower())
    out: dict[str, str] = {}
    for pos, lemmas in found.items():
        pos = "VERB" if pos == "AUX" else pos
        if pos in _OPEN and pos not in out and lemmas:
            out[pos] = american(lemmas[0])
    return out


@lru_cache(maxsize=50_000)
def american(lemma: str) -> str:
    """A lemma in American spelling, so that British and American texts share the counts.

    >>> american("organise"), american("colour"), american("rise")
    ('organize', 'color', 'rise')
    """
    lemma = american_spelling(lemma)
    known = lemminflect.getAllLemmas
    for british, us in (("isation", "ization"), ("ise", "ize"), ("our", "or")):
        if lemma.endswith(british) and len(lemma) > len(british) + 2:
            candidate = lemma[: -len(british)] + us
            if known(candidate):
                return candidate
    return lemma


def lemma_of(word: str, pos: str) -> str:
    """The lemma of ``word`` read as ``pos`` (a closed-class word is its own lemma).

    >>> lemma_of("Tumours", "NOUN"), lemma_of("grasped", "VERB"), lemma_of("In", "ADP")
    ('tumor', 'grasp', 'in')
    """
    lower = straight(word).lower()
    if pos in _OPEN:
        lemma = readings(word).get(pos)
        if lemma is None:
            guesses = lemminflect.getLemma(lower, pos, lemmatize_oov=True)
            lemma = american(guesses[0]) if guesses else lower
        return lemma
    return lower


# ---------------------------------------------------------------- the table


@cache
def counts() -> dict[tuple[str, str], tuple[int, int]]:
    """The shipped table: (lemma, pos) -> (metaphor-related uses, all uses)."""
    rows = read_table("metaphor_everyday.csv")
    return {(row["lemma"], row["pos"]): (int(row["metaphor"]), int(row["uses"])) for row in rows}


# ---------------------------------------------------------------- parts of speech


def _closed_pos(lower: str, prev: str | None, nxt: str | None, prev_pos: str | None) -> str | None:
    if lower == "to":
        if nxt is not None and "VERB" in readings(nxt) and readings(nxt)["VERB"] == nxt.lower():
            if nxt.lower() not in _CLOSED:
                return "PART"
        return "ADP"
    if lower == "that":
        if nxt is None or nxt.lower() in _CLOSED and _CLOSED[nxt.lower()] in ("PRON", "DET") or nxt[:1].isupper():
            return "DET" if nxt is None else "ADP"
        if prev_pos == "VERB" and any(c.isalnum() for c in nxt):
            return "ADP"  # a complementiser: "said that ..."
        if "VERB" in readings(nxt) and prev_pos == "NOUN":
            return "ADJ"  # a relative pronoun: "the plan that works"
        return "DET"
    if lower in _PARTICLES and prev_pos == "VERB" and (nxt is None or not _determiner_like(nxt.lower())):
        return "PART"
    return "PART" if is_clitic(lower) else _CLOSED.get(lower)


def _open_pos(word: str, prev: str | None, prev_pos: str | None) -> tuple[str, ...]:
    """The readings that context allows, most likely first; several when the rules cannot choose."""
    r = readings(word)
    options = tuple(p for p in _OPEN if p in r)
    if len(options) <= 1:
        return options or ("NOUN",)
    lower_prev = straight(prev).lower() if prev else None
    if _determiner_like(lower_prev) or prev_pos == "ADJ":
        nominal = tuple(p for p in ("NOUN", "ADJ") if p in options)
        if nominal:
            return nominal
    if lower_prev in _MODALS or prev_pos == "PART" or lower_prev in _SUBJECTS:
        if "VERB" in options:
            return ("VERB",)
    return options


def tag(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """For each word: (lower-case form, its possible parts of speech in context).

    >>> [p for _, p in tag(["They", "want", "to", "help", "the", "building"])]
    [('PRON',), ('VERB',), ('PART',), ('VERB',), ('DET',), ('NOUN',)]
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    prev_pos: str | None = None
    for i, word in enumerate(words):
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        lower, options, prev_pos = _tag_one(word, prev, nxt, prev_pos)
        out.append((lower, options))
    return out


# Words whose part of speech depends on the next word ("to", "that", a particle after a verb).
_NEXT_MATTERS = frozenset({"to", "that"}) | _PARTICLES


@lru_cache(maxsize=50_000)
def _lower(word: str) -> str:
    return straight(word).lower()


@lru_cache(maxsize=50_000)
def _as_prev(prev: str | None) -> str | None:
    """A stand-in for the word before that the rules of :func:`_open_pos` treat the same way."""
    if prev is None:
        return None
    lower = _lower(prev)
    if _determiner_like(lower):
        return "the"
    return "will" if lower in _MODALS or lower in _SUBJECTS else "x"


def _tag_one(word: str, prev: str | None, nxt: str | None, prev_pos: str | None):
    """(lower-case form, possible parts of speech, what the next word takes as ``prev_pos``) of one word.

    The rules read only the kind of word before (see :func:`_as_prev`), and the next word only for "to",
    "that" and particles: so each word is worked out once per context the rules can tell apart."""
    return _tag_in_context(word, _as_prev(prev), nxt if _lower(word) in _NEXT_MATTERS else None, prev_pos)


@lru_cache(maxsize=200_000)
def _tag_in_context(word: str, prev: str | None, nxt: str | None, prev_pos: str | None):
    lower = _lower(word)
    if not any(c.isalnum() for c in word):
        return lower, ("PUNCT",), "PUNCT"
    closed = _closed_pos(lower, prev, nxt, prev_pos)
    options = (closed,) if closed else _open_pos(word, prev, prev_pos)
    verbal = "VERB" in options and lower.endswith("ing")  # "explaining that ..."
    return lower, options, options[0] if len(options) == 1 else ("VERB" if verbal else None)


def evidence(word: str, options: tuple[str, ...], table=None) -> Evidence | None:
    """The corpus counts for a word read as any of ``options`` (added up when several).

    >>> e = evidence("grasp", ("VERB",))
    >>> e.lemma, e.uses > 0
    ('grasp', True)
    """
    table = counts() if table is None else table
    metaphor = uses = 0
    lemmas: list[str] = []
    found: list[str] = []
    for pos in options:
        lemma = lemma_of(word, pos)
        hit = table.get((lemma, pos))
        if hit:
            metaphor, uses = metaphor + hit[0], uses + hit[1]
            lemmas.append(lemma)
            found.append(pos)
    if not uses:
        return None
    return Evidence(lemmas[0], found[0], metaphor, uses, tuple(found))


def is_everyday(ev: Evidence | None, min_rate: float = MIN_RATE, min_uses: int = MIN_USES) -> bool:
    """True when the evidence is strong enough to list the word as an everyday candidate."""
    return ev is not None and ev.uses >= min_uses and ev.rate >= min_rate


class Candidate(NamedTuple):
    """One token of the text with its corpus evidence; ``flagged`` when the evidence is strong enough."""

    start: int
    end: int
    text: str
    evidence: Evidence
    function: bool  # a function word ("in", "the"): counted, never highlighted
    flagged: bool


def _sentences(article) -> list[list]:
    """The article's tokens, sentence by sentence (worked out once per article)."""

    def compute(art):
        out: list[list] = [[] for _ in art.sentences]
        for token in art.tokens:
            out[token.sentence].append(token)
        return out

    return article.memo("metaphor_everyday.sentences", compute)


def _tagged(article, index: int) -> list:
    """The tokens of one sentence with their possible parts of speech (each sentence tagged once)."""
    done = article.memo("metaphor_everyday.tags", lambda _: {})
    if index not in done:
        sentence = _sentences(article)[index]
        done[index] = list(zip(sentence, tag([t.text for t in sentence]), strict=True))
    return done[index]


def token_evidence(article, table=None, min_rate: float | None = None, min_uses: int | None = None, only=None):
    """Each word of the article that the corpus table has, by start offset: a :class:`Candidate`.

    ``table``: (lemma, pos) -> (metaphor, uses); the shipped table when None. ``only``: start offsets
    of the words wanted (all words when None). A capitalised word inside a sentence is taken for a
    name and left out.

    >>> from rhetoric_lab.text import as_article
    >>> [c.text for c in token_evidence(as_article("Prices stayed high in May.")).values() if c.flagged]
    ['high', 'in']
    """
    table = counts() if table is None else table
    min_rate = MIN_RATE if min_rate is None else min_rate
    min_uses = MIN_USES if min_uses is None else min_uses
    wanted = None if only is None else set(only)
    indexes = range(len(article.sentences)) if wanted is None else sorted({article.sentence_at(s) for s in wanted})
    found, seen = {}, {}  # seen: (word, readings) -> evidence, since words repeat
    for index in indexes:
        for n, (token, (lower, options)) in enumerate(_tagged(article, index)):
            if not token.is_word or options == ("PUNCT",) or (wanted is not None and token.start not in wanted):
                continue
            if n and token.text[:1].isupper() and options[0] not in FUNCTION_POS and lower != "i":
                continue  # a capitalised word inside a sentence is probably a name
            key = (lower, options)
            if key not in seen:
                seen[key] = evidence(token.text, options, table)
            ev = seen[key]
            if ev is not None:
                flagged = is_everyday(ev, min_rate, min_uses)
                found[token.start] = Candidate(token.start, token.end, token.text, ev, ev.pos in FUNCTION_POS, flagged)
    return found
