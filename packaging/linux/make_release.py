"""Turn PyInstaller's one-folder build into the Linux release: a tar.gz and a .deb.

    python packaging/linux/make_release.py BUILD_FOLDER OUT_FOLDER

BUILD_FOLDER is PyInstaller's `attune` folder (scripts/package passes it). Writes
OUT_FOLDER/attune-<version>-linux-x86_64.tar.gz (unpacks to `attune/`) and
OUT_FOLDER/attune_<version>_amd64.deb, and prints their sizes.

The .deb puts the folder in /opt/attune, links /usr/bin/attune to it, and installs the
desktop entry, the metainfo and the icons where desktops look for them. Its Depends line
is read from the build itself: every shared library that a file of the build needs and
the build does not carry (see HOST_LIBRARY_PREFIXES in packaging/attune.spec) is looked
up on this machine and named by the package that owns it, with the glibc version the
build needs. This needs Debian's dpkg, readelf (binutils) and ldconfig.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
APP_ID = "app.attune.Attune"
PACKAGE = "attune"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Loaded by name at run time (ctypes), so no file of the build lists them as needed:
# speech (pyttsx3's espeak-ng driver) and sound (sounddevice's PortAudio).
LOADED_AT_RUN_TIME = ("libespeak-ng.so.1", "libportaudio.so.2")
# Debian 13 and Ubuntu 24.04 renamed some libraries' packages with a "t64" suffix (the
# 64-bit time_t change). Of those the build may need, these were renamed; each is named
# under both names so one .deb installs on both sides of the change.
RENAMED_T64 = ("libglib2.0-0", "libasound2", "libpng16-16", "libssl3")


def version() -> str:
    text = (ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("make_release: no __version__ in desktop_app/__init__.py")
    return found.group(1)


def source_date() -> int:
    """The time stamp given to every file: SOURCE_DATE_EPOCH, else the last commit's."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    return int(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else 0


def strip_python_debug_info(build: Path) -> None:
    """Drop the debugging information of Python's own library and modules (libpython
    alone carries 17 MB of it). Only these: the libraries that come from wheels were
    laid out by auditwheel, and `strip` breaks them (numpy's OpenBLAS then fails with
    "ELF load command address/offset not page-aligned")."""
    internal = build / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [str(path) for path in targets if path.is_file() and not path.is_symlink()]
    if files:
        subprocess.run(["strip", "--strip-debug", *files], check=True)


# --- tar.gz ----------------------------------------------------------------------------


def write_tarball(build: Path, out: Path, mtime: int) -> None:
    """The build folder as `attune/`, in a stable order with neutral owners."""

    def neutral(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        return info

    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime, compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.add(build, arcname="attune", recursive=False, filter=neutral)
        for path in sorted(build.rglob("*")):
            tar.add(
                path, arcname=f"attune/{path.relative_to(build)}", recursive=False, filter=neutral
            )


# --- what the build needs from the system ------------------------------------------------


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed_from_system(build: Path) -> tuple[set[str], str]:
    """The sonames the build needs but does not carry, and the newest glibc version any
    of its files asks for."""
    carried = {path.name for path in build.rglob("*.so*")}
    needed: set[str] = set(LOADED_AT_RUN_TIME)
    newest = (0, 0)
    for path in elf_files(build):
        dynamic = subprocess.run(
            ["readelf", "--dynamic", "--wide", str(path)], capture_output=True, text=True
        ).stdout
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
        versions = subprocess.run(
            ["readelf", "--version-info", "--wide", str(path)], capture_output=True, text=True
        ).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", versions):
            newest = max(newest, (int(major), int(minor)))
    return needed - carried, f"{newest[0]}.{newest[1]}"


def system_library_paths() -> dict[str, str]:
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    paths: dict[str, str] = {}
    for name, flags, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", listing, re.M):
        if "x86-64" in flags or "64bit" in flags:
            paths.setdefault(name, path)
    return paths


def owning_package(path: str) -> str | None:
    candidates = {path, os.path.realpath(path)}
    for candidate in list(candidates):  # merged /usr: dpkg may know either spelling
        if candidate.startswith("/usr/lib/"):
            candidates.add(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.add("/usr" + candidate)
    for candidate in sorted(candidates):
        done = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    return None


def depends_line(build: Path) -> str:
    needed, glibc = needed_from_system(build)
    where = system_library_paths()
    packages: set[str] = set()
    missing = []
    for soname in sorted(needed):
        package = owning_package(where[soname]) if soname in where else None
        if package is None:
            missing.append(soname)
        else:
            packages.add(package.removesuffix("t64"))
    if missing:
        raise SystemExit(
            "make_release: these libraries are needed but not installed here, so their "
            f"packages cannot be named: {', '.join(missing)}. Install them and build again."
        )
    parts = []
    for package in sorted(packages):
        if package == "libc6":
            parts.append(f"libc6 (>= {glibc})")
        elif package in RENAMED_T64:
            parts.append(f"{package} | {package}t64")
        else:
            parts.append(package)
    return ", ".join(parts)


# --- .deb ------------------------------------------------------------------------------


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Attune

Files: *
Copyright: The Attune developers
License: GPL-3.0-or-later
 On Debian systems, the full text of the GNU General Public License version 3 can be
 found in /usr/share/common-licenses/GPL-3.
"""


def installed_size_kib(tree: Path) -> int:
    total = sum(p.lstat().st_size for p in tree.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def stage_deb(build: Path, stage: Path, release: str, depends: str) -> None:
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(build, stage / "opt" / PACKAGE, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "assets" / "icons" / "app"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(icons / f"attune-{size}.png", folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(icons / "attune.svg", scalable / f"{APP_ID}.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)

    control = stage / "DEBIAN"
    control.mkdir()
    summary = "calm, offline practice of what you learn in therapy"
    (control / "control").write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {release}\n"
        "Architecture: amd64\n"
        "Maintainer: The Attune developers <attune@packages.invalid>\n"
        f"Installed-Size: {installed_size_kib(stage)}\n"
        f"Depends: {depends}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Description: {summary}\n"
        " Attune guides the practices people learn in therapy, step by step: breathing\n"
        " with a calm pacer, grounding, Focusing, self-compassion, guided imagery,\n"
        " mindfulness and reflection on relationships, with spoken narration, bells and\n"
        " quiet, and a private journal of the answers before and after.\n"
        " .\n"
        " It works fully offline, has no account and never sends anything anywhere.\n",
        encoding="utf-8",
    )


def build_deb(stage: Path, out: Path, mtime: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(mtime)}
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(stage), str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    build, out_folder = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    if not (build / PACKAGE).is_file():
        print(f"make_release: {build} holds no `{PACKAGE}` program", file=sys.stderr)
        return 2
    out_folder.mkdir(parents=True, exist_ok=True)
    release, mtime = version(), source_date()
    strip_python_debug_info(build)

    tarball = out_folder / f"attune-{release}-linux-x86_64.tar.gz"
    write_tarball(build, tarball, mtime)

    stage = build.parent / "deb-root"
    stage_deb(build, stage, release, depends_line(build))
    deb = out_folder / f"{PACKAGE}_{release}_amd64.deb"
    build_deb(stage, deb, mtime)

    mib = 1024 * 1024
    unpacked = sum(p.lstat().st_size for p in build.rglob("*") if not p.is_dir())
    size = tarball.stat().st_size
    print(f"{tarball.name}: {size / mib:.1f} MiB (unpacked {unpacked / mib:.1f} MiB)")
    print(f"{deb.name}: {deb.stat().st_size / mib:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
