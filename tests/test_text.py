"""NFC storage and accent-free folding of Vietnamese text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.text import fold, nfc, nfc_or_none

NAME = "Nguyễn Văn Đức"


def test_fold_strips_accents_and_d_bar():
    assert fold(NAME) == "nguyen van duc"
    assert fold("ĐẶNG THỊ HỒNG ĐIỆP") == "dang thi hong diep"
    assert fold("  Trần   Thị\tÁnh ") == "tran thi anh"


def test_fold_gives_the_same_for_nfd_and_nfc_input():
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME
    assert fold(decomposed) == fold(NAME) == "nguyen van duc"


def test_nfc_composes_and_collapses_spaces():
    decomposed = "  " + unicodedata.normalize("NFD", "Ưu   Điềm") + " \n"
    result = nfc(decomposed)
    assert result == "Ưu Điềm"
    assert unicodedata.is_normalized("NFC", result)
    assert len(result) == 7


def test_nfc_or_none():
    assert nfc_or_none(None) is None
    assert nfc_or_none("   ") is None
    assert nfc_or_none(unicodedata.normalize("NFD", " Hà  Nội ")) == "Hà Nội"


vietnamese = st.text(
    alphabet=st.one_of(
        st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ \u0300\u0301\u0303\u0309\u0323"),
        st.characters(),
    ),
    max_size=30,
)


@given(vietnamese)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(vietnamese)
def test_fold_leaves_no_combining_marks_and_no_d_bar(text):
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert "đ" not in folded and "Đ" not in folded


@given(vietnamese)
def test_fold_ignores_normalisation(text):
    assert fold(nfc(text)) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(vietnamese)
def test_nfc_is_normalised_and_idempotent(text):
    result = nfc(text)
    assert unicodedata.is_normalized("NFC", result)
    assert nfc(result) == result
    assert result == result.strip()
    assert "  " not in result
