"""Completing Qt's font maps: real PDFs from ui/pdf.py, the file still well formed after
the maps are written again, and a record that does not fit left alone."""

from __future__ import annotations

import logging
import re
import zlib

import pytest
from PySide6.QtGui import QFont, QTextLayout

from desktop_app.storage.document import Block, Document
from desktop_app.ui.pdf import render_pdf
from desktop_app.ui.pdf_text_map import DrawnGlyphs, complete_text_maps, postscript_name


def check_structure(data: bytes) -> None:
    """The cross-reference table points at each object, and every stream inflates."""
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[start:].startswith(b"xref\n0 ")
    lines = data[start:].split(b"\n")
    count = int(lines[1].split()[1])
    assert lines[2] == b"0000000000 65535 f "
    for number, line in enumerate(lines[3 : 2 + count], start=1):
        if line.endswith(b" n "):
            offset = int(line[:10])
            assert data[offset:].startswith(f"{number} 0 obj".encode()), number
    for match in re.finditer(rb"/FlateDecode\s*>>\s*stream\r?\n", data):
        zlib.decompressobj().decompress(data[match.end() :])


def text_maps(data: bytes) -> list[str]:
    maps = []
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            inflated = zlib.decompressobj().decompress(data[match.end() :])
        except zlib.error:
            continue
        if b"begincmap" in inflated:
            maps.append(inflated.decode("latin-1"))
    return maps


@pytest.mark.usefixtures("qapp")
def test_glyphs_beyond_the_basic_plane_are_added_and_the_file_stays_whole() -> None:
    data = render_pdf(Document("t", (Block.of("body", "calm 😊 𝄞 and 平静"),)))
    check_structure(data)
    written = "\n".join(text_maps(data))
    for char in "😊𝄞":
        assert f"<{char.encode('utf-16-be').hex().upper()}>" in written, char


@pytest.mark.usefixtures("qapp")
def test_with_nothing_to_add_the_file_is_as_qt_wrote_it() -> None:
    data = render_pdf(Document("t", (Block.of("body", "calm and 平静"),)))
    check_structure(data)
    assert complete_text_maps(data, DrawnGlyphs()) is data
    assert complete_text_maps(b"not a PDF", DrawnGlyphs()) == b"not a PDF"


@pytest.mark.usefixtures("qapp")
def test_a_record_in_another_order_than_qts_is_not_used(caplog: pytest.LogCaptureFixture) -> None:
    """Glyphs recorded as "ba…" for a file drawn as "ab…": the numbers would name the
    wrong glyphs, so the font's map stays as it was."""
    data = render_pdf(Document("t", (Block.of("body", "ab 𝔸"),)))  # 𝔸: DejaVu has it
    layout = QTextLayout("ba 𝔸", QFont("DejaVu Sans"))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    wrong = DrawnGlyphs()
    for run in layout.glyphRuns():
        wrong.add(run, "ba 𝔸")
    assert any(subset.text for subset in wrong.subsets().values())
    with caplog.at_level(logging.WARNING, logger="desktop_app.ui.pdf_text_map"):
        assert complete_text_maps(data, wrong) == data
    assert "left as Qt wrote it" in caplog.text


@pytest.mark.usefixtures("qapp")
def test_the_postscript_name_is_the_one_the_pdf_names() -> None:
    layout = QTextLayout("a", QFont("DejaVu Sans"))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    (run,) = layout.glyphRuns()
    name = postscript_name(run.rawFont())
    assert name == "DejaVuSans"
    data = render_pdf(Document("t", (Block.of("body", "a"),)))
    assert f"/BaseFont /{name}".encode() in data
