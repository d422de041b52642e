"""Correcting a stamped dossier: what may change, when, and what follows from a change.

A clerk fixes what was entered wrongly at the counter (a typo in a name, a wrong phone, a paper
left out of the list). The patch (`intake-app correct CODE --json PATCH.json`, the dossier
window's "Sửa thông tin…") names only what changes:

* ``applicant``: an object whose keys replace the applicant's (``null`` empties an optional
  one): name, id_type, id_number, old_id_number, birth_date, gender, phone, email, address,
  province_code, commune_code, kind;
* ``owner``: the same for the owner; ``null`` when the applicant is the owner;
* ``documents``: the whole list of papers again; ``pages``, ``sets``, ``delivery``, ``note``.

The corrected dossier is checked whole by the intake rules (`intake.parse_intake`: the same
limits and messages as at the counter). A reason is always given (at most
`limits.REASON_CHARS` characters): the history keeps it with every field's value before and
after.

**Never corrected**: the procedure, the received time, the channel, the code, the ledger entry,
the receiving clerk. They decide the code, the appointment and the reports; a dossier received
for the wrong procedure is refused (or withdrawn) and received again as a new dossier.

**Which status allows what** (`correctable`):

* received, processing, supplement requested, financial obligation: everything above. Papers
  may be corrected while the office still processes the dossier: the list is what the citizen
  handed in, and a paper left out of it must be on the receipt the citizen brings back.
* done (9): the people, the delivery and the note, not the papers, pages or sets. Processing
  has ended: the decision was taken on the papers as listed, and a later list would no longer
  be what was decided on. The citizen's details and where the result goes still matter until
  the result is handed over.
* returned (10), refused (3), withdrawn (7), stopped (8): nothing. The dossier is closed; what
  was handed over and decided stays as it was.

**What follows**:

* The fee is computed again, with the procedure's fee rules in the catalogue now, only when the
  papers or the pages change (the fee of chứng thực counts copies and pages); the reissued
  receipt says what it was and what it is now, and the difference to pay or give back.
* The appointment never changes: it follows from the procedure's statutory time counted from the
  received instant, and neither can be corrected; a procedure's time does not depend on its
  papers (a longer time agreed for many papers is the apology slip's new appointment, `extend`).
* The receipt is issued again as the current original (`corrected_receipt`): a new number of
  issue, a line under its title saying whom it replaces, the corrected facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from .clock import to_vn
from .dossier import Delivery, DocumentLine, Dossier, IntakeDraft, Party, PartyKind
from .errors import InvalidInput, NotAllowed, NotFound
from .fees import FeeResult
from .formatting import date_vn, money_words_unit, thousands
from .intake import IntakeError, References, parse_intake
from .limits import label
from .procedures import DocForm
from .receipt import ReceiptData, ReceiptIssue
from .stamping import AddressOf, receipt_documents, result_delivery_text
from .station import StationSettings
from .status import DossierStatus

PARTY_KEYS = ("name", "kind", "id_type", "id_number", "old_id_number", "birth_date", "gender",
              "phone", "email", "address", "province_code", "commune_code")
PAPER_KEYS = ("documents", "pages", "sets")
PEOPLE_KEYS = ("applicant", "owner")
OTHER_KEYS = ("delivery", "note")
PATCH_KEYS = (*PEOPLE_KEYS, *PAPER_KEYS, *OTHER_KEYS)

OPEN = frozenset({DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING,
                  DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION})

#: Why a key of a stamped dossier is never corrected, said to the clerk.
NEVER = {
    "procedure": ("Không sửa được thủ tục của hồ sơ đã tiếp nhận: mã hồ sơ, hạn trả và báo cáo "
                  "đều theo thủ tục. Hãy chuyển hồ sơ này sang «không được tiếp nhận» (hoặc để "
                  "công dân rút hồ sơ) và tiếp nhận một hồ sơ mới đúng thủ tục."),
    "received_at": ("Không sửa được thời gian tiếp nhận: mã hồ sơ, sổ theo dõi và hạn trả tính "
                    "từ thời điểm đó. Nếu nhận nhầm, hãy chuyển hồ sơ sang «không được tiếp "
                    "nhận» và tiếp nhận một hồ sơ mới."),
    "channel": ("Không sửa được kênh tiếp nhận (trực tiếp, trực tuyến, bưu chính) của hồ sơ đã "
                "tiếp nhận; nếu sai, hãy tiếp nhận một hồ sơ mới."),
    "code": "Không sửa được mã hồ sơ: mã được cấp một lần và không bao giờ dùng lại.",
    "clerk": "Không sửa được người tiếp nhận hồ sơ (đã ghi vào sổ theo dõi).",
    "status": "Trạng thái hồ sơ đổi bằng «Chuyển bước», không phải bằng sửa thông tin.",
    "due_at": ("Hạn trả kết quả không sửa ở đây: hạn trả theo thủ tục và thời gian tiếp nhận; "
               "hẹn lại ngày trả bằng phiếu xin lỗi («Hẹn lại ngày trả»)."),
    "fee": "Phí, lệ phí được tính lại theo thành phần hồ sơ, không nhập tay.",
}
NEVER["received"] = NEVER["received_at"]

#: Names of what a correction may change, where the limits table has none.
_LABELS = {
    "applicant": "Người nộp hồ sơ",
    "owner": "Chủ hồ sơ",
    "documents": "Thành phần hồ sơ",
    "pages": "Số trang",
    "delivery": "Nơi nhận kết quả",
    "applicant.kind": "Người nộp là cá nhân hay tổ chức",
    "owner.kind": "Chủ hồ sơ là cá nhân hay tổ chức",
    "applicant.gender": "Giới tính người nộp",
    "owner.gender": "Giới tính chủ hồ sơ",
    "procedure": "Thủ tục",
    "received_at": "Thời gian tiếp nhận",
    "received": "Thời gian tiếp nhận",
    "channel": "Kênh tiếp nhận",
    "code": "Mã hồ sơ",
    "clerk": "Người tiếp nhận",
    "status": "Trạng thái",
    "due_at": "Hạn trả kết quả",
    "fee": "Phí, lệ phí",
    "reason": "Lý do sửa",
}
_FORM_WORDS = {DocForm.ORIGINAL: "bản chính", DocForm.CERTIFIED_COPY: "bản sao",
               DocForm.PHOTOCOPY: "bản photo"}
_DELIVERY_WORDS = {Delivery.COUNTER: "tại Bộ phận Một cửa", Delivery.POST: "qua bưu chính"}
_KIND_WORDS = {PartyKind.CITIZEN: "cá nhân", PartyKind.ORGANISATION: "tổ chức"}


class CorrectionError(InvalidInput):
    """The patch cannot be taken as it is; `problems` maps each field to a Vietnamese reason."""

    def __init__(self, problems: dict[str, str]):
        parts = [reason if path == "(gốc)" else f"{field_label(path)}: {reason}"
                 for path, reason in problems.items()]
        text = " ".join(part if part.endswith(".") else part + "." for part in parts)
        super().__init__(f"Chưa sửa gì: {text}", f"correction refused: {', '.join(problems)}",
                         problems)


class CorrectionNotAllowed(NotAllowed):
    """The dossier's status does not allow this change now (Vietnamese message)."""

    def __init__(self, message: str):
        super().__init__(message, "correction not allowed in this status")


