"""The faster code gives exactly what the code before the speed work gave, and the fast helpers what
the simple versions they replace give.

``tests/equivalence/analyze-before.json.gz`` holds ``analyze()`` of the seed, of every text in
``tests/texts/`` and of a large mixed text (``benchmarks/corpus.py``), written before the speed work
(with textstat's figures, which ``analyze`` now adds only with ``compare_textstat=True``). When a
finder changes its results on purpose, write the file again from the code before any speed change
that comes with it: ``python tests/test_speed_equivalence.py --write``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import re
import sys

import nltk
import pytest
from conftest import ROOT, SEED_PATH, TEXTS
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.destructive import NLTKWordTokenizer

import rhetoric_lab as rl
from rhetoric_lab import allusion, readability, tokens
from rhetoric_lab import allusion_gazetteer as gazetteer
from rhetoric_lab import metaphor_everyday as everyday
from rhetoric_lab.offline import prepare_nltk_cmudict
from rhetoric_lab.quotes import marks
from rhetoric_lab.readability import counting
from rhetoric_lab.readability.textstat_check import stops_inside
from rhetoric_lab.syllables import first_pronunciations

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import ADVERSARIAL, adversarial, mixed_text  # noqa: E402

TEXT_NAMES = sorted(p.name for p in TEXTS.glob("*.txt"))
BEFORE = ROOT / "tests" / "equivalence" / "analyze-before.json.gz"
MIXED_WORDS = 20_000


def golden_texts() -> dict[str, str]:
    """The texts whose analysis was saved: the seed, tests/texts/, and the mixed text."""
    texts = {"seed": SEED_PATH.read_text(encoding="utf-8")}
    texts.update({name: (TEXTS / name).read_text(encoding="utf-8") for name in TEXT_NAMES})
    texts[f"mixed-{MIXED_WORDS}"] = mixed_text(MIXED_WORDS)
    return texts


@pytest.fixture(scope="module")
def before() -> dict:
    return json.loads(gzip.decompress(BEFORE.read_bytes()))


def _differences(old, new, where="") -> list[str]:
    """Where two JSON values differ, as paths (at most a few)."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = [f"{where}/{k}: only before" for k in old.keys() - new.keys()]
        found += [f"{where}/{k}: only now" for k in new.keys() - old.keys()]
        for k in old.keys() & new.keys():
            found += _differences(old[k], new[k], f"{where}/{k}")
        return found[:10]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return list(
            itertools.islice(
                (d for o, n, i in zip(old, new, itertools.count()) for d in _differences(o, n, f"{where}[{i}]")), 10
            )
        )
    return [] if old == new else [f"{where}: {str(old)[:80]!r} before, {str(new)[:80]!r} now"]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(golden_texts()))
def test_analyze_gives_what_it_gave_before_the_speed_work(name, before):
    text = golden_texts()[name]
    now = json.loads(json.dumps(rl.analyze(text, compare_textstat=True)))
    assert _differences(before[name], now) == []
    without = rl.analyze(text)
    assert "textstat" not in without["readability"]
    assert {k: v for k, v in before[name]["readability"].items() if k != "textstat"} == json.loads(
        json.dumps(without["readability"])
    )


def _nltk_spans(sentence: str):
    """Plain NLTK: the spans, or the kind of error it raises."""
    try:
        return list(NLTKWordTokenizer().span_tokenize(sentence))
    except Exception as err:  # noqa: BLE001 (the same error must come from both)
        return type(err)


def _quick_spans(sentence: str):
    try:
        return tokens.span_tokenize(sentence)
    except Exception as err:  # noqa: BLE001
        return type(err)


def _sentences_of(text: str) -> list[str]:
    return [s.text.translate(rl.text._TOKENIZER_SWAPS) for s in rl.Article(text).sentences]


def test_tokens_are_nltks_on_every_sentence_of_our_texts():
    texts = [SEED_PATH.read_text(encoding="utf-8"), mixed_text(5_000)]
    texts += [(TEXTS / name).read_text(encoding="utf-8") for name in TEXT_NAMES]
    texts += [adversarial(kind, 600) for kind in ADVERSARIAL]
    sentences = [s for text in texts for s in _sentences_of(text)]
    assert len(sentences) > 300
    for sentence in sentences:
        assert _quick_spans(sentence) == _nltk_spans(sentence), sentence


# Every character some rule needs, letters of the contractions in both cases, and the Unicode
# characters whose case-folding or spacing could fool a shortcut.
_TRICKY = list("abcdeginlmorstwyABCDEGINLMORSTWY .,:;!?'\"`«»“”‘’„-‒–—―*()[]{}<>@#$%&0123456789_\t\n\x1c\x85\u00a0")
_TRICKY += ["ſ", "K", "İ", "ı", "\u2028", "cannot", "CanNot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n"]
_TRICKY += ["wanna ", " 'tis", " 'Twas", "''", "``", "--", "...", "n't", "'s ", "'LL ", "U.S.", ' "', '" ']


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), max_size=40).map("".join))
def test_tokens_are_nltks_on_random_text(sentence):
    assert _quick_spans(sentence) == _nltk_spans(sentence)


