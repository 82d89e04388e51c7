"""Reporting frames: each reporting verb outside quotations, with its speaker.

A frame is "subject" (Mills said), "inverted" (said Mills), "participle" (Comparing …, Mills called;
…, calling it), "coordinated" (Mills praised the team and said) or "according" (according to Mills).
Verbs whose lexicon ``use`` is "quote" (continued, called, read …) count only where they frame a
quotation; :mod:`attribution` marks those. Each verb looks at a bounded window of tokens: linear time.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .lexicon import verb_forms
from .phrases import (
    BOUNDARY_WORDS,
    MAX_NAME,
    NOUN_BEFORE,
    Speaker,
    clause_subject,
    clean_name,
    is_name_token,
    parse_segment,
    region_before,
    speaker_after,
    speaker_in,
)
from .tokens import Tok

_BE = frozenset("was were is are been being be".split())
_RELATIVE_BACK = 30  # tokens: how far back a relative pronoun may open the clause before a verb
_INFINITIVE_LEADS = frozenset(["went on", "go on", "goes on", "going on", "continued", "continues", "proceeded"])


@dataclass
class Frame:
    verb_start: int
    verb_end: int
    verb: str  # dictionary form
    form: str  # the words in the text
    frame: str  # subject, inverted, participle, coordinated, infinitive, according
    sentence: int
    v0: int  # token index of the verb's first word
    v1: int  # token index after the verb
    initial: bool = False  # the verb is the first word of its sentence
    r0: int = -1  # token index where the frame starts (its subject's first word, or the verb)
    weak: bool = False  # its speaker was guessed from the sentence's subject: counts only next to a quotation
    row: dict = field(default_factory=dict)
    sp: Speaker | None = None
    quoted: bool = False  # it frames a quotation

    @property
    def speaker(self) -> str | None:
        return self.sp.label if self.sp else None

    @property
    def how(self) -> str:
        return self.sp.how if self.sp else "none"

    @property
    def speaker_start(self) -> int:
        return self.sp.start if self.sp else -1

    @property
    def speaker_end(self) -> int:
        return self.sp.end if self.sp else -1

    @property
    def start(self) -> int:
        return min(self.verb_start, self.speaker_start) if self.speaker_start >= 0 else self.verb_start

    @property
    def end(self) -> int:
        return max(self.verb_end, self.speaker_end)

    @property
    def counts(self) -> bool:
        """Listed as a reporting verb: it has a speaker, and frames a quotation if its use says so."""
        return bool(self.speaker) and ((self.row["use"] == "any" and not self.weak) or self.quoted)


def sentence_bounds(toks: list[Tok]) -> dict[int, tuple[int, int]]:
    """Each sentence -> (its first token, after its last token). Tokens in text order: a bisect per sentence.

    >>> from rhetoric_lab.quotes import finders
    >>> sentence_bounds(finders._analyse("One two. Three.").toks)
    {0: (0, 3), 1: (3, 5)}
    """
    sentences = [t.sentence for t in toks]
    if not toks or toks[-1].index != len(toks) - 1 or sentences != sorted(sentences):
        return _sentence_bounds_of_any(toks)
    bounds: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(sentences):
        j = bisect.bisect_right(sentences, sentences[i], i)
        bounds[sentences[i]] = (i, j)
        i = j
    return bounds


def _sentence_bounds_of_any(toks: list[Tok]) -> dict[int, tuple[int, int]]:
    """``sentence_bounds`` for tokens in any order."""
    bounds: dict[int, tuple[int, int]] = {}
    for t in toks:
        first, _ = bounds.get(t.sentence, (t.index, t.index))
        bounds[t.sentence] = (first, t.index + 1)
    return bounds


def _match(toks: list[Tok], i: int):
    options = verb_forms().get(toks[i].low)
    if not options:
        return None
    for parts, row in options:
        j = i + len(parts)
        if j <= len(toks) and all(
            toks[i + k].kind == "w" and toks[i + k].low == parts[k] and toks[i + k].sentence == toks[i].sentence
            for k in range(len(parts))
        ):
            return parts, row, j
    return None


def is_inverted_start(toks: list[Tok], j: int) -> bool:
    """ "Said Dorothy Poynter, …": a capitalised reporting verb that opens its sentence, then a name."""
    return j < len(toks) and toks[j].cap and toks[j].sentence == toks[j - 1].sentence


def find_frames(toks: list[Tok]) -> list[Frame]:
    """Every reporting frame, in text order; only the words that start a verb form are looked at."""
    bounds = sentence_bounds(toks)
    forms = verb_forms()
    frames: list[Frame] = []
    i = 0  # the first token that may start a verb: a verb's words are never read twice
    for c in [c for c, t in enumerate(toks) if t.low in forms and t.kind == "w"]:
        found = _match(toks, c) if c >= i else None
        if not found:
            continue
        i, t = c, toks[c]
        parts, row, j = found
        start = bounds[t.sentence][0]
        first_word = i - start <= 3 and all(toks[k].kind == "p" for k in range(start, i))
        prev = toks[i - 1] if i and toks[i - 1].sentence == t.sentence else None
        noun = prev is not None and prev.kind == "w" and (prev.low in NOUN_BEFORE or prev.possessive)
        noun = noun or (j < len(toks) and toks[j].kind == "w" and toks[j].low in forms)  # "the report said"
        capital_ok = first_word and (
            parts[-1].endswith("ing") or row["verb"] == "according to" or is_inverted_start(toks, j)
        )
        if (t.cap and not capital_ok) or noun:
            i = j
            continue
        form = " ".join(x.text for x in toks[i:j])
        f = Frame(t.start, toks[j - 1].end, row["verb"], form, "", t.sentence, i, j, initial=first_word, row=row)
        _classify(toks, f, first_word, parts[-1].endswith("ing"))
        if f.frame:
            frames.append(f)
        i = j
    _participle_speakers(toks, frames, bounds)
    return frames


def _classify(toks: list[Tok], f: Frame, first_word: bool, participle: bool) -> None:
    """Set the frame's kind and, where the words around the verb give it, its speaker."""
    v = f.v0
    f.r0 = v
    if f.verb == "according to":
        f.frame, f.sp = "according", speaker_after(toks, f.v1)
        return
    if first_word and participle:
        f.frame = "participle"
        return
    if v and toks[v - 1].low == "to":  # "and went on to describe": coordinated; "was prompted to say,"
        k = v - 1
        if k and toks[k - 1].low in ("continued", "continues", "proceeded"):
            k -= 1
        elif k > 1 and toks[k - 1].low == "on" and toks[k - 2].low in ("went", "go", "goes", "going"):
            k -= 2
        else:
            f.frame, f.weak = "infinitive", True
            return
        lo, hi, stop = region_before(toks, k)
        if lo == hi and stop in ("and", "but"):
            f.frame = "coordinated"
        return
    if v > 1 and toks[v - 1].low == "having" and toks[v - 2].text in (",", "—", "–"):
        participle, v = True, v - 1  # "…, having referred to him as a “reformer”"
    if participle and v and toks[v - 1].text in (",", "—", "–"):
        f.frame = "participle"  # "…, calling it “odd”": the speaker is the main clause's
        return
    if f.v1 + 1 < len(toks) and toks[f.v1].low == "by" and v and toks[v - 1].low in _BE:
        sp = speaker_after(toks, f.v1 + 1)  # "Sanders was asked by host Bill Maher": the asker speaks
        if sp:
            f.frame, f.sp = "inverted", sp
            return
    lo, hi, stop = region_before(toks, v)
    sp = speaker_in(toks, lo, hi)
    if sp:
        f.frame, f.sp, f.r0 = "subject", sp, lo
        return
    if lo == hi and (stop in ("q", "start") or (stop == "," and lo > 1 and toks[lo - 2].kind == "q")):
        sp = speaker_after(toks, f.v1)
        if sp:
            f.frame, f.sp = "inverted", sp
            return
    sp = _relative_subject(toks, v)
    if sp:
        f.frame, f.sp = "subject", sp
        return
    if lo == hi and stop in ("and", "but"):
        f.frame = "coordinated"
    elif participle:
        f.frame = "participle"  # "by saying “…”"


