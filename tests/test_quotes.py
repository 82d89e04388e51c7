"""Quotations, speakers, reporting verbs and voices: the seed, and texts written for this project."""

from __future__ import annotations

import signal

import pytest
from conftest import own_text

import rhetoric_lab as rl
from rhetoric_lab import exercises
from rhetoric_lab import quotes as q
from rhetoric_lab.data import load_key, read_table
from rhetoric_lab.display import quotes as view
from rhetoric_lab.errors import RhetoricLabError

KEY = load_key("quotes")


def entries(kind):
    return [e for e in KEY["entries"] if e["type"] == kind]


# --- data ---------------------------------------------------------------------------------------


def test_reporting_verb_lexicon_is_complete_and_valid():
    rows = read_table("reporting_verbs.csv")
    verbs = {r["verb"] for r in rows}
    for needed in [
        "say",
        "tell",
        "add",
        "note",
        "explain",
        "call for",
        "pledge",
        "praise",
        "acknowledge",
        "warn",
        "argue",
        "claim",
        "insist",
    ]:
        assert needed in verbs
    forms = [f for r in rows for f in r["forms"].split("|")]
    assert len(forms) == len(set(forms)), "a form belongs to two verbs"
    for r in rows:
        assert r["stance"] in {"neutral", "evaluative"}, r
        assert set(r["complement"].split("|")) <= {"zero", "that", "to", "none"}, r
        assert r["use"] in {"any", "quote"}, r
        assert r["note"] and r["verb"] in r["forms"].split("|")


def test_speaker_words_have_known_roles_and_genders():
    rows = read_table("quote_speaker_words.csv")
    roles = {"title", "pronoun", "person_noun", "not_name", "not_clause", "between", "speech_noun"}
    assert {r["role"] for r in rows} == roles
    assert {"claim", "remark"} <= {r["word"] for r in rows if r["role"] == "speech_noun"}
    assert {r["gender"] for r in rows} == {"", "m", "f"}
    gender = {(r["word"], r["role"]): r["gender"] for r in rows}
    assert gender["Ms.", "title"] == "f" and gender["Mr.", "title"] == "m" and gender["she", "pronoun"] == "f"
    assert gender["spokeswoman", "person_noun"] == "f" and gender["official", "person_noun"] == ""
    words = [(r["word"], r["role"]) for r in rows]
    assert len(words) == len(set(words)), "a word is listed twice with the same role"


def test_words_that_are_not_people_and_mention_cues_are_valid():
    kinds = {r["word"]: r["kind"] for r in read_table("quote_not_people.csv")}
    assert set(kinds.values()) == {"time", "place", "organisation", "group", "event", "heading"}
    assert kinds["UPDATE"] == "heading" and kinds["U.N."] == "organisation"
    assert kinds["Thursday"] == "time" and kinds["Hall"] == "place" and kinds["Foods"] == "organisation"
    cues = read_table("quote_mention_cues.csv")
    assert {r["role"] for r in cues} == {"thing", "link", "naming"} and all(r["note"] for r in cues)
    assert {"sign", "headline", "titled", "word"} <= {r["word"] for r in cues if r["role"] == "thing"}


# --- the seed -----------------------------------------------------------------------------------


def test_seed_has_the_six_quotations_of_the_key(seed):
    found = q.find_quotations(seed)
    key = entries("quotation")
    assert len(key) == 6 and len(found) == 6
    assert [(r["start"], r["end"], r["kind"]) for r in found.to_dict("records")] == [
        (e["start"], e["end"], e["kind"]) for e in key
    ]
    assert set(found["speaker"]) == {"Carter"}
    assert list(found["verb"]) == [e["verb"] for e in key]
    assert q.find_quotation_warnings(seed).empty
    # mixed marks: two quotations open with a curly mark and close with a straight one
    assert list(found["close_mark"]).count('"') == 2


def test_seed_quotation_text_keeps_apostrophes_and_ellipses(seed):
    found = q.find_quotations(seed)
    assert "cancer that’s threatening to spread," in list(found["text"])
    longest = found.loc[found["text"].str.len().idxmax(), "text"]
    assert longest.startswith("They’re") and "…" in longest and longest.endswith("fight,")


