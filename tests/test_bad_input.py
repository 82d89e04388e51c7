"""Every bad input named in the foundation issue gets a plain-words message, or works."""

from __future__ import annotations

import pytest
from conftest import run_cli

import rhetoric_lab as rl
from rhetoric_lab.errors import EmptyTextError, RhetoricLabError, TextEncodingError, TextNotFoundError


def test_missing_path(tmp_path):
    with pytest.raises(TextNotFoundError, match="no file at"):
        rl.load_article(tmp_path / "nothing.txt")


def test_unknown_seed_name_lists_the_seeds():
    with pytest.raises(TextNotFoundError, match="carter-paris-speech-report"):
        rl.load_article("no-such-text")


def test_directory(tmp_path):
    with pytest.raises(TextNotFoundError, match="is a folder"):
        rl.load_article(tmp_path)


@pytest.mark.parametrize("text", ["", "   \n\t \n"])
def test_empty_or_whitespace(tmp_path, text):
    path = tmp_path / "empty.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EmptyTextError, match="empty"):
        rl.load_article(path)
    with pytest.raises(EmptyTextError):
        rl.Article.from_text(text)


def test_punctuation_only_has_no_words():
    with pytest.raises(EmptyTextError, match="no words"):
        rl.Article.from_text("… — !!! ???")


def test_not_a_string():
    with pytest.raises(TextEncodingError, match="must be an Article or a text in quotation marks"):
        rl.as_article(42)
    with pytest.raises(TextEncodingError, match="should be a string"):
        rl.Article(42)


def test_binary_file(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(TextEncodingError, match="binary file"):
        rl.load_article(path)


def test_non_utf8_names_the_encoding_and_how_to_convert(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le Drian a parlé à Paris.".encode("latin-1"))
    with pytest.raises(TextEncodingError) as info:
        rl.load_article(path)
    message = str(info.value)
    assert "UTF-8" in message and "iconv" in message and "position 15" in message


def test_utf16_file(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_text("A short text.", encoding="utf-16")
    with pytest.raises(TextEncodingError, match="UTF-16"):
        rl.load_article(path)


def test_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffA text saved by Notepad.".encode())
    assert rl.load_article(path).sentences[0].text == "A text saved by Notepad."


@pytest.mark.slow
def test_five_megabyte_text_works(seed):
    text = "\n".join([seed.text] * (5_000_000 // len(seed.text) + 1))
    assert len(text.encode()) > 5_000_000
    article = rl.Article.from_text(text)
    assert len(article.sentences) == 12 * (5_000_000 // len(seed.text) + 1)


def test_cli_bad_input_exits_2_with_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("café".encode("latin-1"))
    for args in (["analyze", str(path)], ["analyze", str(tmp_path)], ["analyze", str(tmp_path / "gone.txt")]):
        result = run_cli(*args)
        assert result.returncode == 2
        assert result.stderr.startswith("rhetoric-lab: ") and "Traceback" not in result.stderr


def test_every_error_is_a_rhetoric_lab_error():
    for error in (EmptyTextError, TextEncodingError, TextNotFoundError):
        assert issubclass(error, RhetoricLabError)


def test_unbalanced_quotation_mark_is_reported_with_its_position(tmp_path):
    path = tmp_path / "unbalanced.txt"
    text = "The mayor said “we will open the library in June. Nobody has told the builders.\n"
    path.write_text(text, encoding="utf-8")
    result = run_cli("analyze", str(path), "--format", "text")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "warning at character 15: This opening double quotation mark is never closed" in result.stdout
    data = rl.analyze(rl.load_article(path))
    assert [text[w["start"] : w["end"]] for w in data["warnings"]] == ["“"]
    assert data["quotes"] == []  # never glued to the rest of the text