def _relative_subject(toks: list[Tok], v: int) -> Speaker | None:
    """The speaker of a verb after a relative pronoun: "the Police Department which reported" (the name
    before "which"), "Christie, who has campaigned for Trump since May, blasted" (the phrase before
    ", who"). At most ``_RELATIVE_BACK`` tokens back, never past a quotation or the sentence's start."""
    s = toks[v].sentence
    k = v - 1
    if k < 0 or not (toks[k].low in ("who", "which") or toks[k].text == ","):
        return None
    while k > 0 and v - k < _RELATIVE_BACK and toks[k].low not in ("who", "which"):
        if toks[k].kind == "q" or toks[k].sentence != s:
            return None
        k -= 1
    j = k - 1 if k > 0 and toks[k].low in ("who", "which") else -1
    if j > 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or toks[j].sentence != s or toks[j].kind != "w":
        return None
    i = j
    while i > 0 and j - i < MAX_NAME and is_name_token(toks[i - 1]) and toks[i - 1].sentence == s:
        i -= 1
    if is_name_token(toks[j]):
        return clean_name(toks[i : j + 1])
    lo, hi, _ = region_before(toks, j + 1)
    return parse_segment(toks[lo:hi]) if hi - lo <= 8 else None


def _participle_speakers(toks: list[Tok], frames: list[Frame], bounds) -> None:
    """Speakers for participles and coordinated verbs, in one pass in text order: the subject after
    an opening participial clause, or the speaker of the frame before in the sentence."""
    first_with_speaker: dict[int, Frame] = {}
    for f in frames:
        if f.sp:
            first_with_speaker.setdefault(f.sentence, f)
    last_speaker: dict[int, Speaker] = {}
    for f in frames:
        if not f.sp and f.frame in ("participle", "coordinated", "infinitive"):
            first, last = bounds[f.sentence]
            if f.frame == "participle" and f.initial:
                for k in range(f.v1, min(last, f.v1 + 60)):
                    t = toks[k]
                    if t.text in (",", "—", "–") or (t.kind == "q" and t.text[-2:-1] in (",", "—")):
                        f.sp = clause_subject(toks, k + 1, last)
                        if f.sp:
                            break
                if not f.sp and f.sentence in first_with_speaker:
                    f.sp = first_with_speaker[f.sentence].sp
            else:  # "…, calling it “odd”", "… and said", "was prompted to say": the clause's speaker
                f.sp = last_speaker.get(f.sentence)
                if not f.sp:
                    f.sp, f.weak = _subject_before(toks, first, f.v0), True
        if f.sp and not f.weak:
            last_speaker[f.sentence] = f.sp


def _subject_before(toks: list[Tok], first: int, v: int) -> Speaker | None:
    """The subject of the clause that holds the verb at ``v``: after the nearest comma, dash, quotation
    or linking word before it that a subject follows, or at the sentence's start ("As the crowd cheered,
    Silverman … and joked"; "such as when Cruz knocked Rubio and called him …")."""
    starts = [
        k + 1
        for k in range(v - 1, max(first, v - 40) - 1, -1)
        if toks[k].text in (",", "—", "–", ";", ".") or toks[k].kind == "q" or toks[k].low in BOUNDARY_WORDS
    ][:4]
    for start in [*starts, first]:
        sp = clause_subject(toks, start, v)
        if sp:
            return sp
    return None