def field_label(path: str) -> str:
    """The Vietnamese name of a corrected field ("Họ và tên người nộp", "Thành phần hồ sơ")."""
    if path in _LABELS:
        return _LABELS[path]
    try:
        return label(path)
    except KeyError:  # pragma: no cover - every path above is in one of the tables
        return path


def correctable(status: DossierStatus) -> frozenset[str]:
    """The top-level keys a correction may change while the dossier has `status`."""
    if status in OPEN:
        return frozenset(PATCH_KEYS)
    if status is DossierStatus.DONE:
        return frozenset((*PEOPLE_KEYS, *OTHER_KEYS))
    return frozenset()


def why_not(status: DossierStatus, key: str) -> str:
    """Why `key` cannot be corrected in `status` (Vietnamese)."""
    if status is DossierStatus.DONE and key in PAPER_KEYS:
        return ("Hồ sơ đã xử lý xong: không sửa thành phần hồ sơ, số trang, số bộ nữa (kết quả "
                "đã giải quyết theo các giấy tờ đã ghi). Vẫn sửa được thông tin người nộp, chủ "
                "hồ sơ, nơi nhận kết quả và ghi chú cho tới khi trả kết quả.")
    if status is DossierStatus.RETURNED:
        return "Hồ sơ đã trả kết quả: không sửa thông tin được nữa."
    if status is DossierStatus.NEW:
        return "Hồ sơ chưa được tiếp nhận tại quầy: không có gì để sửa."
    return (f"Hồ sơ đã kết thúc ({status.label.lower()}): không sửa thông tin được nữa.")


