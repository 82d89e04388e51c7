"""Metaphor candidates in two tiers, with whose words each one is.

* ``domain`` tier: words and phrases from a source-domain lexicon (disease, hunting, journeys...):
  ``data/metaphor_domains.csv`` and ``data/metaphor_lexicon.csv``, matched as
  :mod:`rhetoric_lab.metaphor_lexicon` explains. These are the images to discuss, and what the
  highlight shows.
* ``everyday`` tier: words that annotators of the VU Amsterdam Metaphor Corpus (MIPVU) often marked
  metaphor-related ("support", "face", "high prices"), with the corpus counts as evidence
  (:mod:`rhetoric_lab.metaphor_everyday`). Most are so conventional that nobody notices them.
* ``voice``: ``quoted`` when the candidate is inside a speaker's quoted words, ``reporter`` when it is
  the reporter's narration or paraphrase (from :func:`rhetoric_lab.quotes.find_voices`).

It flags *candidates*. Whether a candidate is a metaphor in its sentence is for a
person to decide: compare its basic meaning with its meaning here.
"""

from __future__ import annotations

import bisect

import pandas as pd

from . import metaphor_everyday as everyday
from .errors import RhetoricLabError
from .metaphor_lexicon import MAX_GAP, UnknownDomainError, domain_table, lexicon_table, match_lexicon, pieces_of
from .metaphor_lexicon import check_domains as _check_source_domains
from .metaphor_lexicon import domain_descriptions as _source_descriptions
from .metaphor_lexicon import literal_pieces as _literal_pieces
from .metaphor_lexicon import patterns as _patterns
from .quotes import find_voices
from .text import as_article, per_article

#: Columns of the table that :func:`find_metaphors` returns.
COLUMNS = [
    "start",
    "end",
    "text",
    "tier",
    "domain",
    "entry",
    "basic_meaning",
    "evidence",
    "function_word",
    "voice",
    "speaker",
    "voice_kind",
    "sentence",
    "paragraph",
]
#: The two tiers of candidates.
TIERS = ("domain", "everyday")
#: The ``domain`` of an everyday-tier row (it has corpus evidence, not a source domain).
EVERYDAY = "everyday (MIPVU)"
_EVERYDAY_DESCRIPTION = (
    "Conventional metaphor as MIPVU counts it: annotators of the VU Amsterdam Metaphor Corpus often "
    "marked this word metaphor-related (see the evidence column)."
)

__all__ = ["MAX_GAP", "UnknownDomainError", "domain_table", "find_metaphors", "lexicon_table", "metaphor_share"]


def domain_descriptions() -> dict[str, str]:
    """Each label's description, for legends: the source domains, and the everyday tier.

    >>> EVERYDAY in domain_descriptions() and "fire" in domain_descriptions()
    True
    """
    return {**_source_descriptions(), EVERYDAY: _EVERYDAY_DESCRIPTION}


def _tiers(tiers) -> tuple[str, ...]:
    if tiers == "all":
        return TIERS
    if isinstance(tiers, str):
        tiers = (tiers,)
    chosen = tuple(tiers)
    if not chosen or any(t not in TIERS for t in chosen):
        raise RhetoricLabError(
            f'tiers must be "domain", "everyday", "all" or a list of them, not {tiers!r}. '
            'For example: rl.find_metaphors(article, tiers="all").'
        )
    return chosen


def _voice_lookup(article):
    """A function from a span (start, end) to (voice, speaker, voice_kind), from the quotes module."""
    spans = find_voices(article)
    starts = spans["start"].tolist()
    rows = list(zip(spans["start"], spans["end"], spans["voice"], spans["speaker"], strict=True))

    def lookup(start: int, end: int) -> tuple[str, str, str]:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        best, best_len = ("narration", None), -1
        while i < len(rows) and rows[i][0] < end:
            s, e, voice, speaker = rows[i]
            overlap = min(e, end) - max(s, start)
            if overlap > best_len:
                best, best_len = (voice, speaker), overlap
            i += 1
        kind, speaker = best
        speaker = speaker if isinstance(speaker, str) else ""
        return ("quoted" if kind == "quoted" else "reporter"), speaker, kind

    return lookup


