"""Segmentation: paragraphs, sentences and words, with offsets into the original text."""

from __future__ import annotations

import pytest
from conftest import SEED_PATH, own_text

import rhetoric_lab as rl
from rhetoric_lab.text import split_paragraphs


def assert_offsets_hold(article: rl.Article) -> None:
    for span in (*article.paragraphs, *article.sentences, *article.tokens, *article.words):
        assert article.text[span.start : span.end] == span.text


def test_seed_has_seven_paragraphs_and_twelve_sentences(seed):
    assert len(seed.paragraphs) == 7
    assert len(seed.sentences) == 12
    assert [s.paragraph for s in seed.sentences] == [0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 6]
    assert_offsets_hold(seed)


def test_seed_text_is_the_file_unchanged(seed):
    assert seed.text == SEED_PATH.read_text(encoding="utf-8")


def test_us_and_ellipses_end_no_sentence(seed):
    us = [s for s in seed.sentences if "U.S." in s.text]
    assert len(us) == 3 and all(not s.text.endswith("U.S.") for s in us)
    long_quote = next(s for s in seed.sentences if "…" in s.text)
    assert long_quote.text.count("…") == 3
    assert long_quote.text.startswith("“They’re") and long_quote.text.endswith("Carter said.")


def test_quotes_apostrophes_and_dashes_come_through(seed):
    words = [w.text for w in seed.words]
    assert "They’re" in words and words.count("ISIL’s") == 4 and "Ramadi’s" in words
    punctuation = {t.text for t in seed.tokens if not t.is_word}
    assert {"“", "”", '"', "—", "--", "…"} <= punctuation


def test_words_skip_punctuation_and_keep_hyphenated_words(seed):
    words = [w.text for w in seed.words]
    assert "long-range" in words and "counter-ISIL" in words
    assert not any(w in {",", ".", "“", "—"} for w in words)


@pytest.mark.parametrize(
    ("name", "paragraphs", "sentences"),
    [("sports-report.txt", 4, 7), ("business-story.txt", 3, 6)],
)
def test_own_texts_in_other_registers(name, paragraphs, sentences):
    article = rl.Article.from_text(own_text(name), name=name)
    assert (len(article.paragraphs), len(article.sentences)) == (paragraphs, sentences)
    assert_offsets_hold(article)


def test_titles_and_company_abbreviations_end_no_sentence():
    article = rl.Article.from_text(own_text("sports-report.txt"))
    assert any(s.text.startswith("Dr. Amira Salt") for s in article.sentences)
    business = rl.Article.from_text(own_text("business-story.txt"))
    assert business.sentences[0].text.endswith("by Dec. 2027.")


def test_blank_lines_make_paragraphs_when_present():
    text = "First line\nstill first.\n\nSecond paragraph."
    assert [p.text for p in split_paragraphs(text)] == ["First line\nstill first.", "Second paragraph."]


def test_windows_line_endings_keep_offsets_into_the_original():
    text = "One paragraph here.\r\n\r\nAnother one. With two sentences.\r\n"
    article = rl.Article.from_text(text)
    assert len(article.paragraphs) == 2 and len(article.sentences) == 3
    assert "\r" not in "".join(s.text for s in article.sentences)
    assert_offsets_hold(article)


def test_sentence_and_paragraph_lookup(seed):
    offset = seed.text.index("parent tumor")
    assert seed.sentence_at(offset) == 5
    assert seed.paragraph_at(offset) == 3


def test_tables_have_offsets(seed):
    table = seed.sentence_table()
    assert list(table.columns) == ["sentence", "start", "end", "text", "paragraph"]
    assert len(table) == 12
    words = seed.word_table()
    assert {"word", "start", "end", "text", "sentence", "paragraph"} == set(words.columns)


def test_load_by_name_path_or_article(seed):
    assert rl.load_article(str(SEED_PATH)).text == seed.text
    assert rl.load_article(SEED_PATH.name).text == seed.text
    assert rl.load_article(seed) is seed
    assert seed.meta["speaker"] == "Ash Carter"


def test_wrapped_lines_stay_in_one_paragraph_when_there_are_no_blank_lines():
    text = "A pasted paragraph that wraps\nin the middle of a sentence. It ends here.\nA new paragraph starts.\n"
    article = rl.Article.from_text(text)
    assert [p.text for p in article.paragraphs] == [
        "A pasted paragraph that wraps\nin the middle of a sentence. It ends here.",
        "A new paragraph starts.",
    ]
    assert len(article.sentences) == 3
