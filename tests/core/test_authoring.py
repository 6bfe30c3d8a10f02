"""What the practice editor shows beside the text: problems in order, and the outline
with each step's start at every length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.authoring import check_practice
from desktop_app.core.timeline import compile_timeline
from tests.helpers import practice_with

STRETCHY = practice_with(
    """\
    - section: Arriving
    - bell: bowl
    - say: Hello there.
      pause: 2s
    - repeat: 2
      steps:
        - breathe: {in: 4s, out: 6s, cycles: 1}
        - silence: 5s
    - section: Resting
    - silence: flex
    - bell: {sound: chime, times: 2, gap: 3s}
    """,
    extra="lengths: [2m, 5m]\n",
)


def test_a_valid_practice_gets_an_outline_with_starts_at_every_length() -> None:
    check = check_practice(STRETCHY, "p.yaml")
    assert check.practice is not None
    assert check.problems == ()
    assert check.lengths == (120.0, 300.0)
    assert check.totals == pytest.approx((120.0, 300.0))
    rows = [(r.line, r.depth, r.action, r.what) for r in check.outline]
    assert rows == [
        (9, 0, "section", "Arriving"),
        (10, 0, "bell", "bowl"),
        (11, 0, "say", "Hello there."),
        (13, 0, "repeat", "2 times"),
        (15, 1, "breathe", "paced breathing"),
        (16, 1, "silence", "quiet"),
        (17, 0, "section", "Resting"),
        (18, 0, "silence", "quiet"),
        (19, 0, "bell", "chime × 2"),
    ]
    # Each start is the one the player uses: the timeline's, at each length.
    for column, length in enumerate(check.lengths):
        timeline = compile_timeline(check.practice, length)
        firsts: dict[int, float] = {}
        for segment in timeline.segments:
            firsts.setdefault(segment.source.pos.line, segment.start)
        for row in check.outline:
            if row.action not in ("section", "repeat"):
                assert row.starts[column] == pytest.approx(firsts[row.line])
    starts = {r.line: r.starts for r in check.outline}
    # A section title or a repeat begins with the step that follows it.
    assert starts[9] == starts[10] == (0.0, 0.0)
    assert starts[13] == starts[15]
    assert starts[17] == starts[18]
    # Only the elastic quiet grows; the bells at the end move with it.
    assert starts[19][1] - starts[19][0] == pytest.approx(180.0)


def test_a_practice_without_lengths_has_one_column_for_its_own_length() -> None:
    check = check_practice(practice_with("- silence: 30s\n- bell: wood\n"), "p.yaml")
    assert check.lengths == (None,)
    assert check.totals == pytest.approx((34.0,))
    assert [r.starts for r in check.outline] == [(0.0,), (30.0,)]


def test_problems_come_with_their_places_errors_first_and_no_outline() -> None:
    text = practice_with("- silence: forever\n- say: Hello.\n").replace(
        "kind: breathing", "kind: breathin"
    )
    check = check_practice(text, "mine.yaml")
    assert check.practice is None
    assert check.outline == ()
    assert [str(p) for p in check.problems] == [
        'mine.yaml:4:7: kind: expected one of "breathing", "focusing", "self-compassion", '
        '"guided-imagery", "mindfulness", "body-awareness", "grounding", "relational" or '
        '"other", got "breathin"; did you mean "breathing"?',
        'mine.yaml:8:14: steps[1].silence: expected a duration like "4s" or "1m30s", '
        'or "flex", got "forever"',
    ]


def test_a_length_too_short_for_the_fixed_parts_is_a_problem_at_the_length() -> None:
    text = practice_with("- silence: 2m\n- silence: flex\n", extra="lengths: [1m, 5m]\n")
    check = check_practice(text, "p.yaml")
    assert check.practice is None
    (problem,) = check.problems
    assert (problem.pos.line, problem.path) == (7, "lengths[1]")
    assert "1m" in problem.message


@given(
    st.text(
        alphabet=st.sampled_from(list("attune: practice/1\n -{}[]#'\"|>steps:say")), max_size=200
    )
)
def test_anything_typed_gives_problems_never_an_exception(text: str) -> None:
    check = check_practice(text, "typing.yaml")
    assert (check.practice is None) == bool(check.errors)
    assert all(p.file == "typing.yaml" and p.pos.line >= 1 for p in check.problems)


def test_a_practice_too_long_to_outline_while_typing_is_checked_but_not_laid_out() -> None:
    steps = "- repeat: 999\n  steps:\n" + "".join("    - bell: wood\n" for _ in range(10))
    check = check_practice(practice_with(steps), "p.yaml")
    assert check.practice is not None and check.problems == ()
    assert check.outline == () and check.too_long == 9_990
