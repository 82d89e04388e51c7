"""The course around the notebooks: one frame for every notebook, a glossary that covers the
terms they use, links that resolve, and the rhetorical profile (HTML report)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PATH, own_text, run_cli

from rhetoric_lab.display.report import profile_document, save_profile, section_ids
from rhetoric_lab.errors import OutputExistsError
from rhetoric_lab.topics import TOPICS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "lessons").rglob("*.md"))]
# Bold words in headers and key points that are interface names or frame labels, not terms.
NOT_TERMS = {"time", "level", "you need to know", "questions", "objectives", "lesson complete."}


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def test_notebooks_are_numbered_in_order_and_every_topic_has_its_notebook():
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers[0] == 0 and numbers == sorted(set(numbers)), "notebooks are numbered 00, 01, ... without repeats"
    names = {p.name for p in NOTEBOOKS}
    for topic in TOPICS:
        assert topic.notebook in names, f"topic {topic.name}: no notebook {topic.notebook}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_opens_with_the_header(path):
    first = cells(path)[0]
    text = source(first)
    assert first["cell_type"] == "markdown"
    assert text.startswith(f"# {path.name[:2]} · ")
    for label in ("**Time**", "**Level**", "**You need to know**", "**Questions**", "**Objectives**"):
        assert label in text, f"{path.name}: header lacks {label}"
    assert re.search(r"\*\*Time\*\* \| \d+ minutes", text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_ends_with_key_points_and_a_link_on(path):
    last = cells(path)[-1]
    text = source(last)
    assert last["cell_type"] == "markdown" and text.startswith("## Key points")
    assert len(re.findall(r"^- ", text, re.MULTILINE)) >= 3
    link = re.search(r"\*\*Lesson complete\.\*\*.*?\]\(([^)]+\.ipynb)\)", text, re.S)
    assert link, f"{path.name}: no link to the next notebook"
    position = NOTEBOOKS.index(path)
    expected = NOTEBOOKS[position + 1] if position + 1 < len(NOTEBOOKS) else NOTEBOOKS[0]
    assert link.group(1) == expected.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_follows_a_markdown_cell_or_a_short_run(path):
    """A markdown cell says why before code; at most two code cells in a row."""
    run = 0
    for cell in cells(path):
        run = run + 1 if cell["cell_type"] == "code" else 0
        assert run <= 2, f"{path.name}: three code cells in a row near {source(cell)[:60]!r}"


def glossary_terms() -> set[str]:
    terms = set()
    for heading in re.findall(r"^### (.+)$", (ROOT / "lessons" / "glossary.md").read_text("utf-8"), re.M):
        heading = heading.lower()
        parts = re.split(r"\s*\(|\)|,\s*| and |/", heading)
        terms.update(p.strip() for p in [heading, *parts] if p.strip())
    return terms


def normal(term: str) -> str:
    words = re.sub(r"[^\w\s–-]", "", term.lower()).replace("-", " ").split()
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def covered(term: str, terms: set[str]) -> bool:
    t = normal(term)
    return any(t == normal(g) or normal(g).startswith(t + " ") for g in terms)


def test_glossary_covers_every_term_in_headers_and_key_points():
    terms, missing = glossary_terms(), []
    for path in NOTEBOOKS:
        for cell in (cells(path)[0], cells(path)[-1]):
            for term in re.findall(r"\*\*([^*]+)\*\*", source(cell)):
                if term.lower().strip(": ") not in NOT_TERMS and "+" not in term and not covered(term, terms):
                    missing.append(f"{path.stem}: {term}")
    assert not missing, "terms not in lessons/glossary.md: " + ", ".join(missing)


def test_glossary_check_notices_a_missing_term():
    assert covered("conventional metaphors", glossary_terms())
    assert not covered("zeugma", glossary_terms())


def test_glossary_has_no_placeholders_and_cites_sources():
    text = (ROOT / "lessons" / "glossary.md").read_text("utf-8")
    assert "TODO" not in text and "TBD" not in text and "## Sources" in text
    entries = re.split(r"^### ", text, flags=re.M)[1:]
    short = [e.splitlines()[0] for e in entries if len(e.split()) < 8 and "\nSee *" not in e]
    assert len(entries) >= 40 and not short, f"entries without a definition: {short}"


def local_links(text: str):
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # examples in code blocks are not links
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if not re.match(r"[a-z]+:", target) and not target.startswith("#"):
            yield target.split("#")[0]


@pytest.mark.parametrize("path", DOCS + NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_between_notebooks_and_lessons_resolve(path):
    if path.suffix == ".ipynb":
        text = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    else:
        text = path.read_text("utf-8")
    broken = [t for t in local_links(text) if not (path.parent / t).exists()]
    assert not broken, f"{path.name}: broken links {broken}"


def test_teachers_guide_has_routes_setup_and_troubleshooting():
    guide = (ROOT / "lessons" / "README.md").read_text("utf-8")
    for needed in (
        "50-minute",
        "two 50-minute",
        "self-paced",
        "Binder",
        "Local install",
        "without internet",
        "When something breaks",
        "Audience",
    ):
        assert needed.lower() in guide.lower(), needed
    assert "PRESENTING-NOTE" not in guide


class _Checker(HTMLParser):
    VOID = {"meta", "img", "br", "hr", "link", "input", "col", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.ids, self.external = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("src", "href"):
            if attrs.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(attrs[key])
        if tag == "script":
            self.errors.append("script")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def check_html(document: str) -> _Checker:
    checker = _Checker()
    checker.feed(document)
    checker.close()
    return checker


@pytest.mark.parametrize("text_name", ["seed", "business-story.txt", "quotes-unbalanced.txt"])
def test_profile_is_valid_self_contained_html_with_every_section(text_name):
    text = SEED_PATH.read_text("utf-8") if text_name == "seed" else own_text(text_name)
    document = profile_document(text, speech_year=2016 if text_name == "seed" else None)
    checker = check_html(document)
    assert document.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in document
    assert not checker.errors and not checker.stack, checker.errors
    assert not checker.external, "the profile must load nothing from outside"
    assert {key for key, _ in section_ids()} <= checker.ids
    assert document.count("data:image/png;base64,") >= 1


def test_profile_escapes_the_users_text():
    document = profile_document('The mayor said: "<script>alert(1)</script> is a cancer."')
    assert "<script>" not in document and "&lt;script&gt;" in document


def test_profile_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "profile.html"
    path.write_text("a file the user wrote", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="already exists"):
        save_profile("A cancer spreads, he said.", path)
    assert path.read_text(encoding="utf-8") == "a file the user wrote"
    save_profile("A cancer spreads, he said.", path, force=True)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_report_saves_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "profile.html"
    command = ["report", str(SEED_PATH), "-o", str(out), "--year", "2016"]
    first = run_cli(*command)
    assert first.returncode == 0, first.stderr
    second = run_cli(*command)
    assert second.returncode == 2 and "already exists" in second.stderr and "Traceback" not in second.stderr
    forced = run_cli(*command, "--force")
    assert forced.returncode == 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_cell_has_a_slide_type_for_presenting(path):
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in cells(path)]
    assert all(k in {"slide", "subslide", "-"} for k in kinds)
    assert kinds[0] == "slide" and kinds.count("slide") >= 3


def test_profile_carries_the_students_reading_escaped():
    document = profile_document("A cancer spreads, he said.", reading={"a real metaphor": "<b>cancer</b>"})
    assert 'id="your-reading"' in document and "&lt;b&gt;cancer&lt;/b&gt;" in document
    assert 'id="your-reading"' not in profile_document("A cancer spreads, he said.")
