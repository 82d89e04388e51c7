"""Property-based tests: any text, and any argument to any public function, gives a result or a
RhetoricLabError (a message that says what was expected), never a raw TypeError or ValueError; and
the user's text never reaches the HTML unescaped."""

from __future__ import annotations

import functools
import inspect
import json
import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEED_NAME
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetoric_lab as rl
from rhetoric_lab import checks, errors, topics
from rhetoric_lab.errors import RhetoricLabError
from rhetoric_lab.readability import METRICS

#: A tag no view ever writes: if it shows in a view's HTML, the user's text went in unescaped.
TAG = "<rlx>"
PIECES = list("ab cd\n\n.,;:!?'\"“”‘’…—-()«»[]ISILUS0123\r\t") + ["U.S. ", "Mr. ", " said ", "Carter", "“cancer,” "]
PIECES += [TAG, " مرحبا ", "ſ", " cannot ", "a cancer spreads", " Lafayette ", "\u00a0"]
# Found by the second audit: a lone surrogate, a Matplotlib formula, a hyphen chain, a zero-width joiner.
PIECES += ["\ud800", " $\\frac{$ ", "well-well-", "\u200d", "\u202e"]
WORDY = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
TEXTS = st.one_of(st.text(max_size=150), WORDY)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_analyze_raises_only_rhetoric_lab_errors(text):
    try:
        result = rl.analyze(text)
    except RhetoricLabError as err:
        assert str(err)
        return
    json.dumps(result)
    for sentence in result["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for section in result.values():
        for row in section if isinstance(section, list) else []:
            if isinstance(row, dict) and "start" in row and "end" in row:
                assert 0 <= row["start"] <= row["end"] <= len(text)


# ---------------------------------------------------------------------------------------- every public function

JUNK = st.sampled_from(
    [None, 0, -1, 2.5, math.nan, math.inf, "", "x", [], {}, b"bytes", True, 10**400, object()]
    # a lone surrogate (no file name can hold it), a Matplotlib formula, a folder's name, an empty table
    + ["x\ud800", "$\\foo{$", "new-folder/", pd.DataFrame()]
)
FOLDER = Path(tempfile.mkdtemp(prefix="rhetoric-lab-properties-"))


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(monkeypatch):
    """A junk path such as "x" is saved relative to the current folder: keep it out of the repository."""
    monkeypatch.chdir(FOLDER)


FINDERS = {  # the table each view takes as ``found``
    **{
        name: getattr(rl, source.split("(")[0].removeprefix("rl.")) for name, (source, _) in checks.FOUND_TABLES.items()
    },
    "highlight": rl.find_metaphors,
    "show_concordance": lambda text: rl.find_keyword(text, "coalition"),
}


@functools.cache
def _examples() -> dict:
    """Values a student might well pass, by parameter name: built once (one seed Article, as the ``seed``
    fixture shares one; a finder works it out once and every later call gets a copy of the table)."""
    topic_names = [t.name for t in topics.TOPICS]
    return {
        "article_or_text": st.one_of(TEXTS, st.just(rl.load_article(SEED_NAME))),
        "text": TEXTS,
        "name": st.text(max_size=20),
        "meta": st.one_of(st.none(), st.just({"year": 2016})),
        "paragraphs": st.just(()),
        "sentences": st.just(()),
        "tokens": st.just(()),
        "name_or_path": st.sampled_from([SEED_NAME, "no-such-text", str(FOLDER), str(FOLDER / "gone.txt")]),
        "speech_year": st.one_of(st.none(), st.integers(-5000, 5000)),
        "n": st.integers(1, 20),
        "top": st.one_of(st.none(), st.integers(1, 20)),
        "width": st.integers(10, 120),
        "keyword": st.sampled_from(["coalition", "the", "ISIL", "", "two words", TAG]),
        "title": st.one_of(st.none(), st.text(max_size=30), st.just(TAG)),
        "topic": st.sampled_from([*topic_names, "voices", "sentence scores", "nothing"]),
        "only": st.one_of(st.none(), st.lists(st.sampled_from(topic_names), min_size=1, max_size=2)),
        "path": st.sampled_from(["profile.html", "sub/profile.html", ""]).map(lambda p: str(FOLDER / p) if p else p),
        "force": st.booleans(),
        "make_folders": st.booleans(),
        "domain": st.one_of(st.none(), st.sampled_from(["disease and medicine", "no such domain"])),
        "domains": st.one_of(st.none(), st.lists(st.sampled_from(["disease and medicine", "war", "nope"]))),
        "key": st.sampled_from(["pershing", "statue_of_liberty", "nothing", ""]),
        "original": TEXTS,
        "rewrite": TEXTS,
        "words": st.one_of(st.integers(0, 40), st.floats(allow_nan=True)),
        "syllables": st.one_of(st.integers(0, 80), st.floats(allow_nan=True)),
        "grade": st.floats(allow_nan=True),
        "texts": st.dictionaries(st.text(max_size=5), TEXTS, max_size=3),
        "metric": st.sampled_from([*METRICS, "nothing"]),
        "by": st.sampled_from(["text", "paragraph", "sentence", "word"]),
        "sentence": st.one_of(st.none(), st.integers(-2, 15)),
        "reading": st.one_of(st.none(), st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=3)),
        "answers": st.one_of(
            st.lists(st.text(max_size=20), max_size=5),
            st.text(max_size=40),
            st.dictionaries(st.text(max_size=15), st.one_of(st.integers(-100, 2100), st.text(max_size=8))),
            st.dictionaries(st.integers(-2, 14), st.sampled_from(["direct", "partial", "narration", "x"])),
        ),
        "verdicts": st.dictionaries(st.text(max_size=10), st.one_of(st.booleans(), st.sampled_from(["metaphor", "?"]))),
        "answer": st.one_of(st.text(max_size=30), st.lists(st.text(max_size=10), max_size=4)),
        "article": st.one_of(st.none(), TEXTS),
        "on": st.booleans(),
        "table": st.sampled_from([SEED_NAME, "A cancer spreads, Mills said."]).map(rl.find_sentence_scores),
        "columns": st.one_of(st.just(["sentence", "words"]), st.just("words"), st.just(["nope"])),
        "column": st.sampled_from(["words", "sentence", "nope"]),
        "row": st.integers(-2, 20),
        "decimals": st.one_of(st.none(), st.integers(-1, 5)),
        "stance": st.sampled_from([None, "neutral", "evaluative", "nope"]),
        "tiers": st.one_of(st.sampled_from(["domain", "everyday", "all", "nope"]), st.just(["domain", "everyday"])),
        "function_words": st.booleans(),
        "skip_common": st.booleans(),
        "first_only": st.booleans(),
        "show_answers": st.booleans(),
        "compare_textstat": st.booleans(),
    }


