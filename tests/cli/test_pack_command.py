"""`attune pack build|import|list|remove`: exit codes and what is printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore
from tests.storage.test_packs import PLAN, PRACTICE, clip, manifest, pack_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_import_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_folder(tmp_path)
    out = tmp_path / "test.attunepack"
    assert run(capsys, "pack", "build", str(folder), "-o", str(out)) == (
        0,
        f"built {out}: pack test-pack version 1\n",
        "",
    )
    assert run(capsys, "pack", "import", str(out)) == (
        0,
        "installed pack test-pack version 1: 2 practices, 1 plan\n",
        "",
    )
    assert (default_paths().packs / "test-pack" / "pack.yaml").is_file()
    # The pack's plan is now one of the person's plans, for Today.
    (stored,) = PlanStore(default_paths().plans).plans()
    assert stored.imported_on is not None
    assert run(capsys, "pack", "list") == (0, "test-pack\t1\tA test pack\tDr. Test\n", "")
    code, _, err = run(capsys, "pack", "import", str(out))
    assert (code, err) == (
        1,
        "attune: pack test-pack version 1 is already installed; this one is version 1\n"
        "To install it all the same, add --replace.\n",
    )
    assert run(capsys, "pack", "import", str(out), "--replace") == (
        0,
        "installed pack test-pack version 1 (replacing version 1): 2 practices, 1 plan\n",
        "",
    )
    assert run(capsys, "pack", "remove", "test-pack") == (0, "removed pack test-pack\n", "")
    assert run(capsys, "pack", "list") == (
        0,
        "",
        "No packs are installed (attune pack import FILE installs one).\n",
    )
    assert run(capsys, "pack", "remove", "test-pack") == (
        1,
        "",
        'attune: no pack "test-pack" is installed\n',
    )


def test_problems_print_as_file_line_col(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = pack_folder(tmp_path)
    (folder / "pack.yaml").write_text(manifest(version=-1))
    code, out, _ = run(capsys, "pack", "build", str(folder), "-o", str(tmp_path / "x.attunepack"))
    assert code == 1
    assert out.startswith(f"{folder / 'pack.yaml'}:5:10: version: ")
    assert not (tmp_path / "x.attunepack").exists()


def test_a_refused_archive_prints_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "broken.attunepack"
    archive.write_bytes(b"not a zip")
    code, out, err = run(capsys, "pack", "import", str(archive))
    assert (code, out) == (1, "")
    assert err.startswith(f"attune: {archive}: not a pack")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX's")
def test_a_fifo_given_as_the_pack_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.attunepack"
    os.mkfifo(fifo)
    env = {**os.environ, "ATTUNE_HOME": str(tmp_path / "home")}
    # A child with a time limit: opened, a FIFO would block until someone writes to it.
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "pack", "import", str(fifo)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"attune: {fifo}: not a pack (not a file, but a pipe or a device)\n"


@pytest.mark.parametrize(
    "args", [["pack"], ["pack", "remove"], ["pack", "build", "x"], ["pack", "frobnicate"]]
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    capsys.readouterr()


def test_building_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "pack", "build", str(tmp_path / "nope"), "-o", "x.attunepack")
    assert (code, err) == (2, f"attune: {tmp_path / 'nope'}: no such folder\n")


def test_export_from_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The person's own practice and a plan that also asks for a built-in one: the
    built-in one stays out of the pack (every Attune has it)."""
    mine = default_paths().practices
    (mine / "media").mkdir(parents=True)
    (mine / "media" / "clip.wav").write_bytes(clip())
    (mine / "pack-one.yaml").write_text(PRACTICE.format(id="pack-one"))
    (mine / "plan.yaml").write_text(PLAN + "  - practice: longer-out-breath\n    when: daily\n")
    out = tmp_path / "sam.attunepack"
    args = ["pack", "export", "pack-one", "first-weeks", "--title", "For Sam", "--author", "Dr. T"]
    assert run(capsys, *args, "-o", str(out)) == (
        0,
        f"exported {out}: pack for-sam version 1\n",
        "",
    )
    assert run(capsys, "pack", "import", str(out)) == (
        0,
        "installed pack for-sam version 1: 1 practice, 1 plan\n",
        "",
    )
    code, _, err = run(capsys, "pack", "export", "nope", "--title", "x", "--author", "y", "-o", "x")
    assert (code, err) == (2, "attune: not in the library: nope (see attune list)\n")


def test_pack_build_warns_of_a_plan_practice_that_is_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = pack_folder(tmp_path)
    plan = folder / "plans" / "first-weeks.yaml"
    plan.write_text(plan.read_text().replace("pack-one", "not-there"))
    code, out, _ = run(capsys, "pack", "build", str(folder), "-o", str(tmp_path / "x.attunepack"))
    assert code == 0
    assert "warning: items[" in out and 'no practice "not-there"' in out
    assert out.endswith("built " + str(tmp_path / "x.attunepack") + ": pack test-pack version 1\n")


def test_pack_export_names_an_installed_plan_by_its_pack_not_attunes_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pack's plan asks for a practice that exists nowhere: exporting it says so, and
    names the plan as `pack ID/plans/…`, not by the folder Attune installed it in."""
    folder = pack_folder(tmp_path)
    plan = folder / "plans" / "first-weeks.yaml"
    plan.write_text(plan.read_text().replace("pack-one", "not-there"))
    built = tmp_path / "x.attunepack"
    assert run(capsys, "pack", "build", str(folder), "-o", str(built))[0] == 0
    assert run(capsys, "pack", "import", str(built))[0] == 0
    args = ("--title", "Again", "--author", "Your therapist", "-o", str(tmp_path / "y.attunepack"))
    code, out, _ = run(capsys, "pack", "export", "first-weeks", *args)
    assert code == 1
    line = next(line for line in out.splitlines() if "not-there" in line)
    assert line.startswith("pack test-pack/plans/first-weeks.yaml:")
    assert "asks for not-there, a practice that is neither chosen nor in the library" in line
    assert str(default_paths().packs) not in out
    assert not (tmp_path / "y.attunepack").exists()
