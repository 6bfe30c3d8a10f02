"""Every rule of formats.md for practice files, each shown to fail when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.model import (
    Ask,
    Audio,
    Bell,
    Breathe,
    ChoiceQuestion,
    FeelingsQuestion,
    Flex,
    Practice,
    Ramp,
    Repeat,
    Say,
    ScaleQuestion,
    Section,
    Silence,
    TextQuestion,
    Wait,
)
from tests.helpers import MINIMAL_PRACTICE, load_text, practice_with, problems_of, write


def load_practice_text(tmp_path: Path, text: str) -> Practice:
    practice = load_text(tmp_path, text)
    assert isinstance(practice, Practice)
    return practice


def only_problem(tmp_path: Path, text: str) -> str:
    found = problems_of(tmp_path, text)
    assert len(found) == 1, found
    return found[0]


# --- the header and common rules ---------------------------------------------------


def test_a_minimal_practice_loads(tmp_path: Path) -> None:
    practice = load_practice_text(tmp_path, MINIMAL_PRACTICE)
    assert practice.id == "tiny" and practice.kind == "breathing" and practice.language == "en"
    assert practice.steps == (Say(practice.steps[0].text, 1.0, None, practice.steps[0].pos),)
    assert practice.title.get() == "Tiny" and practice.lengths == ()


def test_the_first_key_must_be_attune(tmp_path: Path) -> None:
    text = "id: tiny\n" + MINIMAL_PRACTICE.replace("id: tiny\n", "")
    assert only_problem(tmp_path, text) == (
        'p.yaml:2:1: the first key must be "attune", naming the kind of file, e.g. "attune: practice/1"'
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "attune: practise/1",
            'p.yaml:1:9: attune: expected "practice/1", "plan/1" or "pack/1", got "practise/1"',
        ),
        (
            "attune: practice/2",
            'p.yaml:1:9: attune: "practice/2" needs a newer version of Attune; this one reads practice/1',
        ),
        ("attune: plan/1", None),
    ],
)
def test_the_kind_and_version_are_checked(
    tmp_path: Path, header: str, expected: str | None
) -> None:
    found = problems_of(tmp_path, MINIMAL_PRACTICE.replace("attune: practice/1", header))
    if expected:
        assert found == [expected]
    else:  # a practice's keys read as a plan: the plan's rules apply
        assert any('missing required key "from"' in p for p in found)


@pytest.mark.parametrize("document", ["- a\n- b\n", "just words\n", "42\n"])
def test_a_document_that_is_not_a_mapping_is_refused(tmp_path: Path, document: str) -> None:
    assert "expected an Attune file" in only_problem(tmp_path, document)


def test_unknown_keys_are_errors_with_a_suggestion(tmp_path: Path) -> None:
    text = practice_with("- say: Hello.\n  pasue: 2s\n")
    assert (
        only_problem(tmp_path, text)
        == 'p.yaml:9:5: steps[1].pasue: unknown key; did you mean "pause"?'
    )


def test_unknown_top_level_keys_list_what_is_allowed(tmp_path: Path) -> None:
    message = only_problem(tmp_path, MINIMAL_PRACTICE + "colour: blue\n")
    assert message.startswith("p.yaml:9:1: colour: unknown key; expected one of")
    assert '"background"' in message and "x-" in message


def test_x_keys_are_kept_and_ignored_everywhere(tmp_path: Path) -> None:
    text = practice_with("- say: Hello.\n  x-director: slow here\n", extra="x-tool: {a: [1, no]}\n")
    practice = load_practice_text(tmp_path, text)
    assert practice.extras == (("x-tool", (("a", (1, "no")),)),)


def test_missing_required_keys_are_each_reported(tmp_path: Path) -> None:
    found = problems_of(tmp_path, "attune: practice/1\nlanguage: en\n")
    for key in ("id", "title", "kind", "summary", "steps"):
        assert f'p.yaml:1:1: missing required key "{key}"' in found


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        "attune: practice/1\nid: Bad_Id\ntitle: T\nkind: breathin\nlanguage: en\nsummary: S\n"
        "steps:\n  - silence: four\n  - bell: gongg\n"
    )
    found = problems_of(tmp_path, text)
    assert len(found) == 4
    assert found[0].startswith('p.yaml:2:5: id: "Bad_Id" is not a valid id')
    assert (
        found[1] == 'p.yaml:4:7: kind: expected one of "breathing", "focusing", "self-compassion", '
        '"guided-imagery", "mindfulness", "body-awareness", "grounding", "relational" or "other", '
        'got "breathin"; did you mean "breathing"?'
    )
    assert (
        found[2] == 'p.yaml:8:14: steps[1].silence: expected a duration like "4s" or "1m30s", '
        'or "flex", got "four"'
    )
    assert found[3].startswith('p.yaml:9:11: steps[2].bell: expected one of "bowl"')


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("a", True),
        ("box-breathing", True),
        ("4-7-8", True),
        ("a" * 63, True),
        ("a" * 64, False),
        ("-box", False),
        ("Box", False),
        ("box_breathing", False),
        ("box breathing", False),
        ('""', False),
    ],
)
def test_ids_are_lowercase_slugs(tmp_path: Path, value: str, ok: bool) -> None:
    found = problems_of(tmp_path, MINIMAL_PRACTICE.replace("id: tiny", f"id: {value}"))
    assert (found == []) is ok, found


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("90", 90.0),
        ("2.5", 2.5),
        ('"4s"', 4.0),
        ("1.5s", 1.5),
        ("2m", 120.0),
        ("1m30s", 90.0),
        ("1h", 3600.0),
        ('"90"', 90.0),
    ],
)
def test_durations_in_every_written_form(tmp_path: Path, value: str, seconds: float) -> None:
    practice = load_practice_text(tmp_path, practice_with(f"- silence: {value}\n"))
    assert practice.steps[0] == Silence(seconds, pos=practice.steps[0].pos)


@pytest.mark.parametrize(
    "value", ["four", "0", "0s", "-3", "4 s", "1m30", "s", "true", "[4s]", "1.5.2s"]
)
def test_bad_durations_are_refused(tmp_path: Path, value: str) -> None:
    message = only_problem(tmp_path, practice_with(f"- silence: {value}\n"))
    assert message.startswith("p.yaml:8:14: steps[1].silence: expected a duration")


def test_strings_stay_strings_under_yaml_1_2(tmp_path: Path) -> None:
    text = (
        MINIMAL_PRACTICE.replace("title: Tiny", "title: no").replace(
            "summary: A tiny practice.", "summary: 1.10"
        )
        + "tags: [on, yes, off, 3]\nauthor: null person\n"
    )
    practice = load_practice_text(tmp_path, text)
    assert practice.title.get() == "no" and practice.summary.get() == "1.10"
    assert practice.tags == ("on", "yes", "off", "3")


def test_a_language_named_no_stays_norwegian(tmp_path: Path) -> None:
    practice = load_practice_text(
        tmp_path, MINIMAL_PRACTICE.replace("language: en", "language: no")
    )
    assert practice.language == "no"


def test_an_empty_value_where_text_is_expected(tmp_path: Path) -> None:
    assert only_problem(tmp_path, MINIMAL_PRACTICE.replace("title: Tiny", "title:")) == (
        "p.yaml:3:7: title: expected text, got nothing"
    )


def test_texts_may_be_translated_and_fall_back_to_the_files_language(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace(
        "title: Tiny", 'title: {en: Box breathing, nl: "Vierkant ademen"}'
    )
    practice = load_practice_text(tmp_path, text)
    assert practice.title.get("nl") == "Vierkant ademen"
    assert practice.title.get("nl-BE") == "Vierkant ademen"
    assert practice.title.get("de") == "Box breathing"
    assert practice.summary.get("nl") == "A tiny practice."


def test_a_translation_must_include_the_files_language(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("title: Tiny", "title: {nl: Klein, de: Klein}")
    assert only_problem(tmp_path, text) == 'p.yaml:3:8: title: missing the file\'s language "en"'


def test_translation_keys_must_be_language_codes(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("title: Tiny", "title: {en: Tiny, dutch: Klein}")
    assert only_problem(tmp_path, text) == (
        'p.yaml:3:19: title.dutch: expected a language code like "en" or "nl", got "dutch"'
    )


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("en", True),
        ("nl", True),
        ("pt-BR", True),
        ("zh-Hant-TW", True),
        ("english", False),
        ("e", False),
    ],
)
def test_languages_are_bcp47_codes(tmp_path: Path, code: str, ok: bool) -> None:
    found = problems_of(tmp_path, MINIMAL_PRACTICE.replace("language: en", f"language: {code}"))
    assert (found == []) is ok


# --- top-level keys ---------------------------------------------------------------


def test_every_optional_key_is_read(tmp_path: Path) -> None:
    text = practice_with(
        "- silence: flex\n",
        extra=(
            "description: |\n  Longer words.\nauthor: Jane Doe\nlicense: CC-BY-4.0\nversion: 3\n"
            "tags: [calming, short]\nlengths: [5m, 10m, 20m]\nsafety: Go gently.\n"
            "narration:\n  rate: 0.9\nbackground: brown-noise\n"
        ),
    )
    practice = load_practice_text(tmp_path, text)
    assert practice.description and practice.description.get() == "Longer words.\n"
    assert (practice.author, practice.license, practice.version) == ("Jane Doe", "CC-BY-4.0", 3)
    assert practice.tags == ("calming", "short")
    assert practice.lengths == (300.0, 600.0, 1200.0) and practice.default_length == 300.0
    assert (
        practice.safety and practice.narration_rate == 0.9 and practice.background == "brown-noise"
    )


@pytest.mark.parametrize(
    ("rate", "ok"), [("0.5", True), ("2.0", True), ("0.4", False), ("2.1", False), ("fast", False)]
)
def test_narration_rate_is_between_half_and_double(tmp_path: Path, rate: str, ok: bool) -> None:
    found = problems_of(tmp_path, MINIMAL_PRACTICE + f"narration: {{rate: {rate}}}\n")
    assert (found == []) is ok, found


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("none", True),
        ("pink-noise", True),
        ("rain", True),
        ("waves", False),
        ("media/rain.mp3", False),
        ("../rain.ogg", False),
        ("/tmp/rain.ogg", False),
        ("media/missing.ogg", False),
    ],
)
def test_background_is_a_noise_or_a_media_path(tmp_path: Path, value: str, ok: bool) -> None:
    found = problems_of(tmp_path, MINIMAL_PRACTICE + f"background: {value}\n")
    assert (found == []) is ok, found


def test_version_is_an_integer(tmp_path: Path) -> None:
    assert only_problem(tmp_path, MINIMAL_PRACTICE + "version: 1.5\n") == (
        'p.yaml:9:10: version: expected a whole number, got "1.5"'
    )


def test_lengths_must_differ_and_be_durations(tmp_path: Path) -> None:
    text = practice_with("- silence: flex\n", extra="lengths: [5m, 300, ten]\n")
    assert problems_of(tmp_path, text) == [
        "p.yaml:7:15: lengths[2]: 5m is listed twice (first at line 7)",
        'p.yaml:7:20: lengths[3]: expected a duration like "4s" or "1m30s", got "ten"',
    ]


# --- steps ------------------------------------------------------------------------


def test_every_step_kind_loads(tmp_path: Path) -> None:
    write(tmp_path, "media/chime.png", "png")
    text = practice_with(
        """
        - section: {en: Arriving, nl: Aankomen}
          image: media/chime.png
        - say: Let the *breath* be.
          pause: 3s
          note: for authors
        - silence: 10s
          text: Rest here.
        - breathe: {in: 4s, hold: 1s, out: {from: 6s, to: 8s}, rest: 0, cycles: 5, cue: voice, text: Slowly}
        - bell: {sound: bowl, times: 3, gap: 5s}
        - bell: wood
        - wait: Take your time.
        - ask: {id: felt, text: What is here?, placeholder: A word or two}
        - repeat: 2
          steps:
            - say: Again.
            - repeat: 2
              steps: [{silence: 2s}]
        """
    )
    practice = load_practice_text(tmp_path, text)
    section, say, silence, breathe, bell, wood, wait, ask, repeat = practice.steps
    assert isinstance(section, Section) and section.title.get("nl") == "Aankomen"
    assert section.image == "media/chime.png"
    assert isinstance(say, Say) and say.pause == 3.0 and say.pos.line == 10
    assert isinstance(silence, Silence) and silence.text and silence.text.get() == "Rest here."
    assert isinstance(breathe, Breathe)
    assert (breathe.inhale, breathe.hold, breathe.exhale, breathe.rest) == (
        Ramp(4, 4),
        Ramp(1, 1),
        Ramp(6, 8),
        Ramp(0, 0),
    )
    assert breathe.cycles == 5 and breathe.span is None and breathe.cue == "voice"
    assert bell == Bell("bowl", 3, 5.0, pos=bell.pos) and wood == Bell("wood", 1, 4.0, pos=wood.pos)
    assert isinstance(wait, Wait) and wait.text.get() == "Take your time."
    assert isinstance(ask, Ask) and isinstance(ask.question, TextQuestion)
    assert isinstance(repeat, Repeat) and repeat.times == 2
    assert isinstance(repeat.steps[1], Repeat) and repeat.steps[1].steps[0] == Silence(
        2.0, pos=repeat.steps[1].steps[0].pos
    )


def test_audio_steps_name_a_clip_in_the_media_folder(tmp_path: Path) -> None:
    write(tmp_path, "media/voice.ogg", "not really audio")
    text = practice_with("- audio: media/voice.ogg\n  text: A recorded welcome.\n")
    practice = load_practice_text(tmp_path, text)
    assert practice.steps[0] == Audio(
        "media/voice.ogg", practice.steps[0].text, pos=practice.steps[0].pos
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "media/voice.mp3",
            'steps[1].audio: "media/voice.mp3" is not an audio clip; expected a file ending in .wav, .flac, .ogg',
        ),
        ("../voice.ogg", 'steps[1].audio: "../voice.ogg" must be a path inside the pack'),
        ("/etc/voice.ogg", 'steps[1].audio: "/etc/voice.ogg" must be a path inside the pack'),
        ("media/none.ogg", 'steps[1].audio: media file not found: "media/none.ogg"'),
    ],
)
def test_audio_paths_are_checked(tmp_path: Path, path: str, message: str) -> None:
    assert message in only_problem(tmp_path, practice_with(f"- audio: {path}\n"))


def test_a_step_has_exactly_one_action(tmp_path: Path) -> None:
    assert only_problem(tmp_path, practice_with("- say: Hi.\n  silence: 3s\n")) == (
        "p.yaml:9:5: steps[1]: a step has exactly one action, got say, silence; split it into separate steps"
    )
    assert "a step needs one action" in only_problem(
        tmp_path, practice_with("- image: media/a.png\n")
    )


def test_steps_are_a_non_empty_list(tmp_path: Path) -> None:
    assert only_problem(
        tmp_path, MINIMAL_PRACTICE.replace("steps:\n  - say: Hello.\n", "steps: []\n")
    ) == ("p.yaml:7:8: steps: expected at least one step")


def test_say_pauses_default_to_one_second_and_may_be_zero_or_flex(tmp_path: Path) -> None:
    text = practice_with(
        "- say: A.\n- say: B.\n  pause: 0\n- say: C.\n  pause: flex\n", extra="lengths: [1m]\n"
    )
    pauses = [s.pause for s in load_practice_text(tmp_path, text).steps if isinstance(s, Say)]
    assert pauses == [1.0, 0.0, Flex()]


def test_silence_flex_with_weight_and_minimum(tmp_path: Path) -> None:
    text = practice_with(
        "- silence: {flex: 3, min: 20s}\n- silence: flex\n", extra="lengths: [1m]\n"
    )
    steps = load_practice_text(tmp_path, text).steps
    assert [s.duration for s in steps if isinstance(s, Silence)] == [
        Flex(3.0, 20.0),
        Flex(1.0, 0.0),
    ]


def test_flex_weights_must_be_positive(tmp_path: Path) -> None:
    text = practice_with("- silence: {flex: 0}\n", extra="lengths: [1m]\n")
    assert "the weight must be greater than zero" in problems_of(tmp_path, text)[0]


@pytest.mark.parametrize(
    ("breathe", "message"),
    [
        ("{in: 4s, out: 4s}", 'steps[1].breathe: needs "cycles" (how many breaths) or "for"'),
        (
            "{in: 4s, out: 4s, cycles: 3, for: 1m}",
            '8:48: steps[1].breathe: has both "cycles" and "for"; keep one',
        ),
        ("{out: 4s, cycles: 3}", 'missing required key "in"'),
        (
            "{in: 0, out: 4s, cycles: 3}",
            "steps[1].breathe.in: expected a duration greater than zero, got 0",
        ),
        ("{in: 4s, out: 4s, cycles: 0}", "steps[1].breathe.cycles: expected a number at least 1"),
        (
            "{in: 4s, out: 4s, cycles: 3, cue: hum}",
            'steps[1].breathe.cue: expected one of "tone", "voice" or "none", got "hum"',
        ),
        ("{in: 4s, out: {from: 6s}, cycles: 3}", 'steps[1].breathe.out: missing required key "to"'),
        (
            "{in: four, out: 4s, cycles: 3}",
            'steps[1].breathe.in: expected a duration like "4s" or "1m30s", got "four"',
        ),
    ],
)
def test_breathe_rules(tmp_path: Path, breathe: str, message: str) -> None:
    assert message in only_problem(tmp_path, practice_with(f"- breathe: {breathe}\n"))


def test_breathe_hold_and_rest_may_be_zero_and_for_may_be_fixed(tmp_path: Path) -> None:
    practice = load_practice_text(
        tmp_path, practice_with("- breathe: {in: 4s, hold: 0, out: 6s, rest: 0s, for: 1m}\n")
    )
    breathe = practice.steps[0]
    assert isinstance(breathe, Breathe) and breathe.span == 60.0 and breathe.cue == "tone"


def test_bell_rules(tmp_path: Path) -> None:
    assert "steps[1].bell.times: expected a number at least 1" in only_problem(
        tmp_path, practice_with("- bell: {sound: gong, times: 0}\n")
    )
    assert 'steps[1].bell: missing required key "sound"' in only_problem(
        tmp_path, practice_with("- bell: {times: 2}\n")
    )


def test_repeat_needs_a_count_and_steps(tmp_path: Path) -> None:
    assert 'steps[1]: a repeat needs "steps"' in only_problem(
        tmp_path, practice_with("- repeat: 3\n")
    )
    assert "steps[1].repeat: expected a number at least 1 and at most 1000, got 0" in only_problem(
        tmp_path, practice_with("- repeat: 0\n  steps: [{say: hi}]\n")
    )


def test_problems_inside_a_repeat_point_into_it(tmp_path: Path) -> None:
    text = practice_with("- repeat: 2\n  steps:\n    - say: ok\n    - silence: long\n")
    assert only_problem(tmp_path, text).startswith("p.yaml:11:18: steps[1].steps[2].silence:")


# --- elastic time and lengths -------------------------------------------------------


def test_a_practice_with_lengths_needs_an_elastic_part(tmp_path: Path) -> None:
    assert only_problem(tmp_path, MINIMAL_PRACTICE + "lengths: [5m]\n") == (
        "p.yaml:9:10: lengths: a practice with lengths needs at least one elastic part to stretch "
        "(silence: flex, pause: flex, or breathe with for: flex)"
    )


def test_a_practice_without_lengths_has_no_elastic_parts(tmp_path: Path) -> None:
    message = only_problem(tmp_path, practice_with("- silence: flex\n"))
    assert message.startswith("p.yaml:8:14: steps[1].silence: this part is elastic (flex), but the")


def test_every_length_covers_the_fixed_time_and_minimums(tmp_path: Path) -> None:
    text = practice_with(
        "- silence: 5m40s\n- silence: {flex: 1, min: 30s}\n", extra="lengths: [10m, 5m]\n"
    )
    assert only_problem(tmp_path, text) == (
        "p.yaml:7:16: lengths[2]: 5m is too short: the fixed parts take 5m40s plus 30s of minimums "
        "(1m10s more needed)"
    )


def test_spoken_length_is_estimated_at_150_words_a_minute(tmp_path: Path) -> None:
    words = " ".join(["word"] * 150)  # one minute at rate 1.0, two at rate 0.5
    text = practice_with(f"- say: {words}\n  pause: 0\n- silence: flex\n", extra="lengths: [1m]\n")
    assert problems_of(tmp_path, text) == []
    slow = text.replace("lengths: [1m]\n", "lengths: [1m]\nnarration: {rate: 0.5}\n")
    assert "1m is too short: the fixed parts take 2m" in only_problem(tmp_path, slow)


def test_breathing_for_flex_is_elastic(tmp_path: Path) -> None:
    text = practice_with("- breathe: {in: 4s, out: 6s, for: flex}\n", extra="lengths: [5m]\n")
    breathe = load_practice_text(tmp_path, text).steps[0]
    assert isinstance(breathe, Breathe) and breathe.span == Flex()


# --- reflection questions -----------------------------------------------------------


def test_without_reflection_the_default_is_asked(tmp_path: Path) -> None:
    reflection = load_practice_text(tmp_path, MINIMAL_PRACTICE).reflection
    (before,) = reflection.before
    assert isinstance(before, ScaleQuestion) and before.id == "settled"
    assert (before.minimum, before.maximum) == (0, 10)
    assert before.prompt.get() == "How settled do you feel right now?"
    assert [q.id for q in reflection.after] == ["settled", "noticed"]
    assert isinstance(reflection.after[1], TextQuestion)
    assert reflection.after[1].prompt.get() == "What did you notice?"


def test_an_empty_reflection_asks_nothing(tmp_path: Path) -> None:
    reflection = load_practice_text(tmp_path, MINIMAL_PRACTICE + "reflection: {}\n").reflection
    assert reflection.before == () and reflection.after == ()


def test_every_question_kind(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE + (
        "reflection:\n"
        "  before:\n"
        "    - {id: calm, scale: How calm?, min: 1, max: 5, low: Not, high: Very}\n"
        "    - {id: mood, feelings: What feelings are here?}\n"
        "  after:\n"
        "    - {id: calm, scale: How calm now?}\n"
        "    - {id: helped, choice: What helped?, options: [Breath, Counting, Bell], multiple: true}\n"
        "    - {id: words, text: Anything else?, placeholder: Optional}\n"
    )
    reflection = load_practice_text(tmp_path, text).reflection
    calm, mood = reflection.before
    assert isinstance(calm, ScaleQuestion) and (calm.minimum, calm.maximum) == (1, 5)
    assert calm.low and calm.low.get() == "Not"
    assert isinstance(mood, FeelingsQuestion)
    after_calm, helped, words = reflection.after
    assert isinstance(after_calm, ScaleQuestion) and (after_calm.minimum, after_calm.maximum) == (
        0,
        10,
    )
    assert isinstance(helped, ChoiceQuestion) and helped.multiple and len(helped.options) == 3
    assert isinstance(words, TextQuestion) and words.placeholder


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("{id: a, choice: Pick, options: [Only]}", "expected at least two options"),
        (
            "{id: a, choice: Pick, options: [A, B], multiple: yes}",
            'multiple: expected true or false, got "yes"',
        ),
        ("{id: a, scale: How?, min: 5, max: 5}", "max (5) must be greater than min (5)"),
        ("{id: a, scale: How?, placeholder: x}", "placeholder: unknown key"),
        ("{id: A b, text: Why?}", "is not a valid id"),
        ("{text: Why?}", 'missing required key "id"'),
        (
            "{id: a, text: Why?, scale: How?}",
            "a question has exactly one of scale, text, choice or feelings",
        ),
        ("{id: a, ask: Why?}", "a question needs one of scale, text, choice or feelings"),
    ],
)
def test_question_rules(tmp_path: Path, question: str, message: str) -> None:
    text = MINIMAL_PRACTICE + f"reflection:\n  after:\n    - {question}\n"
    assert message in only_problem(tmp_path, text)


def test_question_ids_are_unique_within_a_list(tmp_path: Path) -> None:
    text = (
        MINIMAL_PRACTICE + "reflection:\n  after:\n    - {id: a, text: X}\n    - {id: a, text: Y}\n"
    )
    assert 'question id "a" is used twice (first at line 11)' in only_problem(tmp_path, text)


def test_the_same_id_before_and_after_must_be_the_same_kind(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE + (
        "reflection:\n  before: [{id: a, scale: X}]\n  after: [{id: a, text: Y}]\n"
    )
    assert "the same id must be the same kind" in only_problem(tmp_path, text)


def test_ask_ids_do_not_clash_with_reflection_ids(tmp_path: Path) -> None:
    text = practice_with("- ask: {id: settled, scale: How now?}\n")
    assert 'question id "settled" is also used in reflection' in only_problem(tmp_path, text)


def test_lengths_are_checked_in_every_spoken_language(tmp_path: Path) -> None:
    dutch = " ".join(["woord"] * 60)  # 24 s in Dutch; the English takes under a second
    text = practice_with(
        f"- say: {{en: Hello., nl: {dutch}}}\n  pause: 0\n- silence: {{flex: 1, min: 30s}}\n",
        extra="lengths: [40s, 1m]\n",
    )
    assert only_problem(tmp_path, text) == (
        "p.yaml:7:11: lengths[1]: 40s is too short in nl: the fixed parts take 24s plus 30s "
        "of minimums (14s more needed)"
    )


def test_a_practice_too_big_to_play_is_refused(tmp_path: Path) -> None:
    text = practice_with("- repeat: 1000\n  steps:\n    - repeat: 1000\n      steps: [{say: hi}]\n")
    assert only_problem(tmp_path, text) == (
        "p.yaml:8:3: steps: this practice is too long to play: 1,000,000 steps and breaths "
        "once its repeats are unrolled, and Attune plays at most 100,000"
    )


def test_elastic_breathing_counts_its_possible_cycles(tmp_path: Path) -> None:
    text = practice_with("- breathe: {in: 0.1s, out: 0.1s, for: flex}\n", extra="lengths: [10h]\n")
    assert "steps: this practice is too long to play: 180,000 steps" in only_problem(tmp_path, text)


# --- messages that help people mend their files ---------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ('"4 sec"', 'did you mean "4s"?'),
        ("5min", 'did you mean "5m"?'),
        ("2 Minutes", 'did you mean "2m"?'),
    ],
)
def test_spelled_out_durations_get_a_suggestion(tmp_path: Path, written: str, hint: str) -> None:
    assert only_problem(tmp_path, practice_with(f"- silence: {written}\n")).endswith(hint)


def test_durations_over_a_day_are_refused(tmp_path: Path) -> None:
    assert only_problem(tmp_path, practice_with("- silence: 25h\n")) == (
        'p.yaml:8:14: steps[1].silence: expected a duration of at most 24h, got "25h"'
    )


def test_an_id_with_capitals_gets_a_suggestion(tmp_path: Path) -> None:
    message = only_problem(tmp_path, MINIMAL_PRACTICE.replace("id: tiny", "id: Feet On Floor"))
    assert message.endswith('did you mean "feet-on-floor"?')


def test_a_typo_in_a_required_key_is_one_message(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace("summary:", "sumary:")
    assert (
        only_problem(tmp_path, text) == 'p.yaml:6:1: sumary: unknown key; did you mean "summary"?'
    )


def test_a_comma_in_a_flow_mapping_text_is_explained(tmp_path: Path) -> None:
    text = practice_with("- say: {en: In for four, out for six}\n")
    assert only_problem(tmp_path, text).endswith(
        'a comma inside { } starts a new entry: put the text in "double quotes"'
    )


def test_a_key_indented_among_translations_is_explained(tmp_path: Path) -> None:
    text = practice_with("- say:\n    en: Hello.\n    pause: 3s\n")
    assert only_problem(tmp_path, text) == (
        'p.yaml:10:7: steps[1].say.pause: expected a language code like "en" or "nl", got '
        '"pause"; "pause" belongs beside the text, not among its translations: line it up '
        "with the key of the text"
    )


# --- numbers that fit where they are kept ------------------------------------------------


def test_a_version_larger_than_the_journal_keeps_is_refused(tmp_path: Path) -> None:
    text = practice_with(extra=f"version: {2**63}\n")
    assert only_problem(tmp_path, text) == (
        f"p.yaml:7:10: version: expected a number at least 0 and at most {2**63 - 1}, got {2**63}"
    )
    largest = load_practice_text(tmp_path, practice_with(extra=f"version: {2**63 - 1}\n"))
    assert largest.version == 2**63 - 1


@pytest.mark.parametrize(("low", "high"), [(3_000_000_000, 3_000_000_010), (-(2**31) - 5, 0)])
def test_a_scale_beyond_what_the_slider_holds_is_refused(
    tmp_path: Path, low: int, high: int
) -> None:
    text = practice_with(
        extra=f"""\
        reflection:
          before:
            - scale: How calm?
              id: calm
              min: {low}
              max: {high}
        """
    )
    bound = f"expected a number at least {-(2**31)} and at most {2**31 - 1}"
    out_of_range = [v for v in (low, high) if not -(2**31) <= v < 2**31]
    assert problems_of(tmp_path, text) == [
        f"p.yaml:{11 if v == low else 12}:12: reflection.before[1].{'min' if v == low else 'max'}:"
        f" {bound}, got {v}"
        for v in out_of_range
    ]


@pytest.mark.parametrize("written", ["flx", "flexx", "Flex", "felx"])
def test_a_near_miss_of_flex_is_suggested(tmp_path: Path, written: str) -> None:
    text = practice_with(f"- say: Hello.\n  pause: {written}\n- silence: {written}\n")
    assert problems_of(tmp_path, text) == [
        f'p.yaml:{line}:{col}: {where}: expected a duration like "4s" or "1m30s", or "flex", '
        f'got "{written}"; did you mean "flex"?'
        for line, col, where in ((9, 12, "steps[1].pause"), (10, 14, "steps[2].silence"))
    ]


def test_every_problem_comes_at_once_and_in_the_order_of_the_file(tmp_path: Path) -> None:
    text = """\
attune: practice/1
id: Bad_Id
title: Order
kind: breathin
language: en
summary: s.
reflection:
  after:
    - choice: Which?
      id: q
      options: [one]
      multiple: yes
steps:
  - say: Hello.
    pause: flx
  - bell: bowel
"""
    found = problems_of(tmp_path, text)
    places = [tuple(int(n) for n in line.split(":")[1:3]) for line in found]
    assert places == sorted(places)
    assert [line.split(": ", 1)[0] for line in found] == [
        "p.yaml:2:5",
        "p.yaml:4:7",
        "p.yaml:11:16",
        "p.yaml:12:17",
        "p.yaml:15:12",
        "p.yaml:16:11",
    ]
    assert (
        found[3] == 'p.yaml:12:17: reflection.after[1].multiple: expected true or false, got "yes"'
    )