def test_seed_indirect_speech_matches_the_key(seed):
    found = q.find_indirect_speech(seed)
    assert [(r["start"], r["end"]) for r in found.to_dict("records")] == [
        (e["start"], e["end"]) for e in entries("indirect")
    ]
    assert set(found["speaker"]) == {"Carter"}


def test_seed_sentence_labels_match_the_key(seed):
    labels = q.voice_table(seed)["label"].tolist()
    assert labels == [e["label"] for e in sorted(entries("sentence"), key=lambda e: e["sentence"])]


def test_seed_reporting_verbs_match_the_key(seed):
    found = q.find_reporting_verbs(seed)
    assert [(r["start"], r["verb"]) for r in found.to_dict("records")] == [
        (e["start"], e["verb"]) for e in entries("verb")
    ]
    assert set(found.loc[found["stance"] == "evaluative", "verb"]) == {"praise", "call for", "pledge", "acknowledge"}
    # "plans call for ..." has no speaker, so it is not a reporting frame
    assert "plans" not in set(found["speaker"])


def test_participial_frame_and_title_reduction(seed):
    found = q.find_reporting_verbs(seed)
    participles = found[found["frame"] == "participle"]
    assert set(participles["verb"]) == {"express", "praise", "explain", "compare", "outline"}
    assert found.iloc[1]["text"] == "outlined" and found.iloc[1]["speaker"] == "Carter"  # Defense Secretary Ash Carter


def test_voice_spans_partition_every_sentence(seed):
    spans = q.find_voices(seed)
    for sent in seed.sentences:
        mine = spans[spans["sentence"] == sent.index].sort_values("start")
        assert mine["start"].iloc[0] == sent.start and mine["end"].iloc[-1] == sent.end
        assert (mine["start"].iloc[1:].values == mine["end"].iloc[:-1].values).all()
    quoted = spans[spans["voice"] == "quoted"]
    assert sorted(zip(quoted["start"], quoted["end"], strict=True)) == [
        (e["start"], e["end"]) for e in entries("quotation")
    ]
    assert set(spans.loc[spans["voice"] == "narration", "speaker"].dropna()) == set()


def test_voice_table_counts_every_word(seed):
    table = q.voice_table(seed)
    assert list(table.columns[:8]) == [
        "sentence",
        "paragraph",
        "start",
        "end",
        "speaker",
        "quoted_words",
        "paraphrased_words",
        "narration_words",
    ]
    total = table[["quoted_words", "paraphrased_words", "narration_words"]].sum().sum()
    assert total == len(seed.words)


# --- texts written for this project --------------------------------------------------------------


@pytest.fixture(scope="module")
def board():
    return rl.Article.from_text(own_text("quotes-school-board.txt"))


@pytest.fixture(scope="module")
def match():
    return rl.Article.from_text(own_text("quotes-match-report.txt"))


def test_several_speakers_and_he_said_after_a_named_speaker(board):
    found = q.find_quotations(board)
    spoken = found[found["level"] == 1]
    assert list(spoken["speaker"]) == ["Okafor", "Okafor", "Reyes", "Reyes", None]
    verbs = q.find_reporting_verbs(board)
    # "He said the savings ..." follows "Board member Tom Reyes disagreed."
    assert verbs.iloc[2]["text"] == "said" and verbs.iloc[2]["speaker"] == "Reyes"
    assert "warn" in set(verbs.loc[verbs["speaker"] == "Reyes", "verb"])


def test_single_quotes_nested_in_straight_double_quotes(board):
    found = q.find_quotations(board)
    outer = found[(found["level"] == 1) & found["text"].str.startswith("If you live")].iloc[0]
    inner = found[found["level"] == 2].iloc[0]
    assert inner["text"] == "small adjustment,"
    assert outer["start"] < inner["start"] and inner["end"] < outer["end"]
    assert outer["open_mark"] == outer["close_mark"] == '"'
    assert q.find_quotation_warnings(board).empty


def test_scare_quotes_and_according_to(board, match):
    found = q.find_quotations(board)
    scare = found[found["kind"] == "scare"]
    assert list(scare["text"]) == ["efficiency drive"] and scare["speaker"].isna().all()
    easy = q.find_quotations(match).iloc[-1]
    assert easy["text"] == "easy" and easy["kind"] == "scare"  # after "so-called"
    indirect = q.find_indirect_speech(board)
    assert "the cuts will save about $90,000 a year" in list(indirect["text"])


