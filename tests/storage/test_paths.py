"""Paths come from platformdirs, or from ATTUNE_HOME, and personal folders are private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app.storage.paths import builtin_dir, default_paths, ensure_private_dir


def test_attune_home_keeps_everything_in_one_folder(tmp_path: Path) -> None:
    paths = default_paths({"ATTUNE_HOME": str(tmp_path)})
    assert paths.data == tmp_path / "data" and paths.config == tmp_path / "config"
    assert paths.practices == tmp_path / "data" / "practices"
    assert paths.journal == tmp_path / "data" / "journal.sqlite3"
    assert paths.load_cache.parent == tmp_path / "cache"


def test_without_attune_home_the_platform_folders_are_used() -> None:
    paths = default_paths({})
    assert "attune" in str(paths.data).lower() and paths.data != paths.cache


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_private_folders_are_readable_by_the_user_only(tmp_path: Path) -> None:
    folder = ensure_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_builtin_practices_are_found() -> None:
    assert sorted(p.suffix for p in builtin_dir("practices").glob("*.yaml"))
