"""`attune export`, `attune import-journal` and `attune backup`, run for real against
a real journal in the test's own Attune home (ATTUNE_HOME, set by tests/conftest.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage.journal import Journal, NewSession, SessionEntry, StoredAnswer
from desktop_app.storage.paths import default_paths
from tests.journal_sessions import a_session

SETTLED = StoredAnswer("settled", "before", "scale", "How settled?", 3, "3 of 10", 0, 10)
NOTICED = StoredAnswer(
    "noticed", "after", "text", "What did you notice?", "Warm hands", "Warm hands"
)


def session(day: int, practice_id: str = "box", uid: str | None = None) -> NewSession:
    # Midday, so that the local date is the same in any time zone the tests run in.
    start = datetime(2025, 3, day, 12, 0, tzinfo=UTC)
    return a_session(
        start,
        (SETTLED, NOTICED),
        practice_id=practice_id,
        practice_title={"box": "Box breathing", "scan": "Body scan"}[practice_id],
        uid=uid,
    )


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def fill_journal(*sessions: NewSession) -> list[SessionEntry]:
    journal = Journal.open(default_paths().journal)
    try:
        for new in sessions:
            journal.add(new)
        return journal.entries()
    finally:
        journal.close()


def journal_entries(path: Path | None = None) -> list[SessionEntry]:
    journal = Journal.open(path or default_paths().journal)
    try:
        return journal.entries()
    finally:
        journal.close()


@pytest.fixture
def three() -> list[SessionEntry]:
    return fill_journal(session(3), session(5, "scan"), session(7))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def only_files(folder: Path) -> list[str]:
    """What is in `folder`, hidden temporary leftovers included."""
    return sorted(path.name for path in folder.iterdir())


# --- export ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["md", "csv", "json", "pdf"])
def test_export_writes_each_format(
    kind: str, three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "shared"
    out.mkdir()
    target = out / f"journal.{kind}"
    assert run(capsys, "export", "-o", str(target)) == (
        0,
        f"3 entries written to {target}\n",
        "",
    )
    assert only_files(out) == [f"journal.{kind}"]  # nothing left beside it
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    if kind == "md":
        text = data.decode("utf-8")
        assert text.startswith("# Attune journal\n\n3 March 2025 to 7 March 2025 · 3 entries\n")
        assert text.count("**What did you notice?** Warm hands") == 3
    elif kind == "csv":
        assert data.startswith(b"\xef\xbb\xbfentry_uid,")  # with a byte order mark for Excel
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert len(rows) == 6 and {row["entry_uid"] for row in rows} == {e.uid for e in three}
    elif kind == "json":
        document = json.loads(data)
        assert [e["uid"] for e in document["entries"]] == [e.uid for e in reversed(three)]
    else:
        assert data.startswith(b"%PDF-1.4") and data.endswith(b"%%EOF\n")
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, check=True, text=True
            ).stdout
            assert text.count("Warm hands") == 3 and "Body scan" in text


def test_a_pdf_export_keeps_every_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arabic in an answer of its own: a reader orders a line of mixed directions by guess.
    words = ("Спокойно. 平静 😊 Zażółć, Één ĳsje", "أشعر بالهدوء الآن")
    answers = tuple(
        StoredAnswer(f"q{n}", "after", "text", "Noticed?", w, w) for n, w in enumerate(words)
    )
    fill_journal(replace(session(3), answers=answers))
    assert run(capsys, "export", "-o", "journal.pdf")[0] == 0
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "journal.pdf", "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    for said in words:
        assert f"Noticed? {plain(said)}" in plain(text)


def plain(text: str) -> str:
    """As tests/ui/test_pdf.py compares read-back text: Arabic's joined forms as its
    letters, no direction marks."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


