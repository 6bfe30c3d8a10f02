"""The Library's search and filter rules, and the Journal's time ranges (core.filters)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.filters import (
    DATE_RANGES,
    LENGTH_RANGES,
    EntryFilters,
    PracticeFilters,
    fits_length,
    fold,
    range_start,
)

TODAY = date(2025, 11, 26)  # a Wednesday


@dataclass(frozen=True)
class Practice:
    haystack: str = "calm breath\nslow breathing for evenings\nsleep"
    kind: str = "breathing"
    durations: tuple[float, ...] = (300.0, 600.0)
    languages: tuple[str, ...] = ("en", "nl")


# --- fold ---------------------------------------------------------------------------------


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café ÉTUDE") == "cafe etude"
    assert fold("Straße") == "strasse"
    assert fold("ﬁne Ångström") == "fine angstrom"  # compatibility forms too


ascii_words = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)
# Marks that sit on a letter (not the grapheme joiner, not the iota that uppercases).
accents = st.characters(min_codepoint=0x300, max_codepoint=0x36F).filter(
    lambda mark: unicodedata.combining(mark) > 0 and mark.upper() == mark
)


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(ascii_words)
def test_fold_ignores_the_case_of_plain_letters(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(text)


@given(st.lists(st.tuples(st.characters(min_codepoint=0x61, max_codepoint=0x7A), accents)))
def test_fold_ignores_accents_on_letters(pairs: list[tuple[str, str]]) -> None:
    plain = "".join(letter for letter, _ in pairs)
    accented = unicodedata.normalize("NFC", "".join(letter + mark for letter, mark in pairs))
    assert fold(accented) == fold(accented.upper()) == plain


# --- lengths ------------------------------------------------------------------------------


def test_length_ranges_include_their_ends() -> None:
    assert fits_length("short", 300) and fits_length("medium", 300)
    assert fits_length("medium", 900) and not fits_length("long", 900)
    assert fits_length("long", 901) and not fits_length("short", 301)


def test_a_length_a_hair_over_its_end_still_fits() -> None:
    assert fits_length("short", 300 + 1e-9) and not fits_length("long", 900 + 1e-9)


@given(st.floats(min_value=0, max_value=24 * 3600))
def test_every_length_fits_one_or_two_neighbouring_ranges(seconds: float) -> None:
    fitting = [key for key in LENGTH_RANGES if fits_length(key, seconds)]
    assert fitting in (["short"], ["medium"], ["long"], ["short", "medium"])


# --- the Library's filters ----------------------------------------------------------------


def test_no_filters_keep_everything() -> None:
    filters = PracticeFilters()
    assert not filters.active
    assert filters.matches(Practice())
    assert filters.matches(Practice(haystack="", durations=(), languages=()))


def test_every_typed_word_must_be_found_ignoring_case_and_accents() -> None:
    assert PracticeFilters.typed("  BREATH   Évenings ", None, None, None).matches(Practice())
    assert PracticeFilters.typed("breath", None, None, None).words == ("breath",)
    assert not PracticeFilters.typed("breath morning", None, None, None).matches(Practice())


@pytest.mark.parametrize(
    ("filters", "kept"),
    [
        (PracticeFilters(kind="breathing"), True),
        (PracticeFilters(kind="focusing"), False),
        (PracticeFilters(language="nl"), True),
        (PracticeFilters(language="de"), False),
        (PracticeFilters(length="short"), True),
        (PracticeFilters(length="medium"), True),
        (PracticeFilters(length="long"), False),
        (PracticeFilters(words=("sleep",), kind="breathing", length="medium"), True),
        (PracticeFilters(words=("sleep",), kind="breathing", length="long"), False),
    ],
)
def test_each_filter_narrows_the_practices(filters: PracticeFilters, kept: bool) -> None:
    assert filters.active
    assert filters.matches(Practice()) is kept


def test_a_practice_of_unknown_length_fits_no_length_filter() -> None:
    unknown = Practice(durations=())
    assert not any(PracticeFilters(length=key).matches(unknown) for key in LENGTH_RANGES)


# --- the Journal's filters ----------------------------------------------------------------


def test_date_ranges_start_six_and_twenty_nine_days_back_or_on_new_year() -> None:
    assert range_start(None, TODAY) is None
    assert range_start("week", TODAY) == date(2025, 11, 20)
    assert range_start("month", TODAY) == date(2025, 10, 28)
    assert range_start("year", TODAY) == date(2025, 1, 1)
    assert [range_start(key, date(2024, 1, 1)) for key in DATE_RANGES] == [
        date(2023, 12, 26),
        date(2023, 12, 3),
        date(2024, 1, 1),
    ]


def test_entry_filters_are_the_journals_query() -> None:
    assert not EntryFilters().active
    assert EntryFilters().query() == {"practice_id": None, "kind": None, "since": None}
    since = date(2025, 11, 20)
    filters = EntryFilters(practice="calm", kind="breathing", since=since)
    assert filters.active
    assert filters.query() == {"practice_id": "calm", "kind": "breathing", "since": since}
