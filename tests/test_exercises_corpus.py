"""Every answer in the corpus of student answers (tests/data/student_answers.json) gets its expected verdict.

Each corpus line is a call a student might run, such as ``check_metaphors(["Paris"])``, with the
verdict each answer must get. The test also checks what must hold for every answer: the key is not
shown unless asked, free text is never in the key, every error is a short RhetoricLabError.
"""

from __future__ import annotations

import ast
import functools
import json
from collections import Counter
from pathlib import Path

import pytest

import rhetoric_lab as rl
from rhetoric_lab.errors import RhetoricLabError
from rhetoric_lab.exercises import CATEGORIES

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "student_answers.json"
CORPUS = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
ANSWERS = CORPUS["answers"]
TYPES = {
    "right",
    "partly right",
    "defensible",
    "literal",
    "misspelled",
    "wrong year",
    "wrong type",
    "label typo",
    "format",
    "empty",
    "gamed",
}
FREE_TEXT = {"check_written_answers", "check_verb_rewrite"}


@functools.cache
def _seed_parts() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The seed's text, words and sentences (strings: read and split once for the whole corpus)."""
    article = rl.load_article("carter-paris-speech-report")
    return article.text, tuple(w.text for w in article.words), tuple(s.text for s in article.sentences)


def names() -> dict:
    """The names a corpus call may use; new lists each time, so a check that changed one changes no other."""
    text, words, sentences = _seed_parts()
    return {
        "ARTICLE": text,
        "WORDS": list(words),
        "CHUNKS": [" ".join(words[i : i + 8]) for i in range(0, len(words), 8)],
        "SENTENCE": list(sentences),
    }


def evaluate(node: ast.AST, known: dict):
    """A literal, or one of the known names (ARTICLE, SENTENCE[n]), or a list times a number."""
    if isinstance(node, ast.Name):
        return known[node.id]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return known[node.value.id][ast.literal_eval(node.slice)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return evaluate(node.left, known) * evaluate(node.right, known)
    if isinstance(node, ast.List):
        return [evaluate(e, known) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {evaluate(k, known): evaluate(v, known) for k, v in zip(node.keys, node.values, strict=True)}
    return ast.literal_eval(node)


def parse(call: str):
    """(function name, positional arguments, keyword arguments) of one corpus call."""
    tree = ast.parse(call, mode="eval").body
    assert isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name), call
    known = names()
    args = [evaluate(a, known) for a in tree.args]
    kwargs = {k.arg: evaluate(k.value, known) for k in tree.keywords}
    return tree.func.id, args, kwargs


def test_the_corpus_is_big_and_covers_every_check_and_every_kind_of_answer():
    assert len(ANSWERS) >= 120
    checks = Counter(parse(a["call"])[0] for a in ANSWERS)
    every_check = {n for n in rl.__all__ if n.startswith("check_")}
    assert set(checks) == every_check, f"checks without answers: {every_check - set(checks)}"
    assert all(n >= 5 for n in checks.values()), checks
    assert {a["type"] for a in ANSWERS} == TYPES
    verdicts = Counter(v for a in ANSWERS for v in a.get("expect", {}).values())
    for kind in ("in key", "defensible", "literal", "not in text", "wrong kind", "close", "off", "refused", "empty"):
        assert verdicts[kind] >= 3, f"the corpus has only {verdicts[kind]} answers expected to be {kind!r}"


@pytest.mark.parametrize("entry", ANSWERS, ids=[f"{n}:{a['call'][:60]}" for n, a in enumerate(ANSWERS)])
def test_every_answer_gets_its_expected_verdict(entry):
    assert entry["type"] in TYPES
    name, args, kwargs = parse(entry["call"])
    check = getattr(rl, name)
    if "error" in entry:
        with pytest.raises(RhetoricLabError) as caught:
            check(*args, **kwargs)
        assert entry["error"] in str(caught.value)
        assert len(caught.value._render_traceback_()) <= 5
        return
    feedback = check(*args, **kwargs)
    verdicts = feedback.verdicts()
    for about, kind in entry.get("expect", {}).items():
        assert kind in CATEGORIES
        assert verdicts.get(about) == kind, f"{about!r}: expected {kind!r}, got {verdicts.get(about)!r}\n{feedback}"
    for about, words in entry.get("says", {}).items():
        message = next(line.message for line in feedback.lines if line.about == about)
        for word in words:
            assert word.lower() in message.lower(), f"{about!r}: {word!r} not in {message!r}"
    kinds = feedback.kinds()
    for kind in entry.get("never", []):
        assert kind not in kinds, f"{kind!r} should not appear:\n{feedback}"
    for kind in entry.get("has", []):
        assert kind in kinds, f"{kind!r} should appear:\n{feedback}"
    # what holds for every answer
    if not kwargs.get("show_answers"):
        assert "answer" not in kinds, f"the key was shown without show_answers=True:\n{feedback}"
    if name in FREE_TEXT:
        assert "in key" not in kinds and "Found" not in str(feedback)
    if entry["type"] == "gamed":
        assert "every metaphor" not in str(feedback) and "in key" not in verdicts.values()
    assert str(feedback).startswith(feedback.title) and "data-kind" in feedback._repr_html_()


def test_corpus_summary(capsys):
    """Print the corpus by check and by expected verdict (the figures in the report)."""
    by_check = Counter(parse(a["call"])[0] for a in ANSWERS)
    by_verdict = Counter(v for a in ANSWERS for v in a.get("expect", {}).values())
    by_verdict["error"] = sum("error" in a for a in ANSWERS)
    by_type = Counter(a["type"] for a in ANSWERS)
    with capsys.disabled():
        print(f"\n{len(ANSWERS)} answers; by check {dict(by_check)}")
        print(f"by verdict {dict(by_verdict)}; by type {dict(by_type)}")
    assert sum(by_check.values()) == len(ANSWERS)
