"""Sentence splitting: abbreviations, ranks, state names and initials end no sentence."""

import pytest

from rhetoric_lab.text import Article

ONE_SENTENCE = [
    "The G.I. Bill paid for college for millions of veterans.",
    "He spoke in Gettysburg, Pa. on Monday about the budget.",
    "She grew up in Lincoln, Neb. with her grandmother.",
    "They moved to Fresno, Calif. last year.",
    "Lt. Gen. Mark Hale and Sgt. Ana Ruiz arrived together.",
    "The meeting began at 9 a.m. and ended at 5 p.m. on Friday.",
    "The prime minister lives at No. 10 Downing Street.",
    "It was Hawks vs. Eagles on Sunday.",
    "On Jan. 5 the council voted.",
    "Acme Inc. and Smith Co. signed the deal.",
    "They flew to St. Louis on Monday.",
    "John F. Kennedy spoke first.",
    "W.E.B. Du Bois wrote The Souls of Black Folk.",
    "He lives in Peoria, Ill. with his aunt.",
    "Capt. Lee met Gov. Ross and Sen. Park.",
]

TWO_SENTENCES = [
    "She said no. Then he left.",
    "She fell ill. The doctor came.",
    "They won the vote. It was close.",
    "The plant employs 400 people. Its owner lives in Ohio.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_abbreviations_and_initials_end_no_sentence(text):
    assert [s.text for s in Article.from_text(text).sentences] == [text]


@pytest.mark.parametrize("text", TWO_SENTENCES)
def test_real_sentence_ends_still_split(text):
    assert len(Article.from_text(text).sentences) == 2


def test_seed_still_has_twelve_sentences(seed):
    assert len(seed.sentences) == 12
