"""An amount of money in Vietnamese words, as an office form writes "Số tiền bằng chữ".

>>> amount_in_words(0)
'Không đồng'
>>> amount_in_words(10_000)
'Mười nghìn đồng'
>>> amount_in_words(125_000)
'Một trăm hai mươi lăm nghìn đồng'
>>> amount_in_words(1_005_021)
'Một triệu không trăm linh năm nghìn không trăm hai mươi mốt đồng'
>>> amount_in_words(2_300_000_000)
'Hai tỷ ba trăm triệu đồng'
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu", "tỷ")


def _three(number: int, *, full: bool) -> list[str]:
    """The words of 0..999; `full`: a group after a higher one ("không trăm linh năm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units:
        words.append(DIGITS[units])
    return words


def number_in_words(number: int) -> str:
    """A whole number ≥ 0 in words (lower case); billions repeat "tỷ" ("nghìn tỷ")."""
    if number < 0:
        raise ValueError("an amount cannot be negative")
    if number == 0:
        return DIGITS[0]
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            if index and index % 3 == 0 and words:  # "một nghìn tỷ": the tỷ is still said
                words.append("tỷ")
            continue
        words += _three(group, full=bool(words))
        name = GROUPS[index % 3 if index % 3 else (3 if index else 0)]
        if index % 3 == 0 and index:
            name = "tỷ"
        if name:
            words.append(name)
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """'Mười nghìn đồng': the amount in words, capitalised, with its unit."""
    text = f"{number_in_words(amount)} đồng"
    return text[0].upper() + text[1:]
