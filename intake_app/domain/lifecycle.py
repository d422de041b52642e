"""The dossier's life after receipt: which steps are allowed, and what each step changes.

The states are the national status codes (TrangThaiHoSo, domain.md §3):

    received (2) → in processing (4) ⇄ supplement requested (5) → done (9) → returned (10)
                                     ⇄ financial obligation (6)
    refused at the counter (3), withdrawn by the citizen (7), processing stopped (8)

`plan_step` is pure: given a dossier, a step request, the instant and the calendar, it returns
the dossier after the step and what the history and the outbox must say. The desk writes that
in one transaction.

While a supplement is requested the clock stops: when the dossier comes back to processing,
both appointments move forward by the working time that passed (domain.md §4). An apology slip
(`plan_extension`) sets a new appointment for the citizen but not the statutory one, so reports
still count the dossier late.

>>> from .status import DossierStatus as S
>>> sorted(int(s) for s in next_statuses(S.IN_PROCESSING))
[4, 5, 6, 7, 8, 9, 10]
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from .calendar import WorkCalendar
from .clock import iso, to_vn
from .dossier import Dossier
from .dossier_history import due_change_detail
from .errors import InvalidInput, NotAllowed
from .events import EventKind
from .limits import check_count, check_text, problems_message
from .procedures import DocForm
from .slips import HandoverResult
from .status import DossierStatus as S
from .text import fold, nfc

# The counter itself, as a party of a hand-over on the control sheet.
COUNTER_PARTY = "Bộ phận Một cửa"

# From each status, the statuses a person may move the dossier to.
TRANSITIONS: dict[S, frozenset[S]] = {
    # Same-day procedures (chứng thực, trích lục) are done and handed back at the counter.
    S.RECEIVED: frozenset({
        S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.REFUSED, S.WITHDRAWN, S.DONE, S.RETURNED,
    }),
    # In processing → in processing: handed over to another officer or unit.
    S.IN_PROCESSING: frozenset({
        S.IN_PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION, S.DONE, S.RETURNED,
        S.WITHDRAWN, S.STOPPED,
    }),
    S.SUPPLEMENT_REQUESTED: frozenset({S.IN_PROCESSING, S.WITHDRAWN, S.STOPPED}),
    S.FINANCIAL_OBLIGATION: frozenset({S.IN_PROCESSING, S.WITHDRAWN, S.STOPPED}),
    S.DONE: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
    S.NEW: frozenset({S.RECEIVED, S.REFUSED}),
}

# Statuses that end processing; the first one reached is the dossier's end time.
FINISHING = frozenset({S.REFUSED, S.WITHDRAWN, S.STOPPED, S.DONE, S.RETURNED})

# Steps whose slip states a reason: the note is required.
NEEDS_REASON: dict[S, str] = {
    S.SUPPLEMENT_REQUESTED: "Chưa nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ.",
    S.REFUSED: "Chưa nhập lý do từ chối tiếp nhận hồ sơ.",
    S.STOPPED: "Chưa nhập lý do dừng giải quyết hồ sơ.",
    S.FINANCIAL_OBLIGATION: "Chưa nhập nội dung nghĩa vụ tài chính phải thực hiện.",
}


class IllegalStep(NotAllowed, ValueError):
    """A step the rules do not allow; the message is for the clerk (Vietnamese)."""


class StepInputError(InvalidInput):
    """What was typed for a step is over its limit or not text; `problems` names each field."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems_message(problems, lead="Chưa thực hiện bước xử lý"),
                         f"invalid step input: {', '.join(problems)}", problems)


def check_step(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise IllegalStep(
            f"Không thể chuyển hồ sơ từ trạng thái '{current.label}' sang '{target.label}'."
        )


def can_hand_back(status: S) -> bool:
    return S.RETURNED in TRANSITIONS[status]


def next_statuses(status: S) -> frozenset[S]:
    """The statuses a dossier in `status` may move to."""
    return TRANSITIONS[status]


@dataclass(frozen=True)
class RequestedPaper:
    """A paper the citizen must add or complete (supplement request, Mẫu 02).

    `form` and `copies` are what the clerk said; None means "as the procedure's component
    says" (or one original for a paper the procedure does not list).
    """

    name: str
    form: DocForm | None = None
    copies: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "form": self.form.value if self.form else None,
                "copies": self.copies}