@per_article
def find_metaphors(article_or_text, domains=None, tiers=("domain",), function_words=False):
    """Metaphor candidates, one row each, in the order of the text.

    Columns: ``start``, ``end``, ``text``; ``tier`` (``domain`` or ``everyday``); ``domain``
    (a source domain, or ``everyday (MIPVU)``), ``entry``, ``basic_meaning``; ``evidence`` (the VUA
    counts in words, where the corpus has the word); ``function_word`` (prepositions, articles...);
    ``voice`` (``quoted`` or ``reporter``), ``speaker`` (who is quoted, or whose point the reporter
    paraphrases; empty for narration), ``voice_kind`` (quoted, paraphrase or narration); ``sentence``, ``paragraph``.

    ``domains``: keep only these source domains (see :func:`domain_table`).
    ``tiers``: ``"domain"`` (the default), ``"everyday"``, or ``"all"`` for both.
    ``function_words``: also list function words of the everyday tier ("in", "on"; never highlighted).

    >>> find_metaphors("Rivals stepped up the pressure on the ailing firm.")[["text", "domain"]].values.tolist()
    [['stepped up', 'up and down'], ['pressure', 'force and motion'], ['ailing', 'disease and medicine']]
    """
    article = as_article(article_or_text)
    tiers = _tiers(tiers)
    if domains is not None:
        domains = (domains,) if isinstance(domains, str) else tuple(domains)
        unknown = [d for d in domains if d != EVERYDAY]
        _check_source_domains(unknown)
    pieces = pieces_of(article)
    voice_of = _voice_lookup(article)
    rows, covered = [], set()

    def keep(domain: str) -> bool:
        return domains is None or domain in domains

    matches = match_lexicon(pieces, _patterns())
    everyday_wanted = "everyday" in tiers and keep(EVERYDAY)
    singles = None if everyday_wanted else [pieces[i].start for i, end, _ in matches if end - i == 1]
    evidence = everyday.token_evidence(article, only=singles)  # every word, or only the single-word matches
    for i, end, pattern in matches:
        start, stop = pieces[i].start, pieces[end - 1].end
        covered.update(range(start, stop))
        if "domain" in tiers and keep(pattern.domain):
            single = evidence.get(start) if end - i == 1 else None  # evidence for a single word only
            rows.append(_row(article, start, stop, "domain", pattern, single, voice_of))
    if everyday_wanted:
        literal = {pieces[i].start for i in _literal_pieces(pieces)}
        for c in evidence.values():
            if c.flagged and c.start not in covered and c.start not in literal and (function_words or not c.function):
                rows.append(_row(article, c.start, c.end, "everyday", None, c, voice_of))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.sort_values("start", kind="stable").reset_index(drop=True).astype({"start": int, "end": int})
    frame.attrs["table"] = "metaphors"  # so that rl.highlight(article, found) knows what it shows
    return frame


def _row(article, start: int, stop: int, tier: str, pattern, candidate, voice_of) -> dict:
    voice, speaker, kind = voice_of(start, stop)
    return {
        "start": start,
        "end": stop,
        "text": article.text[start:stop],
        "tier": tier,
        "domain": pattern.domain if pattern else EVERYDAY,
        "entry": pattern.entry if pattern else candidate.evidence.lemma,
        "basic_meaning": pattern.basic_meaning if pattern else "",
        "evidence": candidate.evidence.sentence() if candidate is not None else "",
        "function_word": bool(candidate.function) if candidate is not None and tier == "everyday" else False,
        "voice": voice,
        "speaker": speaker,
        "voice_kind": kind,
        "sentence": article.sentence_at(start),
        "paragraph": article.paragraph_at(start),
    }


def shown(found, tiers="domain"):
    """The candidates a view shows: the domain tier unless ``tiers="all"``, and never function words.

    >>> found = find_metaphors("The firm faced a storm of criticism.", tiers="all")
    >>> sorted(set(shown(found)["tier"])), sorted(set(shown(found, "all")["tier"]))
    (['domain'], ['domain', 'everyday'])
    """
    chosen = _tiers(tiers)
    keep = found["tier"].isin(chosen) if "tier" in found.columns else True
    if "function_word" in found.columns:
        keep = keep & ~found["function_word"].astype(bool)
    return found[keep] if keep is not True else found


def metaphor_share(article_or_text) -> str:
    """How many of the text's words the finder marks, both tiers and function words counted (MIPVU counts them
    all), as a sentence.

    >>> metaphor_share("The storm hit the town.")
    '2 of 5 words are candidates (40%), counting both tiers and function words.'
    """
    article = as_article(article_or_text)
    found = find_metaphors(article, tiers="all", function_words=True)
    spans = sorted(zip(found["start"], found["end"], strict=True))
    marked, i = 0, 0
    for word in article.words:  # words and spans are both in text order: one pass over each
        while i < len(spans) and spans[i][1] <= word.start:
            i += 1
        marked += i < len(spans) and spans[i][0] <= word.start < spans[i][1]
    total = len(article.words)
    verb = "is a candidate" if marked == 1 else "are candidates"
    return f"{marked} of {total} words {verb} ({marked / total:.0%}), counting both tiers and function words."


def to_json(article) -> list[dict]:
    """The candidates as JSON-ready data for ``rhetoric-lab analyze``: ``start``, ``end``, ``text``,
    ``tier``, ``domain``, ``voice`` (both tiers, without function words).

    >>> row = to_json("A cancer that spreads.")[0]
    >>> row["text"], row["tier"], row["domain"], row["voice"]
    ('cancer', 'domain', 'disease and medicine', 'reporter')
    """
    found = find_metaphors(article, tiers="all")
    keys = ("text", "tier", "domain", "voice")
    return [{"start": int(r.start), "end": int(r.end), **{k: getattr(r, k) for k in keys}} for r in found.itertuples()]
