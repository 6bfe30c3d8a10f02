"""Counts are said with Qt's plural forms (`tr("%n minutes", "", n)`), never picked by
hand: what the screens show for one and for more, in English and in Dutch, through the
real catalogues; and a walk over the ui's sources that fails when a hand-picked plural
comes back."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal
from desktop_app.ui.i18n import Translations
from desktop_app.ui.insights_view import InsightsView
from desktop_app.ui.journal_rows import EntryDescriber
from desktop_app.ui.library_view import LibraryView
from desktop_app.ui.shared_words import kind_names
from tests.helpers import write
from tests.ui.test_insights_view import session as insights_session
from tests.ui.test_journal_view import at
from tests.ui.test_journal_view import session as journal_session
from tests.ui.test_library_view import library_in, practice

UI = Path(__file__).resolve().parents[2] / "desktop_app" / "ui"
TODAY = date.today()  # Insights counts days in a row up to the real today

#: What each screen said for one and for three before counts had plural forms.
SAID = {
    "en": {
        "practices": ("1 practice", "3 practices"),
        "failed": ("1 file could not be loaded ·", "3 files could not be loaded ·"),
        "row": ("1 minute · 1 pause", "3 minutes · 3 pauses"),
        "streak": ("1 day in a row", "3 days in a row"),
        "minutes": ("1 minute in the last 12 weeks.", "3 minutes in the last 12 weeks."),
        "in all": ("1 practice in all.", "3 practices in all."),
    },
    "nl": {
        "practices": ("1 oefening", "3 oefeningen"),
        "failed": (
            "1 bestand kon niet worden geladen ·",
            "3 bestanden konden niet worden geladen ·",
        ),
        "row": ("1 minuut · 1 pauze", "3 minuten · 3 pauzes"),
        "streak": ("1 dag op rij", "3 dagen op rij"),
        "minutes": ("1 minuut in de afgelopen 12 weken.", "3 minuten in de afgelopen 12 weken."),
        "in all": ("1 oefening in totaal.", "3 oefeningen in totaal."),
    },
}


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """Attune's words in this language while the test runs, as its window installs them."""
    translations = Translations()
    assert translations.install(request.param)
    yield request.param
    translations.install("en")


@pytest.mark.parametrize("count", [1, 3])
def test_the_library_counts_its_practices_and_the_files_it_could_not_load(
    qtbot: QtBot, tmp_path: Path, language: str, count: int
) -> None:
    for n in range(count):
        write(tmp_path, f"p{n}.yaml", practice(f"p{n}", f"Practice {n}"))
        write(tmp_path, f"broken{n}.yaml", "attune: practice/1\nid: broken\n")
    view = LibraryView(library_in(tmp_path), language)
    qtbot.addWidget(view)
    one = count == 1
    assert view.count_label.text() == SAID[language]["practices"][0 if one else 1]
    assert view.problems_label.text() == SAID[language]["failed"][0 if one else 1]


@pytest.mark.parametrize("count", [1, 3])
def test_a_journal_row_counts_its_minutes_and_pauses(
    tmp_path: Path, language: str, count: int
) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        started = at(date(2025, 11, 26))
        journal.add(replace(journal_session(started, minutes=count), pauses=count))
        (entry,) = journal.entries()
    finally:
        journal.close()
    describer = EntryDescriber(language, lambda: date(2025, 11, 26), kind_names())
    how_it_went = describer.meta(entry).splitlines()[1]
    one = count == 1
    assert how_it_went.startswith(SAID[language]["row"][0 if one else 1] + " · ")


@pytest.mark.parametrize("count", [1, 3])
def test_insights_count_days_in_a_row_minutes_and_practices(
    qtbot: QtBot, tmp_path: Path, language: str, count: int
) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        for days_ago in range(count):
            journal.add(insights_session(TODAY - timedelta(days=days_ago), minutes=1))
        view = InsightsView(journal, language)
        qtbot.addWidget(view)
        view.set_streaks(True)
        view.refresh()
        one = count == 1
        assert view.streak_label.text() == SAID[language]["streak"][0 if one else 1]
        assert view.minutes_card.caption.text() == SAID[language]["minutes"][0 if one else 1]
        assert view.kinds_card.caption.text() == SAID[language]["in all"][0 if one else 1]
    finally:
        journal.close()


def hand_picked_plurals(source: str) -> list[int]:
    """Lines that choose between words by whether a number is one (`"1 minute" if n == 1
    else ...`): a count whose other languages cannot have their own forms."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.IfExp, ast.If)):
            continue
        test = node.test
        if not (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.Eq, ast.NotEq))
            and any(
                isinstance(side, ast.Constant) and side.value == 1
                for side in (test.left, *test.comparators)
            )
        ):
            continue
        branches = [node.body, node.orelse] if isinstance(node, ast.IfExp) else node.body
        if any(_says_words(branch) for branch in branches):
            found.append(node.lineno)
    return found


def _says_words(branch: ast.AST | list[ast.stmt]) -> bool:
    """A translated text or a filled-in one (`.replace("%1", ...)`) is among them."""
    parts = branch if isinstance(branch, list) else [branch]
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("tr", "translate", "replace")
        for part in parts
        for node in ast.walk(part)
    )


def test_the_walk_finds_a_hand_picked_plural() -> None:
    assert hand_picked_plurals(
        'text = self.tr("1 minute") if n == 1 else self.tr("%1 minutes").replace("%1", str(n))'
    ) == [1]
    assert (
        hand_picked_plurals("def count(n, one, many):\n    if n == 1:\n        return one\n") == []
    )
    assert hand_picked_plurals('text = self.tr("%n minutes", "", n)') == []


def test_no_screen_picks_a_plural_by_hand() -> None:
    """Counts go through `tr(source, "", n)` so each language has its forms."""
    found = [
        f"{path.name}:{line}"
        for path in sorted(UI.glob("*.py"))
        for line in hand_picked_plurals(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_translated_text_starts_with_a_written_out_one() -> None:
    """`tr("1 minute")` is the singular of a hand-picked count."""
    found = [
        f"{path.name}:{node.lineno}"
        for path in sorted(UI.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("tr", "translate")
        and any(
            isinstance(arg, ast.Constant)
            and isinstance(arg.value, str)
            and arg.value.startswith("1 ")
            for arg in node.args[:2]
        )
    ]
    assert found == []
