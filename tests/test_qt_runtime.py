"""The Qt binding the window runs on keeps Python's reference counts whole.

PySide6 6.12.0 dropped one reference to `True` on every `Signal.emit()` made from Python;
after a few thousand signals (a morning at the counter) the interpreter aborted with
"bool_dealloc". pyproject excludes that release; this test catches it coming back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    carrying = Signal(object)


def test_emitting_signals_keeps_references_to_true(qtbot):
    emitter = _Emitter()
    received: list[object] = []
    emitter.carrying.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.plain.emit()
        emitter.carrying.emit(1)
    assert len(received) == 500
    assert sys.getrefcount(True) - before > -50  # 6.12.0: -1000
