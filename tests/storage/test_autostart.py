"""The XDG autostart entry: written where desktops look, with a command that runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app
from desktop_app.storage import autostart
from desktop_app.storage.installation import detect

#: Arguments that need every rule of the Exec key: spaces, quotes of both kinds, a
#: backslash, a dollar, a backtick, a percent sign, and the other reserved characters.
AWKWARD = [
    "plain",
    "two words",
    "it's",
    'say "hi"',
    "back\\slash",
    "$HOME",
    "`date`",
    "100%",
    "%f",
    "~/x",
    "a|b&c;d<e>f*g?h#i(j)",
    "tab\there",
    "",
]


def parse_exec(value: str) -> list[str]:
    """Read an Exec value back as the Desktop Entry Specification says, step by step:
    the escapes of a string value, then the quoting rule, then `%%` as a literal %."""
    unescaped, i = [], 0
    string_escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in string_escapes:
            unescaped.append(string_escapes[value[i + 1]])
            i += 2
        else:
            unescaped.append(value[i])
            i += 1
    line = "".join(unescaped)
    arguments: list[str] = []
    current: list[str] | None = None
    i = 0
    while i < len(line):
        char = line[i]
        if char == " ":
            if current is not None:
                arguments.append("".join(current))
            current = None
            i += 1
        elif char == '"':
            current = current if current is not None else []
            i += 1
            while line[i] != '"':
                if line[i] == "\\" and line[i + 1] in '"`$\\':
                    i += 1
                current.append(line[i])
                i += 1
            i += 1
        else:
            assert char not in "\t\n\"'\\><~|&;$*?#()`", f"{char!r} outside quotes in {line!r}"
            current = current if current is not None else []
            current.append(char)
            i += 1
    if current is not None:
        arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]


def venv_in(folder: Path) -> Path:
    """A venv at `folder` that shares this one's packages: its python, its
    pyvenv.cfg, and its lib folder."""
    venv = Path(sys.prefix)
    assert venv != Path(sys.base_prefix), "the tests run in a venv"
    (folder / "bin").mkdir(parents=True)
    shutil.copy(venv / "pyvenv.cfg", folder / "pyvenv.cfg")
    (folder / "lib").symlink_to(venv / "lib")
    python = folder / "bin" / "python"
    python.symlink_to(Path(sys.executable).resolve())
    return python


def exec_line_of(entry: Path) -> str:
    text = entry.read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("Exec=")).removeprefix(
        "Exec="
    )


def test_the_entry_goes_in_the_xdg_config_folder(tmp_path: Path) -> None:
    assert autostart.autostart_file({"XDG_CONFIG_HOME": str(tmp_path)}) == (
        tmp_path / "autostart" / "attune.desktop"
    )
    assert autostart.autostart_file({"HOME": str(tmp_path)}) == (
        tmp_path / ".config" / "autostart" / "attune.desktop"
    )


def test_enable_writes_an_entry_that_starts_this_attune(tmp_path: Path) -> None:
    target = tmp_path / "autostart" / "attune.desktop"
    assert not autostart.enabled(target)
    autostart.enable(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\nName=Attune\n")
    command = parse_exec(exec_line_of(target))
    assert command == [sys.executable, "-m", "desktop_app.cli"]
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"attune {desktop_app.__version__}\n"
    assert autostart.enabled(target)
    autostart.disable(target)
    autostart.disable(target)  # twice is fine
    assert not autostart.enabled(target)


def test_a_venv_in_a_folder_with_awkward_characters_still_starts(tmp_path: Path) -> None:
    python = venv_in(tmp_path / 'my "venv" $HOME `x` 100% back\\slash')
    entry = autostart.enable(tmp_path / "attune.desktop", detect(executable=str(python)).launch)
    exec_value = exec_line_of(entry)
    assert exec_value.startswith('"')
    command = parse_exec(exec_value)
    assert command == [str(python), "-m", "desktop_app.cli"]
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"attune {desktop_app.__version__}\n"


def test_the_exec_line_from_source(tmp_path: Path) -> None:
    python = "/home/sam/attune/.venv/bin/python"
    entry = autostart.enable(tmp_path / "a.desktop", detect(frozen=False, executable=python).launch)
    assert exec_line_of(entry) == "/home/sam/attune/.venv/bin/python -m desktop_app.cli"


def test_the_exec_line_of_an_unpacked_build(tmp_path: Path) -> None:
    executable = tmp_path / "My Programs" / "attune" / "attune"
    executable.parent.mkdir(parents=True)
    executable.write_text("")
    here = detect(frozen=True, executable=str(executable), dpkg_list=tmp_path / "none.list")
    assert here.kind == "folder"
    entry = autostart.enable(tmp_path / "a.desktop", here.launch)
    assert exec_line_of(entry) == f'"{executable}"'
    assert "-m" not in exec_line_of(entry)  # a frozen attune would take it as a command


def test_the_exec_line_of_the_deb(tmp_path: Path) -> None:
    executable = tmp_path / "opt" / "attune" / "attune"
    executable.parent.mkdir(parents=True)
    executable.write_text("")
    launcher = tmp_path / "usr" / "bin" / "attune"
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(executable)
    listing = tmp_path / "attune.list"
    listing.write_text(f"/.\n{executable.parent}\n{executable}\n{launcher}\n")
    here = detect(frozen=True, executable=str(executable), dpkg_list=listing, launcher=launcher)
    assert here.kind == "deb"
    entry = autostart.enable(tmp_path / "a.desktop", here.launch)
    assert exec_line_of(entry) == str(launcher)


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/usr/bin/attune", "/usr/bin/attune"),
        ("/home/sam/my apps/attune", '"/home/sam/my apps/attune"'),
        # A literal backslash in quotes is four in the file; a dollar is \\$.
        ("a\\b", '"a\\\\\\\\b"'),
        ("$x", '"\\\\$x"'),
        ('"', '"\\\\""'),
        ("`", '"\\\\`"'),
        ("it's", '"it\'s"'),
        ("100%", "100%%"),
        ("", '""'),
    ],
)
def test_quoting_follows_the_desktop_entry_specification(argument: str, written: str) -> None:
    assert autostart.exec_value([argument]) == written
    assert parse_exec(written) == [argument]


def test_awkward_arguments_come_back_as_they_were() -> None:
    assert parse_exec(autostart.exec_value(AWKWARD)) == AWKWARD


@pytest.mark.skipif(shutil.which("gio") is None, reason="GLib's gio is not installed")
def test_glib_starts_the_command_with_exactly_these_arguments(tmp_path: Path) -> None:
    """GLib, which GNOME and others autostart with, reads our quoting back exactly."""
    out = tmp_path / "argv.json"
    script = f"import json, sys; open({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))"
    folder = tmp_path / "a b $c"
    folder.mkdir()
    python = folder / "python"
    python.symlink_to(sys.executable)
    entry = autostart.enable(tmp_path / "probe.desktop", [str(python), "-c", script, *AWKWARD])
    done = subprocess.run(["gio", "launch", str(entry)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    for _ in range(200):
        if out.is_file() and out.read_text():
            break
        subprocess.run(["sleep", "0.05"], check=True)
    assert json.loads(out.read_text()) == AWKWARD
