"""Tests for the metaphor lesson: data files, finder, views, answer key and self-checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rhetoric_lab as rl
from rhetoric_lab import exercises, wordforms
from rhetoric_lab import metaphor as mp
from rhetoric_lab.data import PACKAGE_DATA, load_key, read_table
from rhetoric_lab.display.metaphor import metaphor_chart, metaphor_summary
from rhetoric_lab.errors import RhetoricLabError

TEXTS = Path(__file__).parent / "texts"
REQUIRED_DOMAINS = {
    "disease and medicine",
    "surgery",
    "hunting",
    "force and motion",
    "building and structure",
    "journey and path",
    "the body",
    "war and combat",
    "fire",
    "water and weather",
}


@pytest.fixture(scope="module")
def seed():
    return rl.load_article("carter-paris-speech-report")


@pytest.fixture(scope="module")
def seed_found(seed):
    return mp.find_metaphors(seed)


def flagged(found) -> dict[str, str]:
    """text (lower case) -> domain."""
    return {t.lower(): d for t, d in zip(found["text"], found["domain"], strict=True)}


def covering(found, start: int, end: int) -> list[str]:
    return [d for s, e, d in zip(found["start"], found["end"], found["domain"], strict=True) if s < end and e > start]


# ------------------------------------------------------------------ data files


@pytest.mark.parametrize("name", ["metaphor_domains.csv", "metaphor_lexicon.csv"])
def test_data_files_open_with_a_description_line(name):
    first = (PACKAGE_DATA / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20


def test_domains_cover_the_issue_and_have_descriptions():
    table = rl.domain_table()
    assert list(table.columns) == ["domain", "description"]
    assert REQUIRED_DOMAINS <= set(table["domain"])
    assert table["domain"].is_unique
    assert all(len(d) > 20 for d in table["description"])


def test_every_lexicon_row_is_valid():
    known = set(rl.domain_table()["domain"])
    seen: dict[tuple, str] = {}
    for row in read_table("metaphor_lexicon.csv"):
        assert row["domain"] in known, row
        assert row["basic_meaning"], row
        for alternative in row["entry"].split("|"):
            stems = wordforms.phrase_stems(alternative)
            assert stems and stems[0] != "*" and stems[-1] != "*", row
            assert seen.get(stems, row["entry"]) == row["entry"], f"{alternative!r} is in two rows"
            seen[stems] = row["entry"]
        for cell in (row["literal_before"], row["literal_after"]):
            assert all(part.strip() for part in cell.split("|")) if cell else True, row


def test_every_required_domain_has_several_entries():
    lexicon = rl.lexicon_table()
    for domain in REQUIRED_DOMAINS:
        assert (lexicon["domain"] == domain).sum() >= 4, domain


# ------------------------------------------------------------------ word forms


@pytest.mark.parametrize(
    "forms",
    [
        ["spread", "spreads", "spreading"],
        ["tumor", "tumors", "tumour", "Tumours"],
        ["metastasis", "metastases"],
        ["metastasize", "metastasise", "metastasized"],
        ["excision", "excisions"],
        ["maneuver", "manoeuvre", "maneuvering"],
    ],
)
def test_inflections_and_spellings_share_a_stem(forms):
    assert len({wordforms.stem(f) for f in forms}) == 1


def test_finder_catches_inflected_and_british_forms():
    found = mp.find_metaphors("The tumours spread. Metastases appeared; the firm metastasised. Spreading fear.")
    texts = list(found["text"])
    assert texts == ["tumours", "spread", "Metastases", "metastasised", "Spreading"]
    assert set(found["domain"]) == {"disease and medicine"}


def test_multi_word_expression_wins_and_head_word_inflects():
    found = mp.find_metaphors("Sales were building momentum, and rivals stepped up their efforts.")
    assert list(found["text"]) == ["building momentum", "stepped up"]
    assert list(found["entry"]) == ["build * momentum", "step up"]


def test_gap_inside_a_phrasal_verb_but_never_across_punctuation():
    assert list(mp.find_metaphors("Police flushed the gang out.")["text"]) == ["flushed the gang out"]
    assert mp.find_metaphors("They flushed. Out came the water.").empty
    assert mp.find_metaphors("Flush it, then out you go.").empty


def test_hyphenated_forms_match_spaced_entries():
    found = mp.find_metaphors("They stood shoulder-to-shoulder after the counter-attack.")
    assert flagged(found) == {"shoulder-to-shoulder": "the body", "counter-attack": "war and combat"}


def test_offsets_sentence_and_paragraph(seed, seed_found):
    assert list(seed_found.columns) == mp.COLUMNS
    for row in seed_found.itertuples():
        assert seed.text[row.start : row.end] == row.text
        sentence = seed.sentences[row.sentence]
        assert sentence.start <= row.start < sentence.end
        assert row.paragraph == sentence.paragraph
    assert seed_found["start"].is_monotonic_increasing


def test_empty_result_keeps_the_columns():
    found = mp.find_metaphors("The cat sat on the mat.")
    assert found.empty and list(found.columns) == mp.COLUMNS


def test_domains_filter(seed):
    found = mp.find_metaphors(seed, domains=["surgery", "hunting"])
    assert set(found["domain"]) == {"surgery", "hunting"}
    with pytest.raises(mp.UnknownDomainError, match="Choose from"):
        mp.find_metaphors(seed, domains=["cheese"])


@pytest.mark.parametrize("bad", [42, "", "   \n", None])
def test_bad_input_gives_a_plain_error(bad):
    with pytest.raises(RhetoricLabError):
        mp.find_metaphors(bad)


# ------------------------------------------------------------------ the seed


def test_the_whole_disease_cluster_is_found(seed, seed_found):
    for phrase in ["cancer", "spread", "excision", "parent tumor", "metastasis"]:
        start = seed.text.index(phrase)
        domains = covering(seed_found, start, start + len(phrase))
        assert domains and set(domains) <= {"disease and medicine", "surgery"}, phrase


NAMED = [
    "shoulder to shoulder",
    "step up",
    "on the ground",
    "intensify pressure",
    "build momentum",
    "safe haven",
    "virtuous cycle",
    "marshal the strength",
    "flushing ISIL out into the open",
    "shrinking its power base",
    "space to maneuver",
    "move forward",
]


def test_at_least_ten_named_conventional_metaphors_with_sensible_domains(seed_found):
    key = {e["text"]: e for e in load_key("metaphors")["entries"]}
    good = []
    for phrase in NAMED:
        entry = key[phrase]
        sensible = {entry["domain"], *entry.get("also", [])}
        domains = covering(seed_found, entry["start"], entry["end"])
        if domains and set(domains) <= sensible:
            good.append(phrase)
    assert len(good) >= 10, good


def test_ground_in_ground_assistance_is_not_flagged(seed, seed_found):
    start = seed.text.index("ground assistance")
    assert covering(seed_found, start, start + len("ground assistance")) == []
    assert "on the ground" in flagged(seed_found)
    found = mp.find_metaphors("Ground forces and ground assistance arrived; the troops on the ground cheered.")
    assert list(found["text"]) == ["on the ground"]


def test_terror_attacks_are_literal_by_context_rule(seed_found):
    assert not any("attack" in t for t in flagged(seed_found))
    found = mp.find_metaphors("The senator led a fierce attack on the plan after the terror attack.")
    assert list(found["text"]) == ["attack"] and found["start"][0] < 30


def test_nothing_from_the_seed_is_hard_coded():
    source = (Path(mp.__file__)).read_text(encoding="utf-8")
    for phrase in ["ISIL", "Carter", "parent tumor", "excision"]:
        assert phrase not in source


# ------------------------------------------------------------------ other registers


def read(name: str) -> str:
    return (TEXTS / f"metaphor-{name}.txt").read_text(encoding="utf-8")


def domains_at(text: str, found, phrase: str) -> list[str]:
    """Domains of the candidates that overlap the first use of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return covering(found, start, start + len(phrase))


