"""Spelling variants meet in one key; stems meet across forms."""

import pytest

from bot.language.text import MAX_QUESTION_CHARS, keys, stem, stems_meet, tokenize


@pytest.mark.parametrize(
    "variants",
    [
        ("Mæhle", "Maehle", "Mahle", "MÆHLE"),
        ("Nordgård", "Nordgard", "Nordgaard"),
        ("Löhr", "Lohr", "Loehr"),
        ("Jérôme", "Jerome"),
        ("Taskén", "Tasken"),
        ("Tromsø", "Tromso", "Tromsoe"),
    ],
)
def test_spellings_of_one_name_share_a_key(variants):
    assert len({keys(v) for v in variants}) == 1


def test_different_names_keep_different_keys():
    assert keys("Molven") != keys("Molvan")
    assert keys("Anders") != keys("Andersen")


@pytest.mark.parametrize(
    ("a", "b"),
    [("stroma", "stromal"), ("metabolomics", "metabolomikk"), ("oncology", "oncologist"), ("themes", "theme")],
)
def test_word_forms_meet(a, b):
    assert stems_meet(stem(keys(a)[0]), stem(keys(b)[0]))


def test_international_does_not_meet_interactions():
    assert not stems_meet(stem("international"), stem("interactions"))


def test_control_characters_and_length_are_tamed():
    tokens = tokenize("who\x00is\x1b[31m in " + "x" * (MAX_QUESTION_CHARS * 3))
    assert [t.key for t in tokens[:2]] == ["who", "is"]
    assert sum(len(t.key) for t in tokens) <= MAX_QUESTION_CHARS


def test_tokens_keep_how_the_user_wrote_them():
    token = tokenize("who is in the US")[-1]
    assert token.key == "us" and token.is_upper


def test_decomposed_accents_and_zero_width_characters_are_normalised():
    assert [t.key for t in tokenize("Taske\u0301n")] == [t.key for t in tokenize("Taskén")]
    assert [t.key for t in tokenize("Ber\u200bgen")] == ["bergen"]
    assert [t.key for t in tokenize("Ber\u00adgen\ufeff")] == ["bergen"]


def test_contractions_become_their_negation():
    assert keys("who doesn't work in Oslo") == keys("who does not work in Oslo")
    assert keys("isnt arent can't won't dont") == keys("is not are not can not will not do not")
    assert [t.key for t in tokenize("who's in Oslo")] == ["who", "s", "in", "oslo"]
