"""The everyday tier: VUA evidence per lemma, its terms, the part-of-speech rules, and the build script."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

import rhetoric_lab as rl
from rhetoric_lab import metaphor as mp
from rhetoric_lab import metaphor_everyday as me
from rhetoric_lab.data import PACKAGE_DATA, read_table
from rhetoric_lab.metaphor_lexicon import entry_keys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_everyday_table as build  # noqa: E402

TABLE = PACKAGE_DATA / "metaphor_everyday.csv"


def test_table_header_states_source_credit_and_terms():
    header = " ".join(line for line in TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    for needed in [
        "VU Amsterdam Metaphor Corpus",
        "TRAINING split",
        "8c152fd",
        "Steen",
        "MIPVU",
        "non-commercial",
        "BNC Licence",
        "NOT under Rhetoric Lab's own licence",
        "no sentence",
    ]:
        assert needed in header, needed


def test_table_rows_are_counts_of_lemmas_only():
    rows = read_table("metaphor_everyday.csv")
    assert len(rows) > 1000
    for row in rows:
        assert set(row) == {"lemma", "pos", "metaphor", "uses"}
        assert row["pos"] not in {"PROPN", "PUNCT", "X", "SYM"}, row
        assert build._WORD.fullmatch(row["lemma"]), row
        assert 0 <= int(row["metaphor"]) <= int(row["uses"]), row
        assert " " not in row["lemma"]


def test_evidence_is_said_in_words():
    ev = me.evidence("support", ("NOUN",))
    assert ev is not None and 0 < ev.metaphor <= ev.uses
    assert (
        ev.sentence() == f"annotators marked 'support' (as a noun) metaphor-related in {ev.metaphor} of {ev.uses} uses"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["They", "want", "to", "help"], ["PRON", "VERB", "PART", "VERB"]),
        (["They", "went", "to", "the", "building"], ["PRON", "VERB", "ADP", "DET", "NOUN"]),
        (["She", "said", "that", "prices", "rose"], ["PRON", "VERB", "ADP", "NOUN", "VERB"]),
        (["that", "plan", "."], ["DET", "NOUN", "PUNCT"]),
    ],
)
def test_part_of_speech_rules(words, expected):
    """Closed-class words get one tag; an open-class word keeps the readings the rules cannot rule out."""
    tagged = me.tag(words)
    for (_, options), tag in zip(tagged, expected, strict=True):
        assert tag in options, (words, tagged)
        if tag in me.FUNCTION_POS or tag == "PUNCT":
            assert options == (tag,), (words, tagged)


def test_lemmas_join_british_and_american_spellings():
    assert me.lemma_of("organised", "VERB") == me.lemma_of("organized", "VERB") == "organize"
    assert me.lemma_of("Tumours", "NOUN") == "tumor"


def test_lemma_table_read_on_demand_answers_as_lemminflects_own():
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.Lemmatizer import Lemmatizer

    from rhetoric_lab.lemma_table import LemmaTable

    path = Lemmatizer().lemma_lu_fn
    loaded, on_demand = LemmaLUCodec.load(path), LemmaTable(path)
    assert isinstance(Lemmatizer().lemma_dict, LemmaTable)  # what metaphor_everyday gave lemminflect
    assert len(loaded) > 60_000
    differ = [word for word in loaded if on_demand.get(word) != loaded[word]]
    assert not differ, differ[:10]
    for absent in ("", "zzqx", "building,", "ISIL", "'"):
        assert on_demand.get(absent, {}) == loaded.get(absent, {})


def test_everyday_tier_finds_conventional_metaphors_with_evidence():
    text = "They face high prices, and few grasp the support on offer."
    found = mp.find_metaphors(text, tiers=("domain", "everyday"))
    assert {"face", "high", "grasp", "support"} <= set(found["text"]), found["text"].tolist()
    everyday = found[found["tier"] == "everyday"]
    assert "support" in set(everyday["text"])
    assert all(e.startswith("annotators marked") for e in everyday["evidence"])
    assert set(found["tier"]) <= {"domain", "everyday"}


def test_function_words_are_marked_as_such():
    text = "The talks broke down in May, and we stood on the brink."
    found = mp.find_metaphors(text, tiers="all", function_words=True)
    function = found[found["function_word"]]
    assert {"in"} <= set(function["text"].str.lower())
    assert not (found["function_word"] & (found["tier"] == "domain")).any()
    assert not mp.find_metaphors(text, tiers="all")["function_word"].any()  # left out unless asked for


def test_domain_tier_only_by_default_and_tiers_checked():
    text = "Prices stayed high in May, and the plan won support."
    assert set(mp.find_metaphors(text)["tier"]) <= {"domain"}
    assert "everyday" in set(mp.find_metaphors(text, tiers=("domain", "everyday"))["tier"])
    with pytest.raises(rl.RhetoricLabError, match="tiers"):
        mp.find_metaphors(text, tiers=("imagery",))


def test_seed_military_terms_are_in_neither_tier():
    seed = rl.load_article("carter-paris-speech-report")
    found = mp.find_metaphors(seed, tiers=("domain", "everyday"))
    for phrase in ["air strikes", "special forces", "ground assistance"]:
        start = 0
        while (start := seed.text.find(phrase, start)) != -1:
            end = start + len(phrase)
            hits = found[(found["start"] < end) & (found["end"] > start)]
            assert hits.empty, (phrase, hits["text"].tolist())
            start = end


def test_literal_terms_block_both_tiers_in_any_text():
    text = "The toxic waste sat by the foundation stone while air strikes hit and special forces waited."
    found = mp.find_metaphors(text, tiers=("domain", "everyday"))
    blocked = ["toxic", "waste", "foundation", "stone", "strikes", "forces"]
    assert not set(found["text"].str.lower()) & set(blocked), found["text"].tolist()
    ward = mp.find_metaphors("She nursed lung cancer patients on the cancer ward. Corruption is a cancer on the city.")
    assert ward["text"].tolist() == ["a cancer on"]  # the figurative one only


def test_literal_terms_file_is_valid():
    rows = read_table("metaphor_literal_terms.csv")
    assert len(rows) >= 10
    for row in rows:
        assert row["term"] and row["why"], row
        assert all(entry_keys(t) for t in row["term"].split("|"))


def test_build_script_counts_a_tiny_corpus(tmp_path):
    header = "txt_id,sen_ix,sentence,label_seq,pos_seq,labeled_sentence,genre\n"
    rows = [
        ["t1-x", "1", "Prices rose .", "[0, 1, 0]", "['NOUN', 'VERB', 'PUNCT']", "", "news"],
        [
            "t1-x",
            "2",
            "Smoke rose from Leeds .",
            "[0, 0, 0, 0, 0]",
            "['NOUN', 'VERB', 'ADP', 'PROPN', 'PUNCT']",
            "",
            "news",
        ],
    ]
    with (tmp_path / "VUA_seq_formatted_train.csv").open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        csv.writer(f).writerows(rows)
    table = build.count(build.read_split(tmp_path, "train"))
    assert table == {("rise", "VERB"): (1, 2)}  # names, punctuation and never-marked lemmas are left out
    out = tmp_path / "table.csv"
    build.write(table, out)
    assert out.read_text(encoding="utf-8").startswith("# Everyday metaphor evidence")


def test_benchmark_scores_and_offsets():
    import vua

    assert vua.score([1, 0, 1, 0], [True, True, False, False]) == (50.0, 50.0, 50.0)
    text, spans = vua.as_text([("t", "news", ["It", "'s", "up"], [0, 0, 1], ["PRON", "VERB", "ADP"])])
    assert [text[s:e] for s, e in spans] == ["It", "'s", "up"]
