"""Sound device errors reach the log (with PortAudio's traceback), as the person's one
notice says them. Each case runs the real stream in a child process, as
test_output.py does, with Attune's log started in the test's ATTUNE_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.audio.test_output import CHILD, NULL_DEVICE
from tests.helpers import practice_with

LOGGING = (
    "from desktop_app.storage.logs import start_logging\n"
    "from desktop_app.storage.paths import default_paths\n"
    "start_logging(default_paths())\n"
)


def run_logged(tmp_path: Path, asoundrc: str, case: str = "play") -> tuple[dict[str, object], str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(asoundrc)
    practice = tmp_path / "p.yaml"
    practice.write_text(practice_with("- breathe: {in: 3s, out: 3s, cycles: 2}\n- bell: bowl\n"))
    attune_home = tmp_path / "attune"
    done = subprocess.run(
        [sys.executable, "-c", LOGGING + CHILD, str(practice), case],
        env={**os.environ, "HOME": str(home), "ATTUNE_HOME": str(attune_home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, "logged, not printed"
    log = (attune_home / "logs" / "attune.log").read_text(encoding="utf-8")
    return json.loads(done.stdout), log


def test_a_device_that_cannot_be_opened_is_logged_with_the_reason(tmp_path: Path) -> None:
    result, log = run_logged(tmp_path, "pcm.!default { type hw card 97 }\n")
    assert result["started"] is False
    assert "WARNING desktop_app.audio.output: The sound device could not be opened\n" in log
    assert "Traceback (most recent call last):" in log


def test_a_lost_device_is_logged(tmp_path: Path) -> None:
    result, log = run_logged(tmp_path, NULL_DEVICE, case="lose-device")
    assert result["started"] is True
    assert "WARNING desktop_app.audio.output: The sound device stopped while playing" in log
