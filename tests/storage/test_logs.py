"""Attune's log: a real file in the test's ATTUNE_HOME, private, rotating, and a folder
that cannot be written never stops anything."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from desktop_app.storage import logs
from desktop_app.storage.logs import (
    LOG_NAME,
    PrivateRotatingFileHandler,
    log_file,
    start_logging,
    stop_logging,
)
from desktop_app.storage.paths import AppPaths, default_paths
from tests.storage.test_journal_full import fill, small_disk  # noqa: F401 (a fixture)

posix_only = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: "
)


@pytest.fixture(autouse=True)
def _no_log_left() -> Iterator[None]:
    stop_logging()
    yield
    stop_logging()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_attune_home_keeps_the_log_beside_the_other_folders(tmp_path: Path) -> None:
    assert default_paths({"ATTUNE_HOME": str(tmp_path)}).logs == tmp_path / "logs"
    assert default_paths({}).logs == platformdirs.user_log_path("Attune", appauthor=False)
    made_by_hand = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    assert made_by_hand.logs == tmp_path / "logs"


def test_a_record_is_one_plain_line_in_the_log_file(_private_home: Path) -> None:
    file = start_logging(default_paths())
    assert file == log_file() == _private_home / "logs" / LOG_NAME
    logging.getLogger("desktop_app.example").info("a fact about Attune: %d practices", 3)
    logging.getLogger("desktop_app.example").debug("not at the default level")
    logging.getLogger("somelibrary").info("another library's chatter stays out")
    logging.getLogger("somelibrary").warning("another library's warning goes in")
    lines = file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, lines
    assert all(LINE.match(line) for line in lines), lines
    assert lines[0].endswith(" INFO desktop_app.example: a fact about Attune: 3 practices")
    assert lines[1].endswith(" WARNING somelibrary: another library's warning goes in")


def test_a_traceback_is_kept_below_its_line(_private_home: Path) -> None:
    file = start_logging(default_paths())
    assert file is not None
    try:
        {}["missing"]  # the error is the point
    except KeyError:
        logging.getLogger("desktop_app.example").exception("Looking something up failed")
    text = file.read_text(encoding="utf-8")
    assert "ERROR desktop_app.example: Looking something up failed\nTraceback (most recent" in text
    assert "test_a_traceback_is_kept_below_its_line" in text
    assert text.rstrip().endswith("KeyError: 'missing'")


@posix_only
def test_the_folder_and_file_are_private_whatever_the_umask(
    umask: int, _private_home: Path
) -> None:
    file = start_logging(default_paths())
    assert file is not None
    logging.getLogger("desktop_app.example").info("something")
    assert mode(file.parent) == 0o700
    assert mode(file) == 0o600


@posix_only
def test_a_log_file_others_could_read_is_made_private(_private_home: Path) -> None:
    folder = _private_home / "logs"
    folder.mkdir(mode=0o755)
    (folder / LOG_NAME).write_text("an older line\n", encoding="utf-8")
    (folder / LOG_NAME).chmod(0o644)
    file = start_logging(default_paths())
    assert file is not None
    logging.getLogger("desktop_app.example").info("a newer line")
    assert (mode(folder), mode(file)) == (0o700, 0o600)
    assert file.read_text(encoding="utf-8").startswith("an older line\n")


@posix_only
def test_every_file_of_a_rotation_is_private_and_five_are_kept(umask: int, tmp_path: Path) -> None:
    """As the log does at 1 MB, at 200 bytes here."""
    handler = PrivateRotatingFileHandler(
        tmp_path / LOG_NAME, max_bytes=200, older_files=logs.OLDER_FILES, encoding="utf-8"
    )
    record = logging.LogRecord("desktop_app.example", logging.INFO, __file__, 1, "x" * 60, (), None)
    try:
        for _ in range(40):
            handler.emit(record)
    finally:
        handler.close()
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, 5))]
    assert {mode(tmp_path / name) for name in files} == {0o600}
    assert logs.MAX_BYTES == 1_000_000 and logs.OLDER_FILES + 1 == 5


def test_rotation_keeps_what_the_standard_rotating_handler_keeps(tmp_path: Path) -> None:
    """Ours loads no logging.handlers; the files and their lines are the same as the
    standard handler's for the same records."""
    from logging.handlers import RotatingFileHandler

    ours_folder, standard_folder = tmp_path / "ours", tmp_path / "standard"
    ours_folder.mkdir()
    standard_folder.mkdir()
    handlers: list[logging.Handler] = [
        PrivateRotatingFileHandler(
            ours_folder / LOG_NAME, max_bytes=300, older_files=3, encoding="utf-8"
        ),
        RotatingFileHandler(
            standard_folder / LOG_NAME, maxBytes=300, backupCount=3, encoding="utf-8"
        ),
    ]
    try:
        for n in range(60):
            text = f"record {n} " + "é" * (n * 7 % 90)  # lengths that cross the limit unevenly
            record = logging.LogRecord("desktop_app.x", logging.INFO, __file__, 1, text, (), None)
            for handler in handlers:
                handler.emit(record)
    finally:
        for handler in handlers:
            handler.close()

    def kept(folder: Path) -> dict[str, str]:
        return {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}

    assert kept(ours_folder) == kept(standard_folder)
    assert len(kept(ours_folder)) == 4


