"""Readability: counts, the seven formulas (checked against sums done by hand), textstat, exercises."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, own_text

import rhetoric_lab as rl
from rhetoric_lab import exercises
from rhetoric_lab import readability as rd
from rhetoric_lab.display import readability as view
from rhetoric_lab.errors import RhetoricLabError

# Worked by hand (syllables said aloud, letters counted on paper):
# "The Hawks won the final. Their coach smiled."  2 sentences, 8 words, 9 syllables, 0 of 3+, 35 letters.
SPORTS = "The Hawks won the final. Their coach smiled."
# "Revenue increased dramatically. Investors celebrated."  re-ve-nue 3, in-creased 2, dra-mat-ic-ally 4,
# in-ves-tors 3, cel-e-brat-ed 4: 2 sentences, 5 words, 16 syllables, 4 of 3+, 7+9+12+9+10 = 47 letters.
BUSINESS = "Revenue increased dramatically. Investors celebrated."
OTHER_TEXTS = ["readability-school-board.txt", "readability-sports.txt"]


def test_counts_on_short_texts_match_hand_counts():
    assert rd.counts(SPORTS) == {
        "sentences": 2,
        "words": 8,
        "syllables": 9,
        "polysyllables": 0,
        "letters": 35,
        "characters": 35,
        "difficult_words": rd.counts(SPORTS)["difficult_words"],
    }
    c = rd.counts(BUSINESS)
    assert (c["sentences"], c["words"], c["syllables"], c["polysyllables"], c["letters"]) == (2, 5, 16, 4, 47)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 206.835 − 1.015×4 − 84.6×1.125; 0.39×4 + 11.8×1.125 − 15.59; 0.4×(4 + 0); 1.043×√0 + 3.1291;
        # 0.0588×437.5 − 0.296×25 − 15.8; 4.71×4.375 + 0.5×4 − 21.43
        (
            SPORTS,
            {
                "flesch_reading_ease": 107.6,
                "flesch_kincaid_grade": -0.755,
                "gunning_fog": 1.6,
                "smog_index": 3.1291,
                "coleman_liau_index": 2.525,
                "automated_readability_index": 1.17625,
            },
        ),
        # 0.39×2.5 + 11.8×3.2 − 15.59; 0.4×(2.5 + 80); 1.043×√60 + 3.1291; 0.0588×940 − 0.296×40 − 15.8;
        # 4.71×9.4 + 0.5×2.5 − 21.43
        (
            BUSINESS,
            {
                "flesch_kincaid_grade": 23.145,
                "gunning_fog": 33.0,
                "smog_index": 11.2081,
                "coleman_liau_index": 27.632,
                "automated_readability_index": 24.094,
            },
        ),
    ],
)
def test_formulas_match_values_computed_by_hand(text, expected):
    got = rd.scores(text)
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, abs=1e-4), name


def test_dale_chall_by_hand_with_and_without_the_adjustment():
    # "Okafor" is the only word not on the list: 1 of 3 = 33.3 %, so 3.6365 is added.
    assert rd.counts("Okafor ran home.")["difficult_words"] == 1
    assert rd.scores("Okafor ran home.")["dale_chall"] == pytest.approx(0.1579 * 100 / 3 + 0.0496 * 3 + 3.6365)
    # Every word familiar: no adjustment; 0.0496 × 3.5 words per sentence.
    assert rd.scores("The dog ran home. It was happy.")["dale_chall"] == pytest.approx(0.1736)
    assert rd.dale_chall(difficult_words=1, words=20, sentences=1) == pytest.approx(0.1579 * 5 + 0.0496 * 20)


def test_familiar_words_accept_regular_forms_but_not_names():
    assert rd.is_familiar("called") and rd.is_familiar("cities") and rd.is_familiar("They’re")
    assert not rd.is_familiar("Okafor") and not rd.is_familiar("metastasis")
    assert rd.is_familiar("long-range") is (rd.is_familiar("long") and rd.is_familiar("range"))
    assert len(rd.easy_words()) > 2000


def test_seed_reports_12_sentences_and_formulas_from_its_own_counts(seed):
    c = rd.counts(seed)
    assert c["sentences"] == 12 and c["words"] == len(seed.words)
    s = rd.scores(seed)
    assert s["flesch_reading_ease"] == pytest.approx(rd.flesch_reading_ease(c["words"], 12, c["syllables"]))
    assert s["smog_index"] == pytest.approx(rd.smog_index(12, c["polysyllables"]))
    assert set(s) == set(rd.METRICS)


@pytest.mark.parametrize("name", OTHER_TEXTS)
def test_score_tables_keep_offsets_on_other_registers(name):
    article = rl.as_article(own_text(name))
    for by in ("text", "paragraph", "sentence"):
        table = rd.score_table(article, by=by)
        assert list(table.columns[:5]) == ["start", "end", "sentence", "paragraph", "text"]
        assert all(article.text[r.start : r.end] == r.text for r in table.itertuples())
        assert table["words"].sum() == len(article.words)
    assert len(rd.score_table(article, by="paragraph")) == len(article.paragraphs)
    assert len(rd.score_table(article, by="sentence")) == len(article.sentences)


def test_longest_and_hardest_sentences(seed):
    longest = rd.longest_sentences(seed, n=1).iloc[0]
    assert longest["words"] == max(sum(w.sentence == s.index for w in seed.words) for s in seed.sentences)
    sports = rl.as_article(own_text("readability-sports.txt"))
    hardest = rd.hardest_sentences(sports, n=2)
    grades = rd.score_table(sports, by="sentence")["flesch_kincaid_grade"]
    assert hardest["flesch_kincaid_grade"].tolist() == sorted(grades, reverse=True)[:2]
    easiest_by_fre = rd.hardest_sentences(sports, n=1, metric="flesch_reading_ease")
    assert (
        easiest_by_fre["flesch_reading_ease"].iloc[0]
        == rd.score_table(sports, by="sentence")["flesch_reading_ease"].min()
    )
    with pytest.raises(RhetoricLabError):
        rd.hardest_sentences(sports, metric="beauty")


def test_metaphor_leaves_the_score_untouched():
    table = rd.compare_texts(
        {"metaphor": "The gang is a cancer in our town.", "plain": "The gang is a danger in our town."}
    )
    assert table[list(rd.METRICS[:6])].nunique().eq(1).all()


def test_empty_and_one_word_texts_give_clear_answers():
    for bad in ("", "   \n\n  ", "...!?"):
        with pytest.raises(RhetoricLabError):
            rd.scores(bad)
    with pytest.raises(RhetoricLabError):
        rd.counts(42)
    one = rd.scores("Hello")
    assert all(isinstance(v, float) for v in one.values())
    notes = rd.caveats("Hello")
    assert any("SMOG" in n for n in notes) and any("1 word" in n for n in notes)
    assert rd.scores_from_counts({"sentences": 1, "words": 0}) == dict.fromkeys(rd.METRICS)
    with pytest.raises(RhetoricLabError):
        rd.flesch_reading_ease(words=0, sentences=1, syllables=0)


def test_a_piece_without_words_gets_none_not_a_division_by_zero():
    table = rd.score_table("We won the cup.\n\n* * *\n\nThen we went home.", by="paragraph")
    assert table["words"].tolist() == [4, 0, 4]
    assert table.loc[1, "flesch_reading_ease"] is None or table["flesch_reading_ease"].isna()[1]


@pytest.mark.parametrize(
    ("text", "ours", "textstat"),
    [
        # textstat cuts at "p.m." and "Dr." (3 pieces); ours: 2 sentences.
        ("The board met at 7 p.m. on Tuesday in the library. Dr. Okafor spoke first.", 2, 3),
        # textstat cuts inside "U.K." and "U.S." and then drops every piece of one or two words,
        # the real sentence "Fans cheered." included.
        ("The U.K. team beat the U.S. side. Fans cheered.", 2, 1),
    ],
)
def test_sentence_counts_that_textstat_gets_wrong(text, ours, textstat):
    assert rd.counts(text)["sentences"] == ours
    assert rd.textstat_figures(text)["sentences"] == textstat


def test_textstat_comparison_on_the_seed_explains_the_difference(seed):
    table = rd.compare_with_textstat(seed).set_index("metric")
    assert list(table.columns) == ["label", "ours", "textstat", "difference", "explanation"]
    assert table.loc["sentences", "ours"] == 12 and table.loc["sentences", "textstat"] == 15
    assert "U.S." in table.loc["sentences", "explanation"]
    assert "0.0588" in table.loc["coleman_liau_index", "explanation"]
    assert set(rd.find_textstat_sentence_breaks(seed)["text"]) == {"U.S."}
    assert all(seed.text[r.start : r.end] == r.text for r in rd.find_glued_words(seed).itertuples())


def test_with_the_true_sentence_count_the_flesch_score_falls(seed):
    effect = rd.sentence_count_effect(seed)
    as_is, true_count = effect.loc[0], effect.loc[1]
    assert as_is["sentences"] > true_count["sentences"] == 12
    drop = as_is["flesch_reading_ease"] - true_count["flesch_reading_ease"]
    assert 5 < drop < 10  # "several points": about 7 on the seed


def test_textstat_comparison_on_another_register():
    table = rd.compare_with_textstat(own_text("readability-sports.txt")).set_index("metric")
    assert table.loc["sentences", "ours"] == 7 and table.loc["sentences", "textstat"] == 6
    assert "Fans cheered." in table.loc["sentences", "explanation"]


def test_voices_split_every_word_once(seed):
    for article in (seed, rl.as_article(own_text("readability-school-board.txt"))):
        table = rd.voice_difficulty_table(article)
        assert list(table.columns) == rd.VOICE_COLUMNS
        assert table["words"].sum() == len(article.words)
        assert "quoted" in set(table["voice"]) and "narration" in set(table["voice"])


def test_working_shows_each_step(seed):
    work = rd.working(BUSINESS)
    assert work.total_words == 5 and work.total_syllables == 16
    assert work.steps["flesch_kincaid_grade"][-1].endswith("= 23.15")
    html = view.show_working(seed, sentence=4).html
    assert "excision" in html and "0.39 ×" in html
    with pytest.raises(RhetoricLabError):
        rd.working(seed, sentence=99)


def test_views_escape_text_and_describe_figures():
    text = "<script>alert(1)</script> The fans cheered. We won the cup."
    assert "<script>" not in rl.highlight(text, topic="readability").html
    assert "&lt;script&gt;" in rl.highlight(text, topic="readability").html
    sports = own_text("readability-sports.txt")
    chart = view.sentence_length_chart(sports)
    assert 'alt="Bar chart' in chart.html and "What the chart shows" in chart.html
    assert f"longest {rd.length_summary(sports)['longest']} " in repr(chart)
    many = view.sentence_length_chart("We won. " * 300 + "Then the long bus ride home took us all night.")
    assert "301 sentences" in repr(many) and "longest 10 (sentence 300)" in repr(many)


def test_key_agrees_with_the_module_and_the_article(seed):
    key = json.loads((ROOT / "seeds" / "keys" / "readability.json").read_text(encoding="utf-8"))
    hand = next(e for e in key["entries"] if e["type"] == "hand_calculation")
    assert seed.text[hand["start"] : hand["end"]] == hand["text"] == seed.sentences[hand["sentence"]].text
    work = rd.working(seed, sentence=hand["sentence"])
    assert (work.total_words, work.total_syllables) == (hand["words"], hand["syllables"])
    assert hand["score"] == round(rd.flesch_kincaid_grade(hand["words"], 1, hand["syllables"]), 2)
    letters = {e["metric"] for e in key["entries"] if e["type"] == "metric_input" and e["counts_letters"]}
    assert letters == {m for m in rd.METRICS if "letters" in rd.FORMULAS[m].uses or "characters" in rd.FORMULAS[m].uses}
    md = exercises.answer_key_markdown("readability")
    assert f"{hand['score']:.2f}" in md and "Coleman–Liau" in md


def test_analyze_section_carries_every_metric_counts_and_textstat(seed):
    section = rd.to_json(seed)
    assert set(rd.METRICS) <= set(section) and set(rd.COUNTS) <= set(section)
    assert section["sentences"] == 12 and section["textstat"]["sentences"] == 15
    assert set(rd.METRICS) <= set(section["textstat"])
    json.dumps(section)
