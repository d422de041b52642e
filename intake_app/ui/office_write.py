"""Acting on another counter's dossier from the window (docs/office-hub.md §7.2, §7.4).

When a hand-back or a step is refused because another counter writes the dossier
(`WrittenElsewhere`), the window asks the hub for the right to write it
(`desk.office.handover.claim`, off the window's thread), showing "Đang xin quyền xử lý hồ sơ
từ Quầy N…" while the writer hands it over, then takes the action again (once). If the
writer's counter is off (or does not answer before the claim's deadline) the clerk is told so;
a supervisor is offered "Tiếp quản hồ sơ" with a required reason (the take-over, acted by the
account logged in). A counter outside an office never gets that refusal: nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import Role
from ..domain.errors import NotAllowed, WrittenElsewhere
from ..domain.limits import NOTE_CHARS
from ..domain.text import nfc
from ..services.office import WriterOff, WriterSilent
from .operations import CollectionOp, dossier_changed, error_message

if TYPE_CHECKING:
    from ..desk import Desk
    from .session import Session

MIN_REASON = 10  # the hub's rule for a take-over's reason (§7.4)
TAKE_OVER = "Tiếp quản hồ sơ"


def asking_text(writer: int) -> str:
    return f"Đang xin quyền xử lý hồ sơ từ Quầy {writer}…"


def is_supervisor(session: Session) -> bool:
    account = session.account
    return account is not None and account.role == Role.SUPERVISOR \
        and not account.must_change_password


class TakeOverDialog(QDialog):
    """The supervisor's take-over: the reason is required (10 characters or more)."""

    def __init__(self, code: str, message: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{TAKE_OVER} {code}")
        layout = QVBoxLayout(self)
        said = QLabel(message + "\n\nNếu quầy đó đã làm gì với hồ sơ này mà chưa gửi, các bước "
                      "ấy sẽ không được ghi nhận mà được chuyển cho giám sát xem xét.")
        said.setWordWrap(True)
        layout.addWidget(said)
        layout.addWidget(QLabel("Lý do tiếp quản (bắt buộc):"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("takeOverReason")
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = self.buttons.addButton(TAKE_OVER,
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._edited)

    def reason_text(self) -> str:
        return nfc(self.reason.toPlainText().strip())[:NOTE_CHARS]

    def _edited(self) -> None:
        self.take_button.setEnabled(len(self.reason_text()) >= MIN_REASON)


class RightToWrite:
    """After an action was refused with `WrittenElsewhere`: ask the hub for the dossier, then
    `retry()` the action once; `failed(message)` when the dossier stays with its counter (the
    screen shows it where it shows its errors)."""

    def __init__(self, session: Session, parent: QWidget, code: str, retry: Callable[[], Any],
                 failed: Callable[[str], Any]):
        self.session, self.parent, self.code = session, parent, code
        self.retry, self.failed = retry, failed
        self.take_over_dialog: TakeOverDialog | None = None

    def claim(self, writer: int) -> None:
        code, clerk = self.code, self.session.clerk

        def claim(desk: Desk) -> Any:
            return dossier_changed(desk.office.handover.claim(code, clerk=clerk), code)

        CollectionOp(self.session, self.parent, claim).with_progress(asking_text(writer)) \
            .success(lambda _grant: self.retry()).failure(self._refused) \
            .run(initiator=self.parent)

    def _refused(self, error: BaseException) -> None:
        message = error_message(error)
        self.failed(message)
        if isinstance(error, WriterOff | WriterSilent) and is_supervisor(self.session):
            self.offer_take_over(message)

    def offer_take_over(self, message: str) -> TakeOverDialog:
        dialog = TakeOverDialog(self.code, message, self.parent)
        dialog.setObjectName("takeOverDialog")
        self.take_over_dialog = dialog
        dialog.accepted.connect(lambda: self._take_over(dialog.reason_text()))
        dialog.open()
        return dialog

    def _take_over(self, reason: str) -> None:
        code = self.code

        def take_over(desk: Desk) -> Any:
            account = desk.user
            if account is None or account.role != Role.SUPERVISOR:
                raise NotAllowed("Chỉ cán bộ giám sát được tiếp quản hồ sơ.",
                                 "take-over by a non-supervisor")
            return dossier_changed(desk.office.handover.take_over(
                code, reason=reason, actor=account.display_name), code)

        CollectionOp(self.session, self.parent, take_over) \
            .with_progress(f"Đang tiếp quản hồ sơ {code}…") \
            .success(lambda _grant: self.retry()) \
            .failure(lambda error: self.failed(error_message(error))) \
            .run(initiator=self.parent)


def ask_for_it(session: Session, parent: QWidget, code: str, error: BaseException,
               retry: Callable[[], Any], failed: Callable[[str], Any]) -> RightToWrite | None:
    """If `error` says another counter writes `code`, ask the hub for it and `retry` (the
    screen's own action, once); None when the error is something else."""
    if not isinstance(error, WrittenElsewhere):
        return None
    attempt = RightToWrite(session, parent, code, retry, failed)
    attempt.claim(error.writer)
    return attempt
