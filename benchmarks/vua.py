"""Token-level evaluation of the metaphor finder on the VU Amsterdam Metaphor Corpus (VUA).

    python benchmarks/vua.py CORPUS_FOLDER [--split val] [--genre news] [--folds 0]

CORPUS_FOLDER holds the three files of ``data/VUAsequence/`` from github.com/gao-g/metaphor-in-context
at commit 8c152fd (see tools/build_everyday_table.py for how to take them out of that repository).

Every token of the chosen split and genre counts, function words included, as in the corpus. A token
is predicted metaphor-related when a candidate of the finder (both tiers) overlaps it. Printed: precision,
recall and F1 of the finder, of each tier alone, and of two baselines: every verb, and each word's
majority label in the training split.

The evidence table is built from the training partition (the files ``train`` and ``val``). Tune with
``--split train --folds N``: N-fold cross-validation by source text inside the training partition, each
fold's table rebuilt from the other folds (``--split val`` alone would be scored by a table that has seen
it). Run ``test`` once, at the end.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_everyday_table import TRAINING, count, read_split  # noqa: E402

from rhetoric_lab import metaphor_everyday  # noqa: E402
from rhetoric_lab.metaphor import find_metaphors  # noqa: E402
from rhetoric_lab.text import Article  # noqa: E402

GENRES = ("news", "academic", "fiction", "conversation", "all")
#: ``--genre each`` prints every genre (and all together) from one run.
CHOICES = (*GENRES, "each")


def score(gold: list[int], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def as_text(sentences) -> tuple[str, list[tuple[int, int]]]:
    """The sentences as one text (a paragraph each), and each token's (start, end) in it."""
    parts, spans, offset = [], [], 0
    for _text, _genre, tokens, _labels, _tags in sentences:
        for n, token in enumerate(tokens):
            if n:
                parts.append(" ")
                offset += 1
            spans.append((offset, offset + len(token)))
            parts.append(token)
            offset += len(token)
        parts.append("\n\n")
        offset += 2
    return "".join(parts), spans


def finder_predictions(sentences, tiers) -> list[bool]:
    text, spans = as_text(sentences)
    found = find_metaphors(Article.from_text(text, name="VUA"), tiers=tiers, function_words=True)
    marked = bytearray(len(text) + 1)
    for start, end in zip(found["start"], found["end"], strict=True):
        marked[start:end] = b"\x01" * (end - start)
    return [any(marked[s:e]) for s, e in spans]


def majority_table(sentences) -> dict[str, bool]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _text, _genre, tokens, labels, _tags in sentences:
        for token, label in zip(tokens, labels, strict=True):
            cell = tally[token.lower()]
            cell[0] += label
            cell[1] += 1
    return {w: m * 2 > n for w, (m, n) in tally.items()}


def evaluate(train, test, genre: str) -> dict[str, tuple[float, float, float]]:
    """Figures for one train/test pair; the finder's evidence table is rebuilt from ``train``."""
    chosen = [s for s in test if genre == "all" or s[1] == genre]
    gold = [label for s in chosen for label in s[3]]
    table = count(train)
    majority = majority_table(train)
    with mock.patch.object(metaphor_everyday, "counts", lambda: table):
        both = finder_predictions(chosen, ("domain", "everyday"))
        domain = finder_predictions(chosen, ("domain",))
    return {
        "finder (both tiers)": score(gold, both),
        "finder, domain tier only": score(gold, domain),
        "baseline: every verb": score(gold, [t == "VERB" for s in chosen for t in s[4]]),
        "baseline: majority label per word": score(
            gold, [majority.get(w.lower(), False) for s in chosen for w in s[2]]
        ),
        "tokens": (len(gold), sum(gold), 0.0),
    }


def cross_validate(train, genre: str, folds: int) -> dict[str, tuple[float, float, float]]:
    """Pool the predictions of ``folds`` folds, split by source text (the BNC file a fragment comes from)."""
    sources = sorted({s[0].split("-")[0] for s in train})
    fold_of = {source: n % folds for n, source in enumerate(sources)}
    pooled: dict[str, list] = defaultdict(list)
    for k in range(folds):
        inside = [s for s in train if fold_of[s[0].split("-")[0]] != k]
        held = [s for s in train if fold_of[s[0].split("-")[0]] == k]
        for name, (p, r, _f) in evaluate(inside, held, genre).items():
            pooled[name].append((p, r))
    out = {}
    for name, pairs in pooled.items():
        p = sum(x for x, _ in pairs) / folds
        r = sum(y for _, y in pairs) / folds
        out[name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with VUA_seq_formatted_{train,val,test}.csv")
    parser.add_argument("--split", default="val", choices=["train", "val", "test"])
    parser.add_argument("--genre", default="news", choices=CHOICES)
    parser.add_argument("--folds", type=int, default=0, help="with --split train: cross-validate by source text")
    args = parser.parse_args(argv)
    train = [s for split in TRAINING for s in read_split(args.corpus, split)]
    held = None if args.split == "train" and args.folds > 1 else list(read_split(args.corpus, args.split))
    for genre in GENRES if args.genre == "each" else (args.genre,):
        if held is None:
            results = cross_validate(train, genre, args.folds)
            where = f"train + val, {args.folds}-fold cross-validation by source text (macro-averaged P and R)"
        else:
            results = evaluate(train, held, genre)
            n, m, _ = results.pop("tokens")
            where = f"{args.split} split, {n} tokens, {m} metaphor-related"
        results.pop("tokens", None)
        print(f"VUA (gao-g/metaphor-in-context @ 8c152fd), genre {genre}, {where}")
        print(f"{'':38} {'P':>6} {'R':>6} {'F1':>6}")
        for name, (p, r, f) in results.items():
            print(f"{name:38} {p:6.1f} {r:6.1f} {f:6.1f}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