def check_domains(name: str, expected: dict[str, str]) -> dict[str, str]:
    """Each phrase of ``expected`` is flagged with its domain; returns the flagged texts."""
    text = read(name)
    table = mp.find_metaphors(text)
    for phrase, domain in expected.items():
        assert domains_at(text, table, phrase) == [domain], phrase
    return flagged(table)


def test_sports_report():
    found = check_domains(
        "sports-report",
        {
            "war of attrition": "war and combat",
            "crumble": "building and structure",
            "tide": "water and weather",
            "marshalled": "war and combat",
            "sparked": "fire",
            "threw in the towel": "sport and games",
            "backbone": "the body",
            "on track": "journey and path",
        },
    )
    # literal uses: a ball on the ground, a flooded pitch, the groundsman and ground staff
    assert "on the ground" not in found and "flooded" not in found
    assert not any("ground" in t for t in found)


def test_business_story():
    found = check_domains(
        "business-story",
        {
            "plummeted": "up and down",
            "ailing": "disease and medicine",
            "lost momentum": "force and motion",
            "flooded": "water and weather",
            "injection": "disease and medicine",
            "moving the goalposts": "sport and games",
            "weed out": "plants and gardening",
            "engine": "machines and cycles",
            "stepped up": "up and down",
            "collapse": "building and structure",
        },
    )
    assert "floor" not in " ".join(found)


