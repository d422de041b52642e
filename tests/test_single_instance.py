"""One window per data folder: a second start is refused with a message and the first one is
asked to come forward; a crashed window never blocks the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TESTS_DIR
from PySide6.QtWidgets import QMessageBox

from intake_app.ui import app as app_module
from intake_app.ui.single_instance import LOCK_FILE, InstanceGuard, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kills with SIGKILL")


@pytest.fixture
def first_window(tmp_path: Path):
    """Another process holding the data folder's window lock (the first window)."""
    folder = tmp_path / "station"
    child = subprocess.Popen([sys.executable, str(TESTS_DIR / "instance_child.py"),
                              str(folder)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    yield folder, child
    if child.poll() is None:
        child.kill()
    child.wait(10)


def test_a_second_start_is_refused_and_asks_the_first_to_show(first_window, qtbot) -> None:
    folder, child = first_window
    second = InstanceGuard(folder)
    assert not second.acquire()
    assert second.holder_pid() == child.pid
    assert second.ask_first_to_show()
    assert child.stdout.readline().strip() == "shown"


def test_run_app_says_so_and_opens_nothing(first_window, qtbot, monkeypatch) -> None:
    folder, child = first_window
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: said.append(text)))
    opened: list[Path] = []
    monkeypatch.setattr(app_module, "start", lambda *args, **kwargs: opened.append(args[1]))
    assert app_module.run_app(folder) == app_module.ALREADY_OPEN
    assert opened == [] and len(said) == 1
    assert "Ứng dụng đang mở cho thư mục dữ liệu này" in said[0]
    assert "đã được đưa lên trước" in said[0]
    assert child.stdout.readline().strip() == "shown"


def test_a_crashed_window_does_not_block_the_next_start(first_window) -> None:
    folder, child = first_window
    os.kill(child.pid, signal.SIGKILL)  # a power cut, a crash: the lock file stays
    child.wait(10)
    assert (folder / LOCK_FILE).exists()
    guard = InstanceGuard(folder)
    assert guard.acquire()
    guard.release()


def test_each_data_folder_has_its_own_window(first_window, tmp_path) -> None:
    folder, _child = first_window
    other = InstanceGuard(tmp_path / "another-station")
    assert other.acquire()
    assert server_name(tmp_path / "another-station") != server_name(folder)
    other.release()
