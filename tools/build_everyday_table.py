"""Rebuild rhetoric_lab/data/metaphor_everyday.csv from a copy of the VU Amsterdam Metaphor Corpus.

    python tools/build_everyday_table.py CORPUS_FOLDER

CORPUS_FOLDER holds ``VUA_seq_formatted_train.csv`` and ``VUA_seq_formatted_val.csv`` as published in the repository
github.com/gao-g/metaphor-in-context, folder ``data/VUAsequence/``, at commit 8c152fd
(a later commit removed the files). For example:

    git -C metaphor-in-context show \\
        8c152fd:data/VUAsequence/VUA_seq_formatted_train.csv > vua/VUA_seq_formatted_train.csv

Only the TRAINING partition is read: the files ``train`` and ``val``, which together are the training
set of the NAACL 2018 metaphor shared task (``val`` is "a portion of the training set", says the
repository's ``data/VUA/vua_notes.txt``). The test split is never read here. The output holds
aggregate counts per lemma and part of speech (how many uses, how many of them marked
metaphor-related): no sentence, no text, no text identifiers, no proper names. The corpus itself
is never copied into the repository.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rhetoric_lab.metaphor_everyday import lemma_of  # noqa: E402

OUT = ROOT / "rhetoric_lab" / "data" / "metaphor_everyday.csv"
CORPUS_COMMIT = "8c152fd"
#: The files that make up the training partition (gao-g's "val" is part of the shared task's training set).
TRAINING = ("train", "val")
#: Parts of speech left out of the table: names, numbers written as digits, punctuation, symbols.
SKIP_POS = frozenset({"PROPN", "PUNCT", "SYM", "X", "SPACE"})
_WORD = re.compile(r"[a-z][a-z'\-]{0,40}|'s|n't")

HEADER = f"""\
# Everyday metaphor evidence: for each lemma and part of speech, how often MIPVU annotators marked it metaphor-related.
# Counts from the TRAINING split of the VU Amsterdam Metaphor Corpus (VUA), as published in github.com/gao-g/
#   metaphor-in-context, data/VUAsequence/VUA_seq_formatted_train.csv and _val.csv (together the training set of
#   the NAACL 2018 metaphor shared task), commit {CORPUS_COMMIT}. The test split is not used.
# Credit: Gerard J. Steen, Aletta G. Dorst, J. Berenike Herrmann, Anna A. Kaal, Tina Krennmayr and Trijntje Pasma
#   (2010), A Method for Linguistic Metaphor Identification: From MIP to MIPVU, John Benjamins. The corpus is
#   distributed by the Oxford Text Archive (resource 2541) "for non-commercial use on condition that the terms of
#   the BNC Licence are observed"; its texts come from BNC Baby.
# TERMS: this file is NOT under Rhetoric Lab's own licence. It holds only aggregate counts derived from the corpus
#   (results of research, which the BNC User Licence leaves free to use), no sentence, no running text, no names.
#   Use it for non-commercial purposes only, and keep this header with it.
# Rebuild: python tools/build_everyday_table.py CORPUS_FOLDER (see that script). Lemmas by lemminflect, in
#   American spelling; parts of speech are the corpus's universal tags (complementisers such as "that" are ADP).
# Only lemmas marked metaphor-related at least once are listed. metaphor: uses marked metaphor-related; uses: all uses.
"""


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:  # a few lines of the published files are in Windows-1252
        return line.decode("cp1252")


def read_split(folder: Path, split: str) -> Iterator[tuple[str, str, list[str], list[int], list[str]]]:
    """Yield (text id, genre, tokens, labels, tags) for each sentence of one split (train, val or test)."""
    path = Path(folder) / f"VUA_seq_formatted_{split}.csv"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: the folder must hold the VUAsequence files (see this script's doc).")
    lines = [_decode(line) for line in path.read_bytes().split(b"\n")]
    for row in csv.DictReader(lines):
        tokens = row["sentence"].split(" ")
        labels = ast.literal_eval(row["label_seq"])
        tags = ast.literal_eval(row["pos_seq"])
        if not len(tokens) == len(labels) == len(tags):
            raise SystemExit(f"{path}: a row whose tokens, labels and tags differ in number ({row['txt_id']}).")
        yield row["txt_id"], row["genre"], tokens, labels, tags


def count(sentences) -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, pos) -> (metaphor-related uses, all uses), for lemmas marked metaphor-related at least once."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for _text, _genre, tokens, labels, tags in sentences:
        for token, label, pos in zip(tokens, labels, tags, strict=True):
            if pos in SKIP_POS:
                continue
            lemma = lemma_of(token, pos)
            if not _WORD.fullmatch(lemma):
                continue
            cell = tally[(lemma, pos)]
            cell[0] += int(label)
            cell[1] += 1
    marked = {lemma for (lemma, _pos), (m, _u) in tally.items() if m}
    return {k: (m, u) for k, (m, u) in tally.items() if k[0] in marked}


def write(table: dict[tuple[str, str], tuple[int, int]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["lemma", "pos", "metaphor", "uses"])
        for (lemma, pos), (m, u) in sorted(table.items()):
            writer.writerow([lemma, pos, m, u])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    table = count(s for split in TRAINING for s in read_split(folder, split))
    write(table)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(table)} rows, {len({k[0] for k in table})} lemmas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
