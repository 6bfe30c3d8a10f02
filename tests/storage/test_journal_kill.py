"""The journal survives SIGKILL at random moments (20 kills; the 200-kill run is
scripts/journal_kill_test.py, which holds the harness used here)."""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "journal_kill_test.py"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals (SIGKILL)")


def load_harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("journal_kill_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[spec.name]
        raise
    return module


def test_every_session_reported_saved_survives_sigkill(tmp_path: Path) -> None:
    harness = load_harness()
    seed = random.randrange(2**32)
    result = harness.run(kills=20, folder=tmp_path, seed=seed)
    assert result.child_errors == [], result.child_errors[0]
    assert result.integrity == ["ok"], result.summary()
    assert result.search_integrity == "ok", result.summary()
    assert result.missing == [], result.summary()
    assert result.different == [], result.summary()
    assert result.without_search_document == 0, result.summary()
    assert len(result.reported) >= 20, result.summary()  # the children did write
    assert result.ok, result.summary()


def test_sessions_are_made_from_their_uid_alone() -> None:
    harness = load_harness()
    assert harness.session_for("ab12-7") == harness.session_for("ab12-7")
    assert harness.session_for("ab12-7") != harness.session_for("ab12-8")
    kinds = {answer.kind for answer in harness.session_for("ab12-7").answers}
    assert kinds == {"scale", "text", "choice", "feelings"}