_FORM_WORDS = {fold(word).replace(" ", "_"): form for form in DocForm
               for word in (form.value, {"ban_chinh": "bản chính", "ban_sao": "bản sao",
                                         "ban_photo": "bản photo"}[form.value])}


def parse_paper(text: str) -> RequestedPaper:
    """A paper as the command line's `--document` gives it: "NAME", "NAME:FORM" or
    "NAME:FORM:COPIES", FORM being ban_chinh, ban_sao or ban_photo (or "bản sao" …).

    >>> parse_paper("Giấy chứng sinh:ban_sao:2")
    RequestedPaper(name='Giấy chứng sinh', form=<DocForm.CERTIFIED_COPY: 'ban_sao'>, copies=2)
    >>> parse_paper("Tờ khai: mẫu 01")  # a colon inside a name stays in the name
    RequestedPaper(name='Tờ khai: mẫu 01', form=None, copies=None)
    """
    parts = text.rsplit(":", 2)
    copies: int | None = None
    if len(parts) == 3 and parts[2].strip().isdigit() and len(parts[2].strip()) <= 12:
        form = _FORM_WORDS.get(fold(parts[1]).replace(" ", "_"))
        if form is not None:
            copies = int(parts[2].strip())
            return RequestedPaper(parts[0], form, copies)
    head, _, last = text.rpartition(":")
    form = _FORM_WORDS.get(fold(last).replace(" ", "_")) if head else None
    if form is not None:
        return RequestedPaper(head, form)
    return RequestedPaper(text)


@dataclass(frozen=True)
class StepRequest:
    """What a person asks for: the target status and what the step needs to say."""

    target: S
    actor: str = ""  # the desk fills in the account acting (what a caller gives is replaced)
    to_unit: str = ""  # who receives the dossier (officer or unit), for handing over
    note: str = ""  # the reason, where the slip needs one (supplement, refusal, stop, …)
    # Papers to add, for a supplement request (a plain name is taken as RequestedPaper(name)).
    documents: tuple[RequestedPaper | str, ...] = ()
    receiver_name: str = ""  # who takes the result, for returned
    receiver_id_number: str = ""

    @property
    def papers(self) -> tuple[RequestedPaper, ...]:
        return tuple(RequestedPaper(d) if isinstance(d, str) else d for d in self.documents)


def check_step_request(request: StepRequest) -> StepRequest:
    """The request with every typed text in NFC and held to its limit (`limits.LIMITS`), or
    StepInputError naming each field that is not; papers without a name are dropped."""
    problems: dict[str, str] = {}

    def text(path: str, value: Any) -> str:
        cleaned, problem = check_text(path, value)
        if problem:
            problems[path] = problem
        return cleaned or ""

    actor = text("clerk", request.actor)
    to_unit = text("step.to_unit", request.to_unit)
    note = text("step.note", request.note)
    receiver = text("step.receiver_name", request.receiver_name)
    receiver_id = text("step.receiver_id_number", request.receiver_id_number)
    papers: list[RequestedPaper] = []
    _, too_many = check_count("step.documents", len(request.documents))
    if too_many:
        problems["step.documents"] = too_many
    else:
        for index, paper in enumerate(request.papers):
            name = text(f"step.documents[{index}].name", paper.name)
            copies = paper.copies
            if copies is not None:
                counted, problem = check_count(f"step.documents[{index}].copies", copies)
                if problem:
                    problems[f"step.documents[{index}].copies"] = problem
                copies = counted
            if name:
                papers.append(RequestedPaper(name, paper.form, copies))
    if problems:
        raise StepInputError(problems)
    return replace(request, actor=actor, to_unit=to_unit, note=note, documents=tuple(papers),
                   receiver_name=receiver, receiver_id_number=receiver_id)


@dataclass(frozen=True)
class StepOutcome:
    """The dossier after a step, and what the history entry and the outbox event say."""

    dossier: Dossier
    action: str  # history action: handed_over, supplement_requested, done, returned, …
    note: str  # one line in Vietnamese, for the history and the event's NoiDungXuLy
    event_kind: EventKind
    detail: dict[str, Any] = field(default_factory=dict)