def test_school_board_speech():
    found = check_domains(
        "school-board",
        {
            "backbone": "the body",
            "in the dark": "light and sight",
            "build trust": "building and structure",
            "recover": "disease and medicine",
        },
    )
    assert not any("ground" in t or "roof" in t for t in found)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "cancer",
                "spreads",
                "on",
                "the",
                "ground",
                "flushed",
                "out",
                "build",
                "momentum",
                "terror",
                "attack",
                "tumour's",
                "—",
                ",",
                ".",
                "\n\n",
                "“",
                "”",
                "shoulder-to-shoulder",
                "ISIL’s",
                "up",
                "stepped",
            ]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_any_text_gives_consistent_spans(words):
    text = "Start " + " ".join(words)
    article = rl.Article.from_text(text)
    found = mp.find_metaphors(article)
    spans = sorted(zip(found["start"], found["end"], strict=True))
    for (s, e), text_ in zip(spans, sorted(zip(found["start"], found["text"], strict=True)), strict=True):
        assert article.text[s:e] == text_[1] and e > s
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "candidates never overlap"


# ------------------------------------------------------------------ views


def test_highlight_escapes_and_labels_in_words():
    text = 'Flee! <script>alert("x")</script> The cancer & its "metastasis" spread.'
    view = rl.highlight(text, topic="metaphors")
    assert "<script>" not in view.html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in view.html
    assert "&amp;" in view.html
    assert view.html.count("[disease and medicine]") >= 4  # three in the text, one in the legend
    assert mp.domain_descriptions()["disease and medicine"] in view.html.replace("&#x27;", "'")


def test_highlight_with_nothing_found():
    view = rl.highlight("The cat sat on the mat.", topic="metaphors")
    assert "no candidates" in view.html and "<mark" not in view.html


def test_chart_has_alt_text_and_summary(seed, seed_found):
    chart = metaphor_chart(seed, seed_found)
    assert 'alt="Two bar charts.' in chart.html
    assert "data:image/png;base64," in chart.html
    summary = metaphor_summary(seed_found, len(seed.paragraphs))
    assert summary in chart.plain
    assert f"flagged {len(seed_found)} candidates" in summary
    assert "Paragraph ¶0: none." in summary


@pytest.mark.parametrize("bad", ["cancer", [1, 2]])
def test_views_explain_a_wrong_table(bad):
    with pytest.raises(RhetoricLabError, match="find_metaphors"):
        metaphor_chart("A cancer spreads.", bad)
    with pytest.raises(RhetoricLabError, match="highlight"):
        rl.highlight("A cancer spreads.", bad)