def _valid(name: str, function_name: str):
    """Values a student might well pass for a parameter called ``name``."""
    if name == "found":
        finder = FINDERS.get(function_name)
        return st.one_of(st.none(), st.sampled_from([SEED_NAME, "A cancer spreads, Mills said."]).map(finder))
    return _examples()[name]


#: Views that draw a figure: slower, so fewer examples.
FIGURES = {n for n in rl.__all__ if n.endswith("_chart")} | {"profile_document", "save_profile", "show_profile"}
FUNCTIONS = [n for n in rl.__all__ if callable(getattr(rl, n)) and n != "RhetoricLabError"]


def test_every_parameter_of_every_public_function_has_a_check():
    for name in FUNCTIONS:
        assert checks.unchecked(getattr(rl, name)) == [], f"rl.{name}: add a rule to rhetoric_lab/checks.py"


def _html_of(result) -> str:
    if isinstance(result, str):
        return result
    if isinstance(result, Path) and result.exists():
        return result.read_text(encoding="utf-8")
    return getattr(result, "html", "") or (result._repr_html_() if hasattr(result, "_repr_html_") else "")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_public_function_gives_a_result_or_a_message(name):
    function = getattr(rl, name)
    parameters = inspect.signature(function).parameters

    @settings(
        max_examples=5 if name in FIGURES else 20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.data())
    def check(data):
        kwargs = {}
        for parameter in parameters.values():
            if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
                continue
            required = parameter.default is parameter.empty
            if not required and data.draw(st.booleans(), label=f"give {parameter.name}"):
                continue
            valid = data.draw(st.integers(0, 9), label="valid?") > 0
            strategy = _valid(parameter.name, name) if valid else JUNK
            kwargs[parameter.name] = data.draw(strategy, label=parameter.name)
        try:
            result = function(**kwargs)
        except RhetoricLabError as err:
            assert str(err)
            return
        if name == "analyze" or isinstance(result, (pd.DataFrame, dict, list)):
            return
        assert TAG not in _html_of(result), "the user's text reached the HTML unescaped"

    state = dict(errors._STATE)  # rl.debug(...) changes how every later error shows: put it back
    try:
        check()
    finally:
        errors._STATE.update(state)