def step_action(current: S, target: S) -> str:
    """The history action a step records: handed_over, supplement_received, done, …"""
    if target == S.IN_PROCESSING:
        return {
            S.SUPPLEMENT_REQUESTED: "supplement_received",
            S.FINANCIAL_OBLIGATION: "obligation_fulfilled",
        }.get(current, "handed_over")
    return {
        S.RECEIVED: "accepted",  # an online application (1) taken in at the counter
        S.SUPPLEMENT_REQUESTED: "supplement_requested",
        S.FINANCIAL_OBLIGATION: "obligation_requested",
        S.DONE: "done",
        S.RETURNED: "returned",
        S.REFUSED: "refused",
        S.WITHDRAWN: "withdrawn",
        S.STOPPED: "stopped",
    }[target]


def _hours_text(duration: timedelta) -> str:
    minutes = round(duration.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours} giờ {rest:02d} phút" if rest else f"{hours} giờ"


def plan_step(
    dossier: Dossier, request: StepRequest, *, at: datetime, calendar: WorkCalendar
) -> StepOutcome:
    """The dossier after `request`, or IllegalStep with the reason in Vietnamese."""
    current, target = dossier.status, request.target
    check_step(current, target)
    to_unit = nfc(request.to_unit)
    note = nfc(request.note)
    documents = tuple(
        RequestedPaper(nfc(paper.name), paper.form, paper.copies)
        for paper in request.papers if nfc(paper.name)
    )
    if target in NEEDS_REASON and not note:
        raise IllegalStep(NEEDS_REASON[target])
    unit = dossier.processing_unit or ""
    action = step_action(current, target)
    changes: dict[str, Any] = {"status": target, "version": dossier.version + 1}
    detail: dict[str, Any] = {"from_status": int(current)}
    if note:
        detail["reason"] = note

    if action == "handed_over":
        if not to_unit:
            raise IllegalStep("Chưa nhập nơi nhận hồ sơ (cơ quan hoặc công chức xử lý).")
        if current == S.IN_PROCESSING and to_unit == unit:
            raise IllegalStep(f"Hồ sơ đang ở {unit}; hãy chọn nơi nhận khác.")
        detail.update(from_party=unit or COUNTER_PARTY, to_party=to_unit)
        changes["processing_unit"] = to_unit
        text = f"Chuyển xử lý: {to_unit}"
    elif action in ("supplement_received", "obligation_fulfilled"):
        receiving = to_unit or unit or COUNTER_PARTY
        detail.update(from_party=COUNTER_PARTY, to_party=receiving)
        changes["processing_unit"] = receiving if (to_unit or unit) else dossier.processing_unit
        text = ("Công dân đã bổ sung hồ sơ" if action == "supplement_received"
                else "Đã thực hiện nghĩa vụ tài chính")
        if action == "supplement_received":
            shift = _supplement_shift(dossier, at, calendar)
            if shift > timedelta():
                changes["due_at"] = _shifted(dossier.due_at, shift, calendar)
                changes["statutory_due_at"] = _shifted(dossier.statutory_due_at, shift, calendar)
                detail["shifted_minutes"] = round(shift.total_seconds() / 60)
                detail.update(due_change_detail(dossier.statutory_due_at,
                                                changes["statutory_due_at"]))
                text += f"; hạn trả lùi {_hours_text(shift)} làm việc"
            changes["supplement_requested_at"] = None
    elif action == "supplement_requested":
        changes.update(supplement_requested_at=at,
                       supplement_count=dossier.supplement_count + 1)
        detail.update(from_party=unit or COUNTER_PARTY, to_party=COUNTER_PARTY,
                      documents=[paper.name for paper in documents],
                      papers=[paper.to_dict() for paper in documents])
        text = f"Yêu cầu bổ sung, hoàn thiện hồ sơ: {note}"
    elif action == "obligation_requested":
        text = f"Yêu cầu thực hiện nghĩa vụ tài chính: {note}"
    elif action == "done":
        if unit:
            detail.update(from_party=unit, to_party=COUNTER_PARTY)
        text = "Đã xử lý xong, chờ trả kết quả"
    elif action == "returned":
        receiver = nfc(request.receiver_name)
        if not receiver:
            raise IllegalStep("Họ tên người nhận kết quả không được để trống.")
        changes["returned_at"] = at
        detail.update(from_party=COUNTER_PARTY, to_party=f"Công dân: {receiver}",
                      receiver_name=receiver,
                      receiver_id_number=request.receiver_id_number or None)
        text = f"Trả kết quả cho {receiver}"
        if request.receiver_id_number:
            text += f" (số định danh {request.receiver_id_number})"
    else:  # accepted, refused, withdrawn, stopped
        text = {"accepted": "Tiếp nhận hồ sơ", "refused": "Từ chối tiếp nhận hồ sơ",
                "withdrawn": "Công dân rút hồ sơ", "stopped": "Dừng giải quyết hồ sơ"}[action]
        if note:
            text += f": {note}"
        changes["supplement_requested_at"] = None

    if note and action in ("handed_over", "supplement_received", "done", "returned",
                           "obligation_fulfilled"):
        text += f". Ghi chú: {note}"
    if target in FINISHING and dossier.finished_at is None:
        changes["finished_at"] = at
    after = replace(dossier, **changes)
    if "to_party" in detail:
        result = handover_result(at, dossier.due_at)
        detail["result"] = result.value if result else None
    elif action == "stopped":  # the control sheet's row: judged by the statutory appointment
        result = handover_result(at, dossier.statutory_due_at)
        detail["result"] = result.value if result else None
    kind = EventKind.RETURNED if target == S.RETURNED else EventKind.STATUS_CHANGED
    return StepOutcome(after, action, text, kind, detail)


