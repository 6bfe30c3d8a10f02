"""PDFs made by ui/pdf.py from real journal exports, read back with pdftotext: every
character of the person's own words comes back, in every script, from fonts embedded
in the file. Needs poppler-utils and the fonts scripts/_setup.sh installs for tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF
from PySide6.QtWidgets import QApplication

from desktop_app.storage.document import Block, Document, Span
from desktop_app.storage.journal import Journal, SessionEntry, StoredAnswer
from desktop_app.storage.journal_export import Selection, to_document
from desktop_app.ui.pdf import EMOJI_FAMILIES, render_pdf
from tests.journal_sessions import a_session

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)

CET = timezone(timedelta(hours=1))

#: The person's own words, in the scripts the issue names.
WORDS = {
    "issue": "Спокойно. 平静 😊 Zażółć",
    "Cyrillic": "Спокойно. Дыши медленно, всё хорошо.",
    "CJK": "平静。慢慢呼吸，一切都好。こんにちは、안녕하세요",
    "Arabic": "أشعر بالهدوء الآن",
    "emoji": "😊 🌿 ❤️ 👍🏽 🇳🇱 ☕",
    "Dutch": "Één ĳsje, geëerd; coöperatie, reünie en financiële zaken",
}
#: Characters beyond U+FFFF that are not emoji: Qt's own font maps lose these too.
BEYOND = "𝄞 𝔸𝕏"


def said(key: str, text: str) -> StoredAnswer:
    return StoredAnswer(key, "after", "text", f"In {key}?", text, text)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def entries(journal: Journal) -> list[SessionEntry]:
    """One entry with an answer in every script, one with a secret left out below."""
    start = datetime(2025, 3, 3, 8, 15, tzinfo=CET)
    answers = tuple(said(key, text) for key, text in WORDS.items())
    journal.add(a_session(start, (*answers, said("beyond", BEYOND))))
    journal.add(a_session(start + timedelta(days=1), (said("secret", "Bluebottle"),)))
    return journal.entries()


def pdf_text(data: bytes, *pages: int) -> str:
    limits = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *limits, "-", "-"], input=data, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


def plain(text: str) -> str:
    """Text as a reader compares it: compatibility forms as their letters (Arabic
    letters come back in their joined forms), no invisible marks (direction marks,
    joiners, variation selectors), one space between words."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        c for c in text if unicodedata.category(c) != "Cf" and not "\ufe00" <= c <= "\ufe0f"
    )
    return " ".join(text.split())


def page_count(data: bytes) -> int:
    done = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    return int(re.search(rb"Pages:\s+(\d+)", done.stdout)[1])  # type: ignore[index]


@pytest.mark.usefixtures("qapp")
def test_this_computer_has_a_font_for_every_script_tested() -> None:
    """Else the tests below fail for the want of a font, not of Attune: scripts/_setup.sh
    installs them (fonts-dejavu-core, fonts-wqy-microhei, fonts-symbola)."""
    metrics = QFontMetricsF(QFont("DejaVu Sans"))
    for char in "Сżë" + "ال":
        assert metrics.inFontUcs4(ord(char)), char
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert chinese, "no CJK font: apt-get install fonts-wqy-microhei"
    outline = [f for f in EMOJI_FAMILIES if QFontDatabase.hasFamily(f) and f != "DejaVu Sans"]
    assert outline, "no outline emoji font: apt-get install fonts-symbola"


@pytest.mark.usefixtures("qapp")
def test_every_script_comes_back_from_a_real_export(entries: list[SessionEntry]) -> None:
    text = plain(pdf_text(render_pdf(to_document(entries, tz=CET))))
    for key, words in WORDS.items():
        assert f"In {key}? {plain(words)}" in text, key
    assert plain(BEYOND) in text
    assert "?" not in text.replace("In ", "").split("? ", 1)[0]  # nothing became "?"
    assert "Tuesday 4 March 2025" in text and "Bluebottle" in text
    assert "Attune journal · page 1 of 1" in text


@pytest.mark.usefixtures("qapp")
def test_arabic_comes_back_as_its_letters_and_a_typed_form_as_typed() -> None:
    """Searching and copying find the letters the person typed, not the joined forms
    drawn (only the lam-alef ligature keeps its form: see pdf_text_map). A presentation
    form typed as such comes back as typed."""
    document = Document("t", (Block.of("body", "أشعر بالهدوء"), Block.of("body", "ﻫ")))
    text = pdf_text(render_pdf(document))
    lines = "".join(c for c in text if unicodedata.category(c) != "Cf").splitlines()
    assert lines[:2] == ["أشعر بالهدوء", "ﻫ"]


@pytest.mark.usefixtures("qapp")
def test_an_answer_left_out_is_not_in_the_pdf(entries: list[SessionEntry]) -> None:
    box = next(e for e in entries if e.answers[0].question_id == "secret")
    chosen = Selection.everything(entries).without_answer(box.id, 0)
    text = plain(pdf_text(render_pdf(to_document(entries, chosen, tz=CET))))
    assert "Bluebottle" not in text and "In secret?" not in text
    assert plain(WORDS["issue"]) in text


@pytest.mark.usefixtures("qapp")
def test_the_fonts_are_embedded_and_the_title_is_the_documents(
    entries: list[SessionEntry],
) -> None:
    data = render_pdf(to_document(entries, tz=CET))
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    fonts = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True)
    rows = fonts.stdout.decode().splitlines()[2:]
    assert len(rows) >= 3  # the text font, bold, and fallbacks for CJK and emoji
    for row in rows:
        embedded, _, mapped_to_unicode = row.split()[-5:-2]
        assert (embedded, mapped_to_unicode) == ("yes", "yes"), row
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    assert "Title:           Attune journal\n" in info.stdout.decode()