def test_quotation_over_two_paragraphs(match):
    found = q.find_quotations(match)
    mills = found[found["quote_id"] == found.iloc[1]["quote_id"]]
    assert len(mills) == 2 and list(mills["paragraph"]) == [1, 2]
    assert mills.iloc[0]["close_mark"] == "" and mills.iloc[0]["text"].endswith("like this.")
    assert set(mills["speaker"]) == {"Mills"} and set(mills["kind"]) == {"direct"}
    assert q.find_quotation_warnings(match).empty


def test_split_direct_quotation_and_pronoun_speaker(match):
    found = q.find_quotations(match)
    park = found[found["speaker"] == "Park"]
    assert list(park["kind"]) == ["direct", "direct"]
    assert park.iloc[1]["text"].startswith("and the players")


def test_only_straight_quotes_and_single_quotes():
    article = rl.Article.from_text(own_text("quotes-straight-single.txt"))
    found = q.find_quotations(article)
    assert list(found["open_mark"]) == ['"', "'", "'", '"']
    weiss = found[found["speaker"] == "Weiss"].iloc[0]
    assert weiss["kind"] == "direct" and weiss["text"].startswith("It is a good quarter")
    assert found.iloc[0]["speaker"] == "Nair"  # "The company's chief executive, Priya Nair, said"
    assert "company's" not in " ".join(found["text"])  # an apostrophe is not a quotation mark
    assert list(found.loc[found["kind"] == "scare", "text"]) == ["new strategy"]


def test_unbalanced_mark_is_a_warning_with_its_position():
    text = own_text("quotes-unbalanced.txt")
    warnings = q.find_quotation_warnings(text)
    assert len(warnings) == 1
    assert warnings.iloc[0]["start"] == text.index("“we will") and warnings.iloc[0]["mark"] == "“"
    found = q.find_quotations(text)
    # the unpaired mark is never glued to the text after it
    assert list(found["text"]) == ["a target, not a promise."]
    assert "we will open" not in " ".join(found["text"])
    verbs = q.find_reporting_verbs(text)
    assert list(verbs["speaker"]) == ["The mayor", "A spokesman", "A spokesman"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("She said ”no.", "no opening mark"),
        ("“One. “Two,” he said.", "never closed before the next one opens"),
        ("He called it ‘odd. Then he left.", "never closed in its paragraph"),
    ],
)
def test_other_unpaired_marks(text, message):
    warnings = q.find_quotation_warnings(text)
    assert len(warnings) == 1 and message in warnings.iloc[0]["message"]


def test_no_quotations_gives_empty_tables_with_the_right_columns():
    text = own_text("quotes-none.txt")
    assert list(q.find_quotations(text).columns[:10]) == [
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_how",
        "speaker_head",
        "verb",
        "sentence",
        "paragraph",
    ]
    assert q.find_quotations(text).empty and q.find_quotation_warnings(text).empty
    assert q.find_reporting_verbs(text).empty and q.find_indirect_speech(text).empty
    table = q.voice_table(text)
    assert set(table["label"]) == {"narration"} and table["quoted_words"].sum() == 0
    assert q.to_json(text) == []
    assert "No reporting verbs" in view.verb_chart(text).plain


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_bad_input_is_a_plain_error(bad):
    with pytest.raises(RhetoricLabError):
        q.find_quotations(bad)


# --- self-check, compare, analyze, key ----------------------------------------------------------


def test_compare_verbs_reports_the_change_of_stance():
    fb = rl.check_verb_rewrite("Carter pledged to develop a coalition.", "Carter said he would develop a coalition.")
    assert "from evaluative to neutral" in str(fb)
    fb = rl.check_verb_rewrite("Carter said it.", "Carter said it again.")
    assert "same" in str(fb)


def test_analyze_section_is_json_ready(seed):
    import json

    section = q.to_json(seed)
    assert len(section) == 6
    assert set(section[0]) == {"start", "end", "text", "kind", "speaker", "speaker_how", "verb"}
    assert {s["speaker_how"] for s in section} == {"named"}
    json.dumps(section)


def test_answer_key_markdown_comes_from_the_key():
    markdown = exercises.answer_key_markdown("quotes")
    for e in entries("quotation"):
        assert e["text"].replace("|", "\\|") in markdown
    assert markdown.count("| partial | Carter |") == 4 and markdown.count("| direct | Carter |") == 2


