"""The layers of architecture.md hold: arrows point down, and the core is pure Python."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.core
import desktop_app.session

ROOT = Path(__file__).resolve().parents[1]
# Every module, those of a package (core.timeline, ...) too.
CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core.")
)
SESSION_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(desktop_app.session.__path__, "desktop_app.session.")
)
FORBIDDEN_IN_CORE = (
    "PySide6",
    "shiboken6",
    "numpy",
    "sounddevice",
    "soundfile",
    "pyttsx3",
    "sqlite3",
)


def test_import_linter_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a test dependency"
    done = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 4 kept, 0 broken." in done.stdout


@pytest.mark.parametrize("module", CORE_MODULES)
def test_importing_a_core_module_loads_no_qt_sound_or_database(module: str) -> None:
    probe = (
        f"import sys, {module}\n"
        f"loaded = [m for m in {FORBIDDEN_IN_CORE!r} if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


@pytest.mark.parametrize("module", SESSION_MODULES)
def test_importing_a_session_module_loads_no_qt(module: str) -> None:
    probe = f"import sys, {module}\nprint('PySide6' in sys.modules or 'shiboken6' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
