"""The one way the window calls the desk: off the window's thread, one error door, busy cursor.

Modelled on Anki's `aqt.operations` and `aqt.taskman`. A screen never calls a `Desk` itself:

    QueryOp(session, parent=self, op=lambda desk: desk.find(text), success=self.show).run()
    CollectionOp(session, self, lambda desk: changed_dossier(desk.hand_back(...))) \
        .success(self.done).failure(self.refused).run()

- **Where it runs.** Every op runs on a worker thread that owns its own `Desk` (its own SQLite
  connection). The main lane has one thread, so the window's writes never race and a write
  that waits for the lock (busy timeout 30 s: the sync thread, another counter or the command
  line may hold it) waits there, never on the window's thread. Long file work (a year's log,
  report 06a) runs on a second lane with its own connection (`.long()`), so the counter's
  small reads never queue behind it.
- **What the person sees.** After `BUSY_DELAY_MS` of work in flight the mouse shows a busy
  cursor; an op with `.with_progress(label)` also shows a small progress window after that
  delay (window-modal: the person cannot start the same thing twice, and the window still
  paints and keeps its timers). Quiet ops (the live fee quote, type-ahead lists, the status
  bar) show neither.
- **Errors, one way.** A `DeskError` (or a sync error's `.vi`) is said with its Vietnamese
  message (its English detail logged); anything else is logged with its traceback to the log
  file, on the worker as it happens, and said with one generic Vietnamese sentence
  (`error_message`). Without a `failure` handler the message goes
  to a message box over `parent`; with one, the screen shows it where it shows its messages.
- **Results on the window's thread.** `success` and `failure` run on the window's thread, and
  only while `parent` still exists (a dialog closed meanwhile gets nothing). An op marked
  `.latest(key)` delivers nothing once a newer op with the same key was started: a stale
  answer is dropped.
- **What changed.** A `CollectionOp` returns `Changed(value, Changes(...))`; after its
  `success`, the session broadcasts `changed(changes, initiator)` and each screen refreshes
  only what it shows.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from ..desk import Desk

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

BUSY_DELAY_MS = 300  # a busy cursor only when the person would notice the wait
STOP_TIMEOUT_S = 35.0  # on quitting, a write waiting for the lock (30 s) may still land
MAIN_LANE = "desk"
LONG_LANE = "files"


# ---- what changed ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Changes:
    """What a change touched, so each screen refreshes only what it shows.

    `dossiers`: codes whose data, status, history or slips changed; `outbox`: events were added
    or moved (the waiting counts); `settings`: keys of this PC's settings; `sync`: the sync
    configuration or its parked events.
    """

    dossiers: frozenset[str] = frozenset()
    outbox: bool = False
    settings: frozenset[str] = frozenset()
    sync: bool = False

    @classmethod
    def of_dossiers(cls, codes: Iterable[str], *, outbox: bool = True) -> Changes:
        """Dossiers changed by a step of theirs (each step also queues an outbox event)."""
        return cls(dossiers=frozenset(codes), outbox=outbox)

    @classmethod
    def of_settings(cls, *keys: str) -> Changes:
        return cls(settings=frozenset(keys))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.dossiers | other.dossiers, self.outbox or other.outbox,
                       self.settings | other.settings, self.sync or other.sync)

    def __bool__(self) -> bool:
        return bool(self.dossiers or self.outbox or self.settings or self.sync)


@dataclass(frozen=True)
class Changed(Generic[T]):
    """What a `CollectionOp` returns: its value, and what it changed."""

    value: T
    changes: Changes


NO_CHANGES = Changes()


def dossier_changed(value: T, code: str, *, outbox: bool = True) -> Changed[T]:
    """`value` of a step that changed one dossier (and queued its event)."""
    return Changed(value, Changes.of_dossiers([code], outbox=outbox))


# ---- errors, said one way ----------------------------------------------------------------------

def error_message(error: BaseException) -> str:
    """The Vietnamese sentence for a person: the error's own message, or a generic one.

    Only errors made for people carry a message (`DeskError.message`, or `.vi` on the sync
    module's errors); any other exception is a fault whose details are in the log file (the
    runner logs it with its traceback before calling any handler).
    """
    from ..domain.errors import DeskError

    if isinstance(error, DeskError):
        return error.message
    vi = getattr(error, "vi", None)
    if isinstance(vi, str) and vi:
        return vi
    from ..store.problems import storage_problem

    problem = storage_problem(error)  # a full disk, a locked or damaged database…
    if problem is not None:
        return problem.message
    return QCoreApplication.translate(
        "Operations", "Đã xảy ra lỗi không lường trước; chi tiết đã được ghi vào nhật ký của "
        "ứng dụng. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.")


def is_for_people(error: BaseException) -> bool:
    """True if the error carries a message written for people (no traceback needed)."""
    from ..domain.errors import DeskError

    return isinstance(error, DeskError) or isinstance(getattr(error, "vi", None), str)


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "") -> QMessageBox:
    """The default failure handler: the message in a box over `parent` (not blocking)."""
    window = parent.window() if parent is not None and isValid(parent) else None
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("Operations", "Không thực hiện được"),
                      error_message(error), QMessageBox.StandardButton.NoButton, window)
    box.addButton(QCoreApplication.translate("Operations", "Đóng"),
                  QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _reraise(error: BaseException) -> None:
    raise error


def _log_failure(name: str, error: BaseException) -> None:
    if is_for_people(error):
        detail = getattr(error, "detail", None) or str(error)
        log.warning("%s refused: %s", name, detail)
    else:
        log.error("%s failed", name, exc_info=(type(error), error, error.__traceback__))


# ---- the worker threads ------------------------------------------------------------------------

@dataclass
class _Task:
    run: Callable[[Desk], Any]
    deliver: Callable[[Any, BaseException | None], None]
    still_wanted: Callable[[], bool] = lambda: True
    name: str = "operation"
    login: str | None = None  # the account the op runs as (asked for while it was logged in)


class _Relay(QObject):
    """Carries finished tasks from the worker threads to the window's thread.

    As Anki's task manager does, the results wait in a locked list and only an argument-less
    signal is queued: no Python object travels inside a Qt event, so an event dropped with
    its receiver (a session closed meanwhile) never touches Python's reference counts.
    """

    pending = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = threading.Lock()
        self._done: list[tuple[_Task, Any, BaseException | None]] = []

    def put(self, item: tuple[_Task, Any, BaseException | None]) -> None:  # a worker thread
        with self._lock:
            self._done.append(item)
        self.pending.emit()

    def take(self) -> list[tuple[_Task, Any, BaseException | None]]:
        with self._lock:
            done, self._done = self._done, []
        return done


class _Lane:
    """One thread with one `Desk`, running tasks in the order they were given."""

    def __init__(self, name: str, open_desk: Callable[[], Desk], relay: _Relay):
        self.name = name
        self._open_desk = open_desk
        self._relay = relay
        self._queue: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.held = False  # tasks wait in the queue; the thread starts when released
        self.desk: Desk | None = None

    def submit(self, task: _Task) -> None:
        self._queue.put(task)
        if not self.held:
            self._start()

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=f"desk-{self.name}",
                                                daemon=True)
                self._thread.start()

    def release(self) -> None:
        self.held = False
        if not self._queue.empty():
            self._start()

    def _work(self) -> None:  # the worker thread
        while True:
            task = self._queue.get()
            if task is None:
                break
            result: Any = None
            error: BaseException | None = None
            if task.still_wanted():
                try:
                    if self.desk is None:
                        self.desk = self._open_desk()
                    self.desk.act_as(task.login)  # read again: a role changed counts now
                    result = task.run(self.desk)
                except Exception as exc:  # noqa: BLE001 - handed to the window, which says it
                    error = exc
                    _log_failure(task.name, exc)  # here: logged even if the window is closing
            self._relay.put((task, result, error))
        if self.desk is not None:
            self.desk.close()
            self.desk = None

    def stop(self, timeout: float) -> bool:
        """Finish what was asked, close the Desk; True if the thread ended in time."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return True
        self._queue.put(None)
        thread.join(timeout)
        return not thread.is_alive()


