"""One window per data folder, and a name the installer can see while the app runs.

Two windows on the same data folder would both stamp, back up on closing and run the
start-up chores; the second start is refused with a clear message, and the first window is
brought to the front (it listens on a local socket named after the data folder).

- The lock: a `QLockFile` in the data folder (`intake-app.window.lock`). Qt writes the
  process id, host and program into it and takes over a lock whose process is gone (a crash
  or a power cut never blocks the next start).
- Bringing the first window forward: a `QLocalServer` (a named pipe on Windows, a socket file
  elsewhere) named from the data folder's path; the second start sends "show".
- Windows only: a named mutex (`CreateMutexW`, `IntakeAppRunning` and its `Global\\` twin)
  held for the process's life, which Inno Setup's `AppMutex` checks to ask for the app to be
  closed before an upgrade or an uninstall. Untested here (no Windows in this project's
  checks); a failure to create it is logged and changes nothing else.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

log = logging.getLogger(__name__)

LOCK_FILE = "intake-app.window.lock"
MUTEX_NAMES = ("IntakeAppRunning", "Global\\IntakeAppRunning")  # as packaging/intake-app.iss
SHOW = b"show\n"
CONNECT_MS = 1000


def server_name(data_dir: Path) -> str:
    """The local socket's name for a data folder (the same folder, the same name)."""
    path = str(Path(data_dir).absolute())
    if os.name == "nt":
        path = path.lower()
    return "intake-app-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:20]


def hold_windows_mutex() -> list[int]:
    """Windows: the named mutexes the installer's AppMutex looks for (handles kept open until
    the process ends); [] elsewhere or when Windows refuses."""
    if sys.platform != "win32":
        return []
    import ctypes

    handles: list[int] = []
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    for name in MUTEX_NAMES:
        handle = kernel32.CreateMutexW(None, False, name)
        if handle:
            handles.append(handle)
        else:
            log.warning("could not create the mutex %s (error %s)", name,
                        kernel32.GetLastError())
    return handles


class InstanceGuard(QObject):
    """The one window of a data folder: `acquire` once at start, before any desk opens."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = QLockFile(str(self.data_dir / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None
        self.mutexes: list[int] = []

    def acquire(self) -> bool:
        """True: this is the data folder's only window (and it now listens for others)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            error = self.lock.error()
            if error == QLockFile.LockError.LockFailedError:
                return False
            # No permission or an unknown error: the folder itself will say what is wrong
            # when the desk opens it; a lock must never be why the window cannot start.
            log.warning("could not take the window lock in %s (%s)", self.data_dir, error)
            return True
        self._listen()
        self.mutexes = hold_windows_mutex()
        return True

    def _listen(self) -> None:
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crash (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("cannot listen on %s: %s", name, server.errorString())
            return
        server.newConnection.connect(self._answer)
        self.server = server

    def _answer(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            self.show_requested.emit()

    def holder_pid(self) -> int | None:
        info = self.lock.getLockInfo()  # PySide6: (pid, host, program); pid 0 when unknown
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) or None

    def ask_first_to_show(self) -> bool:
        """The second start: ask the first window to come forward; False if it did not answer."""
        if sys.platform == "win32":  # let the first process take the foreground
            pid = self.holder_pid()
            if pid:
                import ctypes

                ctypes.windll.user32.AllowSetForegroundWindow(pid)  # type: ignore[attr-defined]
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(SHOW)
        sent = socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()


def bring_to_front() -> None:
    """Show the window a person would expect (a dialog open on it first), raised, active."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    widget: QWidget | None = app.activeModalWidget()
    if widget is None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)
                   and w.isVisible()]
        widget = windows[0] if windows else next(
            (w for w in app.topLevelWidgets() if w.isVisible()), None)
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.raise_()
    widget.activateWindow()
