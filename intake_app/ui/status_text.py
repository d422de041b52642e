"""The national status labels in the window's language.

The labels live in the domain (Vietnamese, as the national portal names them); this module
marks them for Qt's `lupdate` so the English translation covers them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.status import DossierStatus

CONTEXT = "DossierStatus"

# Never read: these calls only let lupdate find the strings (the domain holds the same text).
_MARKED = (
    QT_TRANSLATE_NOOP("DossierStatus", "Mới đăng ký"),
    QT_TRANSLATE_NOOP("DossierStatus", "Được tiếp nhận"),
    QT_TRANSLATE_NOOP("DossierStatus", "Không được tiếp nhận"),
    QT_TRANSLATE_NOOP("DossierStatus", "Đang xử lý"),
    QT_TRANSLATE_NOOP("DossierStatus", "Yêu cầu bổ sung giấy tờ"),
    QT_TRANSLATE_NOOP("DossierStatus", "Yêu cầu thực hiện nghĩa vụ tài chính"),
    QT_TRANSLATE_NOOP("DossierStatus", "Công dân yêu cầu rút hồ sơ"),
    QT_TRANSLATE_NOOP("DossierStatus", "Dừng xử lý"),
    QT_TRANSLATE_NOOP("DossierStatus", "Đã xử lý xong"),
    QT_TRANSLATE_NOOP("DossierStatus", "Đã trả kết quả"),
)


def status_text(status: DossierStatus) -> str:
    return QCoreApplication.translate(CONTEXT, DossierStatus(status).label)