# ---- the patch ---------------------------------------------------------------------------------

def party_request(party: Party | None) -> dict[str, Any] | None:
    """A stored party as the intake request writes it."""
    if party is None:
        return None
    return {
        "name": party.name,
        "kind": "organisation" if party.kind == PartyKind.ORGANISATION else "citizen",
        "id_type": party.id_kind.value,
        "id_number": party.id_number,
        "old_id_number": party.old_id_number,
        "birth_date": party.birth_date.isoformat() if party.birth_date else None,
        "gender": party.gender,
        "phone": party.phone,
        "email": party.email,
        "address": party.address,
        "province_code": party.province_code,
        "commune_code": party.commune_code,
    }


def request_of(dossier: Dossier) -> dict[str, Any]:
    """The dossier as an intake request: what the correction patch is applied to."""
    return {
        "procedure": dossier.procedure_code,
        "applicant": party_request(dossier.applicant),
        "owner": party_request(dossier.owner),
        "documents": [
            {"name": doc.name, "form": doc.form.value, "copies": doc.copies, "pages": doc.pages,
             **({"component_code": doc.component_code} if doc.component_code else {})}
            for doc in dossier.documents
        ],
        "pages": dossier.pages,
        "sets": dossier.sets,
        "channel": int(dossier.channel),
        "delivery": dossier.delivery.value,
        "note": dossier.note,
    }


def _merge_party(current: dict[str, Any] | None, given: Any, where: str,
                 problems: dict[str, str]) -> Any:
    if given is None:
        return None
    if not isinstance(given, dict):
        problems[where] = "phải là một đối tượng JSON (các trường cần sửa) hoặc null."
        return current
    unknown = sorted(set(given) - set(PARTY_KEYS))
    if unknown:
        problems[where] = f"không có trường {', '.join(unknown)}."
        return current
    return {**(current or {}), **given}


def apply_patch(dossier: Dossier, patch: Any) -> dict[str, Any]:
    """The corrected dossier as an intake request; CorrectionError naming each wrong key."""
    if not isinstance(patch, dict):
        raise CorrectionError({"(gốc)": "Nội dung sửa phải là một đối tượng JSON."})
    problems: dict[str, str] = {}
    for key in patch:
        if key in NEVER:
            problems[key] = NEVER[key]
        elif key not in PATCH_KEYS:
            problems[key] = (f"không sửa được trường «{key}»; chỉ sửa được: "
                             f"{', '.join(PATCH_KEYS)}.")
    request = request_of(dossier)
    for key in PEOPLE_KEYS:
        if key in patch:
            request[key] = _merge_party(request[key], patch[key], key, problems)
    if "applicant" in patch and patch["applicant"] is None:
        problems["applicant"] = "Hồ sơ phải có người nộp."
    for key in (*PAPER_KEYS, *OTHER_KEYS):
        if key in patch:
            request[key] = patch[key]
    if problems:
        raise CorrectionError(problems)
    return request


def check_patch(dossier: Dossier, patch: Any, refs: References, *, today: date) -> IntakeDraft:
    """The corrected dossier, checked whole by the intake rules (CorrectionError otherwise).

    The dossier's own procedure stays acceptable even if the catalogue dropped it since.
    """
    request = apply_patch(dossier, patch)
    own = dossier.procedure_code
    refs = replace(refs, has_procedure=lambda code: code == own or refs.has_procedure(code))
    try:
        return parse_intake(request, refs, today=today)
    except IntakeError as error:
        raise CorrectionError(error.problems) from None


# ---- what changed ------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldChange:
    """One corrected field: its path, its Vietnamese name, its value before and after as said."""

    field: str
    label: str
    before: str
    after: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "label": self.label, "before": self.before,
                "after": self.after}

    @property
    def top(self) -> str:
        return self.field.split(".")[0]


def _say(value: Any) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, date):
        return date_vn(value)
    if isinstance(value, PartyKind):
        return _KIND_WORDS[value]
    if hasattr(value, "choice"):  # an IdKind
        return str(value.choice)
    return str(value)


