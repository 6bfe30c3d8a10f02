"""The no-network proof: Attune, driven through a whole practice with speech, the
journal, exports, a pack import and a render (`drive.py`), under
`strace -f -e trace=%network`, opens no socket that could reach another machine,
in any process it starts (the speech worker, every `attune` command).

strace reports every attempt, even one that fails (a network namespace without an
interface would only make attempts fail, unseen). Allowed are the two families that
cannot leave the machine: AF_UNIX (Qt, the speech worker's pipe, ALSA looking for
PulseAudio and JACK) and AF_NETLINK (talk with this machine's kernel; none was seen
when this test was written, and it would not fail it). Any other family fails the
test, AF_INET and AF_INET6 first of all, named with the process that asked.

In CI (CI=true) a missing or unusable strace fails the test; elsewhere it is skipped
with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import numpy as np
import pytest
import soundfile

from desktop_app.storage.journal import Journal
from tests.no_network.drive import EXPORTS, RENDERED

ROOT = Path(__file__).resolve().parents[2]
PHRASE = "my shoulders dropped, and the room was quiet"
#: Socket families that never carry anything off this machine.
LOCAL_FAMILIES = frozenset({"AF_UNIX", "AF_LOCAL", "AF_NETLINK"})
#: What strace is asked to show: every network call, and how processes begin
#: (to name the process behind each call).
TRACED = "%network,execve,clone,clone3,fork,vfork"

_LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<call>.*)$")
_FAMILY = re.compile(r"(?:\bsocket(?:pair)?\(|sa_family=)(?P<family>[A-Za-z0-9_]+)")
_RESULT = re.compile(r"=\s*(?P<value>-?\d+)")
_ARGV = re.compile(r"execve\(\"[^\"]*\", \[(?P<argv>.*?)\]")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')

pytestmark = pytest.mark.slow


def unavailable(reason: str) -> NoReturn:
    """CI must run the proof; elsewhere it may be skipped with the reason."""
    if os.environ.get("CI", "") not in ("", "false"):
        pytest.fail(f"{reason}: the no-network proof must run in CI")
    pytest.skip(reason)


def usable_strace() -> str:
    strace = shutil.which("strace")
    if strace is None:
        unavailable("strace is not installed (scripts/_setup.sh installs it with apt)")
    probe = subprocess.run(
        [strace, "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        unavailable(f"strace cannot trace here (is ptrace allowed?): {probe.stderr.strip()}")
    return strace


def processes(lines: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Each traced process (and thread) named by the command it runs: its own execve,
    else its parent's."""
    names: dict[int, str] = {}
    for pid, call in lines:
        if call.startswith("execve(") and " = -1 " not in call:
            argv = _ARGV.search(call)
            if argv is not None:
                names[pid] = " ".join(_QUOTED.findall(argv["argv"])[:4])
        elif re.match(r"(<\.\.\. )?(clone3?|v?fork)\b", call):
            child = _RESULT.search(call.rsplit(")", 1)[-1])
            if child is not None and int(child["value"]) > 0:
                names.setdefault(int(child["value"]), names.get(pid, f"process {pid}"))
    return names


def parsed(trace: str) -> list[tuple[int, str]]:
    return [
        (int(match["pid"]), match["call"])
        for match in map(_LINE.match, trace.splitlines())
        if match is not None
    ]


def network_calls(lines: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(pid, family, call) of every call that names a socket family."""
    return [(pid, found["family"], call) for pid, call in lines for found in _FAMILY.finditer(call)]


def test_attune_opens_no_network_socket(tmp_path: Path) -> None:
    strace = usable_strace()
    home = tmp_path / "home"
    log = tmp_path / "trace.txt"
    env = {**os.environ, "ATTUNE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    # --seccomp-bpf: the traced processes stop only for the calls asked about (fast).
    command = [strace, "-f", "--seccomp-bpf", "-qq", "-e", "signal=none", "-s", "256"]
    command += ["-e", f"trace={TRACED}", "-o", str(log)]
    command += [sys.executable, "-m", "tests.no_network.drive", str(home), PHRASE]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, f"the driver failed:\n{run.stdout}\n{run.stderr}"

    lines = parsed(log.read_text(encoding="utf-8", errors="replace"))
    names = processes(lines)
    calls = network_calls(lines)
    remote = [
        f"{names.get(pid, f'process {pid}')} (pid {pid}): {call}"
        for pid, family, call in calls
        if family not in LOCAL_FAMILIES
    ]
    assert remote == [], "sockets that could reach the network:\n" + "\n".join(remote)

    # The trace saw what it had to: network calls at all, the speech worker (a spawned
    # process), and each `attune` command.
    assert any(family == "AF_UNIX" for _, family, _ in calls), "no network call was traced"
    commands = "\n".join(names.values())
    assert "multiprocessing.spawn" in commands, commands
    for action in ("export", "pack build", "pack import", "render"):
        assert f"attune {action}" in commands.replace("/attune ", "attune "), commands
    assert_every_step_was_done(home)


def assert_every_step_was_done(home: Path) -> None:
    """What the driver left: so a driver that did nothing cannot pass."""
    with Journal.open(home / "data" / "journal.sqlite3") as journal:
        (entry,) = journal.entries()
    assert entry.practice_id == "spoken" and entry.completed
    assert [answer.value for answer in entry.answers] == [PHRASE]
    speech = list((home / "cache" / "speech").glob("*.wav"))
    assert len(speech) >= 3, "two phrases in the window's practice, one in the pack's"

    outputs = home / "outputs"
    for kind, name in EXPORTS.items():
        written = (outputs / name).read_bytes()
        if kind == "pdf":
            assert written.startswith(b"%PDF-")
        else:
            assert PHRASE.encode() in written, kind
    assert (home / "data" / "packs" / "offline-pack" / "pack.yaml").is_file()

    samples, rate = soundfile.read(outputs / RENDERED, dtype="float32")
    assert len(samples) >= rate  # the spoken sentence and a second of silence
    assert float(np.max(np.abs(samples))) > 0.05, "the render is silent"
