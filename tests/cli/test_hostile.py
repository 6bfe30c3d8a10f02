"""Hostile files get a clear, positioned message: no crash, no hang, no ballooning.

Each file is validated in a child process with a generous hang guard; the child
reports its own peak memory. How fast this is gets measured in bench/, not here.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

HANG_GUARD_SECONDS = 60
PEAK_MEMORY_LIMIT_MB = 400

# The child's own peak memory. On Linux, ru_maxrss also counts the parent's memory that
# the child inherited by fork before exec, so a large test process would be blamed on
# the child; VmHWM is the high-water mark of the child's own address space.
CHILD = (
    "import resource, sys\n"
    "from desktop_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"
    "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
    "    peak = int(status.split()[0])\n"
    "except (OSError, IndexError, ValueError):\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print('peak-kb', peak, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def big_valid_practice() -> bytes:
    head = (
        "attune: practice/1\nid: big\ntitle: Big\nkind: other\nlanguage: en\n"
        "summary: Big.\nsteps:\n"
    )
    return (head + "  - say: Breathe in and out, gently and slowly.\n" * 18_000).encode()


HOSTILE: dict[str, bytes] = {
    "ten-megabytes": b"a: " + b"x" * (10 * 1024 * 1024),
    "nesting-flow": b"[" * 50_000 + b"]" * 50_000,
    "nesting-mapping": b"{a: " * 50_000 + b"}" * 50_000,
    "nesting-block": "".join(" " * i + "- \n" for i in range(1_400)).encode(),
    "alias-bomb": alias_bomb(),
    "invalid-utf8": b"attune: practice/1\nid: caf\xe9\n",
    "binary-junk": bytes(random.Random(7).randrange(256) for _ in range(200_000)),
    "empty": b"",
    "a-list": b"- attune: practice/1\n- id: x\n",
    "a-scalar": b"attune\n",
    "many-values": b"[" + b"1," * 400_000 + b"1]",
    "big-but-allowed": big_valid_practice(),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_fails_cleanly(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(HOSTILE[name])
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "validate", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        env={**os.environ, "ATTUNE_HOME": str(tmp_path / "home")},
    )
    assert "Traceback" not in done.stderr, done.stderr
    peak_mb = int(done.stderr.split("peak-kb")[1].split()[0]) / 1024
    assert peak_mb < PEAK_MEMORY_LIMIT_MB
    if name == "big-but-allowed":
        assert done.returncode == 0, done.stdout
        return
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    assert all(line.startswith(f"{path.name}:") for line in lines)
    line, col = lines[0].split(":")[1:3]
    assert int(line) >= 1 and int(col) >= 1