def test_starting_the_log_loads_no_logging_handlers(_private_home: Path) -> None:
    """Its sockets, pickle and queues are nothing the log needs (a new Python sees)."""
    probe = (
        "import sys\n"
        "from desktop_app.storage.logs import start_logging\n"
        "from desktop_app.storage.paths import default_paths\n"
        "import logging\n"
        "assert start_logging(default_paths()) is not None\n"
        "logging.getLogger('desktop_app.example').info('a line')\n"
        "print('logging.handlers' in sys.modules)\n"
    )
    environ = {**os.environ, "ATTUNE_HOME": str(_private_home)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=environ, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False"]


def test_starting_again_keeps_one_file_and_another_home_moves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = start_logging(default_paths())
    assert start_logging(default_paths()) == first
    ours = [h for h in logging.getLogger().handlers if isinstance(h, PrivateRotatingFileHandler)]
    assert len(ours) == 1
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "elsewhere"))
    second = start_logging(default_paths())
    assert second == tmp_path / "elsewhere" / "logs" / LOG_NAME
    logging.getLogger("desktop_app.example").info("only here")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, PrivateRotatingFileHandler)]
    assert len(ours) == 1
    assert first is not None and "only here" not in first.read_text(encoding="utf-8")
    assert "only here" in second.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_made_is_said_once_and_nothing_fails(
    _private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _private_home.mkdir(exist_ok=True)
    (_private_home / "logs").write_text("a file where the log folder should be")
    assert start_logging(default_paths()) is None
    assert start_logging(default_paths()) is None
    logging.getLogger("desktop_app.example").warning("goes nowhere")
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"attune: no log is kept this time: cannot write in {_private_home / 'logs'} "
        "(file exists)\n"
    )
    assert log_file() is None


def test_attune_logs_nowhere_before_the_log_starts(capsys: pytest.CaptureFixture[str]) -> None:
    """Not on stderr, as Python's last resort would (the doctor keeps no log)."""
    logger = logging.getLogger("desktop_app.example")
    assert logger.getEffectiveLevel() == logging.WARNING
    handlers: list[logging.Handler] = []
    current: logging.Logger | None = logger
    while current is not None:
        handlers += current.handlers
        current = current.parent
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)
    logger.warning("nobody hears this")
    assert capsys.readouterr() == ("", "")


def test_a_full_disk_loses_records_quietly_and_the_log_can_still_be_stopped(
    small_disk: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ATTUNE_HOME", str(small_disk / "home"))
    file = start_logging(default_paths())
    assert file is not None
    fill(small_disk)
    for n in range(200):  # more than a buffer's worth, so a write fails
        logging.getLogger("desktop_app.example").warning("record %d %s", n, "x" * 100)
    stop_logging()  # the last lines cannot be flushed: no error
    assert log_file() is None
    assert capsys.readouterr() == ("", "")