# --- views --------------------------------------------------------------------------------------


def test_views_escape_text_and_label_in_words():
    text = "“<b>We won</b>,” Mills said. Mills said the <script>bus</script> was late."
    html = rl.highlight(text, topic="quotes").html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "[Mills: quoted]" in html and "[Mills: paraphrased]" in html


def test_charts_have_alt_text_and_summaries(seed):
    voice = view.voice_chart(seed)
    assert 'alt="Stacked bars' in voice.html and "¶5: 97% quoted" in voice.plain
    verbs = view.verb_chart(seed)
    assert "12 neutral and 5 evaluative" in verbs.plain and "pledge ×1 (evaluative)" in verbs.plain
    shares = q.voice_share_table(seed)
    assert ((shares[["quoted", "paraphrase", "narration"]].sum(axis=1) - 1).abs() < 0.01).all()


def test_a_long_text_gets_at_most_40_bars_each_for_a_run_of_paragraphs():
    quoted, narrated = "“We will win the cup this year,” Mills said.", "The bus left at noon for the away game."
    text = "\n\n".join(quoted if i % 2 == 0 else narrated for i in range(100))  # 100 paragraphs
    chart = view.voice_chart(text)
    runs = chart.plain.split("In runs of 3 paragraphs: ")[1].split("; ")
    assert len(runs) == 34 and runs[0].startswith("¶0–2: ") and runs[-1].startswith("¶99: ")
    assert "one per run of 3 paragraphs (100 in all)" in chart.html
    assert view.voice_chart("\n\n".join([text] * 5)).plain.count("¶") == 39  # 500 paragraphs: 39 runs of 13 or fewer
    shares = q.voice_share_table(text)
    first = shares.iloc[0:3]  # a run's share is counted over its words, not averaged over paragraphs
    share = (first["quoted"] * first["words"]).sum() / first["words"].sum()
    assert f"¶0–2: {share:.0%} quoted" in chart.plain


def test_warnings_view_shows_position():
    assert "Position 8" in view.show_warnings("He said “we will win.").html


def test_frame_after_an_exclamation_in_its_own_sentence():
    # Punkt splits after “…!”; the frame in the next sentence still names the speaker.
    found = q.find_quotations("“We did it!” Principal Ana Ruiz said on Friday. The hall cheered.")
    assert found.iloc[0]["speaker"] == "Ruiz" and found.iloc[0]["kind"] == "direct"


def test_names_inside_quotations_are_not_taken_for_speakers():
    text = (
        'Mayor Ruth Alvarado opened the barrier. "We will not be caught asleep again," Alvarado said. '
        '"Like the people who built the Marshall Plan, we are building." She added that the city had learned.'
    )
    indirect = q.find_indirect_speech(text)
    assert indirect["speaker"].tolist() == ["Alvarado"]


def test_the_verb_nearest_before_a_partial_quotation_is_its_reporting_verb():
    text = 'Council member Ian Cho praised the work but warned that costs had "ballooned" since May.'
    row = q.find_quotations(text).iloc[0]
    assert (row["text"], row["speaker"], row["verb"]) == ("ballooned", "Cho", "warn")


# --- hostile input: every step is linear, so these finish at once (the alarm turns a hang into a failure)

HOSTILE = {
    "a run of capitals before a verb": "A " * 50_000 + "x said.",
    "quotations nested three deep": "“He said ‘we “won” it’ and “left,” she said. " * 1_500,
    "a run of dashes after a frame": "“Yes,” said " + "-" * 100_000 + " ok.",
    "a run of apostrophes": "“Yes” " + "'" * 100_000 + " said Bo.",
    "one sentence of frames": "Mills said “a” and " * 5_000 + "end.",
    "one-line paragraphs": "“Go,” he said.\n" * 5_000,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_finishes(name):
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs a Unix alarm")

    def too_slow(*_):
        raise TimeoutError(f"{name}: the quote finders took over 60 s (not linear?)")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        article = rl.Article.from_text(HOSTILE[name])
        assert len(q.voice_table(article)) == len(article.sentences)
        q.find_quotations(article), q.find_indirect_speech(article), q.find_reporting_verbs(article)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
