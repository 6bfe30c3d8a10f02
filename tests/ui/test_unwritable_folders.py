"""The window started where Attune cannot write its folders (a read-only disk, a folder
of another user's): one plain line on the terminal, a notice in the window, no
traceback, and nothing that was there changed."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.app as app_module
from desktop_app.app import make_folders, unwritable_notice
from desktop_app.storage.paths import AppPaths


def test_a_read_only_disk_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(folder: Path) -> Path:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))

    monkeypatch.setattr(app_module, "ensure_private_dir", read_only)
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    problem = make_folders(paths)
    assert problem == f"cannot write in {tmp_path / 'data'} (read-only file system)"
    assert unwritable_notice(problem).startswith(
        f"Attune cannot write in {tmp_path / 'data'} (read-only file system), so what "
        "you do now may not be kept"
    )


def test_folders_that_can_be_made_are_no_problem(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    assert make_folders(paths) is None
    assert paths.practices.is_dir() and paths.config.is_dir()


def _as_nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if os.name != "posix" or os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv, to run the app as a user who may not write")
    command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = subprocess.run(
        [*command, sys.executable, "-c", "import desktop_app"], capture_output=True, timeout=60
    )
    if probe.returncode != 0:
        pytest.skip("'nobody' may not run this Python")
    return command


@pytest.mark.parametrize("made", [False, True], ids=["folders missing", "folders of another"])
def test_the_app_opens_and_says_it_cannot_write(made: bool) -> None:
    command = _as_nobody()
    root = Path(os.path.realpath("/tmp")) / f"attune-ro-{os.getpid()}-{int(made)}"
    shutil.rmtree(root, ignore_errors=True)
    home = root / "home"
    try:
        (home / "data" / "practices").mkdir(parents=True) if made else root.mkdir()
        if made:
            (home / "data" / "practices" / "mine.yaml").write_text("kept\n")
        for folder in [root, *root.rglob("*")]:
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        before = sorted((p, p.stat().st_mode) for p in root.rglob("*"))
        env = {
            **os.environ,
            "ATTUNE_HOME": str(home),
            "ATTUNE_QUIT_AFTER_FIRST_PAINT": "1",
            "QT_QPA_PLATFORM": "offscreen",
        }
        done = subprocess.run(
            [*command, sys.executable, "-m", "desktop_app.cli"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "painted"
        assert "Traceback" not in done.stderr
        where = home / "data" if made else home
        reason = "operation not permitted" if made else "permission denied"
        assert f"attune: cannot write in {where} ({reason})" in done.stderr
        assert sorted((p, p.stat().st_mode) for p in root.rglob("*")) == before
    finally:
        shutil.rmtree(root, ignore_errors=True)
