"""Every bad input named in the foundation issue gets a plain-words message, or works."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, run_cli

import rhetoric_lab as rl
from rhetoric_lab import files
from rhetoric_lab.errors import (
    EmptyTextError,
    OutputExistsError,
    RhetoricLabError,
    TextEncodingError,
    TextNotFoundError,
)


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


def test_a_five_megabyte_file_is_read_and_a_megabyte_is_split(seed, tmp_path):
    copies = 5_000_000 // len(seed.text.encode()) + 1
    path = tmp_path / "five-megabytes.txt"
    path.write_text("\n".join([seed.text] * copies), encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    assert rl.text.read_text(path) == "\n".join([seed.text] * copies)  # under the 10 MB cap
    article = rl.Article("\n".join([seed.text] * (copies // 5)))  # about 1 MB, 170,000 words
    assert len(article.sentences) == 12 * (copies // 5)


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


# ---------------------------------------------------------------------------------------- reading


def test_a_utf32_file_is_named_utf32_not_utf16(tmp_path):
    for encoding, name in (("utf-32", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16")):
        path = tmp_path / f"{encoding}.txt"
        path.write_text("A short text in another encoding.", encoding=encoding)
        with pytest.raises(TextEncodingError, match=f"saved as {name},"):
            rl.load_article(path)


def test_a_symlink_loop_is_not_called_missing(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(TextNotFoundError, match="leads back to itself"):
        rl.load_article(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(TextNotFoundError, match="is a link to .*which does not exist"):
        rl.load_article(dangling)


@pytest.mark.timeout(30)
def test_a_fifo_and_devices_are_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(TextNotFoundError, match="is a pipe"):
        rl.load_article(fifo)  # opening it must not wait for a writer
    for device in ("/dev/zero", "/dev/urandom"):
        with pytest.raises(TextNotFoundError, match="is a device"):
            rl.load_article(device)


def test_a_file_over_the_cap_is_refused_from_its_size(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as out:
        out.truncate(files.MAX_BYTES + 1)  # a sparse file: its size says it all, nothing is read
    read = []
    monkeypatch.setattr(files.os, "read", lambda *a: read.append(a) or b"")
    with pytest.raises(TextNotFoundError, match=r"reads files of up to 10 MB"):
        rl.load_article(path)
    assert read == []


def test_every_os_error_on_reading_is_a_message(tmp_path, monkeypatch):
    path = tmp_path / "text.txt"
    path.write_text("Fine text.", encoding="utf-8")
    cases = {
        errno.EACCES: "do not have permission",
        errno.ENAMETOOLONG: "too long",
        errno.ENOTDIR: "is a file, not a folder",
        errno.EIO: "Could not read",
    }
    for code, words in cases.items():
        monkeypatch.setattr(files.os, "open", _raiser(OSError(code, os.strerror(code))))
        with pytest.raises(RhetoricLabError, match=words):
            rl.load_article(path)


def _raiser(error):
    def fail(*args, **kwargs):
        raise error

    return fail


def test_a_name_too_long_and_a_name_not_utf8_are_messages(tmp_path):
    with pytest.raises(TextNotFoundError, match="too long"):
        rl.load_article(tmp_path / ("n" * 300 + ".txt"))
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # Latin-1 bytes in a file name
    with open(raw, "wb") as out:
        out.write(b"A text whose file name is not UTF-8.")
    article = rl.load_article(os.fsdecode(raw))
    assert article.name == "caf\ufffd.txt"  # shown with a replacement character, never a crash
    assert "caf" in rl.profile_document(article)


def test_lone_cr_line_endings_make_paragraphs(tmp_path):
    path = tmp_path / "old-mac.txt"
    path.write_bytes(b"First paragraph here.\rSecond one here.\r\rThird one.")
    assert [p.text for p in rl.load_article(path).paragraphs] == [
        "First paragraph here.\rSecond one here.",
        "Third one.",
    ]
    assert len(rl.Article("One line.\rAnother line.").paragraphs) == 2


# ---------------------------------------------------------------------------------------- saving


def test_saving_replaces_in_one_step_and_keeps_the_mode(tmp_path):
    path = tmp_path / "profile.html"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    with pytest.raises(OutputExistsError):
        files.save_text(path, "new")
    files.save_text(path, "new", force=True)
    assert path.read_text(encoding="utf-8") == "new" and (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["profile.html"]  # no temporary file left


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "profile.html"
    path.write_text("the old profile", encoding="utf-8")

    def half_then_full(out, data):
        out.write(data[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_write_all", half_then_full)
    with pytest.raises(RhetoricLabError, match="disk is full.*Nothing was overwritten"):
        rl.save_profile("A cancer spreads.", path, force=True)
    assert path.read_text(encoding="utf-8") == "the old profile"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.html"]


KILLED_WRITER = r"""
import os, sys, time
import rhetoric_lab.files as files
real = files._write_all
def slow(out, data):
    out.write(data[: len(data) // 2]); out.flush()
    print("half written", flush=True)
    time.sleep(60)
    real(out, data)
files._write_all = slow
files.save_text(sys.argv[1], "<p>new</p>" * 100000, force=True)
"""


@pytest.mark.timeout(60)
def test_killing_the_writer_mid_save_loses_nothing(tmp_path):
    path = tmp_path / "profile.html"
    path.write_text("the old profile", encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert writer.stdout.readline().strip() == "half written"
    assert path.read_text(encoding="utf-8") == "the old profile"  # untouched while the new one is written
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert path.read_text(encoding="utf-8") == "the old profile"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "profile.html"]
    assert all(name.startswith(".rhetoric-lab-") for name in leftovers)  # a hidden, half-written temporary file


def test_force_replaces_a_link_never_its_target(tmp_path):
    target = tmp_path / "precious.html"
    target.write_text("someone else's file", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    with pytest.raises(OutputExistsError, match="is a link"):
        rl.save_profile("A cancer spreads.", link)
    rl.save_profile("A cancer spreads.", link, force=True)
    assert target.read_text(encoding="utf-8") == "someone else's file"
    assert not link.is_symlink() and "<!DOCTYPE html>" in link.read_text(encoding="utf-8")


def test_a_dangling_link_is_not_followed(tmp_path):
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    with pytest.raises(OutputExistsError, match="is a link"):
        rl.save_profile("A cancer spreads.", link)
    assert not (tmp_path / "elsewhere.html").exists()


@pytest.mark.timeout(30)
def test_a_fifo_or_a_device_is_never_a_target(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null"):
        with pytest.raises(OutputExistsError, match="not a file"):
            rl.save_profile("A cancer spreads.", target, force=True)


def test_a_missing_folder_is_made_only_when_asked(tmp_path):
    with pytest.raises(RhetoricLabError, match="does not exist, and Rhetoric Lab does not create folders"):
        rl.save_profile("A cancer spreads.", tmp_path / "a" / "b" / "c" / "p.html", make_folders=False)
    assert not (tmp_path / "a").exists()
    rl.save_profile("A cancer spreads.", tmp_path / "profiles" / "p.html")  # a notebook's profiles folder
    assert (tmp_path / "profiles" / "p.html").exists()


# ---------------------------------------------------------------------------------------- scores


def test_no_countable_syllables_no_syllable_scores():
    article = rl.Article("مرحبا بكم في المدينة. نحن هنا اليوم.")  # Arabic: no syllables we can count
    scores = rl.score_summary(article).set_index("metric")["score"]
    for metric in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index"):
        assert scores[metric] is None or scores[metric] != scores[metric], metric
    assert any("No syllables could be counted" in note for note in rl.caveats(article))
    assert rl.analyze(article)["readability"]["flesch_reading_ease"] is None


# ---------------------------------------------------------------------------------------- the worst inputs finish
# Speed is measured in benchmarks/scaling.py; these only make a hang fail instead of freezing CI.


@pytest.mark.timeout(60)
def test_runs_of_stops_finish():
    assert len(rl.find_textstat_sentence_breaks("It ended " + "." * 1000 + " there and more.")) == 1
    assert len(rl.compare_with_textstat("It ended " + "." * 2000 + " there and more.")) > 0


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_the_speaker_run_finishes():
    rl.find_quotations("A " * 16_000 + "x said.")  # issue 15: 10 s at this size with the quadratic speaker pattern
    # The research prompts once joined every end of a name run: 40,000 capitals took minutes and gigabytes.
    assert "<!DOCTYPE html>" in rl.profile_document("A " * 40_000 + "x said.")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_nested_quotes_voices_and_one_line_paragraphs_finish():
    nested = " ".join("“He said ‘we will,’ and ‘they won’t,’” Mills said." for _ in range(86_000 // 50))
    assert rl.analyze(nested)["quotes"]
    assert len(rl.voice_table(nested)) > 0
    lines = "\n".join(f"Line {i} is short." for i in range(64_000 // 18))
    assert "<!DOCTYPE html>" in rl.profile_document(lines)
    assert len(rl.find_references_to_look_up(lines)) >= 0


def test_the_scaling_benchmark_calls_every_public_function():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import scaling  # noqa: PLC0415 (benchmarks/ is not a package)

    assert sorted(set(scaling.names()) - set(scaling.CALLS)) == []


# ---------------------------------------------------------------------------------------- second audit
# Cases found by a second "try to break it" pass over issue 15's promises, on inputs the first pass had not tried.


@pytest.mark.parametrize("kind", ["stream", "device", "folder", "pipe"])
def test_force_never_replaces_a_link_to_a_stream_a_device_a_folder_or_a_pipe(tmp_path, kind):
    # As root, `report FILE -o /dev/stdout --force` replaced the system's /dev/stdout link with a file.
    targets = {"stream": "/proc/self/fd/1", "device": "/dev/null", "folder": str(tmp_path), "pipe": tmp_path / "fifo"}
    if kind == "pipe":
        os.mkfifo(targets["pipe"])
    link = tmp_path / "out.html"
    link.symlink_to(targets[kind])
    for force in (False, True):
        with pytest.raises(OutputExistsError, match="never replaces such a link"):
            rl.save_profile("A cancer spreads.", link, force=force)
    assert link.is_symlink() and os.readlink(link) == str(targets[kind])


def test_a_name_ending_with_a_slash_is_a_folder_not_a_file(tmp_path):
    # Path("new/") is Path("new"): the profile was saved as a file called "new".
    with pytest.raises(OutputExistsError, match="ends with '/', so it names a folder"):
        rl.save_profile("A cancer spreads.", f"{tmp_path}/new/")
    assert list(tmp_path.iterdir()) == []
    assert rl.save_profile("A cancer spreads.", tmp_path / "new.html").exists()  # a Path never ends with "/"


def test_a_name_with_a_lone_surrogate_is_a_message(tmp_path):
    name = str(tmp_path / "broken\ud800.txt")
    with pytest.raises(RhetoricLabError, match="a character that no file name can have.*broken\\\\ud800"):
        rl.load_article(name)
    with pytest.raises(RhetoricLabError, match="a character that no file name can have"):
        rl.save_profile("A cancer spreads.", name)


def test_report_never_saves_over_its_own_input(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("A cancer spreads, Mills said.", encoding="utf-8")
    link = tmp_path / "same.txt"
    link.symlink_to(path)
    for output in (path, link):
        result = run_cli("report", path, "-o", output, "--force")
        assert result.returncode == 2 and "is the text you asked to read" in result.stderr
    assert path.read_text(encoding="utf-8") == "A cancer spreads, Mills said."


@pytest.mark.parametrize(
    "args", [["analyze", "carter-paris-speech-report"], ["analyze", "carter-paris-speech-report", "--format", "text"]]
)
@pytest.mark.parametrize("stdout", ["full disk", "closed"])
def test_output_that_cannot_be_written_is_a_message(args, stdout):
    # "> /dev/full" said "could not read 'carter-paris-speech-report'"; ">&-" gave an AttributeError traceback.
    if stdout == "full disk" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full" if stdout == "full disk" else os.devnull, "w") as out:
        result = subprocess.run(
            [sys.executable, "-m", "rhetoric_lab", *args],
            stdout=out if stdout == "full disk" else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=120,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("rhetoric-lab: Could not write the output") and "Traceback" not in result.stderr


def test_prepare_with_a_full_disk_is_a_message(monkeypatch, capsys):
    from rhetoric_lab import cli  # noqa: PLC0415

    monkeypatch.setattr(cli, "prepare_nltk_cmudict", _raiser(OSError(errno.ENOSPC, "No space left on device")))
    assert cli.main(["prepare"]) == 2  # it raised AttributeError: the Namespace of `prepare` has no `file`
    assert "disk is full" in capsys.readouterr().err


@pytest.mark.parametrize("title", ["$\\foo{$", "broken \ud800 title", "cost $5 and $6", "\n" * 500 + "x" * 5000])
def test_a_chart_title_is_drawn_as_typed(title):
    # Matplotlib read "$...$" as a formula (ValueError on an unknown one) and failed on a lone surrogate.
    for chart in (rl.frequency_chart, rl.timeline_chart):
        assert "What the chart shows" in chart("Lafayette came to help. Lafayette stayed.", title=title).html


def test_words_with_a_broken_character_or_a_formula_are_drawn():
    assert "What the chart shows" in rl.frequency_chart("abc\ud800def abc\ud800def $\\frac{$ $\\frac{$.").html


@pytest.mark.timeout(60)
@pytest.mark.parametrize("answer", ["a" * 40_000, "cancerspread" * 4_000, "A " + "well-" * 8_000 + "known man."])
def test_a_long_answer_is_judged_in_linear_time(answer):
    # Trying every cut of an answer for "two answers run together" was quadratic: 4 s at 16,000 characters.
    for check in (rl.check_metaphors, rl.check_quotes, lambda a: rl.check_answer_form(a, "A cancer may spread.")):
        try:
            check(answer)
        except RhetoricLabError:
            pass


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا بكم في المدينة a. نحن هنا اليوم في المدينة الكبيرة.",  # Arabic with one English word: Flesch 194
        "Καλημέρα σας φίλοι. Είμαστε εδώ a.",  # Greek: 190
        "Привет мир это текст. Ещё одно предложение a.",  # Cyrillic: 192
    ],
)
def test_a_text_of_mostly_uncountable_words_gets_no_syllable_scores(text):
    scores = rl.score_summary(text).set_index("metric")["score"]
    for metric in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index"):
        assert scores[metric] != scores[metric], metric  # NaN: no score
    assert any("could be counted in" in note for note in rl.caveats(text))
    assert rl.analyze(text)["readability"]["flesch_reading_ease"] is None
    assert pd.isna(rl.sentence_count_effect(text)["flesch_reading_ease"].iloc[-1])  # our counts
    assert "off the scale and means nothing" in rl.show_working(text).html


def test_english_with_numbers_keeps_its_scores():
    text = "We are asking it to keep the 9, the 14 and the 22 running. The buses run at 7 and 9."
    assert 0 <= rl.score_summary(text).set_index("metric")["score"]["flesch_reading_ease"] <= 121.3
    assert not any("could be counted in" in note for note in rl.caveats(text))


def test_a_name_with_another_ending_is_not_taken_for_a_seed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("carter-paris-speech-report.md", "carter-paris-speech-report.pdf"):
        with pytest.raises(TextNotFoundError, match="There is no file at"):
            rl.load_article(name)  # it loaded the seed's .txt instead
    assert rl.load_article("carter-paris-speech-report.TXT").name == "carter-paris-speech-report.txt"


def test_report_never_saves_over_the_seed_it_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = rl.text.seeds_dir() / "carter-paris-speech-report.txt"
    link = tmp_path / "seed-link.txt"
    link.symlink_to(seed)
    before = seed.read_bytes()
    result = run_cli("report", "carter-paris-speech-report", "-o", link, "--force")
    assert result.returncode == 2 and "is the text you asked to read" in result.stderr
    assert seed.read_bytes() == before


def test_a_position_that_is_not_a_number_is_a_message():
    article = rl.Article.from_text("One sentence. Another one.")
    for wrong in (None, "12", ["a"], pd.DataFrame()):
        for method in (article.sentence_at, article.paragraph_at):
            with pytest.raises(RhetoricLabError, match="must be a character position"):
                method(wrong)  # a TypeError or ValueError from bisect
    assert article.sentence_at(14) == 1 and article.paragraph_at(14) == 0


def test_a_refused_save_says_where_to_save_instead():
    message = files.os_error_message(PermissionError(errno.EACCES, "Permission denied"), "/srv/class", "save in")
    assert "Save in a folder that is yours" in message and "Copy the file" not in message


_RUNUSER = shutil.which("runuser")


@pytest.mark.skipif(os.geteuid() != 0 or not _RUNUSER, reason="needs root, to run the command as 'nobody'")
@pytest.mark.timeout(120)
def test_real_permission_denials_as_another_user():
    # As root nothing is ever refused, so run the command line as "nobody", who owns none of these
    # (in a folder of its own under /tmp: pytest's folders cannot be entered by another user).
    with tempfile.TemporaryDirectory(prefix="rhetoric-lab-permissions-", dir="/tmp") as folder:
        _permission_denials(Path(folder))


def _permission_denials(tmp_path):
    tmp_path.chmod(0o755)
    secret = tmp_path / "secret.txt"
    secret.write_text("A cancer spreads.", encoding="utf-8")
    secret.chmod(0o000)
    readable = tmp_path / "open.txt"
    readable.write_text("A cancer spreads.", encoding="utf-8")
    readable.chmod(0o644)
    cases = {
        ("analyze", str(secret)): "do not have permission to read",
        ("report", str(readable), "-o", str(tmp_path / "p.html")): "Save in a folder that is yours",
    }
    for args, words in cases.items():
        result = subprocess.run(
            [_RUNUSER, "-u", "nobody", "--", sys.executable, "-m", "rhetoric_lab", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=100,
        )
        if "Permission denied" in result.stderr and "rhetoric-lab:" not in result.stderr:
            pytest.skip("'nobody' cannot run this environment's Python")
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / "p.html").exists()


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")],
)
def test_a_wide_encoding_without_a_byte_order_mark_is_named_in_any_script(tmp_path, encoding, name):
    # Russian or Chinese in UTF-16 has too few zero bytes for the ASCII pattern: it was called "a binary file".
    for text in ("Привет, мир. Это короткий текст.", "这是一个句子。那是另一个句子。"):
        path = tmp_path / "wide.txt"
        path.write_bytes(text.encode(encoding))
        with pytest.raises(TextEncodingError, match=f"saved as {name},"):
            rl.load_article(path)