@pytest.mark.usefixtures("qapp")
def test_a_character_no_font_has_is_left_out_and_the_rest_stays() -> None:
    """U+0378 is unassigned, so no font has it: an empty box is drawn there, which no
    reader can turn back into the character (nothing is written in its place). Where no
    font has a whole script (Devanagari here, unless one is installed), Qt lays it out
    with a stand-in that has no font file at all: boxes again, and no crash."""
    document = Document(
        "t", (Block.of("body", "before \u0378 after, 平静 😊"), Block.of("body", "नमस्ते end"))
    )
    text = plain(pdf_text(render_pdf(document)))
    assert "before" in text and "after, 平静 😊" in text and "end" in text
    assert "?" not in text and "\u0378" not in text


@pytest.mark.usefixtures("qapp")
def test_made_on_a_worker_thread_it_is_the_same_pdf() -> None:
    """The dialogs render on BackgroundRunner's thread: QTextDocument and a QPainter on
    a QPdfWriter may be used there (Qt's thread-support notes); no widget is."""
    document = Document("t", tuple(Block.of("body", words) for words in WORDS.values()))
    made: dict[str, object] = {}

    def work() -> None:
        made["thread"] = threading.current_thread()
        made["pdf"] = render_pdf(document)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    assert made["thread"] is not threading.main_thread()
    assert isinstance(made["pdf"], bytes)
    assert pdf_text(made["pdf"]) == pdf_text(render_pdf(document))


@pytest.mark.usefixtures("qapp")
def test_long_entries_run_over_pages_and_wrap(journal: Journal) -> None:
    long_text = " ".join(["breathing slowly and gently"] * 40) + " " + "x" * 300
    for day in range(1, 29):
        start = datetime(2025, 2, day, 9, 0, tzinfo=CET)
        journal.add(
            a_session(start, (StoredAnswer("t", "after", "text", "Notes", long_text, long_text),))
        )
    data = render_pdf(to_document(journal.entries(), tz=CET))
    pages = page_count(data)
    assert pages > 5
    text = pdf_text(data)
    assert f"Attune journal · page {pages} of {pages}" in text
    assert text.count("Notes") == 28
    lines = text.splitlines()
    assert max(len(line) for line in lines) < 110  # wrapped, also the 300 x's
    assert "".join(line for line in lines if set(line) == {"x"}) == "x" * 300 * 28


@pytest.mark.usefixtures("qapp")
def test_a_heading_is_never_left_alone_at_the_foot_of_a_page() -> None:
    blocks: list[Block] = []
    for number in range(60):
        blocks += [Block.of("heading", f"Heading {number}"), Block.of("body", "line\n" * number)]
    data = render_pdf(Document("t", tuple(blocks), footer="t"))
    for page in range(1, page_count(data) + 1):
        lines = [line for line in pdf_text(data, page).splitlines() if line.strip()]
        assert not lines[-2].startswith("Heading"), (page, lines[-3:])  # last is the footer


@pytest.mark.usefixtures("qapp")
def test_lines_the_person_broke_stay_broken_and_bold_joins_plain() -> None:
    document = Document(
        "t",
        (
            Block("body", (Span("Noticed:", bold=True), Span(" first line\nsecond line"))),
            Block("heading", (Span("typed\u2029apart\r\nand\x85on"),)),
            Block("body", (Span("bold", bold=True), Span("plain"))),
        ),
    )
    text = pdf_text(render_pdf(document))
    assert "Noticed: first line\nsecond line" in text
    assert "typed\napart\nand\non" in text
    assert "boldplain" in text


# --- any text in these scripts ----------------------------------------------------

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúàèëïöüçĳĲŁłżźćńśęą"
_CYRILLIC = "".join(chr(c) for c in range(0x410, 0x450)) + "ёЁ"
_CJK = (
    "平静慢呼吸一切都好今天我的心很安和天气朝夜海山川雨雪花鳥こんにちはありがとうカタ안녕하세요감사"
)
_ARABIC = "".join(chr(c) for c in range(0x621, 0x63B)) + "".join(
    chr(c) for c in range(0x641, 0x64B)
)
_EMOJI = ["😊", "😀", "😢", "🌿", "🌊", "🙏", "👍", "👍🏽", "🇳🇱", "❤️", "☕", "⭐", "🔥", "🎵", "🐦"]


def _words(letters: str) -> st.SearchStrategy[str]:
    word = st.text(alphabet=letters, min_size=1, max_size=12)
    return st.lists(word, min_size=1, max_size=12).map(" ".join)


_LEFT_TO_RIGHT = st.lists(
    st.one_of(_words(_LATIN), _words(_CYRILLIC), _words(_CJK), st.sampled_from(_EMOJI)),
    min_size=1,
    max_size=8,
).map(" ".join)
#: Pages of one direction: pdftotext guesses a page's direction from the most of its
#: letters and orders the words of every line by it, so a short left-to-right line
#: on a page of Arabic comes back with its words the other way round.
_PAGE = st.one_of(
    st.lists(_LEFT_TO_RIGHT, min_size=1, max_size=4),
    st.lists(_words(_ARABIC), min_size=1, max_size=4),
)


@given(paragraphs=_PAGE)
def test_any_text_in_these_scripts_comes_back(qapp: QApplication, paragraphs: list[str]) -> None:
    del qapp
    data = render_pdf(Document("t", tuple(Block.of("body", text) for text in paragraphs)))
    # Lines wrap where the page needs, so compare without the spaces and line breaks.
    text = "".join(plain(pdf_text(data)).split())
    for paragraph in paragraphs:
        assert "".join(plain(paragraph).split()) in text
