"""Which steps a dossier may take between the national statuses (TrangThaiHoSo)."""

from __future__ import annotations

from .status import DossierStatus as S

# From each status, the statuses a person may move the dossier to.
TRANSITIONS: dict[S, frozenset[S]] = {
    # Same-day procedures (chứng thực, trích lục) are done and handed back at the counter.
    S.RECEIVED: frozenset({S.IN_PROCESSING, S.REFUSED, S.WITHDRAWN, S.DONE, S.RETURNED}),
    S.IN_PROCESSING: frozenset({
        S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION, S.DONE, S.RETURNED, S.WITHDRAWN,
        S.STOPPED,
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


class IllegalStep(ValueError):
    """A step the rules do not allow; the message is for the clerk (Vietnamese)."""


def check_step(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise IllegalStep(
            f"Không thể chuyển hồ sơ từ trạng thái '{current.label}' sang '{target.label}'."
        )


def can_hand_back(status: S) -> bool:
    return S.RETURNED in TRANSITIONS[status]
