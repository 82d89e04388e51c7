"""The printable handouts: made from the answer keys, complete, escaped, accessible, and printable on A4 and Letter.

The expected contents are read from the same keys (seeds/keys/), so these tests follow the keys when
they change; they check that every exercise item reaches the student's sheet and every answer the
teacher's, and that no answer leaks onto a student's sheet.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from browser_support import committed_counts
from conftest import ROOT
from test_course import _Checker

from rhetoric_lab.data import load_key
from rhetoric_lab.display import handout_sheets
from rhetoric_lab.display.handout_page import PAPERS
from rhetoric_lab.display.handouts import handout_documents, handouts
from rhetoric_lab.exercises import key_article
from rhetoric_lab.readability import FORMULAS

spec = importlib.util.spec_from_file_location("write_handouts", ROOT / "tools" / "write_handouts.py")
write_handouts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(write_handouts)

#: Every handout's file name, known without writing the handouts (both xdist workers collect this file).
NAMES = sorted(f"{h.name}{part}.html" for h in handouts() for part in ("", "-teacher"))


@functools.cache
def docs() -> dict[str, str]:
    """Every handout as HTML by file name, written once, by the worker that runs these tests."""
    return handout_documents()


def test_the_names_are_the_handouts_written():
    assert sorted(docs()) == NAMES


class Page(_Checker):
    """What a checker needs from one document: its text, headings, tables, landmarks and errors."""

    def __init__(self, document: str):
        super().__init__()
        self.text, self.headings, self.th = [], [], []  # th: (scope, text) of every header cell
        self.lang = self.main = None
        self._th_text = None
        self.feed(document)
        self.close()

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        self.main = self.main or tag == "main"
        if tag in ("iframe", "object"):
            self.errors.append(f"<{tag}>")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self._th_text = [attrs.get("scope"), ""]

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "th" and self._th_text:
            self.th.append(tuple(self._th_text))
            self._th_text = None
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "div", "tr"):
            self.text.append(" ")

    def handle_data(self, data):
        self.text.append(data)
        if self._th_text is not None:
            self._th_text[1] += data

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def flat(text) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def pages() -> dict[str, Page]:
    return {name: Page(doc) for name, doc in docs().items()}


def test_every_handout_has_a_students_sheet_and_a_teachers_answer_sheet():
    names = [h.name for h in handouts()]
    assert names[0] == "00-article" and len(names) == 6
    for name in names:
        assert f"{name}.html" in docs() and f"{name}-teacher.html" in docs()
    # their numbers are the notebooks' numbers, from the topic registry
    notebooks = {p.name[:2] for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {n[:2] for n in names} <= notebooks


@pytest.mark.parametrize("name", NAMES)
def test_each_handout_is_a_valid_accessible_page(name, pages):
    page = pages[name]
    assert docs()[name].startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in docs()[name]
    assert not page.errors and not page.stack and not page.external, page.errors
    assert page.lang == "en" and page.main
    assert page.headings[0] == 1 and page.headings.count(1) == 1, "one h1, first"
    steps = [b - a for a, b in zip(page.headings, page.headings[1:], strict=False)]
    assert all(step <= 1 for step in steps), f"headings skip a level: {page.headings}"
    assert all(scope == "col" and text.strip() for scope, text in page.th), "every header names its column"
    assert "@page" in docs()[name] and "break-inside: avoid" in docs()[name]


@pytest.mark.parametrize("name", NAMES)
def test_a_sheet_says_who_it_is_for(name, pages):
    if name.endswith("-teacher.html"):
        assert "Teacher's answer sheet" in pages[name].plain
    else:
        assert "Name:" in pages[name].plain and "Teacher's answer sheet" not in pages[name].plain


def test_the_article_numbers_every_paragraph_and_sentence(pages):
    article = key_article("quotes")
    text = pages["00-article.html"].plain
    for p in article.paragraphs:
        assert f"¶{p.index}" in text
    for s in article.sentences:
        assert f"sentence {s.index} {flat(s.text)}" in text


def test_the_teachers_article_marks_what_every_key_says(pages):
    text = pages["00-article-teacher.html"].plain
    for e in load_key("quotes")["entries"]:
        if e["type"] == "sentence":
            assert f"voice: {e['label']}" in text
    for topic in ("metaphors", "allusions"):
        for e in load_key(topic)["entries"]:
            assert f"“{e['text']}”" in text, e["text"]


def test_metaphor_sheets_follow_the_key(pages):
    key = load_key("metaphors")
    student, teacher = pages["01-metaphor.html"].plain, pages["01-metaphor-teacher.html"].plain
    for w in key["worksheet"]:
        assert f"{w['word']} (in “{w['text']}”)" in student
        for field in ("basic_meaning", "contextual_meaning", "why"):
            assert flat(w[field]) in teacher
            assert flat(w[field]) not in student, f"the answer {w[field]!r} is on the student's sheet"
    for e in key["entries"]:
        assert flat(e["why"]) in teacher and e["text"] in teacher
        assert flat(e["why"]) not in student


def test_allusion_sheets_follow_the_key(pages):
    key = load_key("allusions")
    student, teacher = pages["02-allusions.html"].plain, pages["02-allusions-teacher.html"].plain
    for e in key["entries"]:
        assert f"· {e['text']}" in student and flat(e["hint"]) in student
        assert flat(e["why_here"]) in teacher and flat(e["why_here"]) not in student
        for y in e["research_years"]:
            assert f"{y['year']}: {flat(y['what'])}" in teacher
            assert flat(y["what"]) not in student
    for n in key.get("not_allusions", []):
        assert flat(n["why"]) in teacher
    for source in key.get("sources", []):
        assert flat(source) in teacher


def test_quotation_sheets_follow_the_key(pages):
    key = load_key("quotes")
    article = key_article("quotes")
    student, teacher = pages["03-quotes.html"].plain, pages["03-quotes-teacher.html"].plain
    for label in key["labels"]:
        assert label in student
    for e in key["entries"]:
        if e["type"] == "sentence":
            assert flat(article.sentences[e["sentence"]].text) in student
            assert flat(e["why"]) in teacher and flat(e["why"]) not in student
        else:
            assert flat(e["text"]) in teacher


def test_report_sheets_follow_the_key(pages):
    key = load_key("report")
    student, teacher = pages["04-report.html"].plain, pages["04-report-teacher.html"].plain
    for label in key["labels"]:
        assert label in student
    for e in key["entries"]:
        if e["type"] == "passage":
            assert f"“{flat(e['text'])}”" in student and f"“{flat(e['text'])}”" in teacher
            for field in ("speech", "why"):
                assert flat(e[field]) in teacher and flat(e[field]) not in student
        else:
            assert flat(e["question"]) in student and flat(e["key_points"]) in teacher
            assert flat(e["key_points"]) not in student


def test_readability_sheets_follow_the_key(pages):
    key = load_key("readability")
    hand = next(e for e in key["entries"] if e["type"] == "hand_calculation")
    student, teacher = pages["05-readability.html"].plain, pages["05-readability-teacher.html"].plain
    assert flat(hand["text"]) in student and flat(hand["text"]) in teacher
    for n, (word, syllables) in enumerate(hand["word_syllables"], start=1):
        assert f"{n} {word} " in student and f"{n} {word} {syllables} " in teacher
    assert f"{hand['score']:.2f}" in teacher and f"{hand['score']:.2f}" not in student
    for e in key["entries"]:
        if e["type"] == "metric_input":
            assert FORMULAS[e["metric"]].label in student
            assert flat(e["why"]) in teacher and flat(e["why"]) not in student


def test_a_changed_key_changes_the_sheets_and_is_escaped(monkeypatch):
    """The sheets read the keys each time: a new reason (with HTML in it) reaches the answer sheet, escaped."""
    real = load_key

    def changed(topic):
        key = real(topic)
        if topic == "metaphors":
            key["worksheet"][0]["why"] = "A new reason <script>alert(1)</script> & more"
        if topic == "quotes":
            key["labels"] = {**key["labels"], "scare quotes": {"synonyms": ["scare"], "hint": "Nobody said it."}}
        return key

    monkeypatch.setattr(handout_sheets, "load_key", changed)
    docs = handout_documents()
    assert "A new reason &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in docs["01-metaphor-teacher.html"]
    assert "<script>" not in docs["01-metaphor-teacher.html"]
    assert "scare quotes" in docs["03-quotes.html"] and "Nobody said it." in docs["03-quotes.html"]


def test_paper_size_is_set_only_for_pdfs():
    assert "size: A4" in handout_documents(paper="a4")["00-article.html"]
    assert "size: letter" in handout_documents(paper="letter")["00-article.html"]
    assert "@page { size:" not in docs()["00-article.html"]


def test_committed_handouts_are_up_to_date():
    folder = ROOT / "handouts"
    for name, document in docs().items():
        path = folder / name
        assert path.exists(), f"handouts/{name} is missing: run python3 run.py handouts"
        assert path.read_text("utf-8") == document, (
            f"handouts/{name} is out of date with the answer keys: run python3 run.py handouts"
        )
    assert (folder / "README.md").read_text("utf-8") == write_handouts.index_markdown()
    stale = {p.name for p in folder.glob("*.html")} - set(docs())
    assert not stale, f"handouts/ holds files the generator no longer writes: {stale}"


def test_write_html_writes_every_handout_and_an_index(tmp_path):
    written = write_handouts.write_html(tmp_path)
    assert sorted(p.name for p in written) == NAMES
    assert all(f"]({name})" in (tmp_path / "README.md").read_text("utf-8") for name in NAMES)


# ---------------------------------------------------------------- in the browser: printed on A4 and Letter

#: The printable width of each paper in CSS pixels (96 per inch), after the sheets' 14 mm side margins.
PRINTABLE_WIDTH = {"a4": round((210 - 28) / 25.4 * 96), "letter": round((215.9 - 28) / 25.4 * 96)}

#: In print layout: does anything stick out of the page, or is a word broken inside a table cell?
OVERFLOW_CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) problems.push('the page is wider than the paper');
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > width + 1 || r.left < -1)) problems.push('sticks out: ' + el.outerHTML.slice(0, 80));
  }
  const style = document.createElement('style');
  style.textContent = 'td, th { overflow-wrap: normal !important; word-wrap: normal !important; }';
  document.head.appendChild(style);
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.scrollWidth > cell.clientWidth + 1)
      problems.push('a word does not fit its column: ' + cell.textContent.slice(0, 60));
  }
  style.remove();
  return problems;
}"""


