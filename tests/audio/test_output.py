"""The real PortAudio stream, on ALSA's null device, and every way of having no sound.

PortAudio reads ALSA's configuration when sounddevice is imported, so each case runs
in a child process whose HOME holds the `.asoundrc` for that case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers import practice_with

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import desktop_app.storage.logs  # as every way into Attune: no warnings on stderr
    from desktop_app.audio.live import LivePlayer, transport_of
    from desktop_app.audio.output import SoundOutput
    from desktop_app.audio.session import prepare_session
    from desktop_app.core.clock import MonotonicClock
    from desktop_app.core.engine import SessionEngine
    from desktop_app.core.library import load_file

    practice = load_file(Path(sys.argv[1]))
    notices = []
    output = SoundOutput(on_notice=notices.append)
    rate = output.device_rate()
    sound = prepare_session(practice, rate=rate)
    clock = MonotonicClock()
    engine = SessionEngine(sound.timeline, clock)
    engine.play()
    player = LivePlayer(sound.mixer, clock, transport_of(engine.snapshot(), sound.timeline, clock.now()))
    started = output.start(player)
    time.sleep(0.4)
    player.transport = transport_of(engine.snapshot(), sound.timeline, clock.now())
    if sys.argv[2] == "lose-device" and started:
        output._stream.abort()  # as PortAudio does when a device goes away
        time.sleep(0.1)
    position = engine.position
    output.stop()
    print(json.dumps({"started": started, "notices": notices, "rate": rate,
                      "cursor": player.cursor / rate, "position": position}))
    """
)


def run_child(
    tmp_path: Path, asoundrc: str | None, case: str = "play", fake_modules: Path | None = None
) -> dict[str, object]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    if asoundrc is not None:
        (home / ".asoundrc").write_text(asoundrc)
    practice = tmp_path / "p.yaml"
    practice.write_text(practice_with("- breathe: {in: 3s, out: 3s, cycles: 2}\n- bell: bowl\n"))
    env = {**os.environ, "HOME": str(home)}
    if fake_modules is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(fake_modules), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(practice), case],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


NULL_DEVICE = "pcm.!default { type null }\nctl.!default { type hw card 0 }\n"


def test_the_stream_plays_on_the_null_device_in_step_with_the_clock(tmp_path: Path) -> None:
    result = run_child(tmp_path, NULL_DEVICE)
    assert result["started"] is True and result["notices"] == []
    # The null sink asks for sound far faster than real time; the practice's sound
    # must still follow the clock (0.4 s played), not the device's appetite.
    assert abs(float(result["cursor"]) - float(result["position"])) < 0.3  # type: ignore[arg-type]


def test_a_device_that_cannot_be_opened_gives_one_notice(tmp_path: Path) -> None:
    result = run_child(tmp_path, "pcm.!default { type hw card 97 }\n")
    assert result["started"] is False
    (notice,) = result["notices"]  # type: ignore[misc]
    assert notice.startswith("Sound is off: ") and notice.endswith("The practice goes on silently.")


def test_a_lost_device_gives_one_notice(tmp_path: Path) -> None:
    result = run_child(tmp_path, NULL_DEVICE, case="lose-device")
    assert result["started"] is True
    assert result["notices"] == [
        "Sound is off: the sound device stopped. The practice goes on silently."
    ]


def test_without_portaudio_the_practice_is_silent_with_one_notice(tmp_path: Path) -> None:
    fakes = tmp_path / "fakes"
    fakes.mkdir()
    # What importing sounddevice does when the PortAudio library is not installed.
    (fakes / "sounddevice.py").write_text('raise OSError("PortAudio library not found")\n')
    result = run_child(tmp_path, NULL_DEVICE, fake_modules=fakes)
    assert result["started"] is False
    assert result["notices"] == [
        "Sound is off: the sound library could not be loaded (PortAudio library not found). "
        "The practice goes on silently."
    ]
