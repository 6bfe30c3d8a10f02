"""Every PDF Attune writes: a `storage.document.Document` laid out by Qt on A4 pages.

Qt shapes the text (right to left for Arabic and Hebrew, joined letters, CJK), falls
back to whichever installed font has a character, and embeds the subset of each font
it used, with a map back to Unicode, so a reader can search and copy the person's own
words. One exception: Qt draws colour emoji (Noto Color Emoji, Apple Color Emoji) as
pictures, which no reader can turn back into text, so emoji are set in an outline
font that has them where one is installed (Noto Emoji, Symbola, Segoe UI Symbol,
DejaVu Sans). A character that no installed font has is drawn as an empty box, and
is not in the text a reader finds (nothing else is put in its place).

The layout is Qt's (a QTextDocument, wrapped to the text width); the pages are cut
here, between lines, so that a heading is never left alone at the foot of a page, and
each page gets its footer with "page N of M". The lines are drawn here too, glyph run
by glyph run, so that `pdf_text_map` knows every glyph drawn and can give back the
characters Qt's font maps leave out (all those beyond U+FFFF, emoji among them) and
the letters of Arabic's joined forms.

Thread: QTextDocument and QPainter on a QPdfWriter are reentrant, so this runs on a
worker thread (the dialogs' BackgroundRunner); it needs a QGuiApplication to exist
(for the fonts), and touches no widget.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGlyphRun,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)

from desktop_app.storage.document import Block, Document
from desktop_app.ui.pdf_text_map import DrawnGlyphs, complete_text_maps

#: A4, in points (the writer's unit here: 72 per inch).
PAGE_WIDTH: Final = 595.28
PAGE_HEIGHT: Final = 841.89
MARGIN: Final = 64.0
BULLET_INDENT: Final = 14.0
TEXT_WIDTH: Final = PAGE_WIDTH - 2 * MARGIN
TEXT_HEIGHT: Final = PAGE_HEIGHT - 2 * MARGIN

#: The first of these that is installed sets the text; Qt finds other fonts for
#: characters it lacks.
TEXT_FAMILIES: Final = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial")
#: Outline fonts with emoji, most complete first.
EMOJI_FAMILIES: Final = ("Noto Emoji", "Symbola", "Segoe UI Symbol", "Apple Symbols", "DejaVu Sans")


@dataclass(frozen=True)
class _Look:
    size: float  # points
    leading: float  # the least height of a line, points
    bold: bool
    gray: float  # 0 black … 1 white
    space_before: float
    keep_with_next: bool = False


LOOKS: Final[dict[str, _Look]] = {
    "title": _Look(22, 28, True, 0.10, 0, keep_with_next=True),
    "heading": _Look(15, 20, True, 0.10, 20, keep_with_next=True),
    "subheading": _Look(12, 16, True, 0.13, 14, keep_with_next=True),
    "body": _Look(10.5, 15, False, 0.13, 3),
    "meta": _Look(9.5, 13.5, False, 0.38, 3),
    "label": _Look(9.5, 13.5, True, 0.38, 7, keep_with_next=True),
}
FOOTER: Final = _Look(8.5, 12, False, 0.45, 0)

# An emoji as the Unicode emoji charts show it: a pictograph with its variation selector,
# skin tone, tags and zero-width-joined parts; a flag (two regional indicators); a keycap.
_PICTOGRAPH = "[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_MODIFIERS = "[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]*"
_EMOJI: Final = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"
    "|[0-9#*]\ufe0f?\u20e3"
    f"|{_PICTOGRAPH}{_MODIFIERS}(?:\u200d{_PICTOGRAPH}{_MODIFIERS})*"
)
# What a paragraph cannot hold: a line or paragraph break would start a new block (one
# Block is one QTextBlock here), so each becomes Qt's line separator; other control
# characters show nothing.
_NEWLINES: Final = re.compile("\r\n?|[\n\x85\u2029]")
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def render_pdf(document: Document) -> bytes:
    """The whole PDF file of `document`, on A4 pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.title)
    writer.setCreator("Attune")
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    text = _text_document(document.blocks, writer)
    lines = _lines(text)
    pages = _pages(lines, [LOOKS[block.style].keep_with_next for block in document.blocks])
    drawn = DrawnGlyphs()
    painter = QPainter(writer)
    try:
        for number, page in enumerate(pages):
            if number:
                writer.newPage()
            top = page[0].top if page else 0.0
            for line in page:
                _draw_line(painter, drawn, line, QPointF(MARGIN, MARGIN - top))
            _draw_footer(painter, drawn, document.footer, number + 1, len(pages))
    finally:
        painter.end()
    buffer.close()
    return complete_text_maps(bytes(buffer.data().data()), drawn)