def in_browser(work):
    """``work(browser)`` in a fresh headless Chromium, in a thread of its own: the notebook test in
    test_browser.py may hold this thread's Playwright loop for the whole session."""
    chromium = write_handouts.find_chromium()
    if chromium is None:
        pytest.skip("Chromium is missing (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

    def run():
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=write_handouts.CHROMIUM_ARGS, headless=True)
            try:
                return work(browser)
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def print_checks(browser, paper: str) -> dict:
    """For each handout on ``paper``: what sticks out or is cut, and how many pages its PDF has."""
    page = browser.new_page(viewport={"width": PRINTABLE_WIDTH[paper], "height": 900})
    page.emulate_media(media="print")
    results = {}
    for name, document in handout_documents(paper=paper).items():
        page.set_content(document)
        problems = page.evaluate(OVERFLOW_CHECK)
        pdf = page.pdf(prefer_css_page_size=True)
        results[name] = (problems, len(re.findall(rb"/Type\s*/Page[^s]", pdf)))
    page.close()
    return results


@pytest.mark.browser
@pytest.mark.parametrize("paper", list(PAPERS))
def test_every_handout_prints_on_the_paper_without_cut_offs(paper):
    results = in_browser(lambda browser: print_checks(browser, paper))
    assert sorted(results) == NAMES
    problems = {name: found[:3] for name, (found, _) in results.items() if found}
    assert not problems, json.dumps(problems, indent=1)
    for name, (_, pages) in results.items():
        assert 1 <= pages <= 6, f"{name} on {paper}: {pages} pages"


