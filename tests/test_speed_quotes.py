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
from rhetoric_lab.quotes import finders, frames, marks, people, phrases, tokens, voices
from rhetoric_lab.quotes.lexicon import verb_forms, words

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
    "The coach was Dana Mills\n\nLee’s team won, Lee said. Ann O’Neil\n\nRuth’s Harlan Foods’s chief said.",
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


# --- marks ----------------------------------------------------------------------------------------


def simple_masked(article, quotes):
    """marks.masked before the speed work: a list of every character."""
    chars = list(article.text)
    for q in quotes:
        if q.level == 1:
            for i in range(q.start, q.end):
                if chars[i] != "\n":
                    chars[i] = marks.MASK
    return "".join(chars)


def _same_marks(text: str) -> None:
    for start, end in [(0, len(text)), (len(text) // 3, len(text) // 2), (5, 3)]:
        simple = [i for i in range(start, end) if text[i] in marks._ALL_MARKS]
        assert marks.mark_positions(text, start, end) == simple
    article, quotes = _parts(text)
    n = len(text)
    ends = [(n // 2, n - 1), (0, n // 3), (n // 4, n // 2 + 2), (3, 1)]
    odd = [marks.Quote(a, min(b, n), "“", "”", 1, 0) for a, b in ends]
    for found in (quotes, quotes[::-1], quotes + odd):  # in order; reversed; overlapping and backwards
        assert marks.masked(article, found) == simple_masked(article, found)


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
        party = bool(tokens._PARTY.match(word))  # "R-Ky.": a party and state
        return len(word) == 1 or word + "." in w.titles or word.lower() in w.abbreviations or party

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


# --- frames and people ------------------------------------------------------------------------------


def simple_sentence_bounds(toks):
    bounds = {}
    for t in toks:
        first, _ = bounds.get(t.sentence, (t.index, t.index))
        bounds[t.sentence] = (first, t.index + 1)
    return bounds


def simple_find_frames(toks):
    """frames.find_frames before the speed work: every token is tried as the start of a verb."""
    bounds = simple_sentence_bounds(toks)
    forms = frames.verb_forms()
    found_frames = []
    i = 0
    while i < len(toks):
        t = toks[i]
        found = frames._match(toks, i) if t.kind == "w" else None
        if not found:
            i += 1
            continue
        parts, row, j = found
        start = bounds[t.sentence][0]
        first_word = i - start <= 3 and all(toks[k].kind == "p" for k in range(start, i))
        prev = toks[i - 1] if i and toks[i - 1].sentence == t.sentence else None
        noun = prev is not None and prev.kind == "w" and (prev.low in phrases.NOUN_BEFORE or prev.possessive)
        noun = noun or (j < len(toks) and toks[j].kind == "w" and toks[j].low in forms)
        capital_ok = first_word and (
            parts[-1].endswith("ing") or row["verb"] == "according to" or frames.is_inverted_start(toks, j)
        )
        if (t.cap and not capital_ok) or noun:
            i = j
            continue
        form = " ".join(x.text for x in toks[i:j])
        f = frames.Frame(t.start, toks[j - 1].end, row["verb"], form, "", t.sentence, i, j, initial=first_word, row=row)
        frames._classify(toks, f, first_word, parts[-1].endswith("ing"))
        if f.frame:
            found_frames.append(f)
        i = j
    frames._participle_speakers(toks, found_frames, bounds)
    return found_frames


def simple_name_runs(toks):
    runs, run = [], []
    for t in toks:
        if t.kind == "w" and phrases.is_name_token(t) and (not run or run[-1].sentence == t.sentence):
            run.append(t)
            if t.possessive:
                runs.append((run, True))
                run = []
            continue
        if run:
            runs.append((run, False))
        run = [t] if t.kind == "w" and phrases.is_name_token(t) else []
    if run:
        runs.append((run, False))
    return runs


def _same_frames_and_people(text: str) -> None:
    article, quotes = _parts(text)
    toks = tokens.tokenize(article, quotes)
    assert frames.sentence_bounds(toks) == simple_sentence_bounds(toks)
    assert frames.sentence_bounds(toks[::-1]) == simple_sentence_bounds(toks[::-1])  # any order
    assert frames.find_frames(toks) == simple_find_frames(toks), text[:200]
    assert people._name_runs(toks) == simple_name_runs(toks), text[:200]


def test_the_words_of_a_verb_form_are_read_once(monkeypatch):
    """With a form whose later words start another form ("said according to"), they are not a verb again."""
    lexicon = dict(verb_forms())
    lexicon["said"] = [(("said", "according", "to"), lexicon["told"][0][1]), *lexicon["said"]]
    monkeypatch.setattr(frames, "verb_forms", lambda: lexicon)
    article, quotes = _parts("It was fine, Mills said according to Lee Park. Then Ann Lee said no, Park said.")
    toks = tokens.tokenize(article, quotes)
    found = frames.find_frames(toks)
    assert [f.form for f in found] == ["said according to", "said", "said"]
    assert found == simple_find_frames(toks)


# --- voices -----------------------------------------------------------------------------------------


def simple_voice_rows(a):
    """find_voices before the speed work: a label for every character of every sentence."""
    quoted = [
        (q.start, q.end, found.sp.label if found.sp else None)
        for q, found in zip(a.quotes, a.attributions, strict=True)
        if q.level == 1 and found.kind not in ("scare", "mention")
    ]
    paraphrase = [(r["start"], r["end"], r["speaker"]) for r in a.indirect]
    rows = []
    next_quoted = next_paraphrase = 0
    for sent in a.article.sentences:
        labels = [("narration", None)] * (sent.end - sent.start)
        for spans, voice, pointer in ((paraphrase, "paraphrase", "p"), (quoted, "quoted", "q")):
            i = next_paraphrase if pointer == "p" else next_quoted
            while i < len(spans) and spans[i][1] <= sent.start:
                i += 1
            j = i
            while j < len(spans) and spans[j][0] < sent.end:
                start, end, speaker = spans[j]
                for k in range(max(start, sent.start), min(end, sent.end)):
                    labels[k - sent.start] = (voice, speaker)
                j += 1
            if pointer == "p":
                next_paraphrase = i
            else:
                next_quoted = i
        pos = 0
        while pos < len(labels):
            nxt = pos
            while nxt < len(labels) and labels[nxt] == labels[pos]:
                nxt += 1
            voice, speaker = labels[pos]
            rows.append([sent.start + pos, sent.start + nxt, voice, speaker, sent.index, sent.paragraph])
            pos = nxt
    return rows


def _same_voices(text: str) -> None:
    article, _ = _parts(text)
    assert rl.find_voices(article).values.tolist() == simple_voice_rows(finders._analyse(article)), text[:200]


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["Lee", "Park", None])), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12), st.integers(0, 30), spans, spans)
def test_voice_runs_are_the_runs_of_the_character_labels(lo, size, paraphrase, quoted):
    """On spans in order without overlaps, the runs are those of a label per character; on any spans,
    ``find_voices`` takes the character labels."""
    hi = lo + size
    assert voices._voice_runs_by_character(lo, hi, paraphrase, quoted) == [
        (lo + p, lo + q, label) for p, q, label in _runs_of_labels(lo, hi, paraphrase, quoted)
    ]
    paraphrase, quoted = _without_overlaps(paraphrase), _without_overlaps(quoted)
    assert voices._in_order(paraphrase) and voices._in_order(quoted)
    assert voices._voice_runs(lo, hi, paraphrase, quoted) == voices._voice_runs_by_character(lo, hi, paraphrase, quoted)