# --- the text --------------------------------------------------------------------


def _text_document(blocks: Sequence[Block], writer: QPdfWriter) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # measure in points, as it will print
    text.setUseDesignMetrics(True)
    text.setDocumentMargin(0)
    text.setDefaultFont(_font(LOOKS["body"].size, bold=False))
    text.setTextWidth(TEXT_WIDTH)
    cursor = QTextCursor(text)
    forms = {
        (style, bold): _char_format(look, bold=look.bold or bold)
        for style, look in LOOKS.items()
        for bold in (False, True)
    }
    cursor.beginEditBlock()  # one change for Qt to lay out, not one per insert
    for number, block in enumerate(blocks):
        look = LOOKS[block.style]
        paragraph = QTextBlockFormat()
        paragraph.setTopMargin(look.space_before if number else 0)
        paragraph.setLineHeight(look.leading, QTextBlockFormat.LineHeightTypes.MinimumHeight.value)
        paragraph.setLeftMargin(BULLET_INDENT if block.bullet else 0)
        if number:
            cursor.insertBlock(paragraph)
        else:
            cursor.setBlockFormat(paragraph)
        for span in block.spans:
            _insert(cursor, _clean(span.text), forms[block.style, span.bold])
    cursor.endEditBlock()
    return text


def _clean(text: str) -> str:
    return _CONTROLS.sub("", _NEWLINES.sub("\u2028", text))


def _insert(cursor: QTextCursor, text: str, form: QTextCharFormat) -> None:
    """Insert `text`, its emoji in an outline font where one has them."""
    written = 0
    for emoji in _EMOJI.finditer(text):
        family = _outline_family(emoji.group())
        if family is None:
            continue
        cursor.insertText(text[written : emoji.start()], form)
        own = QTextCharFormat(form)
        font = QFont(form.font())
        font.setFamilies([family])
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # not the colour font
        own.setFont(font)
        cursor.insertText(emoji.group(), own)
        written = emoji.end()
    cursor.insertText(text[written:], form)


@lru_cache(maxsize=1024)
def _outline_family(emoji: str) -> str | None:
    """The first outline font that has every visible character of `emoji`."""
    shown = [c for c in emoji if unicodedata.category(c) not in ("Mn", "Cf")]
    shown = [c for c in shown if not "\ufe00" <= c <= "\ufe0f"]
    if not shown:
        return None
    for family in EMOJI_FAMILIES:
        if not QFontDatabase.hasFamily(family):
            continue
        metrics = QFontMetricsF(QFont(family))
        if all(metrics.inFontUcs4(ord(c)) for c in shown):
            return family
    return None


def _font(size: float, *, bold: bool) -> QFont:
    font = QFont()
    font.setFamilies(list(TEXT_FAMILIES))
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # Ligatures such as "ﬁ" would be read back as one sign; Arabic keeps its own.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _char_format(look: _Look, *, bold: bool) -> QTextCharFormat:
    form = QTextCharFormat()
    form.setFont(_font(look.size, bold=bold))
    form.setForeground(_gray(look.gray))
    return form


def _gray(level: float) -> QColor:
    return QColor.fromRgbF(level, level, level)


# --- the pages -------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    block: QTextBlock
    index: int  # in its block
    number: int  # of its block
    top: float
    bottom: float


def _lines(text: QTextDocument) -> list[_Line]:
    text.documentLayout().documentSize()  # lay it all out
    lines: list[_Line] = []
    block = text.begin()
    number = 0
    while block.isValid():
        layout = block.layout()
        origin = layout.position().y()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            top = origin + line.y()
            lines.append(_Line(block, index, number, top, top + line.height()))
        block = block.next()
        number += 1
    return lines