def test_export_format_option_wins_over_the_name(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", "--format", "json", "-o", "notes.txt")[0] == 0
    assert json.loads((tmp_path / "notes.txt").read_text())["format"] == "attune-journal"


def test_export_replaces_an_older_file(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "j.md").write_text("old")
    assert run(capsys, "export", "-o", "j.md")[0] == 0
    assert (tmp_path / "j.md").read_text().startswith("# Attune journal")


@pytest.mark.parametrize(
    ("options", "days"),
    [
        (["--from", "2025-03-05"], [5, 7]),
        (["--to", "2025-03-05"], [3, 5]),
        (["--from", "2025-03-04", "--to", "2025-03-06"], [5]),
        (["--from", "2025-03-05", "--to", "2025-03-05"], [5]),
        (["--practice", "box"], [3, 7]),
        (["--practice", "box", "--from", "2025-03-04"], [7]),
    ],
)
def test_export_filters_by_day_and_practice(
    options: list[str],
    days: list[int],
    three: list[SessionEntry],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "export", *options, "-o", "out.json")
    assert code == 0
    assert out == f"{len(days)} entr{'y' if len(days) == 1 else 'ies'} written to out.json\n"
    document = json.loads((tmp_path / "out.json").read_text())
    assert [datetime.fromisoformat(e["started_at"]).day for e in document["entries"]] == days


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--from", "March"], '--from: expected a date like 2025-03-01, got "March"'),
        (["--to", "2025-02-30"], '--to: expected a date like 2025-03-01, got "2025-02-30"'),
        (
            ["--from", "2025-03-05", "--to", "2025-03-01"],
            "--from 2025-03-05 is after --to 2025-03-01",
        ),
    ],
)
def test_export_refuses_bad_dates(
    options: list[str], message: str, three: list[SessionEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", *options, "-o", "out.md") == (2, "", f"attune: {message}\n")


def test_export_needs_a_format_it_can_tell(
    three: list[SessionEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", "-o", "notes.txt") == (
        2,
        "",
        "attune: -o notes.txt: cannot tell the format from the name; add --format "
        "md|csv|json|pdf, or end the name in .md, .csv, .json or .pdf\n",
    )
    with pytest.raises(SystemExit) as caught:  # argparse's own check of --format
        main(["export", "--format", "docx", "-o", "x.docx"])
    assert caught.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_export_refuses_an_output_it_cannot_or_must_not_write(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder").mkdir()
    assert run(capsys, "export", "-o", "folder") == (
        2,
        "",
        "attune: -o folder: this is a folder; give a file name\n",
    )
    assert run(capsys, "export", "-o", "missing/out.md") == (
        2,
        "",
        "attune: -o missing/out.md: there is no folder missing\n",
    )
    journal = default_paths().journal
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(journal))
    assert (code, err) == (
        2,
        f"attune: -o {journal}: this is the journal itself; choose another file\n",
    )
    assert len(journal_entries()) == 3


def test_export_with_no_journal_creates_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", "-o", "out.md") == (
        1,
        "",
        "attune: there is no journal yet, so there is nothing to export\n",
    )
    assert not default_paths().journal.exists()
    assert not (tmp_path / "out.md").exists()


def test_export_of_nothing_writes_nothing(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", "--practice", "walk", "--from", "2025-03-01", "-o", "o.md") == (
        1,
        "",
        'attune: no journal entries for "walk" from 2025-03-01 on; nothing was written\n',
    )
    assert not (tmp_path / "o.md").exists()


def make_newer(journal: Path) -> None:
    """A journal as a future Attune would leave it."""
    connection = sqlite3.connect(journal)
    try:
        connection.execute("PRAGMA user_version = 99")
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "command",
    [["export", "-o", "out.md"], ["backup", "-o", "copy.sqlite3"], ["import-journal", "in.json"]],
)
def test_a_journal_problem_is_a_plain_message_not_a_traceback(
    command: list[str],
    three: list[SessionEntry],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "in.json").write_text(
        json.dumps(
            {
                "format": "attune-journal",
                "version": 1,
                "exported_at": "2025-03-01T00:00:00+00:00",
                "entries": [],
            }
        )
    )
    make_newer(default_paths().journal)
    code, out, err = run(capsys, *command)
    assert code == 1 and out == ""
    assert err.startswith("attune: Your journal was made by a newer version of Attune")
    assert "Traceback" not in err
    assert not (tmp_path / "out.md").exists() and not (tmp_path / "copy.sqlite3").exists()


# --- import ----------------------------------------------------------------------


def test_export_then_import_into_a_fresh_journal_keeps_everything(
    three: list[SessionEntry],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "export", "-o", "all.json")[0] == 0
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "new-home"))
    assert run(capsys, "import-journal", "all.json") == (
        0,
        "3 entries added, 0 already there\n",
        "",
    )
    assert [replace(e, id=0) for e in journal_entries()] == [replace(e, id=0) for e in three]
    # Twice: nothing doubles.
    assert run(capsys, "import-journal", "all.json") == (
        0,
        "0 entries added, 3 already there\n",
        "",
    )
    assert len(journal_entries()) == 3