@pytest.mark.browser
def test_the_chromium_command_prints_a_pdf_of_the_right_size(tmp_path):
    chromium = write_handouts.find_chromium()
    if chromium is None:
        pytest.skip("Chromium is missing (Debian: apt-get install chromium)")
    source = tmp_path / "00-article.html"
    source.write_text(handout_documents(paper="letter")["00-article.html"], encoding="utf-8")
    target = tmp_path / "00-article.pdf"
    write_handouts.print_pdf(chromium, source, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+612 x 792 pts", info), info


# ---------------------------------------------------------------- the notebooks, to project


@pytest.mark.slow
def test_every_notebook_exports_to_one_offline_page_with_its_committed_outputs(tmp_path):
    pages = write_handouts.export_notebooks(tmp_path)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [p.stem for p in pages] == [p.stem for p in notebooks]
    for notebook, page in zip(notebooks, pages, strict=True):
        html = page.read_text("utf-8")
        committed = committed_counts(json.loads(notebook.read_text("utf-8")))
        assert html.count('class="rl-span"') == committed["spans"], notebook.name
        assert html.count('class="rl-figure"') == committed["figures"], notebook.name
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html), "loads from the internet"
        assert '<script src=""' not in html
        first = json.loads(notebook.read_text("utf-8"))["cells"][0]["source"]
        assert "".join(first).splitlines()[0].lstrip("# ").split(" · ")[1][:20] in html