def test_every_rule_of_nltk_is_known():
    assert tokens.unknown_rules() == ["\\s+"]  # the one rule that always runs


def _fast_spans(entry, text):
    """The matches as ``_spans`` finds them: none when no anchor is in the text, else near the anchors."""
    for _, occurrences in gazetteer.searchable(text, entries=[entry]):
        return [m.span() for m in allusion._matches(entry, text, occurrences)]
    return []


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_allusion_matches_are_finditer(name):
    text = rl.as_article((TEXTS / name).read_text(encoding="utf-8")).text
    for entry in allusion._entries():
        expected = [m.span() for m in entry.pattern.finditer(text)]
        assert [m.span() for m in allusion._matches(entry, text)] == expected
        assert _fast_spans(entry, text) == expected, entry.key


def _example(items, rng) -> str:
    """A random string built from a parsed regex: it often matches it (look-arounds are not honoured)."""
    out = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name in ("NOT_LITERAL", "ANY"):
            out.append("q")
        elif name == "IN":
            op2, av2 = rng.choice(av)
            if str(op2) == "LITERAL":
                out.append(chr(av2))
            elif str(op2) == "RANGE":
                out.append(chr(rng.randint(*av2)))
            else:
                out.append({"CATEGORY_DIGIT": "7", "CATEGORY_SPACE": " "}.get(str(av2), "w"))
        elif name == "SUBPATTERN":
            out.append(_example(av[-1], rng))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high = av[0], min(av[1], av[0] + 2)
            out.extend(_example(av[2], rng) for _ in range(rng.randint(low, high)))
        elif name == "BRANCH":
            out.append(_example(rng.choice(av[1]), rng))
    return "".join(out)


# Characters that re.IGNORECASE matches to an ASCII letter: the anchors must still be found.
_SWAPS = {"i": "\u0130", "I": "\u0131", "s": "\u017f", "k": "\u212a"}


def test_every_match_of_a_gazetteer_pattern_holds_an_anchor():
    """Random examples of every pattern, in several cases and with the odd Unicode letters: wherever the
    pattern matches, one of its anchors is in the folded text, and the quick search finds what finditer does."""
    rng = random.Random(15)
    checked = 0
    for entry in allusion._entries():
        parsed = gazetteer._sre_parse.parse(entry.patterns)
        for _ in range(25):
            example = _example(parsed, rng)
            swapped = "".join(_SWAPS.get(c, c) if rng.random() < 0.3 else c for c in example)
            for variant in {example, example.upper(), example.lower(), example.swapcase(), swapped}:
                text = f"Yesterday {variant} said, and (x{variant}) again: {variant}s {variant}."
                expected = [m.span() for m in entry.pattern.finditer(text)]
                if expected:
                    checked += 1
                    folded = gazetteer.fold(text)
                    assert entry.anchors is None or any(a in folded for a in entry.anchors), entry.key
                assert _fast_spans(entry, text) == expected, (entry.key, text)
    assert checked > 10 * len(allusion._entries())  # the examples match often enough to test something


def test_anchors_are_what_every_match_needs():
    assert gazetteer.pattern_anchors(r"(?:General |Gen\. )?John J(?:\.|oseph)? Pershing|\bPershing\b") == {"pershing"}
    assert gazetteer.pattern_anchors(r"Battle of [Ff]ranklin|Franklin's") == {"battle of franklin", "franklin's"}
    assert gazetteer.pattern_anchors(r"(?i:the Alamo)|Alamo\b") == {"alamo"}
    assert gazetteer.pattern_anchors(r"D-?Day|\d+") is None  # one branch needs no letters
    assert gazetteer.pattern_anchors(r"(?:ab)?c") is None  # too short to be worth a look


def test_allusion_matches_check_the_character_before():
    entry = next(e for e in allusion._entries() if e.key == "waterloo")
    text = "Waterloo xWaterloo _Waterloo (Waterloo) 2Waterloo"
    assert [m.span() for m in allusion._matches(entry, text)] == [m.span() for m in entry.pattern.finditer(text)]


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_outer_quote_cuts_are_the_simple_filter(name):
    art = rl.as_article((TEXTS / name).read_text(encoding="utf-8"))
    found, _ = marks._scan(art)
    outer = marks._OuterQuotes(found)
    level1 = [q for q in found if q.level == 1]
    for a, b in zip(level1, level1[1:], strict=False):  # what the bisect relies on
        assert a.close_at < b.open_at
    ends = sorted({0, len(art.text)} | {q.open_at for q in found} | {q.close_at for q in found})
    for start, end in itertools.product(ends, repeat=2):
        simple = [(q.open_at, q.close_at + 1) for q in level1 if q.open_at < end and q.close_at >= start]
        assert outer.cuts(start, end) == simple


