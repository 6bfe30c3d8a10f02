"""The library view: search, filters, keys, details, problems and empty states, with real
practice files loaded by the real library scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library, Source, scan
from desktop_app.ui.library_rows import SUBTITLE_ROLE
from desktop_app.ui.library_text import rich_text
from desktop_app.ui.library_view import EAGER_LIMIT, LibraryView
from tests.helpers import write
from tests.ui.reachable import reachable_controls


def practice(
    practice_id: str,
    title: str,
    *,
    kind: str = "breathing",
    summary: str = "A short practice.",
    tags: str = "",
    lengths: str = "",
    language: str = "en",
    extra: str = "",
    steps: str = "  - say: Hello.\n",
) -> str:
    lines = [
        "attune: practice/1",
        f"id: {practice_id}",
        f"title: {title}",
        f"kind: {kind}",
        f"language: {language}",
        f"summary: {summary}",
    ]
    if tags:
        lines.append(f"tags: [{tags}]")
    if lengths:
        lines.append(f"lengths: [{lengths}]")
    return "\n".join(lines) + "\n" + extra + "steps:\n" + steps


ELASTIC = "  - say: Hello.\n  - silence: flex\n"


def library_in(folder: Path, *sources: Source) -> Library:
    return scan([Source("user", folder, "your practices"), *sources])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "practices"
    path.mkdir()
    return path


@pytest.fixture
def sample(folder: Path) -> Library:
    write(
        folder,
        "a.yaml",
        practice(
            "calm-breath",
            "Calm breathing",
            lengths="3m, 5m",
            tags="evening, sleep",
            steps=ELASTIC,
        ),
    )
    write(
        folder,
        "b.yaml",
        practice(
            "cafe",
            "Café pause",
            kind="self-compassion",
            summary="Kindness for a hard moment.",
            lengths="10m, 20m",
            steps=ELASTIC,
        ),
    )
    write(
        folder,
        "c.yaml",
        practice("anchor", "Anchor in the room", kind="grounding", lengths="30m", steps=ELASTIC),
    )
    write(
        folder,
        "d.yaml",
        practice(
            "vertrouwen",
            "Vertrouwen",
            kind="body-awareness",
            language="nl",
            summary="Een korte oefening.",
            steps="  - say: Hallo.\n",
        ),
    )
    return library_in(folder)


def make_view(qtbot: QtBot, library: Library, **kwargs: object) -> LibraryView:
    view = LibraryView(library, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    view.finish_indexing()
    return view


def titles(view: LibraryView) -> list[str]:
    model = view.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


# --- listing ---------------------------------------------------------------------------


def test_rows_are_sorted_by_title_with_a_muted_line_of_kind_lengths_and_languages(
    qtbot: QtBot, sample: Library
) -> None:
    view = make_view(qtbot, sample)
    assert titles(view) == ["Anchor in the room", "Café pause", "Calm breathing", "Vertrouwen"]
    subtitles = [str(view.model.index(r).data(SUBTITLE_ROLE)) for r in range(4)]
    assert subtitles[0] == "Grounding · 30 min · en"
    assert subtitles[1] == "Self-compassion · 10, 20 min · en"
    assert subtitles[2] == "Breathing · 3, 5 min · en"
    # No lengths: its fixed time, estimated from the words spoken and the pauses.
    assert subtitles[3].startswith("Body awareness · about ") and subtitles[3].endswith(" · nl")
    assert view.count_label.text() == "4 practices"


def test_titles_are_shown_in_the_chosen_language(qtbot: QtBot, folder: Path) -> None:
    write(
        folder,
        "t.yaml",
        practice("two", "{en: Slow breathing, nl: Langzaam ademen}", steps="  - say: Hi.\n"),
    )
    view = make_view(qtbot, library_in(folder), language="nl")
    assert titles(view) == ["Langzaam ademen"]


def test_opening_describes_only_the_rows_it_paints_and_reads_no_practice(
    qtbot: QtBot, folder: Path
) -> None:
    count = EAGER_LIMIT + 50  # below the limit everything is described at once
    for n in range(count):
        write(folder, f"p{n:03}.yaml", practice(f"p{n:03}", f"Practice {n}"))
    library = library_in(folder)
    view = LibraryView(library)
    qtbot.addWidget(view)
    view.resize(1100, 720)

    def read_in_full() -> int:
        return sum("item" in vars(entry) for entry in library.practices.values())

    def described() -> int:
        return sum(row.info is not None for row in view.model._rows)

    assert described() == 0
    view.grab()  # paints once, without running the event loop (no background indexing)
    assert 0 < described() <= 20
    assert not view.is_indexed

    view.show()
    qtbot.waitUntil(lambda: view.is_indexed, timeout=5000)
    # Sorted by title, numbers in order: Practice 2 before Practice 10.
    assert titles(view)[:3] == ["Practice 0", "Practice 1", "Practice 2"]
    assert read_in_full() == 0, "rows, sorting and filters come from the summaries"
    view.select("p002")
    assert read_in_full() == 1, "the chosen one is read for its details"


def test_a_practice_whose_file_broke_since_the_scan_says_so_in_its_details(
    qtbot: QtBot, folder: Path
) -> None:
    path = write(folder, "t.yaml", practice("two", "Slow breathing", steps="  - say: Hi.\n"))
    view = make_view(qtbot, library_in(folder))
    path.write_text("attune: practice/1\nid: [\n", encoding="utf-8")
    assert view.select("two")
    assert view.details.title_label.text() == "Slow breathing"  # from the summary
    shown = view.details.description_label.text()
    assert shown.startswith("This practice's file has changed and cannot be read now: ")
    assert view.details.begin_button.isEnabled()


# --- search and filters -------------------------------------------------------------------


def test_search_matches_titles_summaries_and_tags_ignoring_case_and_accents(
    qtbot: QtBot, sample: Library
) -> None:
    view = make_view(qtbot, sample)
    qtbot.keyClicks(view.search_field, "CAFE")
    assert titles(view) == ["Café pause"]
    view.search_field.setText("kindness hard")  # every word, anywhere
    assert titles(view) == ["Café pause"]
    view.search_field.setText("sleep")  # a tag
    assert titles(view) == ["Calm breathing"]
    view.search_field.setText("korte")  # a summary in another language
    assert titles(view) == ["Vertrouwen"]
    assert view.count_label.text() == "1 of 4 practices"


def test_the_kind_filter_offers_the_kinds_present_in_friendly_words(
    qtbot: QtBot, sample: Library
) -> None:
    view = make_view(qtbot, sample)
    combo = view.kind_filter
    options = [combo.itemText(i) for i in range(combo.count())]
    assert options == ["All kinds", "Breathing", "Self-compassion", "Body awareness", "Grounding"]
    combo.setCurrentIndex(options.index("Self-compassion"))
    assert titles(view) == ["Café pause"]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("Up to 5 minutes", ["Calm breathing", "Vertrouwen"]),
        ("5–15 minutes", ["Café pause", "Calm breathing"]),
        ("Over 15 minutes", ["Anchor in the room", "Café pause"]),
    ],
)
def test_the_length_filter_matches_any_of_a_practices_lengths(
    qtbot: QtBot, sample: Library, choice: str, expected: list[str]
) -> None:
    view = make_view(qtbot, sample)
    view.length_filter.setCurrentIndex(view.length_filter.findText(choice))
    assert titles(view) == expected


def test_the_language_filter_appears_only_when_there_is_a_choice(
    qtbot: QtBot, sample: Library, tmp_path: Path
) -> None:
    view = make_view(qtbot, sample)
    combo = view.language_filter
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All languages",
        "English",
        "Nederlands",
    ]
    combo.setCurrentIndex(2)
    assert titles(view) == ["Vertrouwen"]

    only_english = tmp_path / "en"
    write(only_english, "x.yaml", practice("x", "Only English"))
    single = make_view(qtbot, library_in(only_english))
    assert not single.language_filter.isVisible()


def test_no_match_says_so_and_one_button_clears_everything(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    view.kind_filter.setCurrentIndex(1)
    view.search_field.setText("nothing like this")
    assert titles(view) == []
    assert view.list_pages.currentIndex() == 1
    texts = [label.text() for label in view.list_pages.currentWidget().findChildren(QLabel)]
    assert "No practices match. Clear the search or filters." in texts
    assert view.clear_button.isVisible()
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert len(titles(view)) == 4
    assert view.search_field.text() == "" and view.kind_filter.currentIndex() == 0
    assert view.list_pages.currentIndex() == 0


def test_a_small_library_is_sorted_from_the_start(qtbot: QtBot, sample: Library) -> None:
    view = LibraryView(sample)
    qtbot.addWidget(view)
    assert view.is_indexed
    assert titles(view)[0] == "Anchor in the room"


def test_searching_before_indexing_finishes_indexes_first(qtbot: QtBot, folder: Path) -> None:
    for n in range(EAGER_LIMIT + 1):
        write(folder, f"p{n:03}.yaml", practice(f"p{n:03}", f"Practice {n}"))
    write(folder, "z.yaml", practice("z", "Anchor"))
    view = LibraryView(library_in(folder))
    qtbot.addWidget(view)
    assert not view.is_indexed
    view.search_field.setText("anchor")
    assert view.is_indexed
    assert titles(view) == ["Anchor"]


# --- choosing ------------------------------------------------------------------------------


def test_enter_double_click_and_begin_emit_the_practice_id(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    assert view.select("calm-breath")
    view.practice_list.setFocus()
    with qtbot.waitSignal(view.practice_chosen) as enter:
        qtbot.keyClick(view.practice_list, Qt.Key.Key_Return)
    assert enter.args == ["calm-breath"]

    row = view.model.row_of("cafe")
    rect = view.practice_list.visualRect(view.model.index(row))
    with qtbot.waitSignal(view.practice_chosen) as double:
        qtbot.mouseDClick(
            view.practice_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert double.args == ["cafe"]

    view.select("anchor")
    with qtbot.waitSignal(view.practice_chosen) as begin:
        qtbot.mouseClick(view.begin_button, Qt.MouseButton.LeftButton)
    assert begin.args == ["anchor"]


def test_begin_is_disabled_until_a_practice_is_selected(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    assert view.selected_id() is None
    assert not view.begin_button.isEnabled()
    assert view.details_pages.currentIndex() == 0  # the hint
    view.select("anchor")
    assert view.begin_button.isEnabled()


# --- keyboard ------------------------------------------------------------------------------


def test_ctrl_f_down_up_and_escape(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.begin_button.setFocus()
    qtbot.keyClick(view.begin_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_field.hasFocus()

    qtbot.keyClicks(view.search_field, "ca")
    qtbot.keyClick(view.search_field, Qt.Key.Key_Down)
    assert view.practice_list.hasFocus()
    assert view.selected_id() == "cafe"  # the first match is selected
    qtbot.keyClick(view.practice_list, Qt.Key.Key_Down)
    assert view.selected_id() == "calm-breath"
    qtbot.keyClick(view.practice_list, Qt.Key.Key_Up)
    qtbot.keyClick(view.practice_list, Qt.Key.Key_Up)  # from the first row: back to search
    assert view.search_field.hasFocus()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Escape)
    assert view.search_field.text() == ""
    assert len(titles(view)) == 4


def test_tab_goes_search_filters_list_details_begin(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    view.select("calm-breath")
    order = []
    widget: QWidget = view.search_field
    for _ in range(7):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
    assert order == [
        view.search_field,
        view.kind_filter,
        view.length_filter,
        view.language_filter,
        view.practice_list,
        view.details.area,
        view.begin_button,
    ]


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, sample: Library, folder: Path
) -> None:
    write(folder, "bad.yaml", "attune: practice/1\n")
    view = make_view(qtbot, library_in(folder), practices_folder=folder)
    dialog = view.show_problems()
    empty = make_view(qtbot, Library({}, {}, ()), practices_folder=folder)
    controls = reachable_controls(view) + reachable_controls(dialog) + reachable_controls(empty)
    assert len(controls) >= 12
    missing = [
        (type(w).__name__, w.accessibleName(), w.accessibleDescription())
        for w in controls
        if not (w.accessibleName() and w.accessibleDescription())
    ]
    assert missing == []
    dialog.close()


# --- details -------------------------------------------------------------------------------


def test_details_show_the_practice_with_its_safety_note_and_origin(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    extra = (
        "description: |\n  Breathe *slowly*, <b>not</b> **hard**.\n\n  Second part.\n"
        "safety: Stop whenever you like.\n"
        "author: A. Therapist\nlicense: CC-BY-4.0\n"
    )
    pack = tmp_path / "packs" / "clinic"
    write(
        pack,
        "p.yaml",
        practice("from-pack", "From the pack", lengths="5m", extra=extra, steps=ELASTIC),
    )
    library = library_in(folder, Source("pack", pack, "pack clinic", media_root=pack))
    assert not library.failures, [str(p) for f in library.failures for p in f.problems]
    view = make_view(qtbot, library)
    assert view.select("from-pack")
    assert view.details.title_label.text() == "From the pack"
    assert view.details.meta_label.text() == "Breathing · 5 min · English"
    assert view.details.summary_label.text() == "A short practice."
    description = view.details.description_label.text()
    assert "<i>slowly</i>" in description and "<b>hard</b>" in description
    assert "&lt;b&gt;not&lt;/b&gt;" in description  # the author's HTML is only text
    assert view.details.safety_card.isVisibleTo(view)
    assert "Stop whenever you like." in view.details.safety_label.text()
    assert view.details.credits_label.text() == "By A. Therapist · Licence: CC-BY-4.0"
    assert view.details.origin_label.text() == "From: the pack “clinic”"  # no pack.yaml to read
    (pack / "pack.yaml").write_text(
        "attune: pack/1\nid: clinic\ntitle: Practices from the clinic\nauthor: A. Therapist\n"
        "version: 1\nlanguage: en\n"
    )
    other = make_view(qtbot, library)
    assert other.select("from-pack")
    assert other.details.origin_label.text() == "From: the pack “Practices from the clinic”"


def test_rich_text_escapes_first_and_keeps_paragraphs() -> None:
    html = rich_text("One *two* **three**\nfour.\n\n<script>x</script> a * b")
    assert html.count("<p ") == 2
    assert "One <i>two</i> <b>three</b> four." in html
    assert "&lt;script&gt;x&lt;/script&gt; a * b" in html


# --- set_library ---------------------------------------------------------------------------


def test_set_library_keeps_the_selection_search_and_filters(
    qtbot: QtBot, sample: Library, folder: Path
) -> None:
    view = make_view(qtbot, sample)
    view.search_field.setText("c")
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Breathing"))
    view.select("calm-breath")

    write(folder, "e.yaml", practice("crisp", "Crisp air", lengths="5m", steps=ELASTIC))
    view.set_library(library_in(folder))
    qtbot.waitUntil(lambda: view.is_indexed)
    assert titles(view) == ["Calm breathing", "Crisp air"]
    assert view.selected_id() == "calm-breath"
    assert view.kind_filter.currentText() == "Breathing"
    assert view.search_field.text() == "c"
    assert view.count_label.text() == "2 of 5 practices"

    (folder / "a.yaml").unlink()
    view.set_library(library_in(folder))
    view.finish_indexing()
    assert titles(view) == ["Crisp air"]
    assert view.selected_id() is None
    assert not view.begin_button.isEnabled()


def test_the_selected_practice_shows_its_new_content_after_set_library(
    qtbot: QtBot, sample: Library, folder: Path
) -> None:
    view = make_view(qtbot, sample)
    view.select("anchor")
    write(
        folder,
        "c.yaml",
        practice("anchor", "Anchor, renewed", kind="grounding", lengths="30m", steps=ELASTIC),
    )
    view.set_library(library_in(folder))
    qtbot.waitUntil(lambda: view.is_indexed)
    assert view.details.title_label.text() == "Anchor, renewed"
    assert view.selected_id() == "anchor"


def test_a_large_new_library_replaces_the_list_once_it_is_read(qtbot: QtBot, folder: Path) -> None:
    for n in range(EAGER_LIMIT + 10):
        write(folder, f"p{n:03}.yaml", practice(f"p{n:03}", f"Practice {n:03}"))
    view = make_view(qtbot, library_in(folder))
    before = view.visible_ids()
    write(folder, "new.yaml", practice("new", "A new one"))
    view.set_library(library_in(folder))
    assert view.visible_ids() == before  # the old list stays while the new one is read
    qtbot.waitUntil(lambda: view.is_indexed, timeout=5000)
    assert view.visible_ids() == ["new", *before]


def test_a_filter_that_no_longer_applies_falls_back_to_all(
    qtbot: QtBot, sample: Library, folder: Path
) -> None:
    view = make_view(qtbot, sample)
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Grounding"))
    (folder / "c.yaml").unlink()
    view.set_library(library_in(folder))
    view.finish_indexing()
    assert view.kind_filter.currentText() == "All kinds"
    assert len(titles(view)) == 3


# --- problems and empty states ---------------------------------------------------------------


def test_failures_are_counted_and_listed_with_file_line_and_column(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    write(folder, "ok.yaml", practice("same", "Mine"))
    write(folder, "bad.yaml", "attune: practice/1\nid: bad\n")
    write(folder, "worse.yaml", "attune: practice/1\nid: [oops\n")
    builtin = tmp_path / "builtin"
    write(builtin, "same.yaml", practice("same", "Built in"))
    view = make_view(qtbot, library_in(folder, Source("built-in", builtin, "built-in")))
    assert view.problems_label.text() == "2 files could not be loaded ·"
    assert view.problems_button.isVisible()
    assert view.problems_button.text() == "Show details"

    qtbot.mouseClick(view.problems_button, Qt.MouseButton.LeftButton)
    dialog = view._dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.failures_text is not None and dialog.warnings_text is not None
    failures = dialog.failures_text.toPlainText().splitlines()
    assert any(line.startswith(f"{folder / 'bad.yaml'}:1:1: ") for line in failures)
    assert any(line.startswith(f"{folder / 'worse.yaml'}:3:1: ") for line in failures)
    warnings = dialog.warnings_text.toPlainText()
    assert warnings.startswith(f"{folder / 'ok.yaml'}:2:5: warning: id: this practice replaces")
    assert dialog.failures_text.isReadOnly()
    assert (
        dialog.failures_text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    )
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_no_problem_line_when_everything_loads(qtbot: QtBot, sample: Library) -> None:
    view = make_view(qtbot, sample)
    assert not view.problems_label.isVisible()
    assert not view.problems_button.isVisible()


def test_an_empty_library_says_where_practice_files_go(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "my practices"
    view = make_view(qtbot, Library({}, {}, ()), practices_folder=folder)
    assert view.pages.currentIndex() == 1
    texts = [label.text() for label in view.pages.currentWidget().findChildren(QLabel)]
    assert "No practices yet" in texts
    assert str(folder) in texts
    assert view.folder_label is not None
    assert view.folder_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_an_empty_library_without_a_folder_still_explains(qtbot: QtBot) -> None:
    view = make_view(qtbot, Library({}, {}, ()))
    texts = " ".join(label.text() for label in view.pages.currentWidget().findChildren(QLabel))
    assert "your practices folder" in texts
    assert view.practice_list.currentIndex() == QModelIndex()
