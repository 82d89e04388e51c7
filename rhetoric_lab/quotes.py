"""Whose words are these? Quotations, speakers, reporting verbs and paraphrase in a news text.

A news report mixes three voices: the speaker's own words in quotation marks,
the speaker's words retold by the reporter (paraphrase, or indirect speech),
and the reporter's narration. This module finds them in any text.

Conventions (the same in every table):

* A quotation's ``start``/``end`` cover the quoted words **without** the
  quotation marks; ``open_at``/``close_at`` give the positions of the marks and
  ``open_mark``/``close_mark`` the marks themselves (“ ” " ‘ ’ ').
* ``kind`` is ``direct`` (a whole sentence or clause in quotation marks),
  ``partial`` (a few quoted words inside the reporter's sentence), ``scare``
  (quoted words with no speaker, the reporter keeping a distance) or, in the
  voice tables, ``indirect`` (reported speech without quotation marks).
* A quotation that runs over several paragraphs (the news convention: no
  closing mark at the end of a paragraph, a new opening mark on the next) gives
  one row per paragraph, with the same ``quote_id``.
* A single quotation inside a double one (a quotation within a quotation) has
  ``level`` 2; every other quotation has ``level`` 1.
* ``speaker`` is the surname ("Defense Secretary Ash Carter" gives "Carter");
  "he"/"she"/"they" become the last named person before them.
* ``verb`` is the reporting verb in its dictionary form ("said" gives "say").

The reporting verbs and their notes live in ``data/reporting_verbs.csv``; titles,
surname particles and pronouns in ``data/quote_speaker_words.csv``.

>>> import rhetoric_lab as rl
>>> q = find_quotations('“We ran out of legs,” Coach Dana Mills said.')
>>> q[["text", "kind", "speaker", "verb"]].values.tolist()
[['We ran out of legs,', 'direct', 'Mills', 'say']]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .data import load_key, read_table
from .display.common import markdown_cell as _cell
from .errors import AnswerFormatError
from .feedback import Feedback
from .text import Article, as_article

QUOTE_COLUMNS = [
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "verb",
    "sentence",
    "paragraph",
    "open_mark",
    "close_mark",
    "open_at",
    "close_at",
    "quote_id",
    "level",
]
WARNING_COLUMNS = ["start", "end", "mark", "message", "sentence", "paragraph"]
VERB_COLUMNS = ["start", "end", "text", "verb", "stance", "speaker", "frame", "note", "sentence", "paragraph"]
INDIRECT_COLUMNS = ["start", "end", "text", "kind", "speaker", "verb", "sentence", "paragraph"]
VOICE_SPAN_COLUMNS = ["start", "end", "voice", "speaker", "sentence", "paragraph"]
VOICE_TABLE_COLUMNS = [
    "sentence",
    "paragraph",
    "start",
    "end",
    "speaker",
    "quoted_words",
    "paraphrased_words",
    "narration_words",
    "label",
]
#: The labels a student gives each sentence in the self-check.
SENTENCE_LABELS = ("direct", "partial", "paraphrase", "narration")

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‹", "’›"
_ALL_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'"
_OPEN_CONTEXT = "([{—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…"
_ADVERB = r"(?:[a-z]+ly|also|then|later|again|once|first|further|previously|today|yesterday|recently)"
_MASK = "\u0000"


# ---------------------------------------------------------------------------
# data


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict]:
    """Every form of every reporting verb, mapped to its lexicon row."""
    forms = {}
    for row in read_table("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            forms[form.strip()] = row
    return forms


def reporting_verb_lexicon():
    """The reporting-verb lexicon as a DataFrame: verb, forms, stance, complement, note.

    >>> lex = reporting_verb_lexicon()
    >>> lex.set_index("verb").loc["pledge", "stance"]
    'evaluative'
    """
    import pandas as pd

    return pd.DataFrame(list(read_table("reporting_verbs.csv")))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset]:
    roles: dict[str, set] = {}
    for row in read_table("quote_speaker_words.csv"):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = _words()
    forms = sorted(_lexicon(), key=len, reverse=True)
    verb_alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    particles = "|".join(sorted(map(re.escape, words["particle"]), key=len, reverse=True))
    abbreviations = "|".join(re.escape(t) for t in sorted(words["title"], key=len, reverse=True) if t.endswith("."))
    name_word = rf"(?:{abbreviations}|[A-Z]\.|[A-Z][\w’'\-]*(?![\w’'\-.]))"
    name = rf"{name_word}(?:\s+(?:(?:{particles})\s+)?{name_word})*"
    people = "|".join(sorted(map(re.escape, words["person_noun"]), key=len, reverse=True))
    determiner = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    noun_phrase = rf"(?:{determiner}\s+)?(?:[a-z’'\-]+\s+)?(?:{people})\b"
    pronoun = r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b"
    speaker = rf"(?P<pronoun>{pronoun})|(?P<name>{name})|(?P<noun>{noun_phrase})"
    source = r"(?P<source>(?:[Tt]he\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?)(?=\s*[,.;:!?]|\s*$)"
    return {
        "verb": re.compile(rf"(?<![\w’'-])(?:{verb_alt})(?![\w’'-])", re.IGNORECASE),
        "speaker_before": re.compile(rf"(?:{speaker}),?(?P<adverbs>(?:\s+{_ADVERB})*)\s+$"),
        "speaker_after": re.compile(rf"^\s+(?:{speaker})(?=\s*(?:[,.;:!?]|$))"),
        "main_subject": re.compile(rf"[,—–]\s*(?:{speaker})(?:\s+{_ADVERB})*\s+(?=[a-z])"),
        "according": re.compile(rf"\b[Aa]ccording\s+to\s+(?:(?:{speaker})(?=\s*[,.;:!?])|{source})"),
        "full_name": re.compile(rf"{name_word}(?:\s+(?:(?:{particles})\s+)?{name_word})+"),
        "titled": re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words['title'])))})\s+{name}"),
        "name": re.compile(name),
    }


# ---------------------------------------------------------------------------
# speakers


def _clean_name(name: str) -> tuple[str, str] | None:
    """Return (full name, surname) for a run of capitalised words, dropping titles and openers."""
    words = _words()
    tokens = name.split()
    while tokens and tokens[0] in words["not_name"]:
        tokens.pop(0)
    titles = [i for i, t in enumerate(tokens) if t in words["title"]]
    if titles:
        tokens = tokens[titles[-1] + 1 :]
    if not tokens or re.search(r"['’]s$", tokens[-1]) or tokens[-1].lower() in words["particle"]:
        return None
    surname = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if token.lower() in words["particle"]:
            surname.insert(0, token)
        else:
            break
    return " ".join(tokens), " ".join(surname)


def _speaker_from(match: re.Match) -> tuple[str | None, str]:
    """(speaker label, how it was named) from a speaker match: name, pronoun or noun."""
    if match.group("name"):
        cleaned = _clean_name(match.group("name"))
        return (cleaned[1], "name") if cleaned else (None, "none")
    if match.group("pronoun"):
        return match.group("pronoun").lower(), "pronoun"
    if match.groupdict().get("source"):
        return match.group("source"), "source"
    return match.group("noun").lower(), "noun"


# ---------------------------------------------------------------------------
# quotation marks


@dataclass
class _Quote:
    open_at: int
    close_at: int
    open_mark: str
    close_mark: str
    level: int
    quote_id: int
    continued: bool = False  # this piece continues a quotation from the paragraph before

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at


def _role(text: str, i: int) -> str:
    """Classify the mark at ``text[i]``: open/close/either, double/single, or apostrophe."""
    c = text[i]
    p = text[i - 1] if i > 0 else ""
    n = text[i + 1] if i + 1 < len(text) else ""
    if c in _DOUBLE_OPEN:
        return "open2"
    if c in _DOUBLE_CLOSE:
        return "close2"
    if c == '"':
        if p and p in "'’”»":
            return "close2"
        if not p or p.isspace() or p in _OPEN_CONTEXT or p in _ALL_MARKS:
            return "open2"
        if not n or n.isspace() or n in _CLOSE_CONTEXT or n in _ALL_MARKS:
            return "close2"
        return "either2"
    p_word, n_word = p.isalnum(), n.isalnum()
    if c in _SINGLE_OPEN:
        return "apostrophe" if p_word else "open1"
    # ’ › or ' : an apostrophe inside a word (They’re, ISIL’s) is never a quotation mark.
    if p_word and n_word:
        return "apostrophe"
    if (p_word or (p and p in ".,!?…")) and not n_word:
        return "close1"
    if not p_word and n_word:
        return "open1" if c == "'" or c == "‹" else "apostrophe"
    return "close1" if not n or n.isspace() or n in _CLOSE_CONTEXT else "apostrophe"


def _next_paragraph_opens(text: str, paragraphs, index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    start = paragraphs[index + 1].start
    return text[start] in _DOUBLE_OPEN or (text[start] == '"' and _role(text, start) == "open2")


def _scan(article: Article) -> tuple[list[_Quote], list[dict]]:
    """Pair the quotation marks of every paragraph; report the marks that do not pair."""
    text, paragraphs = article.text, article.paragraphs
    quotes: list[_Quote] = []
    warnings: list[dict] = []
    ids = iter(range(1_000_000))
    carry: int | None = None  # quote_id continued from the paragraph before

    def warn(at: int, message: str) -> None:
        warnings.append({"start": at, "end": at + 1, "mark": text[at], "message": message})

    for p_index, para in enumerate(paragraphs):
        double: tuple[int, int] | None = None  # (position, quote_id)
        single: tuple[int, int] | None = None  # (position, level)
        continued = False
        for i in range(para.start, para.end):
            if text[i] not in _ALL_MARKS:
                continue
            role = _role(text, i)
            if role == "either2":
                role = "close2" if double else "open2"
            if role == "open2":
                if double is not None:
                    warn(double[0], "This opening double quotation mark is never closed before the next one opens.")
                qid = carry if (carry is not None and i == para.start) else next(ids)
                continued = carry is not None and i == para.start
                carry = None
                double, single = (i, qid), None
            elif role == "close2":
                if double is None:
                    warn(i, "This closing double quotation mark has no opening mark before it in this paragraph.")
                    continue
                if single is not None:
                    warn(single[0], "This single quotation mark is never closed inside the double quotation.")
                    single = None
                quotes.append(_Quote(double[0], i, text[double[0]], text[i], 1, double[1], continued))
                double, continued = None, False
            elif role == "open1":
                if single is not None:
                    warn(single[0], "This opening single quotation mark is never closed before the next one opens.")
                single = (i, 2 if double else 1)
            elif role == "close1" and single is not None:
                qid = double[1] if double else next(ids)
                quotes.append(_Quote(single[0], i, text[single[0]], text[i], single[1], qid))
                single = None
        if single is not None:
            warn(single[0], "This opening single quotation mark is never closed in its paragraph.")
        if double is not None:
            if _next_paragraph_opens(text, paragraphs, p_index):
                # News convention: the quotation goes on in the next paragraph.
                quotes.append(_Quote(double[0], para.end, text[double[0]], "", 1, double[1], continued))
                carry = double[1]
            else:
                warn(double[0], "This opening double quotation mark is never closed in its paragraph.")
    quotes.sort(key=lambda q: (q.open_at, q.level))
    return quotes, warnings


# ---------------------------------------------------------------------------
# reporting frames: who speaks, with which verb


@dataclass
class _Frame:
    verb_start: int
    verb_end: int
    verb: str  # dictionary form
    form: str  # the words in the text
    frame: str  # subject, inverted, participle, coordinated, according
    sentence: int
    speaker: str | None = None
    how: str = "none"  # name, pronoun, noun, inherited
    speaker_start: int = -1
    speaker_end: int = -1
    row: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(self.verb_start, self.speaker_start) if self.speaker_start >= 0 else self.verb_start

    @property
    def end(self) -> int:
        return max(self.verb_end, self.speaker_end)


def _masked(article: Article, quotes: list[_Quote]) -> str:  # noqa: D401
    """The text with the words inside quotation marks hidden, so frames are found outside them."""
    chars = list(article.text)
    for q in quotes:
        if q.level == 1:
            for i in range(q.start, q.end):
                if chars[i] != "\n":
                    chars[i] = _MASK
    return "".join(chars)


def _frames(article: Article, masked: str) -> list[_Frame]:
    pats = _patterns()
    lexicon = _lexicon()
    frames: list[_Frame] = []
    for sent in article.sentences:
        s_text = masked[sent.start : sent.end]
        found: list[_Frame] = []
        for m in pats["verb"].finditer(s_text):
            form = m.group(0)
            key = re.sub(r"\s+", " ", form.lower())
            if key == "according to":
                continue
            first_word = m.start() == len(s_text) - len(s_text.lstrip())
            if form[0].isupper() and not (first_word and key.endswith("ing")):
                continue
            row = lexicon[key]
            f = _Frame(sent.start + m.start(), sent.start + m.end(), row["verb"], form, "", sent.index, row=row)
            before, after = s_text[: m.start()], s_text[m.end() :]
            sb = pats["speaker_before"].search(before)
            sa = pats["speaker_after"].match(after)
            if first_word and key.endswith("ing"):
                f.frame = "participle"
                main = pats["main_subject"].search(s_text, m.end())
                if main:
                    f.speaker, f.how = _speaker_from(main)
                    f.speaker_start = sent.start + main.start() + 1
                    f.speaker_end = f.speaker_start
            elif sb and _speaker_from(sb)[0]:
                f.frame = "subject"
                f.speaker, f.how = _speaker_from(sb)
                f.speaker_start, f.speaker_end = (
                    sent.start + sb.start(),
                    sent.start + sb.end() - len(sb.group(0)) + len(sb.group(0).rstrip()),
                )
            elif sa and re.search(r"[,”\"'’]\s*$", before) and _speaker_from(sa)[0]:
                f.frame = "inverted"
                f.speaker, f.how = _speaker_from(sa)
                f.speaker_start, f.speaker_end = sent.start + m.end() + sa.start() + 1, sent.start + m.end() + sa.end()
            elif re.search(r"\b(?:and|but)\s+(?:(?:then|also|went on to|continued to|later)\s+)?$", before) and found:
                f.frame = "coordinated"
                last = found[-1]
                f.speaker, f.how = last.speaker, last.how
            else:
                continue
            found.append(f)
        for m in pats["according"].finditer(s_text):
            speaker, how = _speaker_from(m)
            group = next(g for g in ("pronoun", "name", "noun", "source") if m.group(g))
            if speaker:
                f = _Frame(
                    sent.start + m.start(),
                    sent.start + m.start() + len("according to"),
                    "according to",
                    m.group(0)[: len("according to")],
                    "according",
                    sent.index,
                    speaker,
                    how,
                    sent.start + m.start(group),
                    sent.start + m.end(group),
                    row=lexicon["according to"],
                )
                found.append(f)
        # a participle's speaker is the subject of the main clause; if none was found, use the sentence's first
        for f in found:
            if f.frame == "participle" and f.speaker is None:
                others = [g for g in found if g is not f and g.speaker]
                if others:
                    f.speaker, f.how = others[0].speaker, others[0].how
        frames.extend(sorted(found, key=lambda g: g.verb_start))
    _resolve_pronouns(masked, frames)
    return frames


def _resolve_pronouns(masked: str, frames: list[_Frame]) -> None:
    """Replace he/she/they by the last named person (a named speaker or a titled name) before it.

    Names are looked for outside quotations only (``masked`` has them blanked), so "the Marshall
    Plan" inside someone's words is never taken for a person.
    """
    pats = _patterns()
    people: list[tuple[int, str]] = []
    for pattern in ("titled", "full_name"):
        for m in pats[pattern].finditer(masked):
            cleaned = _clean_name(m.group(0))
            if cleaned and (pattern == "titled" or len(cleaned[0].split()) > 1):
                people.append((m.end(), cleaned[1]))
    for f in frames:
        if f.how in ("name", "noun") and f.speaker:
            people.append((f.speaker_end if f.speaker_end >= 0 else f.verb_start, f.speaker))
    people.sort()
    positions = [pos for pos, _ in people]
    for f in frames:
        if f.how == "pronoun":
            earlier = bisect.bisect_right(positions, f.verb_start)  # people[:earlier] come before the verb
            f.speaker = people[earlier - 1][1] if earlier else f.speaker
            f.how = "pronoun resolved" if earlier else "pronoun unresolved"


# ---------------------------------------------------------------------------
# the analysis, done once per article


@dataclass
class _Analysis:
    article: Article
    quotes: list[_Quote]
    warnings: list[dict]
    frames: list[_Frame]
    quote_info: list[dict]  # speaker, verb, kind per quote (same order)
    indirect: list[dict]


def _analyse(article_or_text) -> _Analysis:
    """The whole analysis, done once per article and shared by every function below."""
    return as_article(article_or_text).memo("quotes", _analyse_article)


def _analyse_article(article: Article) -> _Analysis:
    quotes, warnings = _scan(article)
    masked = _masked(article, quotes)
    frames = _frames(article, masked)
    info = _attribute(article, quotes, frames)
    spoken = [q for q, i in zip(quotes, info, strict=True) if i["kind"] != "scare"]
    indirect = _indirect(article, masked, spoken, frames)
    return _Analysis(article, quotes, warnings, frames, info, indirect)


def _frames_in(frames: list[_Frame], frame_sentences: list[int], first: int, last: int) -> list[_Frame]:
    """The frames of sentences ``first`` to ``last``; ``frames`` are in sentence order, ``frame_sentences``
    their sentence numbers."""
    return frames[bisect.bisect_left(frame_sentences, first) : bisect.bisect_right(frame_sentences, last)]


def _attribute(article: Article, quotes: list[_Quote], frames: list[_Frame]) -> list[dict]:
    text = article.text
    infos: list[dict] = []
    by_id: dict[int, dict] = {}
    previous: tuple[_Quote, dict] | None = None
    frame_sentences = [f.sentence for f in frames]  # in order: _frames works sentence by sentence
    for q in quotes:
        first, last = article.sentence_at(q.open_at), article.sentence_at(max(q.close_at - 1, q.open_at))
        nearby = _frames_in(frames, frame_sentences, first, last)
        chosen: _Frame | None = None
        for f in nearby:  # 1. inside a participial frame: "Comparing ISIL to a “cancer …,” Carter called for"
            if (
                f.frame == "participle"
                and f.verb_start < q.open_at
                and (f.speaker_start < 0 or q.close_at < f.speaker_start)
            ):
                chosen = f
        if chosen is None:  # 2. "…,” Carter said" / "…,” said Carter" (perhaps split off as a sentence: "…!” he said.")
            for f in _frames_in(frames, frame_sentences, first, last + 1):
                gap = text[q.close_at + 1 : f.start] if q.close_mark else "x"
                if (
                    f.start > q.close_at
                    and re.fullmatch(r"[\s,.;:!?—–-]*", gap)
                    and "\n" not in gap
                    and f.frame in ("subject", "inverted")
                ):
                    chosen = f
                    break
        if chosen is None:  # 3. "Carter said: “…"
            for f in nearby:
                gap = text[f.verb_end : q.open_at]
                if f.verb_end <= q.open_at and re.fullmatch(r"(?:\s+[\w’']+){0,3}\s*[:,]?\s*", gap):
                    chosen = f
        verb_frame = chosen
        if chosen is None:  # 4. the reporting frame of the sentence; the verb nearest before the quotation
            in_last = [f for f in nearby if f.sentence == last and f.speaker] or [f for f in nearby if f.speaker]
            chosen = in_last[0] if in_last else None
            before = [f for f in nearby if f.sentence == first and f.verb_end <= q.open_at]
            # "Cho praised the work but warned that costs had “ballooned”": the verb is "warn"
            verb_frame = before[-1] if before else chosen
        info = {"speaker": chosen.speaker if chosen else None, "verb": verb_frame.verb if verb_frame else None}
        if q.level == 2:
            info = {"speaker": None, "verb": None}
        elif q.continued and q.quote_id in by_id:
            info = dict(by_id[q.quote_id])
        info["kind"] = _kind(article, q, info, previous)
        if info["kind"] == "scare":
            info = {"speaker": None, "verb": None, "kind": "scare"}
        if info["speaker"] is None and info["kind"] == "direct" and previous and q.level == 1:
            prev_q, prev_info = previous
            if article.paragraph_at(prev_q.open_at) >= article.paragraph_at(q.open_at) - 1:
                info["speaker"] = prev_info["speaker"]
        if q.level == 1:
            by_id.setdefault(q.quote_id, info)
            previous = (q, info)
        infos.append(info)
    return infos


def _kind(article: Article, q: _Quote, info: dict, previous) -> str:
    text = article.text
    if q.level == 2:
        return "partial"
    sent = article.sentences[article.sentence_at(q.open_at)]
    before = text[sent.start : q.open_at]
    quoted = text[q.start : q.end].strip()
    if q.continued or not before.strip():
        return "direct"
    if re.search(r"so-called\s*$", before, re.IGNORECASE):
        return "scare"
    if previous and previous[1]["kind"] == "direct" and previous[0].level == 1:
        gap = text[previous[0].close_at + 1 : q.open_at]
        if article.sentence_at(previous[0].open_at) == sent.index or re.fullmatch(r"[^.!?]*,\s*", gap):
            if re.fullmatch(r",?\s*\S+(?:\s+\S+){0,4}?,\s*", gap) and info["speaker"]:
                return "direct"
    if re.search(r":\s*$", before) or (re.search(r",\s*$", before) and quoted[:1].isupper() and info["speaker"]):
        return "direct"
    if info["speaker"] is None:
        return "scare" if len(quoted.split()) <= 4 else "partial"
    return "partial"


# ---------------------------------------------------------------------------
# indirect speech (paraphrase)


def _clause_end(article: Article, masked: str, sent, start: int, frames: list[_Frame]) -> int:
    """Where the clause that begins at ``start`` ends; ``frames`` are the frames of sentence ``sent``."""
    end = sent.end
    for f in frames:
        if f.start > start and f.frame in ("subject", "according"):
            cut = masked.rfind(",", start, f.start)
            cut = cut if cut >= 0 and not masked[cut : f.start].strip(", —–") else f.start
            end = min(end, cut)
    while end > start and not (masked[end - 1].isalnum() or masked[end - 1] in "%)’'"):
        end -= 1
    return end


def _word_pieces(article: Article, masked: str, start: int, end: int, outer: _OuterQuotes) -> list[tuple[int, int]]:
    """Split [start, end) around quotations; keep only pieces with words, trimmed to the words."""
    cuts = outer.cuts(start, end)
    pieces, pos = [], start
    for a, b in sorted(cuts):
        pieces.append((pos, max(pos, a)))
        pos = max(pos, b)
    pieces.append((pos, end))
    result = []
    for a, b in pieces:
        chunk = masked[a:b]
        words = [m.span() for m in re.finditer(r"[\w’'\-]*\w", chunk)]
        if words:
            result.append((a + words[0][0], a + words[-1][1]))
    return result


class _OuterQuotes:
    """The quotations of level 1, ready to ask which of them reach into a stretch of text.

    They never overlap (``_scan`` drops an open single mark when a double one opens, and a
    single mark opened inside a double quotation is level 2), so in order of their opening
    marks they are also in order of their closing marks, and bisect finds them.
    """

    def __init__(self, quotes: list[_Quote]):
        outer = sorted((q for q in quotes if q.level == 1), key=lambda q: q.open_at)
        self.opens = [q.open_at for q in outer]
        self.closes = [q.close_at for q in outer]

    def cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """(opening mark, after the closing mark) of each quotation that opens before ``end``
        and closes at or after ``start``, in text order."""
        first = bisect.bisect_left(self.closes, start)
        stop = bisect.bisect_left(self.opens, end)
        return [(self.opens[i], self.closes[i] + 1) for i in range(first, stop)]


def _indirect(article: Article, masked: str, quotes: list[_Quote], frames: list[_Frame]) -> list[dict]:
    words = _words()
    rows: list[dict] = []
    sentences = article.sentences
    outer = _OuterQuotes(quotes)
    frames_of: dict[int, list[_Frame]] = {}  # sentence -> its frames
    for f in frames:
        frames_of.setdefault(f.sentence, []).append(f)

    def add(start: int, end: int, f: _Frame) -> None:
        for a, b in _word_pieces(article, masked, start, end, outer):
            rows.append({"start": a, "end": b, "speaker": f.speaker, "verb": f.verb, "sentence": f.sentence})

    for f in frames:
        if not f.speaker:
            continue
        sent = sentences[f.sentence]
        complement = set(f.row.get("complement", "none").split("|"))
        after = masked[f.verb_end : sent.end]
        if f.frame == "inverted":
            after = masked[f.speaker_end : sent.end]
        start = None
        m_to = re.match(r"\s+to\s+(?=[a-z])", after)
        m_that = re.match(r"((?:\s+[\w’'\-]+){0,3}?)\s+that\s+(?=\S)", after)
        m_zero = re.match(r"\s+([\w’'\-]+)", after)
        if f.frame == "according":
            piece_start = sent.start
            add(piece_start, f.start, f)
            add(f.end, sent.end, f)
            continue
        if "to" in complement and m_to and f.frame != "inverted":
            start = f.verb_end + m_to.start() + len(m_to.group(0)) - len(m_to.group(0).lstrip())
        elif "that" in complement and m_that and f.frame != "inverted":
            start = f.verb_end + m_that.end()
        elif "zero" in complement and m_zero and f.frame in ("subject", "coordinated"):
            word = m_zero.group(1)
            if word[0].isalnum() and word.lower() not in words["not_clause"]:
                start = f.verb_end + m_zero.start(1)
        if start is not None:
            add(start, _clause_end(article, masked, sent, start, frames_of[sent.index]), f)
        # "[statement], Carter said." : the statement before a closing frame is the speaker's, retold
        if f.frame in ("subject", "inverted") and complement & {"zero", "that"}:
            tail = masked[f.end : sent.end]
            head = masked[sent.start : f.start]
            if re.fullmatch(r"(?:\s+[\w’'\-]+){0,5}\s*[.!?]?[\"”’']*\s*", tail) and re.search(
                r"[,\x00][\"”’']?\s*$", head
            ):
                add(sent.start, sent.start + len(head.rstrip().rstrip("\"”’'").rstrip(",")), f)
    rows.sort(key=lambda r: r["start"])
    merged: list[dict] = []
    for r in rows:
        if merged and r["start"] < merged[-1]["end"]:
            merged[-1]["end"] = max(merged[-1]["end"], r["end"])
            continue
        merged.append(dict(r))
    return merged


# ---------------------------------------------------------------------------
# public finders


def _empty(columns):
    import pandas as pd

    frame = pd.DataFrame({c: [] for c in columns}, dtype=object)
    return frame.astype({c: "int64" for c in columns if c in _INT_COLUMNS})


_INT_COLUMNS = {
    "start",
    "end",
    "sentence",
    "paragraph",
    "open_at",
    "close_at",
    "quote_id",
    "level",
    "quoted_words",
    "paraphrased_words",
    "narration_words",
}


def _frame_of(rows: list[dict], columns):
    import pandas as pd

    if not rows:
        return _empty(columns)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame.astype({c: "int64" for c in columns if c in _INT_COLUMNS})


def find_quotations(article_or_text):
    """Every quotation: ``start``, ``end`` (the words without the marks), ``text``, ``kind``, ``speaker``,
    ``verb``, ``sentence``, ``paragraph``, plus ``open_mark``, ``close_mark``, ``open_at``, ``close_at``,
    ``quote_id`` (shared by the pieces of a quotation over several paragraphs) and ``level`` (2 = nested).

    >>> q = find_quotations('The mayor called it a “historic” day. “We did it,” she said.')
    >>> q[["text", "kind", "speaker"]].values.tolist()
    [['historic', 'scare', None], ['We did it,', 'direct', 'she']]
    """
    a = _analyse(article_or_text)
    text = a.article.text
    rows = []
    for q, info in zip(a.quotes, a.quote_info, strict=True):
        rows.append(
            {
                "start": q.start,
                "end": q.end,
                "text": text[q.start : q.end],
                "kind": info["kind"],
                "speaker": info["speaker"],
                "verb": info["verb"],
                "sentence": a.article.sentence_at(q.start),
                "paragraph": a.article.paragraph_at(q.start),
                "open_mark": q.open_mark,
                "close_mark": q.close_mark,
                "open_at": q.open_at,
                "close_at": q.close_at,
                "quote_id": q.quote_id,
                "level": q.level,
            }
        )
    return _frame_of(rows, QUOTE_COLUMNS)


def quotation_warnings(article_or_text):
    """Quotation marks that do not pair up: ``start``, ``end`` (the mark), ``mark``, ``message``,
    ``sentence``, ``paragraph``. An unpaired mark never becomes a quotation.

    >>> quotation_warnings('He said “we will win. Then he left.')[["start", "mark"]].values.tolist()
    [[8, '“']]
    """
    a = _analyse(article_or_text)
    rows = [
        {**w, "sentence": a.article.sentence_at(w["start"]), "paragraph": a.article.paragraph_at(w["start"])}
        for w in sorted(a.warnings, key=lambda w: w["start"])
    ]
    return _frame_of(rows, WARNING_COLUMNS)


def reporting_verbs(article_or_text):
    """Reporting verbs with a speaker: ``start``, ``end``, ``text``, ``verb``, ``stance`` (neutral or
    evaluative), ``speaker``, ``frame`` (subject, inverted, participle, coordinated, according), ``note``,
    ``sentence``, ``paragraph``.

    >>> reporting_verbs("The coach praised the team and said the bus was late.")[["text", "stance"]].values.tolist()
    [['praised', 'evaluative'], ['said', 'neutral']]
    """
    a = _analyse(article_or_text)
    rows = [
        {
            "start": f.verb_start,
            "end": f.verb_end,
            "text": a.article.text[f.verb_start : f.verb_end],
            "verb": f.verb,
            "stance": f.row["stance"],
            "speaker": f.speaker,
            "frame": f.frame,
            "note": f.row["note"],
            "sentence": f.sentence,
            "paragraph": a.article.paragraph_at(f.verb_start),
        }
        for f in a.frames
        if f.speaker
    ]
    return _frame_of(rows, VERB_COLUMNS)


def find_indirect_speech(article_or_text):
    """Paraphrase (indirect speech): ``start``, ``end``, ``text``, ``kind`` ("indirect"), ``speaker``,
    ``verb``, ``sentence``, ``paragraph``. Found after "said (that)", "pledged to", "according to", and
    before a closing "…, X said".

    >>> find_indirect_speech("Mills said the bus was late.")[["text", "speaker"]].values.tolist()
    [['the bus was late', 'Mills']]
    """
    a = _analyse(article_or_text)
    text = a.article.text
    rows = [
        {**r, "text": text[r["start"] : r["end"]], "kind": "indirect", "paragraph": a.article.paragraph_at(r["start"])}
        for r in a.indirect
    ]
    return _frame_of(rows, INDIRECT_COLUMNS)


def voice_spans(article_or_text):
    """The text of every sentence divided into voices: ``start``, ``end``, ``voice`` ("quoted",
    "paraphrase", "narration"), ``speaker`` (None for narration), ``sentence``, ``paragraph``.

    Quoted spans are the quoted words without the marks (the marks count as narration); scare quotes
    and quotations within quotations stay in the voice around them.

    >>> voice_spans("Mills said the bus was late.")[["voice", "speaker"]].values.tolist()
    [['narration', None], ['paraphrase', 'Mills'], ['narration', None]]
    """
    a = _analyse(article_or_text)
    article = a.article
    rows = []
    quoted = [
        (q.start, q.end, info["speaker"])
        for q, info in zip(a.quotes, a.quote_info, strict=True)
        if q.level == 1 and info["kind"] != "scare"
    ]
    for sent in article.sentences:
        labels: list[tuple[str, str | None]] = [("narration", None)] * (sent.end - sent.start)
        for r in a.indirect:
            for i in range(max(r["start"], sent.start), min(r["end"], sent.end)):
                labels[i - sent.start] = ("paraphrase", r["speaker"])
        for start, end, speaker in quoted:
            for i in range(max(start, sent.start), min(end, sent.end)):
                labels[i - sent.start] = ("quoted", speaker)
        pos = 0
        while pos < len(labels):
            nxt = pos
            while nxt < len(labels) and labels[nxt] == labels[pos]:
                nxt += 1
            voice, speaker = labels[pos]
            rows.append(
                {
                    "start": sent.start + pos,
                    "end": sent.start + nxt,
                    "voice": voice,
                    "speaker": speaker,
                    "sentence": sent.index,
                    "paragraph": sent.paragraph,
                }
            )
            pos = nxt
    return _frame_of(rows, VOICE_SPAN_COLUMNS)


def voice_table(article_or_text):
    """Words per voice in every sentence: ``sentence``, ``paragraph``, ``start``, ``end``, ``speaker``,
    ``quoted_words``, ``paraphrased_words``, ``narration_words`` and ``label`` (direct, partial,
    paraphrase or narration: the strongest voice of the speaker in the sentence).

    >>> voice_table("“We did it,” Mills said.")[["quoted_words", "narration_words", "label"]].values.tolist()
    [[3, 2, 'direct']]
    """
    a = _analyse(article_or_text)
    article = a.article
    spans = voice_spans(article)
    quotes = find_quotations(article)
    rows = []
    for sent in article.sentences:
        mine = spans[spans["sentence"] == sent.index]
        counts = {"quoted": 0, "paraphrase": 0, "narration": 0}
        starts = mine["start"].tolist()
        voices = mine["voice"].tolist()
        import bisect

        for w in article.words:
            if w.sentence == sent.index:
                counts[voices[bisect.bisect_right(starts, w.start) - 1]] += 1
        speakers = [s for s in mine["speaker"].tolist() if s]
        kinds = set(
            quotes.loc[(quotes["level"] == 1) & (quotes["start"] < sent.end) & (quotes["end"] > sent.start), "kind"]
        )
        if "direct" in kinds:
            label = "direct"
        elif "partial" in kinds:
            label = "partial"
        elif counts["paraphrase"]:
            label = "paraphrase"
        else:
            label = "narration"
        rows.append(
            {
                "sentence": sent.index,
                "paragraph": sent.paragraph,
                "start": sent.start,
                "end": sent.end,
                "speaker": ", ".join(dict.fromkeys(speakers)) or None,
                "quoted_words": counts["quoted"],
                "paraphrased_words": counts["paraphrase"],
                "narration_words": counts["narration"],
                "label": label,
            }
        )
    return _frame_of(rows, VOICE_TABLE_COLUMNS)


# ---------------------------------------------------------------------------
# self-check, command line and answer key

_LABEL_WORDS = {
    "direct": "direct",
    "direct quotation": "direct",
    "quote": "direct",
    "partial": "partial",
    "partial quotation": "partial",
    "paraphrase": "paraphrase",
    "indirect": "paraphrase",
    "indirect speech": "paraphrase",
    "reported speech": "paraphrase",
    "narration": "narration",
    "reporter": "narration",
    "narrative": "narration",
}
_HINTS = {
    "direct": "Look at where the quotation marks are: round a few words, or round a whole sentence of the speaker's?",
    "partial": "Are the quoted words a whole sentence, or a few words dropped into the reporter's own sentence?",
    "paraphrase": "Is there a frame such as “said (that) …” or “pledged to …” that retells the speaker's point "
    "without quotation marks?",
    "narration": "Does the sentence give the content of what the speaker said, or only tell us what the speaker did?",
}


def _sentence_key() -> dict[int, dict]:
    return {e["sentence"]: e for e in load_key("quotes")["entries"] if e["type"] == "sentence"}


def _as_labels(answers, count: int) -> dict[int, str]:
    example = 'For example: answers = {0: "narration", 1: "direct", 4: "partial"}'
    if isinstance(answers, (list, tuple)):
        answers = dict(enumerate(answers))
    if not isinstance(answers, dict):
        raise AnswerFormatError("Write your answers as a dictionary from sentence number to label. " + example)
    labels = {}
    for number, label in answers.items():
        if not isinstance(number, int) or not 0 <= number < count:
            raise AnswerFormatError(
                f"{number!r} is not a sentence number. Sentence numbers go from 0 to {count - 1}, "
                "as in article.sentence_table(). " + example
            )
        word = _LABEL_WORDS.get(str(label).strip().lower())
        if word is None:
            raise AnswerFormatError(
                f"Sentence {number}: {label!r} is not one of the labels. Use one of "
                "'direct', 'partial', 'paraphrase' or 'narration'. " + example
            )
        labels[number] = word
    return labels


def check_quotes(answers, show_answers: bool = False) -> Feedback:
    """Check your label for each sentence of the seed: direct, partial, paraphrase or narration.

    ``answers`` maps sentence numbers (from 0, as in ``article.sentence_table()``) to labels; a list of
    labels in sentence order also works. A defensible label that differs from the key is explained,
    never called wrong. ``show_answers=True`` adds the key's label and reason for every sentence.

    >>> print(check_quotes({1: "direct"}))  # doctest: +ELLIPSIS
    Whose words? Sentence labels
      ✔ Found: Sentence 1: direct. The sentence opens with a whole quoted sentence of Carter's; ...
    ...
    """
    key = _sentence_key()
    labels = _as_labels(answers, len(key))
    fb = Feedback("Whose words? Sentence labels")
    for number in sorted(labels):
        entry, label = key[number], labels[number]
        if label == entry["label"]:
            fb.add("found", f"Sentence {number}: {label}. {entry['why']}")
        elif label in entry["also_accept"]:
            fb.add("found", f"Sentence {number}: {label} is defensible. The key says {entry['label']}: {entry['why']}")
        else:
            fb.add(
                "not in key",
                f"Sentence {number}: the key does not say {label}. {_HINTS[entry['label']]} "
                "If you can point to the words that make it " + label + ", note them for the discussion.",
            )
    missing = [n for n in sorted(key) if n not in labels]
    if missing:
        fb.add("missed", f"No label yet for sentence(s) {', '.join(map(str, missing))}.")
    if show_answers:
        for number in sorted(key):
            entry = key[number]
            also = f" (also defensible: {', '.join(entry['also_accept'])})" if entry["also_accept"] else ""
            fb.add("answer", f"Sentence {number}: {entry['label']}{also}. {entry['why']}")
    return fb


def compare_verbs(original: str, rewrite: str) -> Feedback:
    """Compare the reporting verbs of a sentence and your rewrite of it: what did the new verb change?

    >>> fb = compare_verbs("Carter pledged to build a coalition.", "Carter said he would build one.")
    >>> fb.lines[-1][1][:48]
    '“pledged” became “said”: the verb went from eval'
    """
    fb = Feedback("Reporting verbs: original and rewrite")
    if not isinstance(original, str) or not isinstance(rewrite, str) or not rewrite.strip():
        raise AnswerFormatError(
            'Write your rewrite as text between quotation marks, for example: my_rewrite = "Carter said he would ..."'
        )
    found = []
    for name, sentence in (("Original", original), ("Rewrite", rewrite)):
        verbs = reporting_verbs(sentence)
        if verbs.empty:
            fb.add(
                "note",
                f"{name}: no reporting verb with a speaker found (is there a name or “he”/“she” before the verb?).",
            )
        for row in verbs.itertuples():
            fb.add("note", f"{name}: “{row.text}” ({row.verb}, {row.stance}): {row.note}")
        found.append(verbs)
    before, after = found
    if before.empty or after.empty:
        return fb
    removed = [r for r in before.itertuples() if r.verb not in set(after["verb"])]
    added = [r for r in after.itertuples() if r.verb not in set(before["verb"])]
    if not removed and not added:
        fb.add(
            "hint", "The reporting verbs are the same. Try a verb from reporting_verb_lexicon() with another stance."
        )
    elif removed and added:
        s1, s2 = removed[0].stance, added[0].stance
        change = f"went from {s1} to {s2}" if s1 != s2 else f"stayed {s1}"
        fb.add(
            "hint",
            f"“{removed[0].text}” became “{added[0].text}”: the verb {change}. Read both aloud: "
            "which one sounds more certain of the speaker's commitment?",
        )
    else:
        fb.add("hint", "The number of reporting verbs changed. Which statement now has no verb, or a new one?")
    return fb


def analyze_section(article_or_text) -> list[dict]:
    """The quotations as JSON-ready data for ``rhetoric-lab analyze`` (key ``"quotes"``).

    >>> analyze_section('“We won,” Mills said.')
    [{'start': 1, 'end': 8, 'text': 'We won,', 'kind': 'direct', 'speaker': 'Mills', 'verb': 'say'}]
    """
    quotes = find_quotations(article_or_text)
    return [
        {
            "start": int(r["start"]),
            "end": int(r["end"]),
            "text": r["text"],
            "kind": r["kind"],
            "speaker": r["speaker"],
            "verb": r["verb"],
        }
        for r in quotes.to_dict("records")
    ]


def answer_key_markdown() -> str:
    """The quotation lesson's answer key as Markdown, rendered from ``seeds/keys/quotes.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key · 03 Quotations: whose words?'
    """
    key = load_key("quotes")
    entries = key["entries"]
    out = [
        "# Answer key · 03 Quotations: whose words?",
        "",
        f"Generated from `seeds/keys/quotes.json` ({key['article']}). {key['description']}",
        "",
        "## Quotations",
        "",
        "| # | sentence | quoted words (without the marks) | kind | speaker | reporting verb | why |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    quotes = [e for e in entries if e["type"] == "quotation"]
    for n, e in enumerate(quotes, start=1):
        out.append(
            f"| {n} | {e['sentence']} | {_cell(e['text'])} | {e['kind']} | {e['speaker']} | {e['verb']} | "
            f"{_cell(e['why'])} |"
        )
    out += [
        "",
        "## Indirect speech (paraphrase)",
        "",
        "| sentence | the speaker's point in the reporter's words | speaker | verb | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for e in entries:
        if e["type"] == "indirect":
            out.append(f"| {e['sentence']} | {_cell(e['text'])} | {e['speaker']} | {e['verb']} | {_cell(e['why'])} |")
    out += [
        "",
        "## Sentence labels (the self-check)",
        "",
        "| sentence | label | also defensible | why |",
        "| --- | --- | --- | --- |",
    ]
    for e in entries:
        if e["type"] == "sentence":
            out.append(f"| {e['sentence']} | {e['label']} | {', '.join(e['also_accept']) or '—'} | {_cell(e['why'])} |")
    out += [
        "",
        "## Reporting verbs chosen by the reporter",
        "",
        "| sentence | in the text | verb | stance |",
        "| --- | --- | --- | --- |",
    ]
    stance = {row["verb"]: row["stance"] for row in read_table("reporting_verbs.csv")}
    for e in entries:
        if e["type"] == "verb":
            out.append(f"| {e['sentence']} | {e['text']} | {e['verb']} | {stance.get(e['verb'], '?')} |")
    return "\n".join(out) + "\n"
