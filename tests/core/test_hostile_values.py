"""Values a hostile or unlucky file may hold: numbers too long for Python's int, ids
with a line break, control characters and direction overrides. Each is a positioned,
plain problem, never a traceback."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from desktop_app.core.library import load_file
from desktop_app.core.model import PackManifest, Practice
from desktop_app.core.problems import InvalidFile
from desktop_app.core.yaml_tree import MAX_NUMBER_LENGTH, load_bytes, resolve_plain
from tests.helpers import MINIMAL_PRACTICE, practice_with, problems_of

HUGE = "9" * 5000  # past Python's int-string conversion limit (4,300 digits)
LONG = "1" * (MAX_NUMBER_LENGTH + 1)


def messages(data: bytes) -> list[str]:
    with pytest.raises(InvalidFile) as caught:
        load_bytes(data, "f.yaml")
    return [str(p) for p in caught.value.problems]


# --- numbers too long to read ------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [HUGE, "-" + HUGE, "0o" + "7" * 5000, "0x" + "f" * 5000, LONG, HUGE + ".5", "0" * 5000]
)
def test_a_number_too_long_stays_text_in_the_tree(text: str) -> None:
    assert resolve_plain(text) == text


def test_numbers_up_to_the_limit_are_numbers() -> None:
    assert resolve_plain("1" * MAX_NUMBER_LENGTH) == int("1" * MAX_NUMBER_LENGTH)
    assert resolve_plain("0x" + "f" * (MAX_NUMBER_LENGTH - 2)) == int("f" * 98, 16)


def test_a_float_with_a_huge_exponent_is_infinite_as_yaml_says() -> None:
    assert resolve_plain("1e999") == math.inf
    assert resolve_plain("-1e999") == -math.inf


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ("version: {n}\n", "version"),
        ("narration: {{rate: {n}}}\n", "narration.rate"),
    ],
)
def test_a_huge_number_where_a_number_is_expected_is_too_long(
    tmp_path: Path, field: str, line: str
) -> None:
    text = MINIMAL_PRACTICE.replace("steps:", field.format(n=HUGE) + "steps:")
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].startswith("p.yaml:7:")
    assert problems[0].endswith(f": {line}: this number is too long")


@pytest.mark.parametrize(
    "step",
    [
        "- breathe: {{in: 4s, out: 4s, cycles: {n}}}",
        "- silence: {n}",
        "- say: Hi\n  pause: {n}",
        "- bell: {{sound: bowl, times: {n}}}",
        "- repeat: {n}\n  steps: [{{say: Hi}}]",
        "- silence: {{flex: {n}}}",
    ],
)
def test_a_huge_number_in_any_number_field_is_too_long(tmp_path: Path, step: str) -> None:
    problems = problems_of(tmp_path, practice_with(step.format(n=HUGE)))
    assert problems and all(p.endswith("this number is too long") for p in problems), problems


def test_a_huge_number_where_text_is_expected_is_kept_as_written(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("summary: A tiny practice.", f"summary: {HUGE}")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    practice = load_file(path, display="p.yaml")
    assert isinstance(practice, Practice)
    assert practice.summary.get("en") == HUGE


def test_a_huge_number_under_an_x_key_is_kept_as_its_text(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("steps:", f"x-big: {HUGE}\nx-list: [{HUGE}, 1e999]\nsteps:")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    practice = load_file(path, display="p.yaml")
    assert isinstance(practice, Practice)
    assert dict(practice.extras) == {"x-big": HUGE, "x-list": (HUGE, math.inf)}


def test_a_huge_number_in_a_plan_and_a_manifest(tmp_path: Path) -> None:
    plan = (
        "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\n"
        f"x-n: {HUGE}\nitems:\n  - practice: tiny\n    when: {{per_week: {HUGE}}}\n"
    )
    assert problems_of(tmp_path, plan, "plan.yaml") == [
        "plan.yaml:9:22: items[1].when.per_week: this number is too long"
    ]
    manifest = f"attune: pack/1\nid: k\ntitle: K\nauthor: Me\nversion: {HUGE}\nlanguage: en\n"
    assert problems_of(tmp_path, manifest, "pack.yaml") == [
        "pack.yaml:5:10: version: this number is too long"
    ]
    good = manifest.replace(f"version: {HUGE}", f"version: 1\nx-n: {HUGE}")
    path = tmp_path / "good" / "pack.yaml"
    path.parent.mkdir()
    path.write_text(good, encoding="utf-8")
    assert isinstance(load_file(path, display="pack.yaml"), PackManifest)


def test_a_huge_kind_version_needs_a_newer_attune(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("practice/1", "practice/" + HUGE)
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1 and "needs a newer version of Attune" in problems[0]
    text = MINIMAL_PRACTICE.replace("practice/1", "practice/0001")
    assert problems_of(tmp_path, text) == []


@pytest.mark.parametrize("number", ["1e999", "-1e999", "9" * 90 + "e300"])
def test_a_float_too_large_where_a_number_is_expected(tmp_path: Path, number: str) -> None:
    text = MINIMAL_PRACTICE.replace("steps:", f"narration: {{rate: {number}}}\nsteps:")
    assert problems_of(tmp_path, text) == ["p.yaml:7:19: narration.rate: this number is too large"]


def test_a_whole_number_too_large_for_a_float_gives_a_plain_range_problem(tmp_path: Path) -> None:
    big = "9" * MAX_NUMBER_LENGTH
    text = MINIMAL_PRACTICE.replace("steps:", f"narration: {{rate: {big}}}\nsteps:")
    assert problems_of(tmp_path, text) == [
        "p.yaml:7:19: narration.rate: expected a number at least 0.5 and at most 2, got 1e+100"
    ]
    problems = problems_of(tmp_path, practice_with(f"- bell: {{sound: bowl, times: {big}}}"))
    assert problems == [
        "p.yaml:8:32: steps[1].bell.times: expected a number at least 1 and at most 100, got 1e+100"
    ]


# --- ids and codes are exactly their characters --------------------------------------------


def test_an_id_with_a_trailing_line_break_is_not_an_id(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("id: tiny", "id: |\n  rt-nl")
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].startswith('p.yaml:2:5: id: "rt-nl\n" is not a valid id')


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("language: en", "language: |\n  en"),
        ("attune: practice/1", "attune: |\n  practice/1"),
    ],
)
def test_codes_with_a_trailing_line_break_are_refused(tmp_path: Path, old: str, new: str) -> None:
    assert problems_of(tmp_path, MINIMAL_PRACTICE.replace(old, new))


def test_a_plan_time_and_date_with_a_line_break_are_refused(tmp_path: Path) -> None:
    plan = (
        "attune: plan/1\nid: p\ntitle: P\nlanguage: en\nfrom: Me\n"
        'starts: "2026-12-01\\n"\nitems:\n  - practice: tiny\n    when: daily\n'
        '    at: "08:00\\n"\n'
    )
    problems = problems_of(tmp_path, plan, "plan.yaml")
    assert [p.split(": ")[1] for p in problems] == ["starts", "items[1].at"]


# --- control characters ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\e[31m", "U+001B"),
        ("\\x1b]0;owned\\x07", "U+001B"),
        ("\\r", "U+000D"),
        ("\\0", "U+0000"),
        ("\\x7f", "U+007F"),
        ("\\x9b", "U+009B"),
    ],
)
def test_an_escaped_control_character_in_a_text_is_refused(
    tmp_path: Path, escape: str, code: str
) -> None:
    problems = problems_of(tmp_path, practice_with(f'- say: "Red {escape} text"'))
    assert problems == [
        f"p.yaml:8:10: steps[1].say: control character {code} is not allowed; remove it"
    ]


@pytest.mark.parametrize("code", ["202A", "202B", "202C", "202D", "202E", "2066", "2069"])
def test_direction_overrides_are_refused(tmp_path: Path, code: str) -> None:
    escaped = practice_with(f'- say: "abc \\u{code} cba"')
    assert problems_of(tmp_path, escaped) == [
        f"p.yaml:8:10: steps[1].say: direction control U+{code} is not allowed "
        "(it can make a text show other than it reads); remove it"
    ]
    raw = practice_with(f"- say: abc {chr(int(code, 16))} cba")
    assert problems_of(tmp_path, raw) == [
        f"p.yaml:8:14: direction control U+{code} is not allowed "
        "(it can make a text show other than it reads); remove it"
    ]


def test_raw_control_characters_are_refused_where_they_stand(tmp_path: Path) -> None:
    text = practice_with("- say: Red \x1b[31m text\n- say: and \x9b here")
    assert problems_of(tmp_path, text) == [
        "p.yaml:8:14: control character U+001B is not allowed; remove it",
        "p.yaml:9:14: control character U+009B is not allowed; remove it",
    ]


def test_a_control_character_in_a_key_or_an_x_value_is_refused(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("steps:", 'x-note: "a\\eb"\n"x-\\e": 1\nsteps:')
    assert problems_of(tmp_path, text) == [
        "p.yaml:7:9: x-note: control character U+001B is not allowed; remove it",
        "p.yaml:8:1: control character U+001B is not allowed; remove it",
    ]


def test_tabs_line_breaks_and_marks_stay_allowed(tmp_path: Path) -> None:
    text = practice_with(
        '- say: "one\\ttwo\\nthree\\N"\n- say: |\n    four\n    five\n- say: "\u200fRTL mark"'
    )
    assert problems_of(tmp_path, text) == []
    crlf = MINIMAL_PRACTICE.replace("\n", "\r\n").encode("utf-8")
    assert load_bytes(crlf, "f.yaml")
