"""Who holds the sync lease, named so that the next sender can tell whether it is gone.

A lease names its holder by host name, process id and the process's start token (when the
operating system started it: the boot id and start tick on Linux, the creation time on
Windows), so that a process id the system has since given to another program is not taken for
the holder. A sender killed mid-batch is then seen to be gone at once by the next start, which
takes over without waiting for the lease to run out (docs/sync-protocol.md, Station behaviour).
A holder on another host, or one whose liveness this system cannot read, is never called gone:
its lease runs out by time instead.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Start token of a process that exists but whose start time cannot be read here.
UNKNOWN_START = ""


@dataclass(frozen=True)
class Holder:
    """A sender: `owner` is unique per Syncer; several may share a process."""

    owner: str
    host: str
    pid: int
    started: str | None  # the process's start token; None where it cannot be read

    def as_dict(self) -> dict[str, Any]:
        return {"owner": self.owner, "host": self.host, "pid": self.pid,
                "started": self.started}


def this_process(owner: str | None = None) -> Holder:
    """The holder for a sender of this process."""
    pid = os.getpid()
    token = process_start_token(pid)
    return Holder(owner or f"{socket.gethostname()}:{pid}:{uuid.uuid4().hex[:8]}",
                  socket.gethostname(), pid, token or None)


def holder_gone(lease: dict[str, Any]) -> str | None:
    """Why the holder named in `lease` is surely gone (English, for the sync log), or None when
    it may be alive: it runs, it is on another host, or the lease does not name a process."""
    pid, host, started = lease.get("pid"), lease.get("host"), lease.get("started")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return None  # a lease of an older version: it runs out by time
    if host != socket.gethostname():
        return None
    token = process_start_token(pid)
    if token is None:
        return f"process {pid} no longer runs"
    if isinstance(started, str) and started and token != UNKNOWN_START and token != started:
        return f"process id {pid} now belongs to another program"
    return None


def process_start_token(pid: int) -> str | None:
    """When process `pid` started, as text that changes if the id is given to another process;
    None when no such process runs; UNKNOWN_START when it runs but the time cannot be read."""
    if sys.platform == "win32":
        return _windows_start_token(pid)
    if sys.platform.startswith("linux"):
        return _linux_start_token(pid)
    return _posix_exists(pid)


def _linux_start_token(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return _posix_exists(pid)
    # Fields after the command name (which may hold spaces and parentheses): state is field 3,
    # starttime (clock ticks since boot) field 22.
    fields = stat[stat.rfind(")") + 2:].split()
    if fields and fields[0] in ("Z", "X"):  # a zombie has finished: it is gone
        return None
    if len(fields) < 20:
        return UNKNOWN_START
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        boot = ""
    return f"{boot}:{fields[19]}"


def _posix_exists(pid: int) -> str | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return UNKNOWN_START  # it runs, under another account
    except OSError:
        return UNKNOWN_START
    return UNKNOWN_START


def _windows_start_token(pid: int) -> str | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return UNKNOWN_START
    import ctypes
    from ctypes import wintypes

    query_limited_information, still_active = 0x1000, 259
    error_invalid_parameter = 87
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return None if ctypes.get_last_error() == error_invalid_parameter else UNKNOWN_START
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and \
                code.value != still_active:
            return None  # it has exited; only a handle keeps its record
        created, ended, kernel, user = (wintypes.FILETIME() for _ in range(4))
        if not kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(ended),
                                        ctypes.byref(kernel), ctypes.byref(user)):
            return UNKNOWN_START
        return f"{created.dwHighDateTime:08x}{created.dwLowDateTime:08x}"
    finally:
        kernel32.CloseHandle(handle)
