"""Laying out: the unrolled, measured steps placed end to end from 0, each given its
share of elastic time, into segments, sound cues, holds and section marks."""

from __future__ import annotations

from typing import Final

from desktop_app.core.model import (
    Ask,
    Audio,
    Bell,
    Breathe,
    Flex,
    Question,
    Say,
    Section,
    Silence,
    Wait,
)
from desktop_app.core.text import Text
from desktop_app.core.timeline.measure import Played, span_seconds
from desktop_app.core.timeline.parts import (
    BellCue,
    BreathCycle,
    ClipCue,
    Hold,
    SectionMark,
    Segment,
    SegmentKind,
    SoundCue,
    SpeechCue,
    ToneCue,
)
from desktop_app.core.timeline.voice import Line, Voice

#: A breathing block's leftover below this is float noise, not quiet time worth a segment.
_LEFTOVER_EPSILON: Final = 1e-9


class Layout:
    """Lays items end to end from 0, collecting segments, sounds, holds and sections.

    Each segment starts exactly where the previous one ended (the same float), so the
    timeline has no gaps or overlaps by construction.
    """

    def __init__(self, voice: Voice) -> None:
        self._voice = voice
        self._t = 0.0
        self._section: int | None = None
        self._section_image: str | None = None
        self._step = -1
        self.segments: list[Segment] = []
        self.sections: list[SectionMark] = []
        self.holds: list[Hold] = []
        self.sounds: list[SoundCue] = []
        self.step_starts: list[float] = []

    @property
    def total(self) -> float:
        return self._t

    def add_section(self, section: Section) -> None:
        title = self._voice.show(section.title)
        self.sections.append(SectionMark(self._t, title, len(self.step_starts)))
        self._section = len(self.sections) - 1
        # A section takes no time, so its image can only mean "during this section".
        self._section_image = section.image

    def add_step(self, played: Played, share: float) -> None:
        self._step = len(self.step_starts)
        self.step_starts.append(self._t)
        step = played.step
        match step:
            case Say():
                self._say(played, step, share)
            case Silence():
                seconds = share if isinstance(step.duration, Flex) else span_seconds(step.duration)
                self._segment(played, "silence", seconds, self._shown(step.text))
            case Breathe():
                self._breathe(played, step, share)
            case Bell():
                self._bell(played, step)
            case Audio():
                self._audio(played, step)
            case Wait():
                self._wait(played)
            case Ask():
                self._ask(played, step)

    def _say(self, played: Played, step: Say, share: float) -> None:
        line = _line_of(played)
        self._speak(line)
        pause = share if isinstance(step.pause, Flex) else span_seconds(step.pause)
        self._segment(played, "say", line.seconds + pause, line.shown, spoken=line.seconds)

    def _wait(self, played: Played) -> None:
        line = _line_of(played)
        self._speak(line)
        segment = self._segment(played, "wait", line.seconds, line.shown, spoken=line.seconds)
        # Only the speech is timed; the waiting itself happens at one instant.
        self.holds.append(Hold(segment.end, self._step, "wait"))

    def _ask(self, played: Played, step: Ask) -> None:
        prompt = self._voice.show(step.question.prompt)
        self._segment(played, "ask", 0.0, prompt, question=step.question)
        self.holds.append(Hold(self._t, self._step, "ask"))

    def _bell(self, played: Played, step: Bell) -> None:
        start = self._t
        for ring in range(step.times):
            self.sounds.append(BellCue(start + ring * step.gap, step.sound, self._step))
        self._segment(played, "bell", step.times * step.gap, None)

    def _audio(self, played: Played, step: Audio) -> None:
        seconds = played.fixed  # the measured clip length
        self.sounds.append(ClipCue(self._t, seconds, step.path, self._step))
        self._segment(played, "audio", seconds, self._shown(step.text))

    def _breathe(self, played: Played, step: Breathe, share: float) -> None:
        start = self._t
        if step.cycles is not None:
            count, block = step.cycles, None
        else:
            block = share if isinstance(step.span, Flex) else span_seconds(step.span)
            count = step.cycles_fitting(block)
        cycles = self._cycles(step, count, start)
        paced_end = cycles[-1].end if cycles else start
        text = self._shown(step.text)
        if block is None:
            self._segment(played, "breathe", paced_end - start, text, cycles=cycles)
            return
        # `for:` takes whole cycles only; what is left over is quiet at the block's end.
        block_end = start + block
        if block_end - paced_end < _LEFTOVER_EPSILON:
            self._segment(played, "breathe", block, text, cycles=cycles)
            return
        self._segment(played, "breathe", paced_end - start, text, cycles=cycles)
        self._segment(played, "silence", block_end - self._t, None)

    def _cycles(self, step: Breathe, count: int, start: float) -> tuple[BreathCycle, ...]:
        cycles: list[BreathCycle] = []
        at = start
        for index in range(count):
            cycle = BreathCycle(at, *step.cycle(index, count))
            cycles.append(cycle)
            self._breath_cues(step, cycle)
            at = cycle.end
        return tuple(cycles)

    def _breath_cues(self, step: Breathe, cycle: BreathCycle) -> None:
        for phase, at, seconds in cycle.phases():
            if seconds <= 0 or step.cue == "none":
                continue
            if step.cue == "tone":
                self.sounds.append(ToneCue(at, seconds, phase, self._step))
                continue
            word, language = self._voice.breath_word(phase)
            # A slow voice must not talk over the next phase's cue.
            spoken = min(self._voice.speech(word, language), seconds)
            self.sounds.append(SpeechCue(at, spoken, word, language, self._step, "cue"))

    def _speak(self, line: Line) -> None:
        if line.plain:
            cue = SpeechCue(
                self._t, line.seconds, line.plain, line.language, self._step, "narration"
            )
            self.sounds.append(cue)

    def _shown(self, text: Text | None) -> str | None:
        return None if text is None else self._voice.show(text)

    def _segment(
        self,
        played: Played,
        kind: SegmentKind,
        seconds: float,
        text: str | None,
        *,
        spoken: float = 0.0,
        cycles: tuple[BreathCycle, ...] = (),
        question: Question | None = None,
    ) -> Segment:
        start = self._t
        self._t = start + seconds
        segment = Segment(
            start=start,
            end=self._t,
            kind=kind,
            step=self._step,
            text=text,
            section=self._section,
            source=played.step,
            spoken=spoken,
            cycles=cycles,
            question=question,
            image=played.image or self._section_image,
        )
        self.segments.append(segment)
        return segment


def _line_of(played: Played) -> Line:
    if played.line is None:  # pragma: no cover - measuring sets it for every say and wait
        raise AssertionError(f"{type(played.step).__name__} step was not measured")
    return played.line