def documents_text(documents: tuple[DocumentLine, ...]) -> str:
    """'Giấy khai sinh (bản sao, 2 bản, 3 trang); Tờ khai (bản chính, 1 bản)'."""
    if not documents:
        return "(không có giấy tờ)"
    parts = []
    for doc in documents:
        pages = f", {doc.pages} trang" if doc.pages else ""
        parts.append(f"{doc.name} ({_FORM_WORDS[doc.form]}, {doc.copies} bản{pages})")
    return "; ".join(parts)


_PARTY_FIELDS = ("name", "kind", "id_kind", "id_number", "old_id_number", "birth_date",
                 "gender", "phone", "email", "address", "province_code", "commune_code")
_PATH_OF = {"id_kind": "id_type"}


def _party_changes(where: str, before: Party | None, after: Party | None) -> list[FieldChange]:
    if before is None and after is None:
        return []
    if before is None or after is None:
        return [FieldChange(where, field_label(where),
                            before.name if before else "(người nộp là chủ hồ sơ)",
                            after.name if after else "(người nộp là chủ hồ sơ)")]
    changes = []
    for name in _PARTY_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            path = f"{where}.{_PATH_OF.get(name, name)}"
            changes.append(FieldChange(path, field_label(path), _say(old), _say(new)))
    return changes


def changes_between(before: Dossier, after: IntakeDraft) -> list[FieldChange]:
    """Every field the correction changes, in the form's order."""
    changes = _party_changes("applicant", before.applicant, after.applicant)
    changes += _party_changes("owner", before.owner, after.owner)
    if before.documents != after.documents:
        changes.append(FieldChange("documents", field_label("documents"),
                                   documents_text(before.documents),
                                   documents_text(after.documents)))
    for key in ("pages", "sets"):
        old, new = getattr(before, key), getattr(after, key)
        if old != new:
            changes.append(FieldChange(key, field_label(key), str(old), str(new)))
    if before.delivery != after.delivery:
        changes.append(FieldChange("delivery", field_label("delivery"),
                                   _DELIVERY_WORDS[before.delivery],
                                   _DELIVERY_WORDS[after.delivery]))
    if before.note != after.note:
        changes.append(FieldChange("note", field_label("note"), _say(before.note),
                                   _say(after.note)))
    return changes


# ---- the plan ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CorrectionOutcome:
    """The corrected dossier (next version) and what its history entry records."""

    dossier: Dossier
    changes: tuple[FieldChange, ...]
    reason: str
    fee_before: int | None
    fee_after: int | None

    @property
    def note(self) -> str:
        """The history entry's note and the event's NoiDungXuLy."""
        fields = ", ".join(change.label for change in self.changes)
        return f"Sửa thông tin hồ sơ ({fields}). Lý do: {self.reason}"

    def detail(self, receipt_issue: int) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "changes": [change.as_dict() for change in self.changes],
            "fee_before": self.fee_before,
            "fee_after": self.fee_after,
            "receipt_issue": receipt_issue,
        }


def plan_correction(
    dossier: Dossier, draft: IntakeDraft, *, reason: str,
    fee: FeeResult | None,
) -> CorrectionOutcome:
    """Check the status rules and build the corrected dossier at the next version.

    `reason` is already held to its limit. `fee` is the fee of the corrected papers by the
    procedure's rules now, or None when the catalogue no longer has the procedure.
    """
    changes = changes_between(dossier, draft)
    if not changes:
        raise CorrectionError({"(gốc)": "Không có gì thay đổi so với hồ sơ đã lưu."})
    allowed = correctable(dossier.status)
    for change in changes:
        if change.top not in allowed:
            raise CorrectionNotAllowed(why_not(dossier.status, change.top))
    papers_changed = any(change.top in ("documents", "pages") for change in changes)
    fee_total, fee_lines = dossier.fee_total, dossier.fee_lines
    if papers_changed:
        if fee is None:
            raise CorrectionNotAllowed(
                f"Thủ tục {dossier.procedure_code} không còn trong danh mục nên không tính lại "
                "được phí, lệ phí: chưa sửa được thành phần hồ sơ, số trang (các thông tin "
                "khác vẫn sửa được).")
        fee_total, fee_lines = fee.total, fee.lines
    corrected = replace(
        dossier,
        applicant=draft.applicant, owner=draft.owner, documents=draft.documents,
        pages=draft.pages, sets=draft.sets, delivery=draft.delivery, note=draft.note,
        fee_total=fee_total, fee_lines=fee_lines, version=dossier.version + 1,
    )
    return CorrectionOutcome(corrected, tuple(changes), reason, dossier.fee_total, fee_total)


