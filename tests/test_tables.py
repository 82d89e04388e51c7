"""rl.keep_columns and rl.cell: the notebooks' way to read a table without pandas idioms."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from conftest import ROOT

import rhetoric_lab as rl


@pytest.fixture
def table():
    return pd.DataFrame({"label": ["a", "b"], "grade": [1.23456, 7.891], "words": [3, 12]})


def test_keep_columns_keeps_the_order_given_and_rounds(table):
    kept = rl.keep_columns(table, ["words", "grade"], decimals=1)
    assert kept.columns.tolist() == ["words", "grade"]
    assert kept["grade"].tolist() == [1.2, 7.9] and kept["words"].tolist() == [3, 12]
    assert table["grade"].tolist() == [1.23456, 7.891], "the original table is unchanged"
    assert rl.keep_columns(table, "label").columns.tolist() == ["label"]


def test_keep_columns_without_decimals_leaves_numbers_alone(table):
    assert rl.keep_columns(table, ["grade"])["grade"].tolist() == [1.23456, 7.891]


def test_keep_columns_on_a_finders_table(seed):
    found = rl.keep_columns(rl.find_quotations(seed), ["sentence", "text", "kind"])
    assert found.columns.tolist() == ["sentence", "text", "kind"] and len(found) == len(rl.find_quotations(seed))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: rl.keep_columns(t, ["grade", "nope"]), "no column 'nope'. Its columns are: label, grade, words"),
        (lambda t: rl.keep_columns("not a table", ["grade"]), "Expected a table"),
        (lambda t: rl.keep_columns(t, ["grade"], decimals="2"), "decimals= must be a whole number"),
        (lambda t: rl.keep_columns(t, ["grade"], decimals=-1), "decimals= must be a whole number"),
        (lambda t: rl.keep_columns(t, ["grade"], decimals=10**400), "decimals= must be a whole number"),
        (lambda t: rl.keep_columns(t, ["grade"], decimals=10**5000), "not a number that large"),
        (lambda t: rl.cell(t, "nope"), "no column 'nope'"),
        (lambda t: rl.cell(t, "grade", row=2), "row= must be a row number from 0 to 1"),
        (lambda t: rl.cell(t.iloc[0:0], "grade"), "The table is empty"),
    ],
)
def test_mistakes_get_a_plain_message(table, call, message):
    with pytest.raises(rl.RhetoricLabError) as problem:
        call(table)
    assert message in str(problem.value)


def test_cell_gives_plain_python_values(table):
    assert rl.cell(table, "label") == "a" and rl.cell(table, "words", row=1) == 12
    assert type(rl.cell(table, "words")) is int and type(rl.cell(table, "grade")) is float


def test_cell_takes_the_longest_sentence_of_the_seed(seed):
    longest = rl.longest_sentences(seed, n=1)
    text = rl.cell(longest, "text")
    assert text == seed.sentences[rl.cell(longest, "sentence")].text
    assert len(text.split()) >= max(len(s.text.split()) for s in seed.sentences) - 3


#: pandas idioms a reader of a "no Python needed" notebook cannot follow without an explanation.
PANDAS_IDIOMS = re.compile(
    r"\[\[|\.loc\b|\.iloc\b|\.itertuples\(|\.round\(|\.set_index\(|\.groupby\(|\.head\(|^\s*try:", re.M
)
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_the_readability_notebook_has_at_most_35_cells():
    cells = json.loads((ROOT / "notebooks" / "05-readability.ipynb").read_text("utf-8"))["cells"]
    assert len(cells) <= 35, f"05-readability.ipynb has {len(cells)} cells"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_notebook_uses_pandas_without_explaining_it(name):
    """A pandas idiom may appear only where the markdown cell just before says what it does (names it)."""
    cells = json.loads((ROOT / "notebooks" / name).read_text("utf-8"))["cells"]
    before = ""
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            for idiom in PANDAS_IDIOMS.finditer(source):
                assert f"`{idiom.group().strip()}" in before, (
                    f"{name}: unexplained {idiom.group()!r} in {source[:80]!r}"
                )
        else:
            before = source


def test_the_idiom_check_notices_pandas():
    assert PANDAS_IDIOMS.search('found[["text", "domain"]]') and PANDAS_IDIOMS.search("table.loc[0, 'text']")
    assert not PANDAS_IDIOMS.search('rl.keep_columns(found, ["text", "domain"], decimals=1)')