def _pages(lines: list[_Line], keep: list[bool]) -> list[list[_Line]]:
    """The lines of each page. A page ends before a line that would cross its foot, or
    before a heading that would have nothing of what follows it on the same page."""
    pages: list[list[_Line]] = [[]]
    for index, line in enumerate(lines):
        page = pages[-1]
        if page and _kept_bottom(lines, keep, index) - page[0].top > TEXT_HEIGHT:
            pages.append([])
        pages[-1].append(line)
    return pages


def _kept_bottom(lines: list[_Line], keep: list[bool], index: int) -> float:
    """The bottom of a line and of what must stay on its page with it: a heading takes
    the first line of what follows it along."""
    line = lines[index]
    if line.index or not keep[line.number]:
        return line.bottom
    following = index + 1
    while following < len(lines) and lines[following].number == line.number:
        following += 1
    if following == len(lines):
        return lines[following - 1].bottom
    return _kept_bottom(lines, keep, following)


_RUNS: Final = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
)


def _draw_line(painter: QPainter, drawn: DrawnGlyphs, line: _Line, offset: QPointF) -> None:
    """One line, each part in its own colour, glyph runs recorded in `drawn`."""
    layout = line.block.layout()
    origin = layout.position() + offset
    text_line = layout.lineAt(line.index)
    start, end = text_line.textStart(), text_line.textStart() + text_line.textLength()
    text = line.block.text()
    if line.index == 0 and line.block.blockFormat().leftMargin() > 0:  # a list item
        form = line.block.begin().fragment().charFormat()
        baseline = origin.y() + text_line.y() + text_line.ascent()
        _draw_text(
            painter,
            drawn,
            "•",
            form.font(),
            form.foreground().color(),
            QPointF(offset.x() + 3, baseline),
        )
    fragments = line.block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fragments += 1
        first = max(start, fragment.position() - line.block.position())
        last = min(end, fragment.position() - line.block.position() + fragment.length())
        if first >= last:
            continue
        form = fragment.charFormat()
        painter.setPen(form.foreground().color())
        for run in layout.glyphRuns(first, last - first, _RUNS):
            if run.rawFont().pixelSize() <= 0:  # no font has these characters
                _draw_boxes(painter, run, origin, form.font().pointSizeF())
                continue
            painter.drawGlyphRun(origin, run)
            drawn.add(run, text)


def _draw_boxes(painter: QPainter, run: QGlyphRun, origin: QPointF, size: float) -> None:
    """What Qt shows for a character that no installed font has: an empty box."""
    painter.save()
    painter.setPen(QPen(painter.pen().color(), size / 16))
    for position in run.positions():
        corner = origin + position + QPointF(size * 0.05, -size * 0.7)
        painter.drawRect(QRectF(corner, QSizeF(size * 0.5, size * 0.7)))
    painter.restore()


def _draw_text(
    painter: QPainter, drawn: DrawnGlyphs, text: str, font: QFont, color: QColor, baseline: QPointF
) -> None:
    """A short line of text with its left end at `baseline`, recorded in `drawn`."""
    layout = QTextLayout(text, font, painter.device())
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    painter.setPen(color)
    origin = QPointF(baseline.x(), baseline.y() - line.ascent())
    for run in layout.glyphRuns(-1, -1, _RUNS):
        painter.drawGlyphRun(origin, run)
        drawn.add(run, text)


def _draw_footer(
    painter: QPainter, drawn: DrawnGlyphs, footer: str, number: int, count: int
) -> None:
    words = f"page {number} of {count}"
    text = f"{footer} · {words}" if footer else words
    font = _font(FOOTER.size, bold=False)
    width = QFontMetricsF(font, painter.device()).horizontalAdvance(text)
    baseline = QPointF((PAGE_WIDTH - width) / 2, PAGE_HEIGHT - MARGIN / 2)
    _draw_text(painter, drawn, text, font, _gray(FOOTER.gray), baseline)