def test_import_adds_only_what_is_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_journal(session(3, uid="a" * 32), session(5, uid="b" * 32))
    assert run(capsys, "export", "-o", "two.json")[0] == 0
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "other"))
    fill_journal(session(3, uid="a" * 32), session(9))
    assert run(capsys, "import-journal", "two.json") == (0, "1 entry added, 1 already there\n", "")
    assert sorted(e.started_at.day for e in journal_entries()) == [3, 5, 9]


def test_import_of_a_bad_file_names_every_problem_and_adds_nothing(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "export", "-o", "all.json")[0] == 0
    document = json.loads((tmp_path / "all.json").read_text())
    document["entries"][0]["uid"] = "new-one"
    document["entries"][2]["started_at"] = "soon"
    del document["entries"][2]["answers"][1]["prompt"]
    (tmp_path / "bad.json").write_text(json.dumps(document))
    assert run(capsys, "import-journal", "bad.json") == (
        1,
        "",
        'bad.json: entries[3].started_at: expected an ISO 8601 time with its offset, like "2025-03-04T08:15:00+01:00", got "soon"\n'
        "bad.json: entries[3].answers[2].prompt: missing\n"
        "Nothing was imported.\n",
    )
    assert len(journal_entries()) == 3  # the valid, new first entry was not added either


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        (b"\xff\xfe{", "this is not a journal export: it is not UTF-8 text"),
    ],
)
def test_import_of_an_unreadable_file(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if content is not None:
        (tmp_path / "in.json").write_bytes(content)
    assert run(capsys, "import-journal", "in.json") == (1, "", f"attune: in.json: {message}\n")
    assert not default_paths().journal.exists()


def test_import_of_a_file_of_another_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "settings.json").write_text('{"theme": "dark"}')
    assert run(capsys, "import-journal", "settings.json") == (
        1,
        "",
        'settings.json: this is not an Attune journal export (it has no "format": "attune-journal")\n'
        "Nothing was imported.\n",
    )


# --- backup ----------------------------------------------------------------------


def test_backup_is_a_sound_sqlite_copy_with_the_same_entries(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The app has the journal open meanwhile.
    app = Journal.open(default_paths().journal)
    try:
        app.add(session(9))
        assert run(capsys, "backup", "-o", "copy.sqlite3") == (
            0,
            "Journal backed up to copy.sqlite3 (4 entries).\n",
            "",
        )
        copy = tmp_path / "copy.sqlite3"
        assert only_files(tmp_path) == ["copy.sqlite3"]  # one file: no -wal, no leftovers
        if os.name == "posix":
            assert copy.stat().st_mode & 0o777 == 0o600
        connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            connection.close()
        restored = tmp_path / "restored" / "journal.sqlite3"
        restored.parent.mkdir()
        shutil.copy(copy, restored)
        assert journal_entries(restored) == app.entries()
    finally:
        app.close()


def test_backup_keeps_the_folders_permissions(
    three: list[SessionEntry], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert run(capsys, "backup", "-o", str(shared / "b.sqlite3"))[0] == 0
    if os.name == "posix":
        assert shared.stat().st_mode & 0o777 == 0o755


def test_backup_with_no_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "backup", "-o", "b.sqlite3") == (
        1,
        "",
        "attune: there is no journal yet, so there is nothing to back up\n",
    )
    assert not default_paths().journal.exists()


def test_backup_will_not_write_over_the_journal(
    three: list[SessionEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    wal = Path(f"{default_paths().journal}-wal")
    code, _, err = run(capsys, "backup", "-o", str(wal))
    assert (code, err) == (
        2,
        f"attune: -o {wal}: this is the journal itself; choose another file\n",
    )
    assert len(journal_entries()) == 3


def test_export_and_backup_show_control_characters_in_a_name_as_escapes(
    three: list[SessionEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    name = "out\x1b[31mred\x07"
    assert run(capsys, "export", "--format", "md", "-o", f"{name}.md") == (
        0,
        "3 entries written to out\\x1b[31mred\\x07.md\n",
        "",
    )
    assert run(capsys, "backup", "-o", f"{name}.sqlite3") == (
        0,
        "Journal backed up to out\\x1b[31mred\\x07.sqlite3 (3 entries).\n",
        "",
    )
