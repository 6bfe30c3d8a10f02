"""The feeling words: stable slugs, every group used, both languages complete and distinct."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from desktop_app.core import feelings
from desktop_app.core.feelings import FEELINGS, GROUPS

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def test_about_forty_unique_slug_ids() -> None:
    ids = [f.id for f in FEELINGS]
    assert 36 <= len(ids) <= 44
    assert len(set(ids)) == len(ids)
    assert all(SLUG.match(i) for i in ids)


def test_groups_are_in_order_and_every_group_is_used() -> None:
    assert [g.id for g in GROUPS] == ["calm", "glad", "sad", "scared", "angry", "tender"]
    used = Counter(f.group for f in FEELINGS)
    assert set(used) == {g.id for g in GROUPS}
    assert all(count >= 5 for count in used.values())
    assert all(g.en and g.nl for g in GROUPS)


def test_feelings_are_listed_group_by_group() -> None:
    order = [g.id for g in GROUPS]
    positions = [order.index(f.group) for f in FEELINGS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_both_languages_are_complete_without_duplicates(language: str) -> None:
    words = [getattr(f, language) for f in FEELINGS]
    assert all(w and w == w.strip() and w == w.lower() for w in words)
    assert len({w.casefold() for w in words}) == len(words)


def test_names_follow_the_primary_language_subtag() -> None:
    assert feelings.name("sad", "en") == "sad"
    assert feelings.name("sad", "nl") == "verdrietig"
    assert feelings.name("moved", "nl-BE") == "ontroerd"
    assert feelings.name("relieved", "de") == "relieved"
    assert feelings.name("relieved", "NL") == "opgelucht"


def test_a_word_that_is_not_an_id_is_shown_as_it_is() -> None:
    assert feelings.feeling("wistful") is None
    assert feelings.name("wistful", "nl") == "wistful"
    assert feelings.feeling("calm") == feelings.FEELINGS[0]


def test_typed_words_are_found_in_the_language_or_by_id() -> None:
    found = feelings.find("  Verdrietig ", "nl")
    assert found is not None and found.id == "sad"
    assert feelings.find("sad", "nl") is not None
    assert feelings.find("verdrietig", "en") is None
    assert feelings.find("wistful", "en") is None


def test_groups_know_their_feelings_and_names() -> None:
    calm = feelings.group("calm")
    assert calm is not None and calm.name("nl") == "Rustig"
    assert feelings.group("nope") is None
    assert sum(len(feelings.in_group(g.id)) for g in GROUPS) == len(FEELINGS)