def test_chart_with_nothing_found():
    empty = mp.find_metaphors("The cat sat on the mat.")
    chart = metaphor_chart("The cat sat on the mat.", empty)
    assert "no candidates" in chart.html and "<img" not in chart.html


# ------------------------------------------------------------------ answer key


def test_key_is_valid(seed):
    key = load_key("metaphors")
    assert key["article"] == "carter-paris-speech-report.txt" and key["description"]
    domains = set(rl.domain_table()["domain"])
    for entry in key["entries"] + key["worksheet"]:
        assert seed.text[entry["start"] : entry["end"]] == entry["text"], entry
        assert isinstance(entry["metaphor"], bool) and isinstance(entry["borderline"], bool)
        assert entry["why"]
    for entry in key["entries"]:
        assert entry["domain"] in domains and set(entry.get("also", [])) <= domains
        assert entry["type"] in {"disease cluster", "conventional", "literal"}
        assert entry["metaphor"] == (entry["type"] != "literal")
    texts = {e["text"] for e in key["entries"]}
    assert {"cancer", "spread", "excision", "parent tumor", "metastasis", "air strikes"} <= texts
    assert set(NAMED) <= texts


def test_answer_key_markdown_comes_from_the_key():
    markdown = exercises.answer_key_markdown("metaphors")
    key = load_key("metaphors")
    for entry in key["entries"]:
        assert f"| {entry['text']} | {entry['start']}–{entry['end']} |" in markdown
    assert markdown.count("\n| ") == len(key["entries"]) + len(key["worksheet"]) + 8  # 4 tables, 2 header rows each


def test_compare_with_key(seed_found):
    table = exercises.compare_with_key(seed_found)
    metaphors = table[table["metaphor"]]
    assert metaphors["found_by_tool"].mean() > 0.8
    assert not table.loc[table["text"] == "air strikes", "found_by_tool"].item()


def test_to_json(seed):
    section = mp.to_json(seed)
    assert section and all(set(item) == {"start", "end", "text", "tier", "domain", "voice"} for item in section)
    assert all(seed.text[i["start"] : i["end"]] == i["text"] for i in section)
    assert {i["tier"] for i in section} == {"domain", "everyday"}
    assert {i["voice"] for i in section} == {"quoted", "reporter"}


# ------------------------------------------------------------------ check_metaphors


# ------------------------------------------------------------------ worksheet


def test_worksheet_table(seed):
    sheet = rl.worksheet_table()
    assert list(sheet["word"]) == ["spread", "haven", "ground", "marshal", "momentum"]
    assert all(row.text in row.sentence for row in sheet.itertuples())


def test_capitalised_names_inside_a_sentence_are_not_candidates():
    found = mp.find_metaphors("Like the builders of the Marshall Plan, we marshal our strength. Storm clouds gather.")
    assert found["text"].tolist() == ["marshal", "Storm clouds gather"]


# ------------------------------------------------------------------ the lexicon's size and idioms


def test_lexicon_has_at_least_1500_entries_in_20_domains():
    table = mp.lexicon_table()
    assert len(table) >= 1500
    assert table["domain"].nunique() >= 20
    assert set(table["domain"]) <= set(mp.domain_table()["domain"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The project is back on the right track.", "on the right track"),
        ("He turned a deaf ear to the workers.", "turned a deaf ear"),
        ("They cut the budget to the bone.", "cut the budget to the bone"),
        ("They sold the miners down the river.", "sold the miners down the river"),
        ("The town is running on empty.", "running on empty"),
        ("It is like a slow leak in the tyres.", "slow leak"),
        ("The cuts are now cutting into the marrow.", "into the marrow"),
        ("They balanced the budget on the backs of its children.", "on the backs of"),
    ],
)
def test_idioms_with_gaps_and_inflection(text, expected):
    assert expected in set(mp.find_metaphors(text)["text"])


def test_literal_context_guards():
    found = set(mp.find_metaphors("The toxic waste lay beside the foundation stone.")["text"])
    assert not {"toxic", "foundation"} & found
    assert "toxic" in set(mp.find_metaphors("The debate turned toxic.")["text"])
