"""Code128 and QR symbols of the dossier code, as reportlab flowables.

The geometry is kept apart from drawing, so that a QPainter widget can draw the very same
symbols on screen:

- `code128_modules` gives the Code128 module pattern ('1' = dark) from python-barcode;
- `qr_modules` gives the QR matrix rows from reportlab's `QrCodeWidget` encoder;
- `bar_runs` turns a row of modules into dark runs (first module, width in modules).

The PDF flowables fill those runs as rectangles of one path, written straight into the page
stream (hundreds of rectangles through reportlab's path object cost several milliseconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import barcode
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

QUIET_ZONE_MODULES = 10  # Code128 needs at least 10 light modules on each side
QR_QUIET_ZONE_MODULES = 4  # QR needs 4


@lru_cache(maxsize=64)
def code128_modules(value: str) -> str:
    """The Code128 module pattern of `value` (start, data, check, stop), '1' = dark module.

    Without the quiet zones: whoever draws adds `QUIET_ZONE_MODULES` light modules each side.
    """
    return barcode.get("code128", value).build()[0]


@lru_cache(maxsize=64)
def qr_modules(value: str, level: str = "M") -> tuple[str, ...]:
    """The QR matrix of `value`, top row first, as strings of '0'/'1' ('1' = dark).

    Encoded by reportlab's `QrCodeWidget` encoder: numeric, alphanumeric or byte mode, the
    smallest version that fits, the mask with the lowest penalty. Without the quiet zone.
    The matrix is the one `QrCodeWidget` draws; only the mask scoring is done here, on
    strings and integers, because reportlab's own scoring takes about 5 ms per code.
    """
    qr = QrCodeWidget(value, barLevel=level).qr
    if qr.version is None:
        qr.version = qr.calculate_version()

    def penalty(mask: int) -> int:
        qr.makeImpl(True, mask)
        return qr_penalty(_rows(qr.modules))

    qr.makeImpl(False, min(range(8), key=penalty))
    return _rows(qr.modules)


def _rows(modules: list[list[bool | None]]) -> tuple[str, ...]:
    return tuple("".join("1" if dark else "0" for dark in row) for row in modules)


_LONG_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = "10111010000"


def qr_penalty(rows: tuple[str, ...]) -> int:
    """The mask penalty of a QR matrix, scored exactly as reportlab's `QRUtil.getLostPoint`.

    Runs of 5+ same modules in rows and columns (length - 2 each), 2x2 same-colour blocks
    (3 each), the finder-like pattern 1011101 followed by 4 light modules (40 each; in rows
    only and not at the very last position, as reportlab scans), and the dark/light balance.
    """
    size = len(rows)
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    score = 0
    for line in (*rows, *columns):
        for run in _LONG_RUN.finditer(line):
            score += run.end() - run.start() - 2
    # reportlab's vertical pass of this rule compares tuples with a list and never scores.
    score += 40 * sum(row[:-1].count(_FINDER_LIKE) for row in rows)
    full = (1 << size) - 1
    inner = full >> 1
    numbers = [int(row, 2) for row in rows]
    for upper, lower in zip(numbers, numbers[1:], strict=False):
        same = ~(upper ^ lower) & full
        score += 3 * (same & (same >> 1) & ~(upper ^ (upper >> 1)) & inner).bit_count()
    dark = sum(row.count("1") for row in rows)
    score += 10 * (abs(100 * dark // (size * size) - 50) // 5)
    return score


def bar_runs(modules: str) -> tuple[tuple[int, int], ...]:
    """Dark runs of a module pattern as (first module, width in modules).

    >>> bar_runs("1101001")
    ((0, 2), (3, 1), (6, 1))
    """
    runs: list[tuple[int, int]] = []
    start = -1
    for index, module in enumerate(modules):
        if module == "1" and start < 0:
            start = index
        elif module != "1" and start >= 0:
            runs.append((start, index - start))
            start = -1
    if start >= 0:
        runs.append((start, len(modules) - start))
    return tuple(runs)


def _fill_rects(canvas: Canvas, rects: Iterable[tuple[float, float, float, float]]) -> None:
    """Fill (x, y, width, height) rectangles in black as one path of the page stream."""
    ops = [f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re" for x, y, w, h in rects]
    if not ops:
        return
    canvas.saveState()
    canvas.setFillColor(colors.black)
    ops.append("f")
    canvas.addLiteral("\n".join(ops))
    canvas.restoreState()


class Code128Flowable(Flowable):
    """A Code128 symbol drawn as filled rectangles, quiet zones included.

    The module width is `max_module` unless the symbol would then be wider than `max_width`,
    in which case the modules shrink to fit (long codes stay printable, just narrower).
    With `caption_font`, the value is printed centred under the bars (human-readable line).
    """

    def __init__(
        self,
        value: str,
        *,
        bar_height: float = 10 * mm,
        max_module: float = 0.27 * mm,
        max_width: float | None = None,
        caption_font: str | None = None,
        caption_size: float = 10,
    ) -> None:
        super().__init__()
        self.value = value
        self.caption_font = caption_font
        self.caption_size = caption_size
        self.caption_height = 1.25 * caption_size if caption_font else 0.0
        self.modules = code128_modules(value)
        total = len(self.modules) + 2 * QUIET_ZONE_MODULES
        module = max_module
        if max_width is not None:
            module = min(module, max_width / total)
        self.module = module
        self.bar_height = bar_height
        self.width = total * module
        self.height = bar_height + self.caption_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        module = self.module
        left = QUIET_ZONE_MODULES * module
        bottom = self.caption_height
        _fill_rects(
            canvas,
            (
                (left + start * module, bottom, width * module, self.bar_height)
                for start, width in bar_runs(self.modules)
            ),
        )
        if self.caption_font:
            canvas.saveState()
            canvas.setFont(self.caption_font, self.caption_size)
            canvas.drawCentredString(self.width / 2, 0.25 * self.caption_size, self.value)
            canvas.restoreState()


class QrFlowable(Flowable):
    """A square QR code `size` wide, its 4-module quiet zone included, drawn as rectangles."""

    def __init__(self, value: str, size: float = 22 * mm, level: str = "M") -> None:
        super().__init__()
        self.value = value
        self.rows = qr_modules(value, level)
        self.size = size
        self.module = size / (len(self.rows) + 2 * QR_QUIET_ZONE_MODULES)
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        module = self.module
        origin = QR_QUIET_ZONE_MODULES * module
        top = self.size - origin
        _fill_rects(
            self.canv,
            (
                (origin + start * module, top - (index + 1) * module, width * module, module)
                for index, row in enumerate(self.rows)
                for start, width in bar_runs(row)
            ),
        )