def test_voices_of_spans_that_overlap_are_painted_character_by_character():
    """Spans that overlap (which the finders never give) still get what the simple version gives."""
    article = rl.Article("Mills said the bus was late and “very slow,” he said. Lee said the game was long.")
    a = finders._analyse(article)
    a.indirect = [*a.indirect, {"start": 5, "end": 40, "speaker": "Park"}, {"start": 20, "end": 70, "speaker": None}]
    assert rl.find_voices(article).values.tolist() == simple_voice_rows(a)


def _without_overlaps(found):
    """The same number of spans, with the same speakers, made to follow each other without overlaps."""
    points = sorted(x for span in found for x in span[:2])
    return [(points[2 * k], points[2 * k + 1], span[2]) for k, span in enumerate(found)]


def _runs_of_labels(lo, hi, paraphrase, quoted):
    labels = [("narration", None)] * (hi - lo)
    for found, voice in ((paraphrase, "paraphrase"), (quoted, "quoted")):
        for start, end, speaker in found:
            for k in range(max(start, lo), min(end, hi)):
                labels[k - lo] = (voice, speaker)
    runs = []
    for k, label in enumerate(labels):
        if runs and runs[-1][2] == label:
            runs[-1] = (runs[-1][0], k + 1, label)
        else:
            runs.append((k, k + 1, label))
    return runs


# --- every fast path, on every text ---------------------------------------------------------------

CHECKS = [_same_marks, _same_tokens, _same_frames_and_people, _same_voices]


@pytest.mark.parametrize("index", range(len(TEXTS_ALL)))
def test_fast_paths_are_the_simple_ones(index):
    for check in CHECKS:
        check(TEXTS_ALL[index])


@settings(max_examples=200, deadline=None)
@given(random_texts)
def test_fast_paths_are_the_simple_ones_on_random_text(text):
    for check in CHECKS:
        check(text)
