"""How the command line names a file in its messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.app import shown
from desktop_app.storage.paths import builtin_dir, default_paths


def test_files_below_here_are_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    assert shown(tmp_path / "mine" / "a.yaml") == str(Path("mine") / "a.yaml")
    assert shown(Path("/elsewhere/b.yaml")) == "/elsewhere/b.yaml"


def test_attunes_own_folders_are_named_by_what_they_hold() -> None:
    assert shown(default_paths().packs / "kind-pack" / "plans" / "w.yaml") == (
        "pack kind-pack/plans/w.yaml"
    )
    assert shown(builtin_dir("practices") / "box-breathing.yaml") == "built-in/box-breathing.yaml"
