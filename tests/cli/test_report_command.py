"""`attune report`, run for real against a real journal and a real imported plan in the
test's own Attune home (ATTUNE_HOME, set by tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore
from tests.journal_sessions import a_session

# Started and ended in the past, so that the default range is the plan's own days.
PLAN = """\
attune: plan/1
id: first-weeks
title: Weeks 1–2
language: en
from: Your therapist
starts: 2025-03-07
ends: 2025-03-12
items:
  - practice: box-breathing
    when: daily
  - practice: body-scan
    when: {per_week: 2}
"""

SECRET = "I thought about the argument again"


def session(day: int, practice_id: str = "box-breathing") -> NewSession:
    # Midday, so that the local date is the same in any time zone the tests run in.
    start = datetime(2025, 3, day, 12, 0, tzinfo=UTC)
    answers = (
        StoredAnswer("settled", "before", "scale", "How settled?", 3, "3 of 10", 0, 10),
        StoredAnswer("settled", "after", "scale", "How settled?", 7, "7 of 10", 0, 10),
        StoredAnswer("noticed", "after", "text", "What did you notice?", SECRET, SECRET),
    )
    return a_session(
        start,
        answers,
        practice_id=practice_id,
        practice_title={"box-breathing": "Box breathing", "body-scan": "Body scan"}[practice_id],
    )


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def planned() -> None:
    PlanStore(default_paths().plans, today=lambda: date(2025, 3, 1)).import_plan(
        PLAN.encode("utf-8")
    )
    journal = Journal.open(default_paths().journal)
    try:
        journal.add_many([session(7), session(9), session(10), session(8, "body-scan")])
    finally:
        journal.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("planned")
def test_report_as_markdown_over_the_plans_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "--plan", "first-weeks", "-o", "report.md")
    assert (code, err) == (0, "")
    assert "from 2025-03-07 to 2025-03-12" in out
    text = Path("report.md").read_text(encoding="utf-8")
    assert "7 March 2025 to 12 March 2025 · 4 of 10 planned sessions done" in text
    assert "- **Box breathing** (daily): 3 of 6 done" in text
    assert "- **Body scan** (2 times a week): 1 of 4 done" in text
    assert "| 3 March 2025 | 2 of 3 | 1 of 2 |" in text
    assert "| 10 March 2025 | 1 of 3 | 0 of 2 |" in text
    assert "average change +4 over 3 sessions" in text
    assert SECRET not in text
    assert "Reflections" not in text
    if os.name == "posix":
        assert stat.S_IMODE(Path("report.md").stat().st_mode) == 0o600
    assert sorted(p.name for p in Path().iterdir()) == ["report.md"]


@pytest.mark.usefixtures("planned")
def test_report_with_reflections_and_a_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "report",
        "--plan",
        "first-weeks",
        "--from",
        "2025-03-09",
        "--to",
        "2025-03-10",
        "--include-reflections",
        "-o",
        "report.md",
    )
    assert (code, err) == (0, "")
    text = Path("report.md").read_text(encoding="utf-8")
    assert "9 March 2025 to 10 March 2025" in text
    assert "- **Box breathing** (daily): 2 of 2 done" in text
    assert "## Reflections" in text
    assert text.count(SECRET) == 2  # the 9th and the 10th; not the 7th or the 8th


@pytest.mark.usefixtures("planned")
def test_report_as_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--plan", "first-weeks", "-o", "report.pdf")
    assert (code, err) == (0, "")
    data = Path("report.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    if shutil.which("pdftotext"):
        text = pdf_text(Path("report.pdf"))
        assert "Attune adherence report" in text and "Box breathing" in text


@pytest.mark.usefixtures("planned")
def test_report_as_pdf_with_no_screen() -> None:
    """On a computer with no screen (a server, a cron job: no DISPLAY, WAYLAND_DISPLAY or
    QT_QPA_PLATFORM) the PDF is made all the same, on Qt's offscreen platform."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", *REPORT_PDF],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert Path("report.pdf").read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        assert "Attune adherence report" in pdf_text(Path("report.pdf"))


REPORT_PDF = ("report", "--plan", "first-weeks", "-o", "report.pdf")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def test_report_without_a_journal_still_shows_what_was_planned(
    capsys: pytest.CaptureFixture[str],
) -> None:
    PlanStore(default_paths().plans).import_plan(PLAN.encode("utf-8"))
    code, _, err = run(capsys, "report", "--plan", "first-weeks", "-o", "r.md")
    assert (code, err) == (0, "")
    assert "- **Box breathing** (daily): 0 of 6 done" in Path("r.md").read_text(encoding="utf-8")
    assert not default_paths().journal.exists()


def test_a_practice_the_library_lacks_is_named_missing_and_not_counted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = PLAN + "  - practice: not-there\n    when: daily\n"
    PlanStore(default_paths().plans).import_plan(plan.encode("utf-8"))
    code, _, err = run(capsys, "report", "--plan", "first-weeks", "-o", "r.md")
    assert (code, err) == (0, "")
    text = Path("r.md").read_text(encoding="utf-8")
    assert "- **not-there** (daily): missing from the library, so not counted\n" in text
    assert "0 of 10 planned sessions done" in text  # 6 + 4; not the 6 days of not-there


@pytest.mark.usefixtures("planned")
def test_unknown_plan_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--plan", "nope", "-o", "report.md")
    assert code == 2
    assert 'no imported plan "nope"' in err
    assert "known plans: first-weeks" in err
    assert not Path("report.md").exists()


def test_unknown_plan_with_no_plans(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--plan", "nope", "-o", "report.md")
    assert code == 2
    assert "known plans: none" in err


@pytest.mark.usefixtures("planned")
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2025-13-01"], '--from: expected a date like 2025-03-01, got "2025-13-01"'),
        (["--to", "yesterday"], '--to: expected a date like 2025-03-01, got "yesterday"'),
        (["--from", "2025-03-10", "--to", "2025-03-08"], "--from 2025-03-10 is after --to"),
    ],
)
def test_bad_dates(capsys: pytest.CaptureFixture[str], extra: list[str], message: str) -> None:
    code, _, err = run(capsys, "report", "--plan", "first-weeks", *extra, "-o", "report.md")
    assert code == 2
    assert message in err
    assert not Path("report.md").exists()


@pytest.mark.usefixtures("planned")
def test_an_output_name_it_cannot_tell(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--plan", "first-weeks", "-o", "report.txt")
    assert code == 2
    assert "end the name in .pdf or .md" in err


@pytest.mark.usefixtures("planned")
def test_a_range_the_plan_does_not_run_in(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "report", "--plan", "first-weeks", "--from", "2025-04-01", "-o", "r.md"
    )
    assert code == 1
    assert "runs from 2025-03-07 to 2025-03-12: no day of it is in the range" in err
    assert not Path("r.md").exists()
