"""The journal and its copies are whole after SIGKILL at random moments while the
lock is turned on and off (a few kills; lock_kill.py runs as many as asked)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.storage.lock import lock_kill

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals (SIGKILL)"),
    pytest.mark.slow,
]


def test_the_lock_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    result = lock_kill.run(kills=12, folder=tmp_path, seed=seed)
    assert result.child_errors == [], result.child_errors[0]
    assert result.kills == 12, result.summary()
