"""The teachers' answer keys in lessons/answer-keys/ are generated from seeds/keys/ and agree with them."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import ROOT

import rhetoric_lab as rl

spec = importlib.util.spec_from_file_location("write_answer_keys", ROOT / "tools" / "write_answer_keys.py")
writer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(writer)


@pytest.mark.parametrize("name", sorted(writer.TOPICS))
def test_written_answer_key_matches_the_data_key(name):
    path = writer.OUT / f"{name}.md"
    assert path.exists(), f"run: python tools/write_answer_keys.py ({path.name} is missing)"
    assert path.read_text(encoding="utf-8") == writer.render(name), (
        f"{path.name} is out of date with seeds/keys/{name}.json: run python tools/write_answer_keys.py"
    )


@pytest.mark.parametrize("name", sorted(writer.TOPICS))
def test_every_key_span_appears_in_the_written_key(name):
    """Each span of the key is in the teachers' key (whole sentences may be listed by number instead)."""
    key = json.loads((ROOT / "seeds" / "keys" / f"{name}.json").read_text(encoding="utf-8"))
    written = " ".join((writer.OUT / f"{name}.md").read_text(encoding="utf-8").split())
    sentences = {s.text for s in rl.load_article(key["article"]).sentences}
    spans = [e for e in key["entries"] if "text" in e]
    assert spans, f"seeds/keys/{name}.json has no spans"
    for entry in spans:
        text = " ".join(entry["text"].split())
        if entry["text"] in sentences and text not in written:
            assert str(entry.get("sentence", "")) in written
        else:
            assert text in written or text.replace("|", "\\|") in written, text


def test_every_lesson_plan_links_to_its_answer_key():
    for name in writer.TOPICS:
        plans = [p for p in (ROOT / "lessons").glob("0*.md") if f"answer-keys/{name}.md" in p.read_text("utf-8")]
        assert plans, f"no lesson plan links to answer-keys/{name}.md"
