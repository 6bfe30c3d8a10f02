"""Load and validate a practice file (`attune: practice/1`) into a `Practice`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from desktop_app.core import documents
from desktop_app.core.durations import format_duration
from desktop_app.core.files import read_limited
from desktop_app.core.model import (
    AUDIO_EXTENSIONS,
    BELL_SOUNDS,
    BREATH_CUES,
    IMAGE_EXTENSIONS,
    NOISE_BACKGROUNDS,
    PRACTICE_KINDS,
    Ask,
    Audio,
    Bell,
    BreathCue,
    Breathe,
    ChoiceQuestion,
    FeelingsQuestion,
    Flex,
    MeasureClip,
    Pos,
    Practice,
    Question,
    Ramp,
    Reflection,
    Repeat,
    Say,
    ScaleQuestion,
    Section,
    Silence,
    Step,
    TextQuestion,
    Wait,
    spoken_languages,
)
from desktop_app.core.problems import InvalidFile, Problem, join
from desktop_app.core.reader import Reader
from desktop_app.core.text import Text
from desktop_app.core.timeline import MAX_LAYOUT_SIZE, layout_size, time_budget
from desktop_app.core.yaml_tree import Mapping, Node, Scalar, Sequence

T = TypeVar("T")


STEP_ACTIONS = ("section", "say", "silence", "breathe", "bell", "audio", "wait", "ask", "repeat")
COMMON_STEP_KEYS = ("image", "note")
ACTION_KEYS = {
    "say": ("pause",),
    "silence": ("text",),
    "audio": ("text",),
    "repeat": ("steps",),
}
QUESTION_KINDS = {
    "scale": ("min", "max", "low", "high"),
    "text": ("placeholder",),
    "choice": ("options", "multiple"),
    "feelings": (),
}
TOP_REQUIRED = ("attune", "id", "title", "kind", "language", "summary", "steps")
TOP_OPTIONAL = (
    "description",
    "author",
    "license",
    "version",
    "tags",
    "lengths",
    "safety",
    "narration",
    "background",
    "reflection",
)
MAX_REPEAT = 1000
MAX_VERSION = documents.MAX_VERSION
#: The values a scale may take: what the window's slider holds (a 32-bit integer).
SCALE_RANGE = (-(2**31), 2**31 - 1)


def default_reflection() -> Reflection:
    """Asked when a practice has no `reflection` key (formats.md)."""
    settled = Text(
        (("en", "How settled do you feel right now?"), ("nl", "Hoe rustig voel je je nu?")), "en"
    )
    low = Text((("en", "Not at all"), ("nl", "Helemaal niet")), "en")
    high = Text((("en", "Completely"), ("nl", "Helemaal")), "en")
    noticed = Text((("en", "What did you notice?"), ("nl", "Wat merkte je op?")), "en")
    return Reflection(
        before=(ScaleQuestion("settled", settled, 0, 10, low, high),),
        after=(
            ScaleQuestion("settled", settled, 0, 10, low, high),
            TextQuestion("noticed", noticed),
        ),
    )


def load_practice(
    path: Path,
    *,
    display: str | None = None,
    media_root: Path | None = None,
    measure_clip: MeasureClip | None = None,
) -> Practice:
    """Read a practice file; raise InvalidFile with every problem found."""
    file = display or str(path)
    data = read_limited(path, file)
    return read_practice(
        data, file, source=path, media_root=media_root or path.parent, measure_clip=measure_clip
    )


def read_practice(
    data: bytes,
    file: str,
    *,
    source: Path | None = None,
    media_root: Path | None = None,
    measure_clip: MeasureClip | None = None,
) -> Practice:
    document = documents.read_document(data, file)
    if document.kind != "practice":
        raise InvalidFile([wrong_kind(document, "practice")])
    return practice_from_tree(
        document.root, file, source=source, media_root=media_root, measure_clip=measure_clip
    )


def wrong_kind(document: documents.Document, wanted: str) -> Problem:
    return Problem(
        document.file,
        document.root.items[0][1].pos,
        f'expected a {wanted} file ("attune: {wanted}/1"), got a {document.kind} file',
        "attune",
    )


def practice_from_tree(
    root: Mapping,
    file: str,
    *,
    source: Path | None = None,
    media_root: Path | None = None,
    measure_clip: MeasureClip | None = None,
) -> Practice:
    reader = Reader(file)
    language = documents.file_language(reader, root)
    builder = _PracticeBuilder(reader, media_root, measure_clip)
    keys = reader.fields(root, "", TOP_REQUIRED, TOP_OPTIONAL)

    def read(name: str, how: Callable[[Node, str], T | None]) -> T | None:
        return how(keys[name], name) if name in keys else None

    practice_id = read("id", reader.slug)
    title = read("title", reader.text)
    kind = read("kind", lambda n, p: reader.one_of(n, p, PRACTICE_KINDS))
    summary = read("summary", reader.text)
    description = read("description", reader.text)
    author = read("author", reader.string)
    license_ = read("license", reader.string)
    version = read("version", lambda n, p: reader.integer(n, p, 0, MAX_VERSION))
    tags = read("tags", builder.tags) or ()
    lengths_read = read("lengths", builder.lengths)
    safety = read("safety", reader.text)
    rate = read("narration", builder.narration)
    background = read("background", builder.background)
    steps = read("steps", builder.steps)
    reflection = (
        read("reflection", builder.reflection) if "reflection" in keys else default_reflection()
    )

    if steps is not None and reflection is not None:
        builder.check_question_ids(steps, reflection)
    if reader.failed or None in (practice_id, title, kind, summary, steps, reflection):
        raise InvalidFile(reader.problems)
    assert practice_id and title and kind and summary and steps is not None and reflection
    lengths, length_positions = lengths_read or ((), ())
    practice = Practice(
        id=practice_id,
        title=title,
        kind=kind,
        language=language,
        summary=summary,
        steps=steps,
        reflection=reflection,
        description=description,
        author=author,
        license=license_,
        version=version,
        tags=tags,
        lengths=lengths,
        safety=safety,
        narration_rate=rate if rate is not None else 1.0,
        background=background,
        extras=reader.extras(root),
        source=source,
        media_root=media_root,
        id_pos=keys["id"].pos,
        length_positions=length_positions,
    )
    _check_time(reader, practice, keys, builder)
    if reader.failed:
        raise InvalidFile(reader.problems)
    return practice


def _check_time(
    reader: Reader, practice: Practice, keys: dict[str, Node], builder: _PracticeBuilder
) -> None:
    """The elastic-time rules of formats.md, with speech estimated at 150 words/min in
    every language the practice speaks, and the size limit of a laid-out practice.
    Clips count with their measured length (0 when they could not be measured)."""
    elastic = builder.elastic
    if not practice.lengths:
        for pos, path in elastic:
            reader.report(
                pos,
                path,
                "this part is elastic (flex), but the practice has no "
                '"lengths" to stretch to; add lengths or give it a fixed duration',
            )
    elif not elastic:
        reader.report(
            keys["lengths"],
            "lengths",
            "a practice with lengths needs at least one elastic part to stretch "
            "(silence: flex, pause: flex, or breathe with for: flex)",
        )
    else:
        for language in spoken_languages(practice):
            _check_lengths(reader, practice, builder.clip_seconds, language)
    size = layout_size(practice.steps, max(practice.lengths, default=0.0))
    if size > MAX_LAYOUT_SIZE:
        reader.report(
            keys["steps"],
            "steps",
            f"this practice is too long to play: {size:,} steps and breaths once its repeats "
            f"are unrolled, and Attune plays at most {MAX_LAYOUT_SIZE:,}",
        )


def _check_lengths(
    reader: Reader, practice: Practice, clip_seconds: dict[str, float], language: str
) -> None:
    budget = time_budget(
        practice, clip_length=lambda path: clip_seconds.get(path, 0.0), language=language
    )
    needed = budget.fixed + budget.minimums
    spoken_in = "" if language == practice.language else f" in {language}"
    for index, (length, pos) in enumerate(
        zip(practice.lengths, practice.length_positions, strict=True)
    ):
        if length + 1e-9 < needed:
            reader.report(
                pos,
                join("lengths", index),
                f"{format_duration(length)} is too short{spoken_in}: the fixed parts take "
                f"{format_duration(budget.fixed)} plus {format_duration(budget.minimums)} "
                f"of minimums ({format_duration(needed - length)} more needed)",
            )


class _PracticeBuilder:
    """Reads the parts of a practice; every method records problems on the reader."""

    def __init__(
        self, reader: Reader, media_root: Path | None, measure_clip: MeasureClip | None
    ) -> None:
        self.r = reader
        self.media_root = media_root
        self.measure_clip = measure_clip
        self.asks: list[Question] = []
        self.clip_seconds: dict[str, float] = {}
        self.elastic: list[tuple[Pos, str]] = []  # where each flex part was written

    # --- top-level parts ----------------------------------------------------------

    def tags(self, node: Node, path: str) -> tuple[str, ...] | None:
        values = [
            self.r.string(item, p, "a tag")
            for p, item in self.r.items(node, path, "a list of tags")
        ]
        return tuple(v for v in values if v is not None)

    def lengths(self, node: Node, path: str) -> tuple[tuple[float, ...], tuple[Pos, ...]] | None:
        items = self.r.items(node, path, "a list of lengths like [5m, 10m]")
        if not items and isinstance(node, Sequence):
            self.r.report(node, path, "expected at least one length")
        found: dict[float, Pos] = {}
        for item_path, item in items:
            seconds = self.r.duration(item, item_path)
            if seconds is None:
                continue
            if seconds in found:
                self.r.report(
                    item,
                    item_path,
                    f"{format_duration(seconds)} is listed twice "
                    f"(first at line {found[seconds].line})",
                )
                continue
            found[seconds] = item.pos
        return tuple(found), tuple(found.values())

    def narration(self, node: Node, path: str) -> float | None:
        mapping = self.r.mapping(node, path)
        if mapping is None:
            return None
        keys = self.r.fields(mapping, path, (), ("rate",))
        if "rate" not in keys:
            return None
        return self.r.number(keys["rate"], join(path, "rate"), 0.5, 2.0)

    def background(self, node: Node, path: str) -> str | None:
        if isinstance(node, Scalar) and node.text in ("none", *NOISE_BACKGROUNDS):
            return None if node.text == "none" else node.text
        if isinstance(node, Scalar) and "." not in node.text:
            return self.r.one_of(node, path, ("none", *NOISE_BACKGROUNDS))
        return self.media(node, path, AUDIO_EXTENSIONS, "an audio file")

    def media(self, node: Node, path: str, extensions: tuple[str, ...], what: str) -> str | None:
        value = documents.media_path(self.r, node, path, extensions, what)
        if value is None or self.media_root is None or (self.media_root / value).is_file():
            return value
        self.r.report(
            node, path, f'media file not found: "{value}" (looked in {self.media_root.resolve()})'
        )
        return None

    def span(self, node: Node, path: str, allow_zero: bool = False) -> float | Flex | None:
        """A duration or an elastic part; elastic parts are remembered for the time rules."""
        span = self.r.span(node, path, allow_zero)
        if isinstance(span, Flex):
            self.elastic.append((node.pos, path))
        return span

    def clip(self, node: Node, path: str) -> str | None:
        """An audio clip's path, measured when a measurer is given."""
        clip = self.media(node, path, AUDIO_EXTENSIONS, "an audio clip")
        if clip is None or self.measure_clip is None or self.media_root is None:
            return clip
        try:
            self.clip_seconds[clip] = self.measure_clip(self.media_root / clip)
        except ValueError as error:
            self.r.report(node, path, f'cannot read "{clip}" as audio: {error}')
            return None
        return clip

    # --- steps --------------------------------------------------------------------

    def steps(self, node: Node, path: str) -> tuple[Step, ...] | None:
        items = self.r.items(node, path, "a list of steps")
        if not items and isinstance(node, Sequence):
            self.r.report(node, path, "expected at least one step")
        built = [self.step(item, item_path) for item_path, item in items]
        if any(step is None for step in built):
            return None
        return tuple(step for step in built if step is not None)

    def step(self, node: Node, path: str) -> Step | None:
        mapping = self.r.mapping(node, path, "a step such as {say: ...} or {silence: 30s}")
        if mapping is None:
            return None
        actions = [key for key, _ in mapping.items if key.text in STEP_ACTIONS]
        if len(actions) != 1:
            if actions:
                names = ", ".join(a.text for a in actions)
                self.r.report(
                    actions[1],
                    path,
                    f"a step has exactly one action, got {names}; split it into separate steps",
                )
            else:
                self.r.fields(mapping, path, (), STEP_ACTIONS + COMMON_STEP_KEYS)
                self.r.report(mapping, path, "a step needs one action: " + ", ".join(STEP_ACTIONS))
            return None
        action = actions[0].text
        keys = self.r.fields(
            mapping, path, (action,), COMMON_STEP_KEYS + ACTION_KEYS.get(action, ())
        )
        image = None
        if "image" in keys:
            image = self.media(keys["image"], join(path, "image"), IMAGE_EXTENSIONS, "an image")
        if "note" in keys:
            self.r.string(keys["note"], join(path, "note"))
        pos = actions[0].pos
        value, value_path = keys[action], join(path, action)
        if action == "section":
            title = self.r.text(value, value_path)
            return Section(title, image, pos) if title else None
        if action == "say":
            return self.say(value, value_path, keys, path, image, pos)
        if action == "silence":
            return self.silence(value, value_path, keys, path, image, pos)
        if action == "breathe":
            return self.breathe(value, value_path, image, pos)
        if action == "bell":
            return self.bell(value, value_path, image, pos)
        if action == "audio":
            clip = self.clip(value, value_path)
            text = self.r.text(keys["text"], join(path, "text")) if "text" in keys else None
            return Audio(clip, text, image, pos) if clip else None
        if action == "wait":
            wait_text = self.r.text(value, value_path)
            return Wait(wait_text, image, pos) if wait_text else None
        if action == "ask":
            question = self.question(value, value_path)
            if question is None:
                return None
            self.asks.append(question)
            return Ask(question, image, pos)
        return self.repeat(value, value_path, keys, path, image, pos)

    def say(
        self,
        value: Node,
        value_path: str,
        keys: dict[str, Node],
        path: str,
        image: str | None,
        pos: Pos,
    ) -> Say | None:
        text = self.r.text(value, value_path)
        pause: float | Flex | None = 1.0
        if "pause" in keys:
            pause = self.span(keys["pause"], join(path, "pause"), allow_zero=True)
        if text is None or pause is None:
            return None
        return Say(text, pause, image, pos)

    def silence(
        self,
        value: Node,
        value_path: str,
        keys: dict[str, Node],
        path: str,
        image: str | None,
        pos: Pos,
    ) -> Silence | None:
        duration = self.span(value, value_path)
        text = self.r.text(keys["text"], join(path, "text")) if "text" in keys else None
        if duration is None or ("text" in keys and text is None):
            return None
        return Silence(duration, text, image, pos)

    def breathe(self, value: Node, path: str, image: str | None, pos: Pos) -> Breathe | None:
        mapping = self.r.mapping(value, path, "a mapping with in, out and cycles or for")
        if mapping is None:
            return None
        keys = self.r.fields(
            mapping, path, ("in", "out"), ("hold", "rest", "cycles", "for", "cue", "text")
        )
        inhale = (
            self.phase(keys["in"], join(path, "in"), allow_zero=False) if "in" in keys else None
        )
        exhale = (
            self.phase(keys["out"], join(path, "out"), allow_zero=False) if "out" in keys else None
        )
        hold = self.phase(keys["hold"], join(path, "hold"), True) if "hold" in keys else Ramp(0, 0)
        rest = self.phase(keys["rest"], join(path, "rest"), True) if "rest" in keys else Ramp(0, 0)
        cycles = None
        span: float | Flex | None = None
        if "cycles" in keys and "for" in keys:
            second = max(keys["cycles"].pos, keys["for"].pos)
            self.r.report(
                second,
                path,
                'has both "cycles" and "for"; keep one: a number of '
                'breaths, or how long to breathe ("for: 2m" or "for: flex")',
            )
            return None
        if "cycles" not in keys and "for" not in keys:
            self.r.report(
                mapping,
                path,
                'needs "cycles" (how many breaths) or "for" (how long: a duration, or "flex")',
            )
            return None
        if "cycles" in keys:
            cycles = self.r.integer(keys["cycles"], join(path, "cycles"), 1, 10_000)
            if cycles is None:
                return None
        else:
            span = self.span(keys["for"], join(path, "for"))
            if span is None:
                return None
        cue: BreathCue = "tone"
        if "cue" in keys:
            cue = cast(BreathCue, self.r.one_of(keys["cue"], join(path, "cue"), BREATH_CUES) or cue)
        text = self.r.text(keys["text"], join(path, "text")) if "text" in keys else None
        if inhale is None or exhale is None or hold is None or rest is None:
            return None
        return Breathe(inhale, exhale, hold, rest, cycles, span, cue, text, image, pos)

    def phase(self, node: Node, path: str, allow_zero: bool) -> Ramp | None:
        if isinstance(node, Mapping):
            keys = self.r.fields(node, path, ("from", "to"))
            start = (
                self.r.duration(keys["from"], join(path, "from"), allow_zero)
                if "from" in keys
                else None
            )
            end = (
                self.r.duration(keys["to"], join(path, "to"), allow_zero) if "to" in keys else None
            )
            return Ramp(start, end) if start is not None and end is not None else None
        seconds = self.r.duration(node, path, allow_zero)
        return Ramp.constant(seconds) if seconds is not None else None

    def bell(self, value: Node, path: str, image: str | None, pos: Pos) -> Bell | None:
        if isinstance(value, Mapping):
            keys = self.r.fields(value, path, ("sound",), ("times", "gap"))
            sound = (
                self.r.one_of(keys["sound"], join(path, "sound"), BELL_SOUNDS)
                if "sound" in keys
                else None
            )
            times = (
                self.r.integer(keys["times"], join(path, "times"), 1, 100) if "times" in keys else 1
            )
            gap = self.r.duration(keys["gap"], join(path, "gap")) if "gap" in keys else 4.0
            if sound is None or times is None or gap is None:
                return None
            return Bell(sound, times, gap, image, pos)
        sound = self.r.one_of(value, path, BELL_SOUNDS)
        return Bell(sound, image=image, pos=pos) if sound else None

    def repeat(
        self,
        value: Node,
        value_path: str,
        keys: dict[str, Node],
        path: str,
        image: str | None,
        pos: Pos,
    ) -> Repeat | None:
        times = self.r.integer(value, value_path, 1, MAX_REPEAT)
        if "steps" not in keys:
            self.r.report(value, path, 'a repeat needs "steps", the steps to repeat')
            return None
        steps = self.steps(keys["steps"], join(path, "steps"))
        if times is None or steps is None:
            return None
        return Repeat(times, steps, image, pos)

    # --- questions ----------------------------------------------------------------

    def reflection(self, node: Node, path: str) -> Reflection | None:
        mapping = self.r.mapping(node, path, "a mapping with before and after")
        if mapping is None:
            return None
        keys = self.r.fields(mapping, path, (), ("before", "after"))
        parts: dict[str, tuple[Question, ...]] = {}
        for when in ("before", "after"):
            if when not in keys:
                parts[when] = ()
                continue
            items = self.r.items(keys[when], join(path, when), "a list of questions")
            read = [self.question(item, item_path) for item_path, item in items]
            parts[when] = tuple(q for q in read if q is not None)
            self.unique_ids(parts[when], join(path, when))
        return Reflection(parts["before"], parts["after"])

    def question(self, node: Node, path: str) -> Question | None:
        mapping = self.r.mapping(
            node, path, "a question with an id and one of scale, text, choice or feelings"
        )
        if mapping is None:
            return None
        kinds = [key for key, _ in mapping.items if key.text in QUESTION_KINDS]
        if len(kinds) != 1:
            if kinds:
                self.r.report(
                    kinds[1],
                    path,
                    "a question has exactly one of scale, text, choice "
                    f"or feelings, got {', '.join(k.text for k in kinds)}",
                )
            else:
                self.r.report(
                    mapping, path, "a question needs one of scale, text, choice or feelings"
                )
            return None
        kind = kinds[0].text
        keys = self.r.fields(mapping, path, ("id", kind), QUESTION_KINDS[kind])
        qid = self.r.slug(keys["id"], join(path, "id")) if "id" in keys else None
        prompt = self.r.text(keys[kind], join(path, kind))
        extra: dict[str, Text | None] = {}
        for name in ("low", "high", "placeholder"):
            if name in keys:
                extra[name] = self.r.text(keys[name], join(path, name))
        pos = mapping.pos
        if qid is None or prompt is None:
            return None
        if kind == "scale":
            low = (
                self.r.integer(keys["min"], join(path, "min"), *SCALE_RANGE) if "min" in keys else 0
            )
            high = (
                self.r.integer(keys["max"], join(path, "max"), *SCALE_RANGE)
                if "max" in keys
                else 10
            )
            if low is None or high is None:
                return None
            if high <= low:
                self.r.report(
                    keys.get("max", mapping),
                    join(path, "max"),
                    f"max ({high}) must be greater than min ({low})",
                )
                return None
            if high - low > 100:
                self.r.report(
                    keys.get("max", mapping),
                    join(path, "max"),
                    "a scale has at most 100 steps between min and max",
                )
                return None
            return ScaleQuestion(qid, prompt, low, high, extra.get("low"), extra.get("high"), pos)
        if kind == "text":
            return TextQuestion(qid, prompt, extra.get("placeholder"), pos)
        if kind == "choice":
            return self.choice(qid, prompt, keys, path, mapping)
        return FeelingsQuestion(qid, prompt, pos)

    def choice(
        self, qid: str, prompt: Text, keys: dict[str, Node], path: str, mapping: Mapping
    ) -> ChoiceQuestion | None:
        if "options" not in keys:
            self.r.report(mapping, path, 'a choice needs "options", a list of at least two answers')
            return None
        items = self.r.items(keys["options"], join(path, "options"), "a list of options")
        options = [self.r.text(item, item_path) for item_path, item in items]
        too_few = isinstance(keys["options"], Sequence) and len(items) < 2
        if too_few:
            self.r.report(keys["options"], join(path, "options"), "expected at least two options")
        # Read even when the options are wrong: every problem is reported in one go.
        multiple = (
            self.r.boolean(keys["multiple"], join(path, "multiple"))
            if "multiple" in keys
            else False
        )
        if too_few or multiple is None or any(o is None for o in options) or not items:
            return None
        return ChoiceQuestion(
            qid, prompt, tuple(o for o in options if o is not None), multiple, mapping.pos
        )

    def unique_ids(self, questions: tuple[Question, ...], path: str) -> None:
        seen: dict[str, Pos] = {}
        for question in questions:
            if question.id in seen:
                self.r.report(
                    question.pos,
                    path,
                    f'question id "{question.id}" is used twice '
                    f"(first at line {seen[question.id].line})",
                )
            seen.setdefault(question.id, question.pos)

    def check_question_ids(self, steps: tuple[Step, ...], reflection: Reflection) -> None:
        """Ids are unique within before, within after and among `ask` steps. The same id
        before and after must be the same kind, since the journal compares the two."""
        self.unique_ids(tuple(self.asks), "steps")
        reflected = {q.id: q for q in reflection.before + reflection.after}
        for question in self.asks:
            if question.id in reflected:
                self.r.report(
                    question.pos,
                    "steps",
                    f'question id "{question.id}" is also used in '
                    "reflection; give the ask step its own id",
                )
        after = {q.id: q for q in reflection.after}
        for question in reflection.before:
            twin = after.get(question.id)
            if twin is not None and type(twin) is not type(question):
                self.r.report(
                    twin.pos,
                    "reflection.after",
                    f'question "{question.id}" is asked '
                    "before as another kind of question; "
                    "the same id must be the same kind",
                )