# ---- the receipt issued again ------------------------------------------------------------------

def fee_sentence(before: int | None, after: int | None) -> str:
    """What the reissued receipt says when the fee changed ('' when it did not)."""
    if before == after:
        return ""
    text = (f"Phí, lệ phí thay đổi theo thành phần hồ sơ đã sửa: trước đây "
            f"{money_words_unit(before)}, nay {money_words_unit(after)}")
    if before is not None and after is not None:
        difference = after - before
        if difference > 0:
            text += f" (nộp thêm {thousands(difference)} đồng)"
        else:
            text += f" (trả lại {thousands(-difference)} đồng)"
    return text + "."


def reissue_note(issue: int, at: datetime, previous_issued_at: datetime, *,
                 fee_before: int | None, fee_after: int | None) -> str:
    """The line under the reissued receipt's title."""
    text = (f"Cấp lại lần {issue} ngày {date_vn(to_vn(at).date())} do sửa thông tin hồ sơ; "
            f"thay cho giấy tiếp nhận cấp ngày {date_vn(to_vn(previous_issued_at).date())}, "
            "giấy đó không còn giá trị. Thời gian trả kết quả không thay đổi.")
    fee = fee_sentence(fee_before, fee_after)
    return f"{text} {fee}" if fee else text


def corrected_receipt(
    previous: ReceiptData, dossier: Dossier, *, station: StationSettings,
    address_of: AddressOf, at: datetime, previous_issued_at: datetime,
    fee_before: int | None, delivery_changed: bool,
) -> ReceiptData:
    """The receipt issued again: the previous one with the corrected facts, its issue number
    one higher and the line saying whom it replaces. What it said about the procedure, the
    unit, the times and the payment stays as it was handed out; where the result is received
    is said again only when the delivery changed or goes by post (to the corrected address).
    `address_of` gives a party's full address, as at stamping."""
    applicant, owner = dossier.applicant, dossier.owner
    issue = previous.issue + 1
    delivery_text = (result_delivery_text(dossier, station, address_of)
                     if delivery_changed or dossier.delivery == Delivery.POST
                     else previous.result_delivery_text)
    return replace(
        previous,
        applicant_name=applicant.name,
        applicant_address=address_of(applicant),
        applicant_phone=applicant.phone or "",
        applicant_email=applicant.email or "",
        applicant_id_number=applicant.id_number or "",
        applicant_id_label=applicant.id_label,
        owner_name=owner.name if owner else "",
        owner_address=address_of(owner) if owner else "",
        owner_id_label=owner.id_label if owner and owner.id_number else "",
        owner_id_number=(owner.id_number or "") if owner else "",
        documents=receipt_documents(dossier),
        sets=dossier.sets,
        result_delivery_text=delivery_text,
        fees=dossier.fee_lines,
        fee_total=dossier.fee_total,
        issue=issue,
        reissue_note=reissue_note(issue, at, previous_issued_at, fee_before=fee_before,
                                  fee_after=dossier.fee_total),
        is_copy=False,
    )


def replaced_copy(issues: Sequence[ReceiptIssue], issue: int) -> ReceiptData:
    """The receipt of `issue` (one a correction replaced), saying under its title that it was
    replaced and by which issue; NotFound when the dossier has no such replaced receipt."""
    for item in issues:
        if item.receipt.issue == issue and item.replaced_at is not None:
            replaced = (f"Giấy này đã được thay bằng giấy tiếp nhận cấp lại lần {issue + 1} ngày "
                        f"{date_vn(to_vn(item.replaced_at).date())}, không còn giá trị; in lại "
                        "để đối chiếu.")
            note = f"{item.receipt.reissue_note} {replaced}".strip()
            return replace(item.receipt, reissue_note=note)
    known = ", ".join(str(item.receipt.issue) for item in issues)
    raise NotFound(f"Hồ sơ không có giấy tiếp nhận cấp lần {issue} (có các lần: {known}).",
                   f"no receipt issue {issue}")
