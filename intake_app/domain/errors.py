"""The one exception hierarchy: every error a person can meet, in Vietnamese, with an exit code.

Each error carries two texts: `message`, the Vietnamese sentence shown to the clerk or the IT
person (on screen, or on the command line's standard error), and `detail`, the English account
written to the log file for support. `str(error)` is the message. The command line exits with
the class's `exit_code`; the window shows the message and logs the detail.

    0  done
    1  not found (`NotFound`), or it failed for another reason (`Failed`)
    2  the input is invalid; nothing was saved (`InvalidInput`)
    3  not allowed now: a rule, a role, the dossier's state or the clock forbids it (`NotAllowed`)
    4  the data folder or its database cannot be used as needed (`StorageProblem`)

>>> error = InvalidInput("Họ và tên quá dài.", "applicant.name is too long")
>>> str(error), error.detail, error.exit_code
('Họ và tên quá dài.', 'applicant.name is too long', 2)
>>> isinstance(error, ValueError)
True
"""

from __future__ import annotations

from typing import ClassVar

EXIT_OK = 0


class DeskError(Exception):
    """Base of every error the app reports to a person."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.message = message  # Vietnamese, for people
        self.detail = detail or message  # English where there is one, for the log file


class InvalidInput(DeskError, ValueError):
    """What was typed, scanned or read from a file is not acceptable; nothing was saved.

    `problems` maps each wrong field (`applicant.name`, `documents[2].copies`…) to its
    Vietnamese reason, when the input has fields.
    """

    exit_code = 2

    def __init__(self, message: str, detail: str | None = None,
                 problems: dict[str, str] | None = None):
        super().__init__(message, detail)
        self.problems: dict[str, str] = dict(problems or {})


class NotFound(DeskError, LookupError):
    """The dossier, slip, account or file asked for does not exist."""

    exit_code = 1


class NotAllowed(DeskError):
    """A rule forbids it now: the dossier's state, the person's role, the clock, a limit."""

    exit_code = 3


class WrittenElsewhere(NotAllowed):
    """In an office, the dossier's writer is another counter (`writer`): the window asks the
    hub for the right to write it, then acts (docs/office-hub.md §7.2)."""

    def __init__(self, message: str, detail: str | None = None, *, writer: int):
        super().__init__(message, detail)
        self.writer = writer


class StorageProblem(DeskError, RuntimeError):
    """The data folder or its database cannot be used as needed (damaged, full, read-only…)."""

    exit_code = 4


class Failed(DeskError, RuntimeError):
    """Anything else that went wrong (the gateway, the credential store, a printer…)."""

    exit_code = 1
