"""Notebook 00 teaches the answer forms (a list, a dictionary, the curly-quote error) and counts sentences right."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

import rhetoric_lab as rl

NOTEBOOK = json.loads((ROOT / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
CELLS = [(c["cell_type"], "".join(c["source"])) for c in NOTEBOOK["cells"]]
MARKDOWN = "\n".join(text for kind, text in CELLS if kind == "markdown")
CODE = [text for kind, text in CELLS if kind == "code"]


def syntax_error(source: str) -> str:
    with pytest.raises(SyntaxError) as caught:
        compile(source, "<cell>", "exec")
    return caught.value.msg


def test_it_practises_a_list_and_a_dictionary_with_the_checks():
    lists = [c for c in CODE if "check_answer_form" in c and re.search(r'= \["', c)]
    dicts = [c for c in CODE if "check_answer_form" in c and re.search(r'= \{0: "', c)]
    assert lists and dicts


def test_its_tip_shows_the_exact_curly_quote_errors_of_this_python():
    both_curly = syntax_error("my_phrases = [“parent tumor”]")
    one_curly = syntax_error('my_phrases = ["parent tumor”]')
    assert f"SyntaxError: {both_curly}" in MARKDOWN and f"SyntaxError: {one_curly}" in MARKDOWN
    assert "my_phrases = [“parent tumor”]" in MARKDOWN


def test_its_example_box_is_what_a_label_typo_really_shows():
    with pytest.raises(rl.RhetoricLabError) as caught:
        rl.check_quotes({1: "paraphase"})
    box = "\n".join(caught.value._render_traceback_())
    assert box in MARKDOWN


def test_every_code_cell_follows_a_markdown_cell_that_says_why():
    for before, after in zip(CELLS, CELLS[1:], strict=False):
        assert not (before[0] == after[0] == "code"), after[1]


def test_its_sentence_count_explanation_gives_the_right_numbers(seed):
    """18 pieces at every full stop, 3 of them two words or fewer, so textstat counts 15; the library 12."""
    textstat = pytest.importorskip("textstat")
    pieces = [p for p in seed.text.split(".") if p.strip()]
    short = [p for p in pieces if len(p.split()) <= 2]
    counted = textstat.sentence_count(seed.text)
    assert (len(pieces), len(short), counted, len(seed.sentences)) == (18, 3, 15, 12)
    (careful,) = [t for k, t in CELLS if k == "markdown" and "every full stop" in t]
    text = " ".join(careful.replace(">", " ").split())
    for said in ("18 pieces", "two words or fewer", 'three lone "S."', "counts 15", "counts 12"):
        assert said in text, said
