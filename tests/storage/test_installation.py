"""Where Attune runs from: source, a built folder, or the .deb; and how to start it again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app
from desktop_app.storage.installation import DEB_LAUNCHER, DPKG_LIST, detect, launch_command

ROOT = Path(desktop_app.__file__).resolve().parents[1]


def built_folder(where: Path) -> Path:
    """What a one-folder build looks like: the executable with `_internal/` beside it."""
    where.mkdir(parents=True)
    (where / "_internal").mkdir()
    executable = where / "attune"
    executable.write_text("#!/bin/sh\n")
    executable.chmod(0o755)
    return executable


def dpkg_list(where: Path, *paths: str) -> Path:
    """A file list as dpkg keeps one in /var/lib/dpkg/info/<package>.list."""
    where.mkdir(parents=True, exist_ok=True)
    listing = where / "attune.list"
    listing.write_text("\n".join(["/.", "/opt", *paths, "/usr/bin", "/usr/bin/attune"]) + "\n")
    return listing


def test_the_defaults_are_the_real_places() -> None:
    assert Path("/var/lib/dpkg/info/attune.list") == DPKG_LIST
    assert Path("/usr/bin/attune") == DEB_LAUNCHER


def test_from_source_it_is_this_python_running_the_package() -> None:
    here = detect()
    assert here.kind == "source"
    assert here.folder == ROOT
    assert here.launch == (sys.executable, "-m", "desktop_app.cli")
    assert launch_command() == [sys.executable, "-m", "desktop_app.cli"]
    assert here.describe() == f"the source code, {ROOT}"


def test_the_source_command_really_starts_this_attune() -> None:
    done = subprocess.run(
        [*launch_command(), "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"attune {desktop_app.__version__}\n"


def test_a_venv_python_is_not_followed_out_of_its_venv(tmp_path: Path) -> None:
    link = tmp_path / "venv" / "bin" / "python"
    link.parent.mkdir(parents=True)
    link.symlink_to(sys.executable)
    assert launch_command(frozen=False, executable=str(link))[0] == str(link)


def test_a_frozen_build_anywhere_is_a_folder_started_by_its_executable(tmp_path: Path) -> None:
    executable = built_folder(tmp_path / "Downloads" / "attune 0.1")
    listing = dpkg_list(tmp_path / "dpkg", "/opt/attune", "/opt/attune/attune")
    here = detect(frozen=True, executable=str(executable), dpkg_list=listing)
    assert here.kind == "folder"
    assert here.folder == executable.parent
    assert here.launch == (str(executable),)
    assert here.describe() == f"a folder of its own (the unpacked download), {executable.parent}"


def test_a_frozen_build_without_dpkg_is_a_folder(tmp_path: Path) -> None:
    executable = built_folder(tmp_path / "attune")
    here = detect(frozen=True, executable=str(executable), dpkg_list=tmp_path / "missing.list")
    assert (here.kind, here.launch) == ("folder", (str(executable),))


def test_the_deb_is_started_by_its_link_on_the_path(tmp_path: Path) -> None:
    executable = built_folder(tmp_path / "opt" / "attune")
    launcher = tmp_path / "usr" / "bin" / "attune"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(executable)
    listing = dpkg_list(tmp_path / "dpkg", str(executable.parent), str(executable))
    here = detect(frozen=True, executable=str(executable), dpkg_list=listing, launcher=launcher)
    assert here.kind == "deb"
    assert here.folder == executable.parent
    assert here.launch == (str(launcher),)
    assert here.describe() == f"the installed package (.deb), {executable.parent}"


def test_the_deb_without_its_link_is_started_by_the_executable(tmp_path: Path) -> None:
    executable = built_folder(tmp_path / "opt" / "attune")
    listing = dpkg_list(tmp_path / "dpkg", str(executable))
    missing = tmp_path / "usr" / "bin" / "attune"
    here = detect(frozen=True, executable=str(executable), dpkg_list=listing, launcher=missing)
    assert (here.kind, here.launch) == ("deb", (str(executable),))


def test_a_link_to_another_attune_is_not_used(tmp_path: Path) -> None:
    executable = built_folder(tmp_path / "opt" / "attune")
    other = built_folder(tmp_path / "elsewhere" / "attune")
    launcher = tmp_path / "attune-link"
    launcher.symlink_to(other)
    listing = dpkg_list(tmp_path / "dpkg", str(executable))
    here = detect(frozen=True, executable=str(executable), dpkg_list=listing, launcher=launcher)
    assert (here.kind, here.launch) == ("deb", (str(executable),))


def test_the_deb_is_recognised_when_started_through_its_link(tmp_path: Path) -> None:
    """sys.executable may be the link a person typed, not the file dpkg lists."""
    executable = built_folder(tmp_path / "opt" / "attune")
    launcher = tmp_path / "usr" / "bin" / "attune"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(executable)
    listing = dpkg_list(tmp_path / "dpkg", str(executable))
    here = detect(frozen=True, executable=str(launcher), dpkg_list=listing, launcher=launcher)
    assert here.kind == "deb"
    assert here.folder == executable.parent
    assert here.launch == (str(launcher),)


@pytest.mark.parametrize("frozen", [False, True])
def test_a_listed_executable_that_is_not_the_one_running_is_no_deb(
    tmp_path: Path, frozen: bool
) -> None:
    installed = built_folder(tmp_path / "opt" / "attune")
    unpacked = built_folder(tmp_path / "home" / "attune")
    listing = dpkg_list(tmp_path / "dpkg", str(installed))
    here = detect(frozen=frozen, executable=str(unpacked), dpkg_list=listing)
    assert here.kind == ("folder" if frozen else "source")