def _supplement_shift(dossier: Dossier, at: datetime, calendar: WorkCalendar) -> timedelta:
    if dossier.supplement_requested_at is None:
        return timedelta()
    return calendar.working_time_between(dossier.supplement_requested_at, at)


def _shifted(due: datetime | None, shift: timedelta, calendar: WorkCalendar) -> datetime | None:
    return None if due is None else calendar.add_working_time(due, shift)


def handover_result(at: datetime, due: datetime | None) -> HandoverResult | None:
    """Trước hạn / đúng hạn / quá hạn of a hand-over against the appointment in force."""
    if due is None:
        return None
    at, due = to_vn(at), to_vn(due)
    if at > due:
        return HandoverResult.LATE
    return HandoverResult.EARLY if at.date() < due.date() else HandoverResult.ON_TIME


def plan_extension(
    dossier: Dossier, *, new_due: datetime, reason: str, responsible: str, at: datetime,
) -> StepOutcome:
    """The apology slip's new appointment (Mẫu 04); the statutory due date stays."""
    if dossier.status in FINISHING:
        raise IllegalStep(
            f"Hồ sơ ở trạng thái '{dossier.status.label}' không cần hẹn lại ngày trả kết quả."
        )
    if dossier.due_at is None:
        raise IllegalStep("Thủ tục này không có ngày hẹn trả kết quả.")
    problems: dict[str, str] = {}
    reason_text, problem = check_text("extend.reason", reason)
    if problem:
        problems["extend.reason"] = problem
    responsible_text, problem = check_text("extend.responsible", responsible)
    if problem:
        problems["extend.responsible"] = problem
    if problems:
        raise StepInputError(problems)
    reason, responsible = reason_text or "", responsible_text or ""
    if not reason:
        raise IllegalStep("Chưa nhập lý do chậm trả kết quả.")
    if to_vn(new_due) <= to_vn(dossier.due_at) or to_vn(new_due) <= to_vn(at):
        raise IllegalStep("Ngày hẹn mới phải sau ngày hẹn cũ và sau thời điểm hiện tại.")
    after = replace(dossier, due_at=new_due, version=dossier.version + 1)
    detail = {"original_due_at": iso(dossier.due_at), "new_due_at": iso(new_due),
              "reason": reason, "responsible": responsible}
    note = f"Xin lỗi và hẹn lại ngày trả kết quả: {reason}"
    return StepOutcome(after, "apology", note, EventKind.UPDATED, detail)
