"""Dossiers received per day over the last 30 days: a bar chart painted with QPainter.

PySide6-Essentials has no QtCharts. The chart's data (`bars()`) is what tests read; the
painting only draws it: one bar per day, its count above it, the day of the month below
(with the month where it changes), days off in grey, today outlined.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...domain.formatting import date_vn

BAR = QColor("#2e6aa3")
BAR_OFF = QColor("#9fb7cf")  # a day off: few dossiers expected
BAR_TODAY = QColor("#1f4e79")
AXIS = QColor("#8a8f96")
GRID = QColor("#e3e6ea")
TEXT = QColor("#222")
TEXT_OFF = QColor("#8a8f96")

MARGIN = 8.0


class ReceivedChart(QWidget):
    """`set_days([(day, count), …])`, oldest first; `bars()` gives them back."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._days: list[tuple[date, int]] = []
        self._working: Callable[[date], bool] = lambda day: day.weekday() < 5
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    # ---- data --------------------------------------------------------------------------------

    def set_days(self, days: Sequence[tuple[date, int]],
                 is_working_day: Callable[[date], bool] | None = None) -> None:
        self._days = [(day, int(count)) for day, count in days]
        if is_working_day is not None:
            self._working = is_working_day
        self.update()

    def bars(self) -> list[tuple[date, int]]:
        """The days shown, oldest first, with their number of dossiers received."""
        return list(self._days)

    def total(self) -> int:
        return sum(count for _day, count in self._days)

    def day_label(self, index: int) -> str:
        """'7' under most bars; '1/3' where the month changes and under the first bar."""
        day = self._days[index][0]
        if index == 0 or day.day == 1:
            return f"{day.day}/{day.month}"
        return str(day.day)

    # ---- geometry ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(600, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 120)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.82))
        return font

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetricsF(self._small_font())
        line = metrics.height()
        axis_width = metrics.horizontalAdvance("0000") + 6
        return QRectF(MARGIN + axis_width, MARGIN + line + 2,
                      max(1.0, self.width() - 2 * MARGIN - axis_width),
                      max(1.0, self.height() - 2 * MARGIN - 2 * line - 6))

    def _scale_top(self) -> int:
        """The value at the top of the plot: a round number above the highest bar."""
        highest = max((count for _day, count in self._days), default=0)
        for step in (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000):
            if highest <= step * 4:
                return step * 4
        return highest

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (a zero bar is a flat rectangle on the axis)."""
        if not self._days:
            return []
        plot = self._plot_rect()
        slot = plot.width() / len(self._days)
        width = max(2.0, slot * 0.68)
        top = self._scale_top()
        rects = []
        for index, (_day, count) in enumerate(self._days):
            height = plot.height() * count / top
            x = plot.left() + index * slot + (slot - width) / 2
            rects.append(QRectF(x, plot.bottom() - height, width, height))
        return rects

    def bar_at(self, x: float) -> int | None:
        if not self._days:
            return None
        plot = self._plot_rect()
        index = int((x - plot.left()) // (plot.width() / len(self._days)))
        return index if 0 <= index < len(self._days) else None

    # ---- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        plot = self._plot_rect()
        small = self._small_font()
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        top = self._scale_top()
        for quarter in range(5):  # grid lines and their values on the left
            value = top * quarter // 4
            y = plot.bottom() - plot.height() * quarter / 4
            painter.setPen(QPen(AXIS if quarter == 0 else GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(TEXT_OFF)
            painter.drawText(QRectF(MARGIN, y - metrics.height() / 2,
                                    plot.left() - MARGIN - 4, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(value))
        if not self._days:
            return
        today = self._days[-1][0]
        slot = plot.width() / len(self._days)
        bold = QFont(small)
        bold.setBold(True)
        for index, ((day, count), rect) in enumerate(zip(self._days, self.bar_rects(),
                                                         strict=True)):
            working = self._working(day)
            colour = BAR_TODAY if day == today else BAR if working else BAR_OFF
            if count:
                painter.fillRect(rect, colour)
                painter.setFont(bold)
                painter.setPen(TEXT)
                painter.drawText(QRectF(rect.center().x() - slot, rect.top() - metrics.height()
                                        - 1, 2 * slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                 str(count))
            painter.setFont(bold if day == today else small)
            painter.setPen(TEXT if working else TEXT_OFF)
            painter.drawText(QRectF(rect.center().x() - slot, plot.bottom() + 3, 2 * slot,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.day_label(index))

    # ---- tooltips ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                day, count = self._days[index]
                QToolTip.showText(event.globalPos(), self.tr("%1: %n hồ sơ", "", count)
                                  .replace("%1", date_vn(day)), self)
            return True
        return super().event(event)
