"""The session engine against a manual clock: playing, holds, skips, seeks and time practised."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.clock import Clock, ManualClock, MonotonicClock
from desktop_app.core.engine import PlayState, SessionEngine
from desktop_app.core.model import (
    Ask,
    Audio,
    Breathe,
    Flex,
    Practice,
    Ramp,
    Section,
    Silence,
    Step,
    TextQuestion,
    Wait,
)
from desktop_app.core.timeline import Hold, Timeline, compile_timeline
from tests.core import strategies
from tests.core.strategies import practice, text

QUESTION = TextQuestion("noticed", text("What do you notice?"))


def two_seconds_of_speech(plain: str, language: str) -> float:
    return 2.0


def compiled(*steps: Step, lengths: tuple[float, ...] = ()) -> Timeline:
    return compile_timeline(practice(*steps, lengths=lengths), speech_length=two_seconds_of_speech)


def session() -> tuple[SessionEngine, ManualClock]:
    """Sections One [0, 12), Two [12, 32), Three [32, 40]:

    step 0  silence   0 – 10
    step 1  wait     10 – 12, then holds at 12
    step 2  breathe  12 – 32 (in 4, out 6, two cycles)
    step 3  ask      32, holds at 32
    step 4  silence  32 – 40
    """
    timeline = compiled(
        Section(text("One")),
        Silence(10.0),
        Wait(text("Press continue")),
        Section(text("Two")),
        Breathe(inhale=Ramp.constant(4.0), exhale=Ramp.constant(6.0), cycles=2),
        Section(text("Three")),
        Ask(QUESTION),
        Silence(8.0),
    )
    clock = ManualClock(100.0)
    return SessionEngine(timeline, clock), clock


def playing_at(position: float) -> tuple[SessionEngine, ManualClock]:
    """The session, playing, at `position` (holds before it continued)."""
    engine, clock = session()
    engine.play()
    while engine.position < position:
        clock.advance(position - engine.position)
        engine.continue_()
    assert engine.position == position
    return engine, clock


# --- clocks ---------------------------------------------------------------------------


def test_manual_clock_moves_only_forward_when_told() -> None:
    clock = ManualClock(5.0)
    clock.advance(2.5)
    assert clock.now() == 7.5
    clock.set(10.0)
    assert clock.now() == 10.0
    with pytest.raises(ValueError, match="back"):
        clock.advance(-1.0)
    with pytest.raises(ValueError, match="back"):
        clock.set(9.0)
    with pytest.raises(ValueError, match="finite"):
        clock.advance(float("nan"))


def test_the_monotonic_clock_is_a_clock() -> None:
    clock = MonotonicClock()
    assert isinstance(clock, Clock)
    assert clock.now() <= clock.now()


# --- playing and pausing --------------------------------------------------------------


def test_ready_does_not_move() -> None:
    engine, clock = session()
    clock.advance(30.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.total) == (PlayState.READY, 0.0, 40.0)
    assert (snapshot.step, snapshot.kind, snapshot.section_title) == (0, "silence", "One")


def test_playing_follows_the_clock() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(3.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position) == (PlayState.PLAYING, 3.0)
    assert (snapshot.elapsed, snapshot.remaining) == (3.0, 37.0)


def test_pause_freezes_and_resume_goes_on() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(3.0)
    engine.pause()
    clock.advance(50.0)
    assert (engine.state, engine.position) == (PlayState.PAUSED, 3.0)
    engine.resume()
    clock.advance(1.0)
    assert (engine.state, engine.position) == (PlayState.PLAYING, 4.0)
    assert engine.practised == 4.0


def test_toggle_switches_between_playing_and_paused() -> None:
    engine, _ = session()
    states = []
    for _ in range(3):
        engine.toggle()
        states.append(engine.state)
    assert states == [PlayState.PLAYING, PlayState.PAUSED, PlayState.PLAYING]


# --- holds ----------------------------------------------------------------------------


def test_a_wait_holds_after_its_speech_until_continue() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(30.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.step) == (PlayState.WAITING, 12.0, 1)
    assert (snapshot.kind, snapshot.text) == ("wait", "Press continue")
    assert snapshot.waiting == Hold(12.0, 1, "wait")

    engine.continue_()
    clock.advance(1.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.step) == (PlayState.PLAYING, 13.0, 2)
    assert snapshot.waiting is None


def test_an_ask_holds_with_its_question_then_the_practice_finishes() -> None:
    engine, clock = playing_at(12.0)
    engine.continue_()
    clock.advance(25.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.step) == (PlayState.WAITING, 32.0, 3)
    assert (snapshot.question, snapshot.text) == (QUESTION, "What do you notice?")

    engine.continue_()
    clock.advance(100.0)
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.remaining) == (PlayState.FINISHED, 40, 0)
    assert snapshot.step == 4


def test_continue_does_nothing_unless_waiting() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(5.0)
    revision = engine.revision
    engine.continue_()
    assert (engine.state, engine.position, engine.revision) == (PlayState.PLAYING, 5.0, revision)


def test_pausing_at_a_hold_keeps_it() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(20.0)
    engine.pause()
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.step) == (PlayState.PAUSED, 12.0, 1)
    assert snapshot.waiting is None  # only while WAITING
    engine.resume()
    assert engine.state is PlayState.WAITING


def test_time_practised_counts_waiting_but_not_pauses_nor_time_after_the_end() -> None:
    engine, clock = session()
    engine.play()
    clock.advance(20.0)  # 12 s playing, then 8 s waiting at the wait
    engine.pause()
    clock.advance(600.0)
    engine.resume()
    engine.continue_()
    clock.advance(20.0)  # to the ask
    engine.continue_()
    clock.advance(1000.0)  # the last 8 s, then long after the end
    assert engine.state is PlayState.FINISHED
    assert engine.practised == 20.0 + 20.0 + 8.0


def test_an_ask_at_the_start_waits_at_once() -> None:
    engine = SessionEngine(compiled(Ask(QUESTION), Silence(3.0)), ManualClock())
    engine.play()
    assert (engine.state, engine.snapshot().step) == (PlayState.WAITING, 0)


# --- stopping and finishing -----------------------------------------------------------


def test_stop_is_final() -> None:
    engine, clock = playing_at(5.0)
    engine.stop()
    clock.advance(10.0)
    for control in (engine.play, engine.resume, engine.next_step, engine.previous_step):
        control()
    engine.seek(20.0)
    assert (engine.state, engine.position, engine.practised) == (PlayState.STOPPED, 5.0, 5.0)


def test_a_practice_without_steps_finishes_at_once() -> None:
    engine = SessionEngine(compiled(Section(text("Only a title"))), ManualClock())
    assert engine.snapshot().step is None
    engine.play()
    assert (engine.state, engine.snapshot().section) == (PlayState.FINISHED, None)


def test_from_the_end_one_can_go_back() -> None:
    engine, clock = playing_at(39.0)
    clock.advance(5.0)
    assert engine.state is PlayState.FINISHED
    engine.play()
    engine.next_step()
    engine.stop()
    assert (engine.state, engine.position) == (PlayState.FINISHED, 40.0)

    engine.previous_step()  # 8 s into the last step: back to its start, paused
    assert (engine.state, engine.position) == (PlayState.PAUSED, 32.0)

    engine, clock = playing_at(39.0)
    clock.advance(5.0)
    engine.seek(20.0)
    assert (engine.state, engine.position) == (PlayState.PAUSED, 20.0)


# --- skipping by step -----------------------------------------------------------------


def test_next_step_out_of_a_wait_moves_on() -> None:
    engine, _ = playing_at(11.0)
    engine.next_step()
    snapshot = engine.snapshot()
    assert (snapshot.state, snapshot.position, snapshot.step) == (PlayState.PLAYING, 12.0, 2)


def test_next_step_onto_an_ask_waits_there() -> None:
    engine, _ = playing_at(15.0)
    engine.next_step()
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.WAITING, 32, 3)


def test_skips_keep_ready_and_paused() -> None:
    ready, _ = session()
    ready.next_step()
    assert (ready.state, ready.position) == (PlayState.READY, 10.0)

    engine, _ = playing_at(5.0)
    engine.pause()
    engine.next_step()
    engine.next_step()
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.PAUSED, 12, 2)
    engine.next_step()
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.PAUSED, 32, 3)
    engine.play()
    assert engine.state is PlayState.WAITING


def test_next_step_after_the_last_one_finishes() -> None:
    engine, _ = playing_at(33.0)
    engine.next_step()
    assert (engine.state, engine.position) == (PlayState.FINISHED, 40.0)


def test_previous_step_goes_to_the_start_of_this_step_after_two_seconds() -> None:
    engine, _ = playing_at(25.0)
    engine.previous_step()
    assert (engine.position, engine.snapshot().step) == (12.0, 2)


def test_previous_step_within_two_seconds_goes_to_the_step_before() -> None:
    engine, clock = playing_at(25.0)
    engine.previous_step()
    clock.advance(2.0)  # exactly two seconds in: not more, so the step before
    engine.previous_step()
    assert (engine.position, engine.snapshot().step) == (10.0, 1)
    clock.advance(5.0)  # its hold is armed again
    assert (engine.state, engine.position) == (PlayState.WAITING, 12.0)


def test_previous_step_at_the_first_step_goes_to_the_start() -> None:
    engine, _ = playing_at(1.5)
    engine.previous_step()
    assert engine.position == 0.0


def test_steps_that_take_no_time_are_passed_over() -> None:
    timeline = compiled(Silence(5.0), Audio("media/unmeasured.ogg"), Silence(5.0))
    engine = SessionEngine(timeline, ManualClock())
    engine.next_step()
    assert (engine.position, engine.snapshot().step) == (5.0, 2)
    engine.previous_step()
    assert (engine.position, engine.snapshot().step) == (0.0, 0)


# --- skipping by section --------------------------------------------------------------


def test_next_section_goes_to_the_next_sections_start_and_past_the_last_to_the_end() -> None:
    engine, _ = playing_at(5.0)
    engine.next_section()
    snapshot = engine.snapshot()
    assert (snapshot.position, snapshot.section, snapshot.section_title) == (12.0, 1, "Two")
    engine.next_section()  # section Three opens with the ask
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.WAITING, 32, 3)
    engine.next_section()
    assert (engine.state, engine.position) == (PlayState.FINISHED, 40.0)


def test_previous_section_uses_the_same_two_second_rule() -> None:
    engine, clock = playing_at(32.0)
    engine.continue_()
    clock.advance(4.0)
    engine.previous_section()  # 4 s into Three: its start, which asks again
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.WAITING, 32, 3)
    engine.previous_section()  # at the start of Three: back to Two
    assert (engine.position, engine.snapshot().section_title) == (12.0, "Two")
    engine.previous_section()
    assert engine.position == 0.0
    engine.previous_section()
    assert engine.position == 0.0


def test_empty_sections_are_no_way_back() -> None:
    timeline = compiled(
        Section(text("A")), Silence(5.0), Section(text("B")), Section(text("C")), Silence(5.0)
    )
    engine = SessionEngine(timeline, ManualClock())
    engine.seek(6.0)
    engine.previous_section()
    assert engine.position == 0.0


# --- seeking --------------------------------------------------------------------------


def test_seek_arms_the_holds_from_where_it_lands() -> None:
    engine, clock = playing_at(5.0)
    engine.seek(20.0)
    assert (engine.state, engine.position, engine.snapshot().step) == (PlayState.PLAYING, 20, 2)
    clock.advance(20.0)
    assert (engine.state, engine.position) == (PlayState.WAITING, 32.0)  # the ask

    engine.seek(11.0)  # back inside the wait's speech: its hold again
    clock.advance(5.0)
    assert (engine.state, engine.position) == (PlayState.WAITING, 12.0)


def test_seeking_to_the_instant_of_an_ask_asks_it() -> None:
    engine, _ = playing_at(5.0)
    engine.seek(32.0)
    assert (engine.state, engine.snapshot().step) == (PlayState.WAITING, 3)


def test_seek_is_clamped_and_keeps_a_pause() -> None:
    engine, _ = session()
    with pytest.raises(ValueError, match="NaN"):
        engine.seek(float("nan"))
    engine.seek(-3.0)
    assert (engine.state, engine.position) == (PlayState.READY, 0.0)
    engine.play()
    engine.pause()
    engine.seek(1000.0)
    assert (engine.state, engine.position) == (PlayState.PAUSED, 40.0)
    engine.play()
    assert engine.state is PlayState.FINISHED


# --- breathing ------------------------------------------------------------------------


def test_the_breathing_phase_and_its_progress() -> None:
    engine, clock = playing_at(12.0)
    engine.continue_()
    clock.advance(1.0)
    snapshot = engine.snapshot()
    assert (snapshot.phase, snapshot.cycle, snapshot.cycles) == ("in", 0, 2)
    assert (snapshot.phase_progress, snapshot.phase_remaining, snapshot.phase_length) == (
        0.25,
        3.0,
        4.0,
    )
    clock.advance(17.0)  # 18 s into the block: 4 s into the second cycle's out-breath
    snapshot = engine.snapshot()
    assert (snapshot.phase, snapshot.cycle, snapshot.phase_remaining) == ("out", 1, 2.0)


def test_no_phase_in_the_quiet_after_the_last_whole_cycle() -> None:
    breathe = Breathe(inhale=Ramp.constant(4.0), exhale=Ramp.constant(6.0), span=25.0)
    engine = SessionEngine(compiled(breathe), ManualClock())
    engine.seek(22.0)
    snapshot = engine.snapshot()
    assert (snapshot.kind, snapshot.phase, snapshot.cycle, snapshot.cycles) == (
        "silence",
        None,
        None,
        0,
    )
    assert snapshot.phase_progress == 0.0


# --- revisions ------------------------------------------------------------------------


def test_the_revision_counts_control_actions_only() -> None:
    engine, clock = session()
    engine.pause()  # does nothing while ready
    assert engine.revision == 0
    engine.play()
    clock.advance(30.0)  # reaching the hold is not an action
    assert (engine.state, engine.revision) == (PlayState.WAITING, 1)
    engine.continue_()
    engine.next_step()
    engine.seek(3.0)
    engine.pause()
    assert engine.revision == 5


# --- properties -----------------------------------------------------------------------

Action = Callable[[SessionEngine], None]

FORWARD: dict[str, Action] = {
    "play": SessionEngine.play,
    "pause": SessionEngine.pause,
    "resume": SessionEngine.resume,
    "toggle": SessionEngine.toggle,
    "continue": SessionEngine.continue_,
    "next step": SessionEngine.next_step,
    "next section": SessionEngine.next_section,
    "nothing": lambda engine: None,
}
BACKWARD: dict[str, Action] = {
    "previous step": SessionEngine.previous_step,
    "previous section": SessionEngine.previous_section,
    "stop": SessionEngine.stop,
}


@st.composite
def sessions(draw: st.DrawFn) -> tuple[SessionEngine, ManualClock]:
    drawn: Practice = draw(strategies.practices())
    length = draw(st.sampled_from(drawn.lengths)) if drawn.lengths else None
    timeline = compile_timeline(drawn, length, clip_length=strategies.clip_length)
    clock = ManualClock(draw(st.floats(0.0, 1e6)))
    return SessionEngine(timeline, clock), clock


def advances() -> st.SearchStrategy[float]:
    return st.sampled_from([0.0, 0.5, 2.0]) | st.floats(0.0, 120.0)


def assert_consistent(engine: SessionEngine) -> None:
    snapshot = engine.snapshot()
    timeline = engine.timeline
    assert 0.0 <= snapshot.position <= timeline.total
    assert snapshot.elapsed + snapshot.remaining == pytest.approx(timeline.total)
    assert 0.0 <= snapshot.phase_progress <= 1.0
    if snapshot.state is PlayState.WAITING:
        assert snapshot.waiting is not None
        assert snapshot.position == snapshot.waiting.at
        assert snapshot.step == snapshot.waiting.step
    if snapshot.step is not None:
        assert timeline.step_starts[snapshot.step] <= snapshot.position
        assert snapshot.segment is not None
        assert snapshot.segment.step == snapshot.step


def run_to_the_end(engine: SessionEngine, clock: ManualClock) -> None:
    """Play on, continuing every hold: the practice must finish."""
    engine.play()
    for _ in range(len(engine.timeline.holds) + 2):
        clock.advance(engine.timeline.total + 1.0)
        engine.continue_()
    assert engine.state is PlayState.FINISHED
    assert engine.position == engine.timeline.total


@given(sessions(), st.lists(st.tuples(st.sampled_from(sorted(FORWARD)), advances()), max_size=25))
def test_going_forward_never_moves_back_and_always_finishes(
    session: tuple[SessionEngine, ManualClock], actions: list[tuple[str, float]]
) -> None:
    engine, clock = session
    started = clock.now()
    position = engine.position
    for name, seconds in actions:
        FORWARD[name](engine)
        if name in ("next step", "next section") and engine.state is not PlayState.FINISHED:
            step = engine.snapshot().step
            assert step is not None
            assert engine.position == engine.timeline.step_starts[step]  # exactly on a start
        if engine.state is PlayState.PAUSED:
            frozen = engine.position
            clock.advance(seconds)
            assert engine.position == frozen
        else:
            clock.advance(seconds)
        assert engine.position >= position
        position = engine.position
        assert_consistent(engine)
    assert engine.practised <= clock.now() - started + 1e-9
    run_to_the_end(engine, clock)


@given(
    sessions(),
    st.lists(
        st.tuples(
            st.sampled_from(sorted(FORWARD) + sorted(BACKWARD)) | st.floats(-10.0, 5000.0),
            advances(),
        ),
        max_size=25,
    ),
)
def test_any_controls_keep_the_engine_consistent(
    session: tuple[SessionEngine, ManualClock], actions: list[tuple[str | float, float]]
) -> None:
    engine, clock = session
    for action, seconds in actions:
        if isinstance(action, float):
            engine.seek(action)
        else:
            {**FORWARD, **BACKWARD}[action](engine)
        clock.advance(seconds)
        assert_consistent(engine)
    if engine.state is PlayState.STOPPED:
        return
    run_to_the_end(engine, clock)


def test_elastic_practices_play_for_their_length() -> None:
    steps = (Silence(Flex()), Wait(text("go on")), Silence(Flex(2.0)))
    engine = SessionEngine(compiled(*steps, lengths=(60.0,)), clock := ManualClock())
    engine.play()
    clock.advance(1000.0)
    engine.continue_()
    clock.advance(1000.0)
    assert engine.state is PlayState.FINISHED
    # 58 s shared 1 : 2; the hold came after the first part and the speech, and the
    # waiting counts until continue at 1000 s; then the second part played out.
    assert engine.practised == pytest.approx(1000.0 + 58.0 * 2 / 3)
