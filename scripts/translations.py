"""Refresh the catalogues from the code, and compile them for the app.

    python scripts/translations.py          update the .ts files, then make the .qm files
    python scripts/translations.py --check  change nothing; exit 1 when a .ts misses
                                            a string of the code
(with the project's virtual environment active, or its python)

`translations/attune_nl.ts` is the source a translator edits (in Qt Linguist, or any
text editor); `assets/translations/attune_nl.qm` is what Attune loads. Both are kept
in git, so Attune runs without Qt's tools; tests/ui/test_translations.py fails when
either falls behind the code.

`translations/attune_en.ts` holds only the counts (`tr("%n minutes", "", n)`): the code
says them once, and English needs its "1 minute" from a catalogue as Dutch does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "desktop_app" / "ui").glob("*.py"))
#: Every catalogue; the first language is the code's own, whose catalogue has only counts.
LANGUAGES = ("en", "nl")


def tool(name: str) -> str:
    """A Qt tool that comes with PySide6, next to this Python or on the PATH."""
    # Beside this Python first (a virtual environment that is not active; on Windows
    # the tools are .exe files there), then on the PATH.
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def source_file(language: str) -> Path:
    return ROOT / "translations" / f"attune_{language}.ts"


def compiled_file(language: str) -> Path:
    return ROOT / "assets" / "translations" / f"attune_{language}.qm"


def update(ts: Path) -> None:
    """Merge the code's strings into `ts`: new ones come in unfinished, gone ones go."""
    language = ts.stem.split("_")[-1]
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, SOURCES),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            language,
            *(["-pluralonly"] if language == LANGUAGES[0] else []),
            "-silent",
        ],
        check=True,
    )


def compile_to(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    check = "--check" in sys.argv[1:]
    for language in LANGUAGES:
        ts = source_file(language)
        if check:
            with tempfile.TemporaryDirectory() as folder:
                fresh = Path(folder) / ts.name
                shutil.copyfile(ts, fresh)
                update(fresh)
                if fresh.read_bytes() != ts.read_bytes():
                    print(f"{ts.name} is behind the code: run scripts/translations.py")
                    return 1
            continue
        update(ts)
        compile_to(ts, compiled_file(language))
        print(f"{ts.relative_to(ROOT)} -> {compiled_file(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
