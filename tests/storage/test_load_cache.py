"""The on-disk load cache: warm scans parse nothing, and stale results are never used."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app.core.library import Record, Source, scan
from desktop_app.core.model import Pos
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.load_cache import LoadCache
from tests.helpers import MINIMAL_PRACTICE, files_parsed, write


def test_a_warm_scan_parses_nothing_and_gives_the_same_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "practices"
    write(folder, "a.yaml", MINIMAL_PRACTICE)
    write(folder, "bad.yaml", "attune: practice/1\nid: [\n")
    sources = [Source("user", folder, "yours")]
    cache_file = tmp_path / "cache.pickle"
    loaded = files_parsed(monkeypatch)

    cold_cache = LoadCache(cache_file)
    cold = scan(sources, cache=cold_cache)
    cold_cache.save()
    assert len(loaded) == 2

    warm = scan(sources, cache=LoadCache(cache_file))
    assert len(loaded) == 2, "nothing parsed again"
    assert warm.practices["tiny"].summary == cold.practices["tiny"].summary
    (failure,) = warm.failures
    assert isinstance(failure, InvalidFile)
    assert [str(p) for p in failure.problems] == [str(p) for p in cold.failures[0].problems]


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "practices"
    path = write(folder, "a.yaml", MINIMAL_PRACTICE)
    sources = [Source("user", folder, "yours")]
    cache = LoadCache(tmp_path / "cache.pickle")
    scan(sources, cache=cache)
    cache.save()
    path.write_text(MINIMAL_PRACTICE.replace("Tiny", "Small and tiny"), encoding="utf-8")
    changed = scan(sources, cache=LoadCache(tmp_path / "cache.pickle"))
    assert changed.practices["tiny"].summary.title.get() == "Small and tiny"


INVALID = Record("invalid", None, problems=(Problem("a.yaml", Pos(1, 1), "broken"),), file="a.yaml")


def test_results_from_other_code_are_not_used(tmp_path: Path) -> None:
    cache = LoadCache(tmp_path / "cache.pickle")
    cache.put(tmp_path / "a.yaml", (1, 2), tmp_path, INVALID)
    cache.save()
    other = LoadCache(tmp_path / "cache.pickle")
    assert other.get(tmp_path / "a.yaml", (1, 2), tmp_path) == INVALID
    other.stamp = "another release"
    other.entries = {}
    other._read()
    assert other.get(tmp_path / "a.yaml", (1, 2), tmp_path) is None


def test_a_file_read_with_another_media_folder_is_read_again(tmp_path: Path) -> None:
    cache = LoadCache(tmp_path / "cache.pickle")
    cache.put(tmp_path / "a.yaml", (1, 2), tmp_path, INVALID)
    assert cache.get(tmp_path / "a.yaml", (1, 2), tmp_path / "pack") is None
    assert cache.get(tmp_path / "a.yaml", (1, 3), tmp_path) is None


def test_removed_files_are_dropped_and_a_broken_cache_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "cache.pickle"
    cache = LoadCache(file)
    cache.put(tmp_path / "gone.yaml", (1, 1), tmp_path, INVALID)
    cache.save()
    again = LoadCache(file)
    again.save()  # this run saw no files at all
    assert LoadCache(file).entries == {}
    file.write_bytes(b"not a pickle")
    assert LoadCache(file).entries == {}


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = LoadCache(blocker / "cache.pickle")
    cache.put(tmp_path / "a.yaml", (1, 1), tmp_path, INVALID)
    cache.save()
    assert not (blocker / "cache.pickle").exists()


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_the_cache_is_readable_by_the_user_only(tmp_path: Path) -> None:
    cache = LoadCache(tmp_path / "cache" / "library.pickle")
    cache.put(tmp_path / "a.yaml", (1, 1), tmp_path, INVALID)
    cache.save()
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cache" / "library.pickle").stat().st_mode) == 0o600


def test_the_cache_keeps_summaries_and_problems_never_a_model(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    write(folder, "a.yaml", MINIMAL_PRACTICE)
    write(folder, "bad.yaml", "attune: practice/1\nid: [\n")
    cache = LoadCache(tmp_path / "cache.pickle")
    scan([Source("user", folder, "yours")], cache=cache)
    cache.save()
    records = {
        Path(key).name: record for key, (_, _, record) in LoadCache(cache.file).entries.items()
    }
    assert records["a.yaml"].kind == "practice" and records["a.yaml"].summary is not None
    assert records["a.yaml"].summary.title.get() == "Tiny"
    assert records["bad.yaml"].kind == "invalid" and records["bad.yaml"].problems
    kept = (tmp_path / "cache.pickle").read_bytes()
    assert b"Practice\x94" not in kept and b"Say\x94" not in kept, "no model class is pickled"


def test_cached_problems_name_the_file_as_it_is_shown_now(tmp_path: Path) -> None:
    folder = tmp_path / "practices"
    write(folder, "bad.yaml", "attune: practice/1\nid: [\n")
    sources = [Source("user", folder, "yours")]
    cache = LoadCache(tmp_path / "cache.pickle")
    scan(sources, cache=cache, display=lambda p: f"first/{p.name}")
    cache.save()
    again = scan(sources, cache=LoadCache(tmp_path / "cache.pickle"), display=lambda p: p.name)
    (failure,) = again.failures
    assert {problem.file for problem in failure.problems} == {"bad.yaml"}
