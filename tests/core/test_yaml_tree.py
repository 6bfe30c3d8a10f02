"""The YAML reader: YAML 1.2 core scalars, positions, and the refusals of formats.md."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from desktop_app.core.model import Pos
from desktop_app.core.problems import InvalidFile
from desktop_app.core.yaml_tree import Mapping, Scalar, Sequence, load_bytes, resolve_plain
from tests.helpers import practice_with, problems_of


def messages(data: bytes) -> list[str]:
    with pytest.raises(InvalidFile) as caught:
        load_bytes(data, "f.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("", None),
        ("1.10", 1.1),
        ("42", 42),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("2026-12-01", "2026-12-01"),
        ("08:00", "08:00"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    assert resolve_plain(text) == value


def test_nan_is_a_float() -> None:
    resolved = resolve_plain(".nan")
    assert isinstance(resolved, float) and math.isnan(resolved)


def test_scalars_keep_their_source_text_and_position() -> None:
    root = load_bytes(b"a: no\nb:   1.10\nc: 'quoted'\n", "f.yaml")
    assert isinstance(root, Mapping)
    (ka, a), (kb, b), (_, c) = root.items
    assert isinstance(a, Scalar) and a.text == "no" and a.pos == Pos(1, 4)
    assert isinstance(b, Scalar) and b.value == 1.1 and b.text == "1.10" and b.pos == Pos(2, 6)
    assert isinstance(c, Scalar) and c.value == "quoted" and not c.plain
    assert ka.pos == Pos(1, 1) and kb.text == "b"


def test_sequences_and_nested_mappings_are_built() -> None:
    root = load_bytes(b"steps:\n  - say: hi\n  - [1, 2]\n", "f.yaml")
    assert isinstance(root, Mapping)
    steps = root.items[0][1]
    assert isinstance(steps, Sequence) and len(steps.items) == 2
    assert isinstance(steps.items[0], Mapping) and steps.items[0].pos == Pos(2, 5)


def test_duplicate_keys_are_errors_not_last_one_wins() -> None:
    assert messages(b"a: 1\nb: 2\na: 3\n") == [
        'f.yaml:3:1: a: duplicate key "a" (first at line 1); each key may appear once'
    ]


def test_a_duplicate_key_deep_inside_names_its_field_path() -> None:
    found = messages(b"steps:\n  - say: hi\n  - breathe:\n      cycles: 3\n      cycles: 4\n")
    assert found == [
        'f.yaml:5:7: steps[2].breathe.cycles: duplicate key "cycles" (first at line 4); '
        "each key may appear once"
    ]


def test_anchors_and_aliases_are_refused() -> None:
    found = messages(b"a: &x 1\nb: *x\n")
    assert found == [
        "f.yaml:1:4: anchors (&x) are not allowed; write each value out",
        "f.yaml:2:4: aliases (*x) are not allowed; write the value out in full",
    ]


@pytest.mark.parametrize(
    "tagged",
    [
        b"a: !!str 1\n",
        b"a: !custom x\n",
        b"a: !!python/object {}\n",
        b"a: ! x\n",
        b"!!map {a: 1}\n",
    ],
)
def test_any_tag_is_refused(tagged: bytes) -> None:
    (message,) = messages(tagged)
    assert "tags (" in message and "are not allowed" in message
    assert "tag:yaml.org" not in message


def test_all_problems_of_a_file_are_reported() -> None:
    assert len(messages(b"a: 1\na: 2\nb: &x 3\nc: !!str 4\n")) == 3


def test_syntax_errors_have_a_position_and_a_tab_hint() -> None:
    (message,) = messages(b"a:\n\t- b\n")
    assert message.startswith("f.yaml:2:1: invalid YAML:")
    assert "spaces, not tabs" in message


def test_invalid_utf8_names_the_place() -> None:
    assert messages(b"a: ok\nb: caf" + b"\xe9\n") == [
        "f.yaml:2:7: the file is not valid UTF-8 text; save it as UTF-8"
    ]


def test_binary_junk_is_not_a_text_file() -> None:
    (message,) = messages(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "not a text file" in message


@pytest.mark.parametrize("empty", [b"", b"   \n", b"# just a comment\n"])
def test_an_empty_file_is_reported(empty: bytes) -> None:
    assert messages(empty) == ["f.yaml:1:1: the file is empty"]


def test_a_second_document_is_refused() -> None:
    (message,) = messages(b"a: 1\n---\nb: 2\n")
    assert message.startswith("f.yaml:2:1:") and "one document" in message


def test_a_byte_order_mark_is_accepted() -> None:
    assert isinstance(load_bytes(b"\xef\xbb\xbfa: 1\n", "f.yaml"), Mapping)


def test_complex_keys_are_refused() -> None:
    (message,) = messages(b"? [a, b]\n: 1\n")
    assert "a key must be a plain word" in message


def test_deep_nesting_stops_at_the_limit() -> None:
    (message,) = messages(b"[" * 50_000 + b"]" * 50_000)
    assert "nested too deeply" in message


def test_too_many_values_stop_early() -> None:
    (message,) = messages(b"[" + b"1," * 200_000 + b"1]")
    assert "too many values" in message


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    (message,) = messages(b"a: " + b"x" * (2 * 1024 * 1024))
    assert message == "f.yaml:1:1: file is too large (2.0 MB); Attune reads files of at most 1 MB"


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    assert messages(b'a: 1\nsummary: "A short practice.\nb: 2\nc: 3\n') == [
        'f.yaml:2:10: a quote (") opened here is never closed'
    ]


def test_indentation_mistakes_get_a_hint() -> None:
    (message,) = messages(b"steps:\n  - say: hi\n      pause: 2s\n")
    assert message.startswith("f.yaml:3:12: invalid YAML: mapping values are not allowed")
    assert "lines up with the lines above it" in message


def test_utf16_and_zip_files_are_named() -> None:
    assert messages("a: 1\n".encode("utf-16")) == [
        'f.yaml:1:1: the file is saved as UTF-16 ("Unicode"); save it as UTF-8'
    ]
    (message,) = messages(b"PK\x03\x04rest of a zip")
    assert "this is a zip archive (a pack?)" in message


# The two commonest slips in texts, through the real loader, as people see them.


def test_a_colon_in_a_text_says_to_quote_the_text(tmp_path: Path) -> None:
    text = practice_with("- say: Hello.\n- say: Look around you: the light through the leaves\n")
    assert problems_of(tmp_path, text) == [
        'p.yaml:9:25: text with ": " in it must be in quotes: '
        'write say: "Look around you: the light through the leaves"'
    ]


def test_a_colon_in_a_text_quotes_the_whole_text_escaped_and_shortened(tmp_path: Path) -> None:
    text = practice_with(
        '- say: Say "yes" to this: the light through the leaves and the sound of water\n'
    )
    assert problems_of(tmp_path, text) == [
        'p.yaml:8:27: text with ": " in it must be in quotes: '
        'write say: "Say \\"yes\\" to this: the light through the leaves and the…"'
    ]
    text = practice_with(
        "- say: Look around you\n    and notice: the light  # a note\n    in the leaves\n"
        "  pause: 3s\n"
    )
    assert problems_of(tmp_path, text) == [
        'p.yaml:9:17: text with ": " in it must be in quotes: '
        'write say: "Look around you and notice: the light in the leaves"'
    ]


def test_a_colon_after_a_key_on_its_own_line_is_an_indentation_mistake(tmp_path: Path) -> None:
    for steps in ("- say: Rest.\n    pause: 5s\n", "- breathe: in: 4s\n"):
        (message,) = problems_of(tmp_path, practice_with(steps))
        assert "invalid YAML: mapping values are not allowed" in message
        assert "lines up with the lines above it" in message


def test_text_going_on_after_a_closing_quote_says_to_quote_it_all(tmp_path: Path) -> None:
    text = practice_with('- say: "the bench" in your grandmother\'s garden\n  pause: 3s\n')
    assert problems_of(tmp_path, text) == [
        "p.yaml:8:10: text that starts with a quote must end with it: put the whole text "
        'in quotes, e.g. say: "\\"the bench\\" in your grandmother\'s garden", '
        "or start it with a word"
    ]
    text = practice_with("- say: 'tis fine, isn't it  # a note\n")
    assert problems_of(tmp_path, text) == [
        "p.yaml:8:10: text that starts with a quote must end with it: put the whole text "
        "in quotes, e.g. say: \"'tis fine, isn't it\", or start it with a word"
    ]
    text = practice_with('- ask:\n    choice: How are you?\n    options: ["Calm" but tired]\n')
    (message,) = problems_of(tmp_path, text)  # in [ ] YAML's own message stays
    assert message.startswith("p.yaml:10:24: invalid YAML:")


def test_an_option_going_on_after_a_closing_quote_gets_the_same_advice(tmp_path: Path) -> None:
    text = practice_with(
        '- ask:\n    choice: How are you?\n    options:\n      - "Calm" but tired\n      - Restless\n'
    )
    assert problems_of(tmp_path, text) == [
        "p.yaml:11:11: text that starts with a quote must end with it: put the whole text "
        'in quotes, e.g. "\\"Calm\\" but tired", or start it with a word'
    ]


def test_a_text_starting_with_an_apostrophe(tmp_path: Path) -> None:
    assert problems_of(tmp_path, practice_with("- say: 'tis fine\n")) == [
        "p.yaml:8:10: a quote (') opened here is never closed; if it is an apostrophe, "
        'put the whole text in double quotes, e.g. say: "\'tis fine"'
    ]
    text = practice_with("- say: 'tis fine\n  pause: 2s\n- say: Don't worry.\n")
    assert problems_of(tmp_path, text) == [
        "p.yaml:8:10: a quote (') opened here is only closed on line 10; if it is an "
        'apostrophe, put the whole text in double quotes, e.g. say: "\'tis fine"'
    ]
    text = practice_with('- say: "Hello\n- say: Next "word" here\n')
    assert problems_of(tmp_path, text) == [
        'p.yaml:8:10: a quote (") opened here is only closed on line 9; '
        'end the text with " on this line'
    ]


def test_apostrophes_inside_a_text_and_quoted_texts_stay_valid(tmp_path: Path) -> None:
    steps = (
        "- say: don't worry, it's fine\n"
        '- say: "\'tis fine"\n'
        '- say: "Look around you: the light"\n'
        "- say: '\"The bench\" in the garden'\n"
    )
    assert problems_of(tmp_path, practice_with(steps)) == []
