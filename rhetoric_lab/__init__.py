"""Rhetoric Lab: tools for the close reading of political rhetoric.

Everything a notebook needs is here: ``import rhetoric_lab as rl``, then ``rl.<name>``.

* finders, ``find_*``: tables with ``start``/``end`` offsets (metaphors, allusions, quotations, ...);
* tables, ``*_table``: summaries and reference data (word counts, scores, the gazetteer, ...);
* views: ``highlight`` for every topic, ``*_chart`` for charts, ``show_*`` for text views;
* exercises, ``check_*``: your answer in, feedback out (one verdict per answer, in words and symbols);
* ``debug(True)``: full tracebacks for a teacher (students see a short boxed message);
* ``analyze``: every analysis as JSON-ready data; ``save_profile``: a one-page HTML profile;
* ``keep_columns`` and ``cell``: read a table without pandas (some columns, rounded; one value).

>>> import rhetoric_lab as rl
>>> article = rl.load_article("carter-paris-speech-report")
>>> len(article.sentences)
12
"""

from . import checks as _checks
from .allusion import (
    describe_allusion,
    explain_allusions,
    find_allusions,
    find_references_to_look_up,
    gazetteer_table,
)
from .analysis import analyze
from .display.allusion import timeline_chart
from .display.highlight import highlight
from .display.metaphor import metaphor_chart
from .display.quotes import show_warnings, verb_chart, voice_chart
from .display.readability import sentence_length_chart, show_working, textstat_chart, voice_difficulty_chart
from .display.report import profile_document, save_profile, show_profile
from .display.text import frequency_chart, show_concordance, show_paragraphs
from .errors import RhetoricLabError, debug
from .exercises import (
    answer_key,
    check_allusions,
    check_answer_form,
    check_hand_calculation,
    check_letter_formulas,
    check_metaphors,
    check_quotes,
    check_report_changes,
    check_report_readings,
    check_verb_rewrite,
    check_worksheet,
    check_written_answers,
    exercise_sentence,
    report_passage_table,
    worksheet_table,
)
from .metaphor import domain_table, find_metaphors, lexicon_table, metaphor_share
from .quotes import (
    find_indirect_speech,
    find_quotation_warnings,
    find_quotations,
    find_reporting_verbs,
    find_voices,
    reporting_verb_table,
    voice_share_table,
    voice_table,
)
from .readability import (
    caveats,
    compare_texts,
    compare_with_textstat,
    count_table,
    find_sentence_scores,
    find_textstat_sentence_breaks,
    formula_table,
    hardest_sentences,
    longest_sentences,
    score_summary,
    score_table,
    sentence_count_effect,
    syllable_difference_table,
    voice_difficulty_table,
)
from .sources import found_elsewhere_table
from .tables import cell, keep_columns
from .text import Article, as_article, load_article, seed_names
from .words import find_keyword, frequency_table

__version__ = "0.2.0"

__all__ = [
    # texts
    "Article",
    "RhetoricLabError",
    "analyze",
    "debug",
    "as_article",
    "load_article",
    "seed_names",
    "show_paragraphs",
    # reading a table
    "cell",
    "keep_columns",
    # words, and how Python reads an answer (notebook 00)
    "check_answer_form",
    "find_keyword",
    "frequency_chart",
    "frequency_table",
    "show_concordance",
    # every topic
    "highlight",
    "answer_key",
    # metaphors
    "check_metaphors",
    "check_worksheet",
    "domain_table",
    "find_metaphors",
    "lexicon_table",
    "metaphor_chart",
    "metaphor_share",
    "worksheet_table",
    # allusions
    "check_allusions",
    "describe_allusion",
    "explain_allusions",
    "find_allusions",
    "find_references_to_look_up",
    "gazetteer_table",
    "timeline_chart",
    # quotes
    "check_quotes",
    "check_verb_rewrite",
    "find_indirect_speech",
    "find_quotation_warnings",
    "find_quotations",
    "find_reporting_verbs",
    "find_voices",
    "reporting_verb_table",
    "show_warnings",
    "verb_chart",
    "voice_chart",
    "voice_share_table",
    "voice_table",
    # the report and the speech
    "check_report_changes",
    "check_report_readings",
    "found_elsewhere_table",
    "report_passage_table",
    # readability
    "caveats",
    "check_hand_calculation",
    "check_letter_formulas",
    "compare_texts",
    "compare_with_textstat",
    "count_table",
    "exercise_sentence",
    "find_sentence_scores",
    "find_textstat_sentence_breaks",
    "formula_table",
    "hardest_sentences",
    "longest_sentences",
    "score_summary",
    "score_table",
    "sentence_count_effect",
    "sentence_length_chart",
    "show_working",
    "syllable_difference_table",
    "textstat_chart",
    "voice_difficulty_chart",
    "voice_difficulty_table",
    # your text
    "check_written_answers",
    "profile_document",
    "save_profile",
    "show_profile",
]

# Every public function checks its arguments first: a wrong one gets a message that says what was expected.
_checks.install(globals(), __all__)