@pytest.mark.parametrize("name", TEXT_NAMES)
@pytest.mark.parametrize("by", ["sentence", "paragraph"])
def test_score_table_counts_are_sums_of_word_counts(name, by):
    art = rl.as_article((TEXTS / name).read_text(encoding="utf-8"))
    words = readability.word_counts(art)
    table = readability.score_table(art, by=by)
    for row in table.itertuples():
        key = row.sentence if by == "sentence" else row.paragraph
        part = words[words[by] == key]
        expected = counting._sum_counts(part, row.sentences)
        assert {k: getattr(row, k) for k in readability.COUNTS} == expected


def write() -> None:
    """Write tests/equivalence/analyze-before.json.gz from the code as it is now."""
    result = {name: rl.analyze(text, compare_textstat=True) for name, text in golden_texts().items()}
    data = json.dumps(result, sort_keys=True, ensure_ascii=False, indent=0).encode("utf-8")
    BEFORE.write_bytes(gzip.compress(data, mtime=0))
    print(f"wrote {BEFORE} ({len(result)} texts)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(__doc__)


# ---------------------------------------------------------------------------- readability's shortcuts


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_counts_without_the_table_are_the_sums_of_the_table(name):
    art = rl.Article((TEXTS / name).read_text(encoding="utf-8"))
    assert readability.counts(art) == counting._sum_counts(readability.word_counts(art), len(art.sentences))
    first = readability.longest_sentences(art, n=1).iloc[0]
    assert readability.longest_sentence(art) == {k: int(first[k]) for k in ("sentence", "start", "end", "words")}


_OLD_STOP_INSIDE = re.compile(r"[.!?]+(?=\S*\s+\S)")  # the cubic pattern stops_inside replaced


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab .!?\n\t\x1c\xa0é") + ["U.S.", "..."]), max_size=30).map("".join))
def test_stops_inside_is_the_old_pattern(sentence):
    assert stops_inside(sentence) == [m.span() for m in _OLD_STOP_INSIDE.finditer(sentence)]


def _old_sentence_breaks(art):
    """find_textstat_sentence_breaks as it was: a scan of every word for every stop."""
    rows, seen = [], set()
    for s in art.sentences:
        for match in _OLD_STOP_INSIDE.finditer(s.text):
            pos = s.start + match.start()
            word = next((w for w in art.words if w.start <= pos < w.end + 1 and w.sentence == s.index), None)
            start, end = (word.start, word.end) if word else (pos, s.start + match.end())
            if word and art.text[end : end + 1] == ".":
                end += 1
            if (start, end) not in seen:
                seen.add((start, end))
                rows.append([start, end, art.text[start:end], s.index, s.paragraph])
    return rows


@pytest.mark.parametrize("name", ["seed", *TEXT_NAMES, "dots"])
def test_sentence_breaks_are_what_the_word_scan_found(name):
    texts = {"seed": SEED_PATH.read_text(encoding="utf-8"), "dots": adversarial("dots", 300) + " U.S. a.b. c"}
    art = rl.Article(texts.get(name) or (TEXTS / name).read_text(encoding="utf-8"))
    assert readability.find_textstat_sentence_breaks(art).values.tolist() == _old_sentence_breaks(art)


@pytest.mark.slow
def test_textstat_counts_the_same_syllables_from_our_dictionary():
    prepare_nltk_cmudict()
    nltk_dictionary = nltk.corpus.cmudict.dict()  # what textstat would load (offline.py writes it)
    ours = first_pronunciations()
    assert ours.keys() == nltk_dictionary.keys()
    for word, pronunciations in nltk_dictionary.items():
        assert len(ours[word][0]) == sum(p[-1].isdigit() for p in pronunciations[0]), word


def _tag_with_full_context(words):
    """metaphor_everyday.tag as it was: every word looked up with the words on both sides."""
    out, prev_pos = [], None
    for i, word in enumerate(words):
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        lower, options, prev_pos = everyday._tag_in_context.__wrapped__(word, prev, nxt, prev_pos)
        out.append((lower, options))
    return out


@pytest.mark.parametrize("name", TEXT_NAMES)
def test_everyday_tags_are_the_full_context_ones(name):
    article = rl.as_article((TEXTS / name).read_text(encoding="utf-8"))
    for sentence in everyday._sentences(article):
        words = [t.text for t in sentence]
        assert everyday.tag(words) == _tag_with_full_context(words)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "to",
                "that",
                "the",
                "its",
                "will",
                "they",
                "back",
                "up",
                "run",
                "running",
                "plan",
                "plans",
                "’s",
                "n't",
                "ISIL",
                "said",
                ",",
                ".",
                "it",
                "a",
                "cut",
                "deep",
                "who",
            ]
        ),
        max_size=12,
    )
)
def test_everyday_tags_are_the_full_context_ones_on_random_words(words):
    assert everyday.tag(words) == _tag_with_full_context(words)