class Operations(QObject):
    """The session's runner: its lanes, the busy cursor and progress, the delivery of results.

    `changed(changes, initiator)` is emitted after a `CollectionOp` succeeded; `idle` when no
    op is in flight any more (tests wait for it).
    """

    changed = Signal(object, object)  # Changes, initiator (or None)
    idle = Signal()

    def __init__(self, data_dir: Path, clock: Callable[[], datetime],
                 parent: QObject | None = None, *,
                 acting: Callable[[], str | None] = lambda: None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.acting = acting  # the login each op runs as, read when it is asked for
        self._relay = _Relay(self)
        self._relay.pending.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._lanes = {name: _Lane(name, lambda name=name: self._open_desk(name), self._relay)
                       for name in (MAIN_LANE, LONG_LANE)}
        self._serial = itertools.count(1)
        self._latest: dict[object, int] = {}
        self._in_flight = 0
        self._busy: list[_Op[Any]] = []  # ops that show the busy cursor, oldest first
        self._cursor_shown = False
        self._progress: QProgressDialog | None = None
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._closed = False
        self._abandoned = False
        self._first_open = threading.Lock()  # held by the lane opening the store first
        self._store_open = False  # the store was opened once in this session (under the lock)

    def _open_desk(self, lane: str) -> Desk:  # a worker thread
        """A worker's own Desk. Whichever lane needs the store first opens it (its keys made
        or loaded, its schema brought up to date, once) while the other lane waits for that;
        the main lane is usually first, but a screen whose first op runs on the lane for long
        work (the health check page) no longer waits for a main-lane op that may never come."""
        from ..desk import Desk
        from ..paths import DATABASE_FILE
        from ..store.health import health_of

        with self._first_open:
            # The first opening in this process checks the database in the background (a
            # write waits for the check, reads go on); every later one shares what it found.
            health = health_of(self.data_dir / DATABASE_FILE)
            fresh = health.last is None and not health.running
            first = not self._store_open
            desk = Desk(self.data_dir, clock=self.clock,
                        check_store="background" if fresh and first else "once")
            self._store_open = True
            return desk

    # ---- state -------------------------------------------------------------------------------

    @property
    def in_flight(self) -> int:
        """How many ops were started and have not delivered yet."""
        return self._in_flight

    def busy_cursor_shown(self) -> bool:
        return self._cursor_shown

    def progress_dialog(self) -> QProgressDialog | None:
        return self._progress if self._progress is not None and isValid(self._progress) \
            else None

    # ---- running -----------------------------------------------------------------------------

    def run(self, op: _Op[Any]) -> int:
        """Start `op` on its lane; returns its serial number (0: the window is closing)."""
        if self._closed:
            log.info("%s not started: the window is closing", op.name)
            return 0
        serial = next(self._serial)
        if op.key is not None:
            self._latest[op.key] = serial

        def still_wanted() -> bool:  # read on the worker: skip a query nobody will read
            if op.is_change:
                return True  # asked for: done, even while the window closes
            return not self._closed and (op.key is None or self._latest.get(op.key) == serial)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._deliver(op, serial, result, error)

        self._in_flight += 1
        if op.busy:
            self._busy.append(op)
            if not self._busy_timer.isActive() and not self._cursor_shown:
                self._busy_timer.start()
        self._lanes[op.lane].submit(_Task(op.op, deliver, still_wanted, op.name,
                                          self.acting()))
        return serial

    @Slot()
    def _finished(self) -> None:
        for task, result, error in self._relay.take():
            try:
                task.deliver(result, error)
            except Exception as exc:  # noqa: BLE001 - a screen's handler failed: the others
                # still get their answers; this one reaches the error hook (logged, said).
                QTimer.singleShot(0, lambda exc=exc: _reraise(exc))

    def _deliver(self, op: _Op[Any], serial: int, result: Any,
                 error: BaseException | None) -> None:
        self._in_flight -= 1
        if op in self._busy:
            self._busy.remove(op)
            self._update_busy()
        if self._abandoned or self._closed:
            return  # the window is closing: nobody to tell (the log has any failure)
        try:
            stale = op.key is not None and self._latest.get(op.key) != serial
            if error is not None:  # already logged, on the worker
                if not stale and op.parent_alive():
                    (op.on_failure or (lambda exc: show_error(op.parent, exc)))(error)
                return
            changes = result.changes if isinstance(result, Changed) else None
            value = result.value if isinstance(result, Changed) else result
            try:
                if not stale and op.parent_alive() and op.on_success is not None:
                    op.on_success(value)
            finally:
                if changes:
                    self.changed.emit(changes, op.initiator)
        finally:
            if self._in_flight == 0:
                self.idle.emit()

    # ---- busy cursor and progress ------------------------------------------------------------

    def _show_busy(self) -> None:
        if not self._busy:
            return
        if not self._cursor_shown and QApplication.instance() is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._cursor_shown = True
        labelled = next((op for op in self._busy if op.progress_label), None)
        if labelled is not None and self.progress_dialog() is None:
            self._progress = self._progress_window(labelled)

    def _progress_window(self, op: _Op[Any]) -> QProgressDialog | None:
        parent = op.parent.window() if op.parent_alive() and op.parent is not None else None
        if parent is None:
            return None
        dialog = QProgressDialog(op.progress_label or "", "", 0, 0, parent)
        dialog.setCancelButton(None)  # type: ignore[arg-type]  # a write is never half done
        dialog.setWindowTitle(QCoreApplication.translate("Operations", "Xin chờ"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _update_busy(self) -> None:
        if self._busy:
            progress = self.progress_dialog()
            if progress is not None and not any(op.progress_label for op in self._busy):
                progress.close()
                self._progress = None
            return
        self._busy_timer.stop()
        progress = self.progress_dialog()
        if progress is not None:
            progress.close()
        self._progress = None
        if self._cursor_shown:
            QApplication.restoreOverrideCursor()
            self._cursor_shown = False

    def hold(self) -> None:
        """Start no worker yet (ops wait in order): at start-up, the window's thread builds
        the first screen without a worker competing for the interpreter."""
        for lane in self._lanes.values():
            lane.held = True

    def release(self) -> None:
        """Let the workers run the ops that waited (see `hold`)."""
        for lane in self._lanes.values():
            lane.release()

    @property
    def closed(self) -> bool:
        """The window closed (or gave up): nothing more is started for it."""
        return self._closed

    def abandon(self) -> None:
        """The window is giving up (its store cannot be used): deliver nothing more, start
        nothing more, and let the workers end on their own."""
        self._abandoned = self._closed = True
        for lane in self._lanes.values():
            lane.stop(0)
        self._busy.clear()
        self._update_busy()

    # ---- closing -----------------------------------------------------------------------------

    def close(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Let the changes already asked for finish (reads not started are skipped), then close
        the workers' Desks; nothing is delivered after this.

        True when every worker ended within `timeout` (a write still waiting for the lock
        after that is left to its daemon thread; SQLite rolls it back if the process ends).
        """
        self._closed = True
        stopped = all([lane.stop(timeout) for lane in self._lanes.values()])
        if not stopped:
            log.warning("a desk operation was still running when the window closed")
        self._busy.clear()
        self._update_busy()
        return stopped


# ---- the two kinds of op -----------------------------------------------------------------------

class _Op(Generic[T]):
    """What `QueryOp` and `CollectionOp` share."""

    is_change = False

    def __init__(self, session: Any, parent: QWidget | None, op: Callable[[Desk], T]):
        self.session = session
        self.parent = parent
        self.op = op
        self.on_success: Callable[[Any], Any] | None = None
        self.on_failure: Callable[[BaseException], Any] | None = None
        self.progress_label: str | None = None
        self.busy = True
        self.key: object | None = None
        self.lane = MAIN_LANE
        self.initiator: object | None = None
        self.name = getattr(op, "__qualname__", "operation")

    def parent_alive(self) -> bool:
        return self.parent is None or isValid(self.parent)

    def _runner(self) -> Operations:
        runner = self.session.ops
        assert isinstance(runner, Operations)
        return runner


class QueryOp(_Op[T]):
    """A read (or a file written without changing a dossier) off the window's thread.

    `success(value)` runs on the window's thread with what `op(desk)` returned.
    """

    def __init__(self, session: Any, *, parent: QWidget | None, op: Callable[[Desk], T],
                 success: Callable[[T], Any]):
        super().__init__(session, parent, op)
        self.on_success = success

    def failure(self, failure: Callable[[BaseException], Any] | None) -> QueryOp[T]:
        self.on_failure = failure
        return self

    def with_progress(self, label: str) -> QueryOp[T]:
        """Also show a small progress window with `label` if it takes a while."""
        self.progress_label = label
        return self

    def quietly(self) -> QueryOp[T]:
        """No busy cursor: the answer only refreshes what is already on screen."""
        self.busy = False
        return self

    def latest(self, key: object) -> QueryOp[T]:
        """Drop the answer if another op with this key was started since (stale)."""
        self.key = key
        return self

    def long(self) -> QueryOp[T]:
        """Run on the lane for long file work, with its own connection."""
        self.lane = LONG_LANE
        return self

    def run(self) -> int:
        return self._runner().run(self)


class CollectionOp(_Op[Changed[R]]):
    """A change through the desk; `op(desk)` returns `Changed(value, changes)`.

    `success(value)` runs on the window's thread, then the session says what changed
    (`Operations.changed`), so the other screens refresh what they show.
    """

    is_change = True

    def __init__(self, session: Any, parent: QWidget | None,
                 op: Callable[[Desk], Changed[R]]):
        super().__init__(session, parent, op)

    def success(self, success: Callable[[R], Any] | None) -> CollectionOp[R]:
        self.on_success = success
        return self

    def failure(self, failure: Callable[[BaseException], Any] | None) -> CollectionOp[R]:
        self.on_failure = failure
        return self

    def with_progress(self, label: str) -> CollectionOp[R]:
        self.progress_label = label
        return self

    def quietly(self) -> CollectionOp[R]:
        self.busy = False
        return self

    def long(self) -> CollectionOp[R]:
        self.lane = LONG_LANE
        return self

    def run(self, *, initiator: object | None = None) -> int:
        self.initiator = initiator
        return self._runner().run(self)