def projector_checks(browser, page_path) -> dict:
    outside = []

    def block(route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page = browser.new_page()
    page.route("**/*", block)
    page.goto(page_path.as_uri())
    images = page.locator("figure.rl-figure img")
    loaded = [
        page.evaluate("(img) => img.complete && img.naturalWidth > 0", images.nth(i).element_handle())
        for i in range(images.count())
    ]
    cells = page.locator(".jp-Cell").count()
    page.close()
    return {"cells": cells, "images": loaded, "outside": outside}


@pytest.mark.browser
def test_a_projected_notebook_page_shows_everything_with_the_network_cut_off(tmp_path):
    """The paper route's projector page: every cell and figure shows with no request leaving the machine."""
    page_path = write_handouts.export_notebooks(tmp_path, names=["01"])[0]
    notebook = json.loads((ROOT / "notebooks" / "01-metaphor.ipynb").read_text("utf-8"))
    found = in_browser(lambda browser: projector_checks(browser, page_path))
    assert found["cells"] == len(notebook["cells"])
    assert found["images"] and all(found["images"])
    assert not found["outside"], f"the page asked the network for {found['outside']}"


def test_every_exercise_a_handout_names_is_in_its_notebook():
    """A sheet says "(notebook 01, Exercise 3)": notebook 01 must have an Exercise 3 heading."""
    named = {m for doc in docs().values() for m in re.findall(r"notebook (\d\d), (Exercise \d+)", doc)}
    assert len(named) >= 5
    for number, exercise in sorted(named):
        path = next((ROOT / "notebooks").glob(f"{number}-*.ipynb"))
        cells = json.loads(path.read_text("utf-8"))["cells"]
        headings = [line for c in cells if c["cell_type"] == "markdown" for line in "".join(c["source"]).splitlines()]
        assert any(line.startswith("#") and re.search(rf"\b{exercise}\b", line) for line in headings), (
            f"the handouts name {exercise} of {path.name}, which has no such heading"
        )
